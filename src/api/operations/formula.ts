/**
 * An operation's cost formula, compiled once per document: price = f(graph size, variables).
 *
 * The cost model (limits/cost.ts) prices an operation with graphql-query-complexity's walk, which
 * on every request builds a TypeInfo and a ValidationContext, visits the whole document, looks up
 * each field's definition and type, and expands every fragment again. Only a few things in that
 * walk depend on the request: the variables (coerced against the operation's definitions),
 * arguments written with variables, `@skip`/`@include`, and the graph size the estimator reads.
 * Compiling does the rest once — fields resolved against the schema, fragments compiled once each,
 * literal arguments coerced once, the possible types of every abstract selection listed — into a
 * tree of closures; a request evaluates the tree.
 *
 * The formula follows graphql-query-complexity 2.0's walk step for step (the same sums and maxima
 * over possible types, the same node limit, the same errors, the last one thrown), so it prices,
 * and refuses, exactly the documents getComplexity does: test/unit/cost-formula.test.ts compares
 * the two on the hostile suite's documents and every document the project's own clients send.
 */
// graphql's CommonJS entry, the copy graphql-query-complexity and the schema use (instanceof).
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql/index.js';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { listAwareEstimator, type Price } from '../limits/cost.ts';
import type { GraphSize } from '../limits/bounds.ts';

/** graphql-query-complexity's default limit of selections evaluated per operation. */
const MAX_QUERY_NODES = 10_000;

/** What one evaluation carries: the request's part of the price. */
interface Env {
  /** The operation's coerced variables (undefined when none, as getComplexity passes them). */
  variables: Record<string, unknown> | undefined;
  readonly estimator: ComplexityEstimator;
  readonly errors: GraphQLError[];
  /** Selections evaluated so far, over every operation of the document. */
  nodes: number;
}

type SetFormula = (env: Env) => number;
type Contribution = (env: Env, into: Record<string, number>) => void;

export type CostFormula = (size: GraphSize | null, variables: Record<string, unknown> | undefined) => Price;

function add(complexity: number, into: Record<string, number>, types: readonly string[]): void {
  for (const type of types) into[type] = (into[type] ?? 0) + complexity;
}

/** Whether `@include(if:)` / `@skip(if:)` leave this selection out, under these variables. */
function directivesOf(node: SelectionNode): ((env: Env) => boolean) | null {
  const names = (node.directives ?? []).map((d) => d.name.value);
  if (!names.includes('include') && !names.includes('skip')) return null;
  return (env) => {
    let include = true;
    let skip = false;
    for (const name of names) {
      if (name === 'include') {
        const values = getDirectiveValues(GraphQLIncludeDirective, node, env.variables);
        if (typeof values?.['if'] === 'boolean') include = values['if'];
      } else if (name === 'skip') {
        const values = getDirectiveValues(GraphQLSkipDirective, node, env.variables);
        if (typeof values?.['if'] === 'boolean') skip = values['if'];
      }
    }
    return !include || skip;
  };
}

function usesVariables(node: FieldNode): boolean {
  const walk = (value: ValueNode): boolean =>
    value.kind === 'Variable' ||
    (value.kind === 'ListValue' && value.values.some(walk)) ||
    (value.kind === 'ObjectValue' && value.fields.some((f) => walk(f.value)));
  return (node.arguments ?? []).some((a) => walk(a.value));
}

class Compiler {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly compiledFragments = new Map<string, SetFormula | null>();
  private readonly active = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === 'FragmentDefinition') this.fragments.set(definition.name.value, definition);
    }
  }

  private possibleTypes(type: GraphQLCompositeType): string[] {
    return isAbstractType(type) ? this.schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
  }

  /** graphql-query-complexity's nodeComplexity(node, typeDef), as a formula. */
  set(
    node: { selectionSet?: SelectionSetNode | undefined },
    type: GraphQLCompositeType | undefined,
  ): SetFormula {
    if (node.selectionSet === undefined || type === undefined) return () => 0;
    const fields =
      type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType ? type.getFields() : {};
    const own = this.possibleTypes(type);
    const parts = node.selectionSet.selections.map((selection) => {
      const skipped = directivesOf(selection);
      const part = this.selection(selection, type, fields, own);
      const counted: Contribution = (env, into) => {
        env.nodes += 1;
        if (env.nodes >= MAX_QUERY_NODES) {
          throw new GraphQLError('Query exceeds the maximum allowed number of nodes.');
        }
        if (skipped !== null && skipped(env)) return;
        part(env, into);
      };
      return counted;
    });
    return (env) => {
      const complexities: Record<string, number> = {};
      for (const part of parts) part(env, complexities);
      return Math.max(...Object.values(complexities), 0);
    };
  }

  private selection(
    selection: SelectionNode,
    type: GraphQLCompositeType,
    fields: Record<string, GraphQLField<unknown, unknown>>,
    own: readonly string[],
  ): Contribution {
    const none: Contribution = () => undefined;
    switch (selection.kind) {
      case 'Field': {
        const name = selection.name.value;
        const field =
          name === SchemaMetaFieldDef.name
            ? SchemaMetaFieldDef
            : name === TypeMetaFieldDef.name
              ? TypeMetaFieldDef
              : name === TypeNameMetaFieldDef.name
                ? TypeNameMetaFieldDef
                : fields[name];
        // An unknown field: validation has refused the document already.
        if (field === undefined) return none;
        const fieldType = getNamedType(field.type);
        const child = isCompositeType(fieldType) ? this.set(selection, fieldType) : null;
        // Literal arguments are coerced once; arguments with variables on each evaluation.
        const literal = usesVariables(selection) ? null : getArgumentValues(field, selection, undefined);
        return (env, into) => {
          let args: Record<string, unknown>;
          try {
            args = literal ?? getArgumentValues(field, selection, env.variables);
          } catch (error) {
            env.errors.push(error as GraphQLError);
            return;
          }
          const childComplexity = child === null ? 0 : child(env);
          const score = env.estimator({
            childComplexity,
            args,
            field,
            node: selection,
            type,
            context: undefined,
          });
          if (typeof score === 'number' && !Number.isNaN(score)) add(score, into, own);
          else {
            env.errors.push(
              new GraphQLError(
                `No complexity could be calculated for field ${type.name}.${field.name}. ` +
                  'At least one complexity estimator has to return a complexity score.',
              ),
            );
          }
        };
      }
      case 'FragmentSpread': {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (fragment === undefined || this.active.has(name)) return none;
        const fragmentType = this.schema.getType(fragment.typeCondition.name.value);
        if (!isCompositeType(fragmentType)) return none;
        let formula = this.compiledFragments.get(name);
        if (formula === undefined) {
          this.active.add(name);
          formula = this.set(fragment, fragmentType);
          this.active.delete(name);
          this.compiledFragments.set(name, formula);
        }
        const compiled = formula;
        if (compiled === null) return none;
        const types = this.possibleTypes(fragmentType);
        return (env, into) => add(compiled(env), into, types);
      }
      case 'InlineFragment': {
        let fragmentType: unknown = type;
        if (selection.typeCondition?.name) {
          fragmentType = this.schema.getType(selection.typeCondition.name.value);
          if (!isCompositeType(fragmentType)) return none;
        }
        const compositeType = fragmentType as GraphQLCompositeType;
        const inner = this.set(selection, compositeType);
        const types = this.possibleTypes(compositeType);
        return (env, into) => add(inner(env), into, types);
      }
      default:
        // Unreachable (the three kinds above are all a selection can be); adds nothing.
        return (_env, into) => add(0, into, own);
    }
  }
}

/**
 * Compiles the cost formula of the operations of `document` that `operationName` selects (all of
 * them when it is undefined, as getComplexity does). Throws what getComplexity would throw.
 */
export function compileCostFormula(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string,
): CostFormula {
  const compiler = new Compiler(schema, document);
  const operations = document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
    .filter((op) => typeof operationName !== 'string' || op.name?.value === operationName)
    .map((op) => {
      const root =
        op.operation === 'query'
          ? schema.getQueryType()
          : op.operation === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return {
        definitions: [...(op.variableDefinitions ?? [])],
        formula: compiler.set(op, root ?? undefined),
      };
    });
  return (size, variables) => {
    const tally = { work: 0 };
    const env: Env = {
      variables: undefined,
      estimator: listAwareEstimator(size, tally),
      errors: [],
      nodes: 0,
    };
    let price = 0;
    for (const operation of operations) {
      const coerced = getVariableValues(schema, operation.definitions, variables ?? {});
      if (coerced.errors !== undefined) {
        env.errors.push(...coerced.errors);
        continue;
      }
      env.variables = Object.keys(coerced.coerced).length === 0 ? undefined : coerced.coerced;
      price += operation.formula(env);
    }
    if (env.errors.length > 0) throw env.errors[env.errors.length - 1];
    return { price, work: tally.work };
  };
}
