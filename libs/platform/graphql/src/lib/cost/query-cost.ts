import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection.types';

/**
 * The cost model (documented in the README, "API limits"), after the public GraphQL APIs that
 * charge by calculated cost: a scalar or enum costs 0; an object costs 1 plus what is selected
 * inside it; a list field paged by `first`/`last` multiplies what is selected inside it by the
 * page size asked for (the default page size when absent) and adds 2 for the count and page
 * info; each mutation field adds 10 for its writes.
 */
export const MUTATION_FIELD_COST = 10;
export const CONNECTION_BASE_COST = 2;

export interface QueryMeasure {
  /** Calculated cost of the operation. */
  cost: number;
  /** Deepest nesting of selections (a top-level field is depth 1). */
  depth: number;
  /** Fields requested under an alias. */
  aliases: number;
  /** Fields requested in total (after expanding fragments). */
  fields: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
  aliases: number;
  fields: number;
  depth: number;
  /** Fragments being expanded, to stop on a cycle (validation rejects those, but never loop). */
  expanding: Set<string>;
}

/** Page size asked of a paged list field (one taking `first`/`last`), or null for other fields. */
function pageSizeOf(
  field: FieldNode,
  def: GraphQLField<unknown, unknown> | undefined,
  walk: Walk,
): number | null {
  if (!def?.args.some((a) => a.name === 'first' || a.name === 'last')) return null;
  let size: number | null = null;
  for (const arg of field.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const n = intValue(arg.value, walk.variables);
    if (n !== null) size = Math.max(size ?? 0, n);
  }
  return Math.min(Math.max(size ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE);
}

function intValue(value: ValueNode, variables: Readonly<Record<string, unknown>>): number | null {
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null;
  }
  return null;
}

function fieldDef(
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

function selectionCost(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  depth: number,
  walk: Walk,
): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      cost += fieldCost(sel, parent, depth, walk);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) : parent;
      if (cond && isCompositeType(cond)) cost += selectionCost(sel.selectionSet, cond, depth, walk);
    } else {
      const name = sel.name.value;
      const frag = walk.fragments.get(name);
      if (!frag || walk.expanding.has(name)) continue;
      const cond = walk.schema.getType(frag.typeCondition.name.value);
      if (!cond || !isCompositeType(cond)) continue;
      walk.expanding.add(name);
      cost += selectionCost(frag.selectionSet, cond, depth, walk);
      walk.expanding.delete(name);
    }
  }
  return cost;
}

function fieldCost(
  field: FieldNode,
  parent: GraphQLCompositeType,
  depth: number,
  walk: Walk,
): number {
  walk.fields++;
  if (field.alias) walk.aliases++;
  const here = depth + 1;
  if (here > walk.depth) walk.depth = here;
  if (!field.selectionSet) return 0;
  const def = fieldDef(parent, field.name.value);
  const type = def ? getNamedType(def.type) : undefined;
  const inner =
    type && isCompositeType(type) ? selectionCost(field.selectionSet, type, here, walk) : 0;
  const page = pageSizeOf(field, def, walk);
  return page === null ? 1 + inner : CONNECTION_BASE_COST + page * inner;
}

/** Measures one operation of a validated document against the schema. */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> = {},
): QueryMeasure {
  const walk: Walk = {
    schema,
    fragments,
    variables,
    aliases: 0,
    fields: 0,
    depth: 0,
    expanding: new Set(),
  };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return { cost: 0, depth: 0, aliases: 0, fields: 0 };
  let cost = selectionCost(operation.selectionSet, root, 0, walk);
  if (operation.operation === 'mutation') {
    const topLevel = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
    cost += MUTATION_FIELD_COST * topLevel.length;
  }
  return { cost, depth: walk.depth, aliases: walk.aliases, fields: walk.fields };
}
