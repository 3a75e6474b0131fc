import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-mutation state shared by auditEveryMutation and the AuditService recording in it. */
export interface MutationScope {
  /** True once the mutation's service recorded its own event (with before/after). */
  recorded: boolean;
}

/**
 * The mutation being resolved. A service that records its own event (a store change with its
 * diff, an API key, a link) marks the scope, and auditEveryMutation then writes nothing more: one
 * audit row per mutation, the one that carries the diff.
 */
export const mutationScope = new AsyncLocalStorage<MutationScope>();
