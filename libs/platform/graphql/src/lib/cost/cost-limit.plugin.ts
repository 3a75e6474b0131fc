import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from '@candor/shared-errors';
import { measureOperation, type QueryMeasure } from './query-cost';
import type { CostCarrier } from './query-cost.context';

export interface QueryLimits {
  /** Largest calculated cost of one operation (at most the bucket's capacity). */
  maxCost: number;
  /** Deepest selection nesting allowed. */
  maxDepth: number;
  /** Most aliased fields in one operation (aliases multiply work without adding depth). */
  maxAliases: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxCost: 1000, maxDepth: 12, maxAliases: 30 };

function tooComplex(message: string, measure: QueryMeasure, limits: QueryLimits): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.QueryTooComplex,
      http: { status: 400 },
      cost: { requestedQueryCost: measure.cost, depth: measure.depth, aliases: measure.aliases },
      limits,
    },
  });
}

/** Introspection (schema explorers, codegen) is metered by being off in production instead. */
function introspectionOnly(selections: readonly { kind: string; name?: { value: string } }[]) {
  return selections.every((s) => s.kind === Kind.FIELD && s.name?.value.startsWith('__'));
}

/** Variable sets remembered per operation, and the longest (as JSON) worth remembering. */
const MAX_MEASURES_PER_OPERATION = 64;
const MAX_REMEMBERED_VARIABLES_JSON = 2048;

/**
 * Measures already taken, per parsed operation and variables: Apollo keeps one parse of each
 * document it has seen, so a client repeating a query (a dashboard, a poller) is measured once.
 */
const measures = new WeakMap<OperationDefinitionNode, Map<string, QueryMeasure>>();

function measureOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): QueryMeasure {
  const key = JSON.stringify(variables);
  let known = measures.get(operation);
  const seen = known?.get(key);
  if (seen) return seen;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const measure = measureOperation(schema, operation, fragments, variables);
  if (key.length <= MAX_REMEMBERED_VARIABLES_JSON) {
    if (!known) measures.set(operation, (known = new Map()));
    if (known.size >= MAX_MEASURES_PER_OPERATION) known.clear();
    known.set(key, measure);
  }
  return measure;
}

/**
 * Rejects an operation whose depth, aliases or calculated cost exceed the limits before anything
 * runs, records its cost on the request for the rate limiter, and returns the cost and the
 * caller's remaining points in `extensions.cost` of every response.
 */
export function queryLimitsPlugin(
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): ApolloServerPlugin<{ req?: CostCarrier }> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation || introspectionOnly(operation.selectionSet.selections)) {
            return Promise.resolve();
          }
          const measure = measureOf(schema, document, operation, request.variables ?? {});
          if (measure.depth > limits.maxDepth) {
            throw tooComplex(
              `Query depth ${measure.depth} exceeds the limit of ${limits.maxDepth}; split the query`,
              measure,
              limits,
            );
          }
          if (measure.aliases > limits.maxAliases) {
            throw tooComplex(
              `Query uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}`,
              measure,
              limits,
            );
          }
          if (measure.cost > limits.maxCost) {
            throw tooComplex(
              `Query cost ${measure.cost} exceeds the limit of ${limits.maxCost}; ask for smaller pages (first/last) or fewer fields`,
              measure,
              limits,
            );
          }
          if (contextValue.req) contextValue.req.queryCost = { requested: measure.cost };
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue }) {
          const cost = contextValue.req?.queryCost;
          if (!cost || response.body.kind !== 'single') return Promise.resolve();
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: {
              requestedQueryCost: cost.requested,
              throttleStatus: cost.charge
                ? {
                    maximumAvailable: cost.charge.capacity,
                    currentlyAvailable: cost.charge.available,
                    restoreRate: cost.charge.restorePerSecond,
                  }
                : null,
            },
          };
          return Promise.resolve();
        },
      });
    },
  };
}
