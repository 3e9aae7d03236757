/**
 * Look-ahead on the selection set: a resolver of a list asks which child fields the query selects
 * below it, so its one statement can bring those children along and prime the request's loaders.
 * The child resolvers stay as they are: they find their rows in the loaders and cost nothing.
 *
 * Fragments and inline fragments count (whatever their type condition: fetching a child the
 * answer then does not use is harmless); `@skip`/`@include` are ignored the same way.
 */
import {
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

function collect(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, out: FieldNode[]): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') out.push(selection);
    else if (selection.kind === 'InlineFragment') collect(info, selection.selectionSet, out);
    else collect(info, info.fragments[selection.name.value]?.selectionSet, out);
  }
  return out;
}

/**
 * The child fields of a field node, kept with the node. Apollo keeps one parsed document per
 * query text, so the same node comes back with every request of that document: the walk below it
 * (fragments included, which belong to the same document) is done once per document and field
 * path, not once per request. Skip/include are not read here, so variables do not change it.
 */
const childrenOf = new WeakMap<FieldNode, readonly FieldNode[]>();

/** The fields selected directly under the field being resolved. */
export function childFields(info: GraphQLResolveInfo): readonly FieldNode[] {
  // A field merged from several nodes (the same response key twice) is walked each time.
  if (info.fieldNodes.length !== 1) {
    const out: FieldNode[] = [];
    for (const node of info.fieldNodes) collect(info, node.selectionSet, out);
    return out;
  }
  const node = info.fieldNodes[0]!;
  let children = childrenOf.get(node);
  if (children === undefined) {
    children = collect(info, node.selectionSet, []);
    childrenOf.set(node, children);
  }
  return children;
}

/** The selected child fields with these names (under any alias). */
export function selected(info: GraphQLResolveInfo, ...names: string[]): FieldNode[] {
  return childFields(info).filter((f) => names.includes(f.name.value));
}

/** Whether any of these child fields is selected. */
export function selects(info: GraphQLResolveInfo, ...names: string[]): boolean {
  return selected(info, ...names).length > 0;
}

/** Names selected at a path, kept with the field node like `childrenOf` (one walk per document). */
const namesAtPath = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

function walkNamesAt(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level)
      next.push(...collect(info, node.selectionSet, []).filter((f) => f.name.value === name));
    level = next;
  }
  const names = new Set<string>();
  for (const node of level)
    for (const child of collect(info, node.selectionSet, [])) names.add(child.name.value);
  return names;
}

/**
 * The names of the fields selected at `path` below the field being resolved (`[]`: its own
 * children; `['nodes']`: those under its `nodes`), under any alias, through fragments. Walked
 * once per document and field path when the field has one node, as `childFields` is.
 */
export function namesAt(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  if (info.fieldNodes.length !== 1) return walkNamesAt(info, path);
  const node = info.fieldNodes[0]!;
  let byPath = namesAtPath.get(node);
  if (byPath === undefined) {
    byPath = new Map();
    namesAtPath.set(node, byPath);
  }
  const key = path.join('\n');
  let names = byPath.get(key);
  if (names === undefined) {
    names = walkNamesAt(info, path);
    byPath.set(key, names);
  }
  return names;
}

/**
 * Whether the query selects `path` below the field being resolved, e.g. ['nodes', 'properties']:
 * a field at each step, under any alias, through fragments.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  return namesAt(info, path.slice(0, -1)).has(path[path.length - 1]!);
}

/** A scalar argument's value as written: a literal or a variable (lists and objects are not needed here). */
function scalarValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value] ?? null;
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    default:
      return undefined;
  }
}

/**
 * The scalar argument values of a selected child field (variables applied, defaults filled in),
 * or null when it is not selected, or selected more than once with different arguments.
 *
 * (graphql's own getArgumentValues would do, but type checks by instanceof fail across the ESM
 * and CommonJS copies of graphql that Apollo Server and this module load.)
 */
export function childArguments(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  name: string,
): Record<string, unknown> | null {
  const fields = selected(info, name);
  const definition = type.getFields()[name];
  if (fields.length === 0 || definition === undefined) return null;
  const values = fields.map((field) => {
    const out: Record<string, unknown> = {};
    for (const arg of definition.args) {
      const given = field.arguments?.find((a) => a.name.value === arg.name);
      out[arg.name] = given ? scalarValue(given.value, info.variableValues) : (arg.defaultValue ?? null);
    }
    return out;
  });
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0]! : null;
}
