import { Injectable } from '@nestjs/common';
import { actorOf, AuditRecorder, type TenantContext } from '@candor/platform-auth';
import { TenantChanges, TenantDb, type TenantTransaction } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  encodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import {
  AgentIdentityRepository,
  type AgentIdentityRow,
  MemberRepository,
  type MemberRow,
} from '@candor/identity-data-access';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { IdentityException } from './identity.exception';
import type { AgentIdentity, LinkAgentIdentityInput, Member } from './models/member.model';

function toLink(row: AgentIdentityRow): AgentIdentity {
  return {
    id: encodeId('AgentIdentity', row.id),
    userId: encodeId('User', row.userId),
    storeId: encodeId('Store', row.storeId),
    crmUserId: row.crmUserId,
    createdAt: row.createdAt,
  };
}

function sees(ctx: TenantContext, storeId: string): boolean {
  return ctx.stores.all || ctx.stores.ids.includes(storeId);
}

/**
 * Members of the consultancy and which evidence user ids are a dealer agent's own work. Owners
 * link agents at any store, managers at their own stores; a store the caller cannot see is
 * NOT_FOUND, like everywhere else.
 */
@Injectable()
export class AgentIdentityService {
  constructor(
    private readonly db: TenantDb,
    private readonly memberRows: MemberRepository,
    private readonly links: AgentIdentityRepository,
    private readonly audit: AuditRecorder,
    private readonly changes: TenantChanges,
  ) {}

  members(ctx: TenantContext, args: ConnectionArgs): Promise<ConnectionShape<Member>> {
    const request = pageRequest(args);
    if (request.direction === 'backward') {
      throw new CandorException(ErrorCode.BadUserInput, 'members pages forward only (first/after)');
    }
    const key = request.cursorKey;
    const after = key ? { name: String(key[0]), id: String(key[1]) } : null;
    return this.db.run(ctx, async (tx) => {
      const page = await this.memberRows.page(tx, ctx, { limit: request.limit, after });
      const links = await this.links.forUsers(
        tx,
        page.rows.map((r) => r.userId),
      );
      const byUser = new Map<string, AgentIdentity[]>();
      for (const link of links) {
        if (!sees(ctx, link.storeId)) continue;
        const list = byUser.get(link.userId) ?? [];
        list.push(toLink(link));
        byUser.set(link.userId, list);
      }
      const toMember = (r: MemberRow): Member => ({
        id: encodeId('User', r.userId),
        name: r.name,
        email: r.email,
        role: r.role,
        // Only stores the caller sees: a manager learns nothing about other stores.
        storeIds: r.storeIds.filter((id) => sees(ctx, id)).map((id) => encodeId('Store', id)),
        agentIdentities: byUser.get(r.userId) ?? [],
      });
      return toConnection(
        request,
        page.rows,
        page.totalCount,
        (r) => [r.name.toLowerCase(), r.userId],
        toMember,
      );
    });
  }

  async link(ctx: TenantContext, input: LinkAgentIdentityInput): Promise<AgentIdentity> {
    const userId = decodeId('User', input.userId, 'input.userId');
    const storeId = decodeId('Store', input.storeId, 'input.storeId');
    const crmUserId = input.crmUserId.trim();
    if (crmUserId.length < 1 || crmUserId.length > 200) {
      throw IdentityException.badInput('input.crmUserId', 'must be 1 to 200 characters');
    }
    const { row, created } = await this.db.run(ctx, async (tx) => {
      await this.assertStore(tx, ctx, storeId);
      const member = await this.memberRows.find(tx, userId);
      if (!member) throw CandorException.notFound('Member');
      if (member.role !== 'dealer_agent') {
        throw IdentityException.badInput('input.userId', 'only dealer agents are linked');
      }
      if (!member.storeIds.includes(storeId)) {
        throw IdentityException.badInput('input.userId', 'is not assigned to this store');
      }
      const existing = await this.links.byStoreAndCrmId(tx, storeId, crmUserId);
      if (existing?.userId === userId) return { row: existing, created: false };
      if (existing) {
        const message = `"${crmUserId}" is already linked to another member at this store`;
        throw new IdentityException(ErrorCode.Conflict, `input.crmUserId: ${message}`, [
          { field: 'input.crmUserId', message },
        ]);
      }
      const inserted = await this.links.insert(tx, {
        userId,
        storeId,
        crmUserId,
        createdBy: ctx.userId,
      });
      return { row: inserted, created: true };
    });
    // Agents' cached grants carry their links: drop them here too, not only on NOTIFY.
    if (created) this.changes.changed(ctx.consultancyId);
    if (created) await this.record(ctx, 'agent_identity.linked', row, null, row);
    return toLink(row);
  }

  async unlink(ctx: TenantContext, globalId: string): Promise<AgentIdentity> {
    const id = decodeId('AgentIdentity', globalId);
    const row = await this.db.run(ctx, async (tx) => {
      const found = await this.links.byId(tx, id);
      if (!found || !sees(ctx, found.storeId) || !(await this.links.delete(tx, id))) {
        throw CandorException.notFound('Agent identity');
      }
      return found;
    });
    this.changes.changed(ctx.consultancyId);
    await this.record(ctx, 'agent_identity.unlinked', row, row, null);
    return toLink(row);
  }

  /** The store exists in this consultancy and the caller sees it; otherwise NOT_FOUND. */
  private async assertStore(tx: TenantTransaction, ctx: TenantContext, storeId: string) {
    const found = await tx.query<{ id: string }>('SELECT id FROM store WHERE id = $1', [storeId]);
    if (found.length === 0 || !sees(ctx, storeId)) throw CandorException.notFound('Store');
  }

  private record(
    ctx: TenantContext,
    action: string,
    row: AgentIdentityRow,
    before: AgentIdentityRow | null,
    after: AgentIdentityRow | null,
  ): Promise<void> {
    const view = (r: AgentIdentityRow | null) =>
      r && { userId: r.userId, storeId: r.storeId, crmUserId: r.crmUserId };
    return this.audit.record({
      consultancyId: ctx.consultancyId,
      actor: actorOf(ctx),
      action,
      entityType: 'agent_identity',
      entityId: row.id,
      before: view(before),
      after: view(after),
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
  }
}
