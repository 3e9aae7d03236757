/**
 * How many counted lists of coverage rows a selection of `coverage` nests: the power its price
 * grows by with the number of plans it covers (bounds.ts, coverageScale). The rows are priced by
 * the largest plan's counts; k plans hold at most k times as many rows at each level, so a
 * selection that nests d such lists can hold at most k^d times the one-plan answer.
 *
 * Read from the field's own selection (the estimator of the cost model sees no fragments'
 * definitions): a fragment spread counts as the deepest nesting the schema allows, which prices
 * it as if it selected every row list.
 */
import type { FieldNode, GraphQLField, GraphQLOutputType, SelectionSetNode } from 'graphql';
import { COVERAGE_TYPES, countedItem } from './bounds.ts';

/** Fields of an object or interface type; none for scalars, enums and unions. */
type Fields = Record<string, GraphQLField<unknown, unknown>>;

/** A field's named type and whether the field is a list, read by structure (see cost.ts, shapeOf). */
function unwrap(type: GraphQLOutputType): { list: boolean; name: string; fields: Fields | null } {
  const kind = (t: unknown) => (t as { constructor: { name: string } }).constructor.name;
  let t: unknown = type;
  if (kind(t) === 'GraphQLNonNull') t = (t as { ofType: unknown }).ofType;
  const list = kind(t) === 'GraphQLList';
  while ((t as { ofType?: unknown }).ofType !== undefined) t = (t as { ofType: unknown }).ofType;
  const getFields = (t as { getFields?: () => Fields }).getFields;
  return {
    list,
    name: (t as { name: string }).name,
    fields: typeof getFields === 'function' ? getFields.call(t) : null,
  };
}

/** A page whose size the document fixes: `first`/`limit` written as a literal, or its default. */
function fixedPage(definition: GraphQLField<unknown, unknown>, node: FieldNode | null): boolean {
  return definition.args.some((arg) => {
    if (arg.name !== 'first' && arg.name !== 'limit') return false;
    const written = node?.arguments?.find((a) => a.name.value === arg.name);
    if (written === undefined)
      return node !== null && arg.defaultValue !== undefined && arg.defaultValue !== null;
    return written.value.kind === 'IntValue';
  });
}

/** Whether a field of `parentType` is a list counted per plan (not a page, not a declared list). */
function countedList(parentType: string, definition: GraphQLField<unknown, unknown>, node: FieldNode | null) {
  const shape = unwrap(definition.type);
  return (
    COVERAGE_TYPES.has(parentType) &&
    shape.list &&
    shape.fields !== null &&
    countedItem(parentType, shape.name) &&
    !fixedPage(definition, node)
  );
}

const deepest = new Map<string, number>();

/** The deepest nesting of counted lists any selection of a coverage type can make. */
function schemaDegree(typeName: string, fields: Fields): number {
  const known = deepest.get(typeName);
  if (known !== undefined) return known;
  deepest.set(typeName, 0); // the coverage rows do not nest back into themselves; a guard all the same
  let degree = 0;
  for (const definition of Object.values(fields)) {
    const shape = unwrap(definition.type);
    const below =
      shape.fields !== null && COVERAGE_TYPES.has(shape.name) ? schemaDegree(shape.name, shape.fields) : 0;
    degree = Math.max(degree, (countedList(typeName, definition, null) ? 1 : 0) + below);
  }
  deepest.set(typeName, degree);
  return degree;
}

/** The nesting of counted lists in `selectionSet`, a selection of the coverage type `typeName`. */
export function coverageDegree(
  selectionSet: SelectionSetNode | undefined,
  typeName: string,
  fields: Fields | null,
): number {
  if (selectionSet === undefined || fields === null || !COVERAGE_TYPES.has(typeName)) return 0;
  let degree = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      const definition = fields[selection.name.value];
      if (definition === undefined) continue; // __typename
      const shape = unwrap(definition.type);
      const own = countedList(typeName, definition, selection) ? 1 : 0;
      degree = Math.max(degree, own + coverageDegree(selection.selectionSet, shape.name, shape.fields));
    } else if (
      selection.kind === 'InlineFragment' &&
      (selection.typeCondition?.name.value ?? typeName) === typeName
    ) {
      degree = Math.max(degree, coverageDegree(selection.selectionSet, typeName, fields));
    } else {
      degree = Math.max(degree, schemaDegree(typeName, fields));
    }
  }
  return degree;
}

/** The degree of a `coverage` field's selection (`field` is its definition). */
export function degreeOf(node: FieldNode, field: { type: GraphQLOutputType }): number {
  const shape = unwrap(field.type);
  return coverageDegree(node.selectionSet, shape.name, shape.fields);
}
