import { Injectable, Logger } from '@nestjs/common';
import { type AuditEntry, AuditRecorder, type TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  encodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import { AuditEventRepository, type AuditRow } from '@candor/audit-data-access';
import { findChainBreak } from '@candor/audit-domain';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import type { AuditEventFilterInput } from './models/audit-event-filter.input';
import type { AuditChainReport, AuditEvent } from './models/audit-event.model';
import { mutationScope } from './mutation-scope';

function toModel(row: AuditRow): AuditEvent {
  return {
    id: encodeId('AuditEvent', row.id),
    seq: row.seq,
    occurredAt: new Date(row.occurredAt),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before === null ? null : JSON.stringify(row.before),
    after: row.after === null ? null : JSON.stringify(row.after),
    details: row.details === null ? null : JSON.stringify(row.details),
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    hash: row.hash,
  };
}

/** Appends to, pages through and verifies the per-consultancy hash-chained audit trail. */
@Injectable()
export class AuditService extends AuditRecorder {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly db: TenantDb,
    private readonly events: AuditEventRepository,
  ) {
    super();
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.db.run({ consultancyId: entry.consultancyId }, (tx) =>
      this.events.append(tx, entry),
    );
    const scope = mutationScope.getStore();
    if (scope) scope.recorded = true;
  }

  verify(consultancyId: string): Promise<AuditChainReport> {
    return this.db.run({ consultancyId }, async (tx) => {
      // Read in batches; rows are held for the check (a streaming check is a later refinement).
      const buffered: AuditRow[] = [];
      for await (const row of this.events.chain(tx)) buffered.push(row);
      const broken = findChainBreak(buffered);
      if (broken) this.logger.warn({ consultancyId, ...broken }, 'Audit chain broken');
      return {
        intact: broken === null,
        checkedEvents: buffered.length,
        firstBrokenSeq: broken?.seq ?? null,
        reason: broken?.reason ?? null,
      };
    });
  }

  list(
    ctx: TenantContext,
    filter: AuditEventFilterInput | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<AuditEvent>> {
    const request = pageRequest(args);
    if (request.direction === 'backward') {
      throw new CandorException(
        ErrorCode.BadUserInput,
        'auditEvents pages forward only (first/after)',
      );
    }
    const beforeSeq = request.cursorKey ? Number(request.cursorKey[0]) : null;
    return this.db.run(ctx, async (tx) => {
      const page = await this.events.page(
        tx,
        {
          ...(filter?.actorId ? { actorId: this.actorUuid(filter.actorId) } : {}),
          ...(filter?.action ? { action: filter.action } : {}),
          ...(filter?.entityType ? { entityType: filter.entityType } : {}),
          ...(filter?.entityId ? { entityId: filter.entityId } : {}),
          ...(filter?.from ? { from: filter.from } : {}),
          ...(filter?.to ? { to: filter.to } : {}),
        },
        { limit: request.limit, beforeSeq },
      );
      return toConnection(request, page.rows, page.totalCount, (r) => [r.seq], toModel);
    });
  }

  /** Actor ids are raw uuids in events (users and keys alike); a User global id is accepted too. */
  private actorUuid(id: string): string {
    if (/^[0-9a-f-]{36}$/i.test(id)) return id.toLowerCase();
    return decodeId('User', id, 'filter.actorId');
  }
}
