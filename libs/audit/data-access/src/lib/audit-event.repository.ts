import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '@candor/platform-auth';
import type { TenantTransaction } from '@candor/platform-database';
import { type AuditRecord, auditHash, GENESIS_HASH, redactSecrets } from '@candor/audit-domain';

export interface AuditRow extends AuditRecord {
  hash: string;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

interface DbRow {
  consultancy_id: string;
  seq: string;
  id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

function fromDb(r: DbRow): AuditRow {
  return {
    consultancyId: r.consultancy_id,
    seq: Number(r.seq),
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    details: r.details,
    ip: r.ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** JSON as PostgreSQL's jsonb will give it back (so the hash verifies after a round trip). */
function jsonValue(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

@Injectable()
export class AuditEventRepository {
  /**
   * Appends one event to the consultancy's chain. A transaction-scoped advisory lock per
   * consultancy serializes appends (across API replicas), so seq and prevHash never fork.
   */
  async append(tx: TenantTransaction, entry: AuditEntry): Promise<AuditRow> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1, 0))`, [
      tx.consultancyId,
    ]);
    const [head] = await tx.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    const origin = entry.origin;
    const record: AuditRecord = {
      consultancyId: tx.consultancyId,
      seq: head ? Number(head.seq) + 1 : 1,
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      actorType: entry.actor.type,
      actorId: entry.actor.type === 'anonymous' ? null : entry.actor.id,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      before: jsonValue(redactSecrets(entry.before)),
      after: jsonValue(redactSecrets(entry.after)),
      details: jsonValue(redactSecrets(entry.details)),
      ip: origin?.ip ?? null,
      userAgent: origin?.userAgent ?? null,
      requestId: origin?.requestId ?? null,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = auditHash(record);
    await tx.query(
      `INSERT INTO audit_event (consultancy_id, seq, id, occurred_at, actor_type, actor_id, action,
         entity_type, entity_id, before, after, details, ip, user_agent, request_id, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
      [
        record.consultancyId,
        record.seq,
        record.id,
        record.occurredAt,
        record.actorType,
        record.actorId,
        record.action,
        record.entityType,
        record.entityId,
        record.before === null ? null : JSON.stringify(record.before),
        record.after === null ? null : JSON.stringify(record.after),
        record.details === null ? null : JSON.stringify(record.details),
        record.ip,
        record.userAgent,
        record.requestId,
        record.prevHash,
        hash,
      ],
    );
    return { ...record, hash };
  }

  /** The whole chain in seq order, in batches (a long trail never sits in memory at once). */
  async *chain(tx: TenantTransaction, batch = 1000): AsyncGenerator<AuditRow> {
    let after = 0;
    for (;;) {
      const rows = await tx.query<DbRow>(
        'SELECT * FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, batch],
      );
      for (const row of rows) yield fromDb(row);
      if (rows.length < batch) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  /** Newest first, keyset on seq. */
  async page(
    tx: TenantTransaction,
    filter: AuditFilter,
    page: { limit: number; beforeSeq: number | null },
  ): Promise<{ rows: AuditRow[]; totalCount: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.entityType) add('entity_type = ?', filter.entityType);
    if (filter.entityId) add('entity_id = ?', filter.entityId);
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    const base = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_event ${base}`,
      params,
    );
    const pageWhere = [...where];
    const pageParams = [...params];
    if (page.beforeSeq !== null) {
      pageParams.push(page.beforeSeq);
      pageWhere.push(`seq < $${pageParams.length}`);
    }
    pageParams.push(page.limit + 1);
    const rows = await tx.query<DbRow>(
      `SELECT * FROM audit_event ${pageWhere.length > 0 ? `WHERE ${pageWhere.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows: rows.map(fromDb), totalCount: Number(count?.n ?? 0) };
  }
}
