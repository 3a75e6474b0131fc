import { createHash } from 'node:crypto';

/** The hash before the first event of a consultancy. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers (everything but the hash itself). */
export interface AuditRecord {
  consultancyId: string;
  seq: number;
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every level, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      if (obj[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) over the canonical JSON of the record, which includes the previous hash. */
export function auditHash(record: AuditRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export interface ChainBreak {
  /** The first seq whose row does not fit the chain. */
  seq: number;
  reason: string;
}

/**
 * Checks rows of one consultancy in seq order: seqs are consecutive from 1, each prevHash is the
 * hash of the row before, and each stored hash matches the row's content. Returns the first
 * break, or null when the chain is intact.
 */
export function findChainBreak(rows: Iterable<AuditRecord & { hash: string }>): ChainBreak | null {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return { seq: expectedSeq, reason: `event ${expectedSeq} is missing (deleted)` };
    }
    if (row.prevHash !== prev) {
      return { seq: row.seq, reason: 'does not link to the event before it' };
    }
    const { hash, ...content } = row;
    if (auditHash(content) !== hash) {
      return { seq: row.seq, reason: 'content does not match its hash (edited)' };
    }
    prev = hash;
    expectedSeq += 1;
  }
  return null;
}

const SECRET_KEY = /pass(word)?|token|secret|key$|^key|authorization|cookie|credential/i;

/** A copy of `value` with the values of secret-looking keys replaced by "[redacted]". */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(inner);
  }
  return out;
}
