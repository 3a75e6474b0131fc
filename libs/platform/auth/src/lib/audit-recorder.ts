import type { RequestOrigin } from './tenant-context';

/** Who did something: a person, an API key, or nobody yet known (a failed sign-in). */
export type AuditActor =
  { type: 'user'; id: string } | { type: 'api_key'; id: string } | { type: 'anonymous' };

export interface AuditEntry {
  consultancyId: string;
  actor: AuditActor;
  /** e.g. `auth.sign_in`, `mutation.updateStore`, `store.updated`. */
  action: string;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  details?: unknown;
  origin?: RequestOrigin;
}

/**
 * Appends to the tamper-evident audit trail. Implemented by the audit feature (registered
 * globally by the app); declared in platform so any domain can record without depending on audit.
 */
export abstract class AuditRecorder {
  abstract record(entry: AuditEntry): Promise<void>;
}

/** The actor of a TenantContext-shaped caller. */
export function actorOf(ctx: { userId: string; apiKey?: { id: string } }): AuditActor {
  return ctx.apiKey ? { type: 'api_key', id: ctx.apiKey.id } : { type: 'user', id: ctx.userId };
}
