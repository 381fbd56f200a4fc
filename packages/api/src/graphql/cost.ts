import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * What a query will cost, estimated before it runs, from the page sizes it will really use:
 * literal `first`/`last`, variables, and the defaults of arguments left out. Every field counts
 * 1, and everything under a list counts once per item it may return, so the cost is about the
 * number of values in the response. `products(first: $n) { nodes { related(first: $m) { … } } }`
 * with n = 100 and m = 20 costs 100 × 20 × …, however the sizes were passed.
 *
 * A list field's size is, in order: its `first` or `last` argument (a value past the largest page
 * counts as the largest page: the resolver refuses it anyway, with its own message); the
 * `listSize` declared on the field (`@Extensions({ listSize })`: the default of `related`, the
 * typical number of children of a region); else {@link UNKNOWN_LIST_SIZE}. A connection's
 * `nodes` and `edges` take the connection's page size.
 */

/** Assumed length of a list whose field declares nothing. */
export const UNKNOWN_LIST_SIZE = 20;

export interface CostExtensions {
  /** Typical or default length of a list field (`@Extensions({ listSize: 4 })`). */
  listSize?: number;
}

function pageArgument(args: Record<string, unknown>): number | undefined {
  for (const name of ['first', 'last']) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.min(value, MAX_PAGE_SIZE));
  }
  return undefined;
}

function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
  variables: Record<string, unknown>,
) {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    // A wrong argument fails validation or execution with its own message; it costs nothing here.
    return {};
  }
}

/** The estimated cost of `operationName` in `document` with `variables`, or 0 if the variables do not fit the operation (execution reports that). */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | undefined,
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return 0;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;

  const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType, connectionSize?: number): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        if (!isObjectType(type) && !isInterfaceType(type)) continue;
        const field = type.getFields()[name];
        if (!field) continue;
        const args = argumentsOf(field, selection, variables);
        const named = getNamedType(field.type);
        let size = 1;
        if (isListType(getNullableType(field.type))) {
          size =
            connectionSize !== undefined && (name === 'nodes' || name === 'edges')
              ? connectionSize
              : (pageArgument(args) ?? (field.extensions as CostExtensions).listSize ?? UNKNOWN_LIST_SIZE);
        }
        const isConnection = named.name.endsWith('Connection') && field.args.some((a) => a.name === 'first');
        const inner = selection.selectionSet
          ? walk(selection.selectionSet, named, isConnection ? (pageArgument(args) ?? DEFAULT_PAGE_SIZE) : undefined)
          : 0;
        total += size * (1 + inner);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on) total += walk(selection.selectionSet, on, connectionSize);
      } else {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on) total += walk(fragment.selectionSet, on, connectionSize);
      }
    }
    return total;
  };
  return walk(operation.selectionSet, root);
}
