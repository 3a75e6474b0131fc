import { Injectable } from '@nestjs/common';
import { actorOf, AuditRecorder, type TenantContext } from '@candor/platform-auth';
import { TenantDb, type TenantTransaction } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import {
  listPolicyVersions,
  PolicyException,
  policyVersionKey,
  type PolicyVersion as SavedVersion,
  type ResolvedPolicy,
  resolvePolicy,
  savePolicyVersion,
} from '@candor/policy-data-access';
import type { UpdatePolicyInput } from './dto/policy.input';
import type { GradingPolicy } from './models/grading-policy.model';
import type { PolicyVersion } from './models/policy-version.model';
import { STORE_ID_TYPE, toPolicyModel, toVersionModel } from './policy.mapper';

interface Change {
  storeId: string | null;
  overrides: Record<string, unknown>;
  note: string | null | undefined;
}

/**
 * Reading and editing grading policies. A store the caller cannot see (another tenant's, or not
 * assigned) is not found; the consultancy-wide policy is visible to everyone who reads scorecards,
 * since every store's policy is built on it.
 */
@Injectable()
export class PolicyService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditRecorder,
  ) {}

  get(ctx: TenantContext, storeGlobalId: string | null | undefined): Promise<GradingPolicy> {
    return this.db.run(ctx, async (tx) => {
      const storeId = await this.level(tx, ctx, storeGlobalId, 'storeId');
      return toPolicyModel(await resolvePolicy(tx, storeId), storeId);
    });
  }

  versions(
    ctx: TenantContext,
    storeGlobalId: string | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<PolicyVersion>> {
    const request = pageRequest(args);
    return this.db.run(ctx, async (tx) => {
      const storeId = await this.level(tx, ctx, storeGlobalId, 'storeId');
      const page = await listPolicyVersions(tx, storeId, request);
      return toConnection(request, page.rows, page.totalCount, policyVersionKey, toVersionModel);
    });
  }

  async update(ctx: TenantContext, input: UpdatePolicyInput): Promise<GradingPolicy> {
    return this.change(ctx, 'policy.updated', input, 'input', 'input.storeId');
  }

  async reset(
    ctx: TenantContext,
    storeGlobalId: string | null | undefined,
    note: string | null | undefined,
  ): Promise<GradingPolicy> {
    const input = { storeId: storeGlobalId, overrides: {}, note };
    return this.change(ctx, 'policy.reset', input, null, 'storeId');
  }

  private async change(
    ctx: TenantContext,
    action: string,
    input: { storeId?: string | null; overrides: Record<string, unknown>; note?: string | null },
    fieldPrefix: string | null,
    storeField: string,
  ): Promise<GradingPolicy> {
    const { before, saved, after, storeId } = await this.db.run(ctx, async (tx) => {
      const storeId = await this.level(tx, ctx, input.storeId, storeField);
      const before = await resolvePolicy(tx, storeId);
      const change: Change = { storeId, overrides: input.overrides, note: input.note };
      const saved = await this.save(tx, ctx, change, fieldPrefix);
      return { before, saved, after: await resolvePolicy(tx, storeId), storeId };
    });
    await this.record(ctx, action, storeId, before, saved, after);
    return toPolicyModel(after, storeId);
  }

  private async save(
    tx: TenantTransaction,
    ctx: TenantContext,
    change: Change,
    fieldPrefix: string | null,
  ): Promise<SavedVersion> {
    try {
      return await savePolicyVersion(tx, { ...change, createdBy: ctx.userId });
    } catch (e) {
      if (e instanceof PolicyException && fieldPrefix) throw e.under(fieldPrefix);
      throw e;
    }
  }

  /** The store id of a level (null: consultancy-wide), after checking the caller sees it. */
  private async level(
    tx: TenantTransaction,
    ctx: TenantContext,
    storeGlobalId: string | null | undefined,
    field: string,
  ): Promise<string | null> {
    if (storeGlobalId === null || storeGlobalId === undefined) return null;
    const id = decodeId(STORE_ID_TYPE, storeGlobalId, field);
    if (!ctx.stores.all && !ctx.stores.ids.includes(id)) throw PolicyException.storeNotFound();
    const [row] = await tx.query('SELECT 1 FROM store WHERE consultancy_id = $1 AND id = $2', [
      tx.consultancyId,
      id,
    ]);
    if (!row) throw PolicyException.storeNotFound();
    return id;
  }

  /** The audit row of a change: the level's overrides and the policy name, before and after. */
  private record(
    ctx: TenantContext,
    action: string,
    storeId: string | null,
    before: ResolvedPolicy,
    saved: SavedVersion,
    after: ResolvedPolicy,
  ): Promise<void> {
    const levelOf = (r: ResolvedPolicy) =>
      storeId === null ? r.consultancyVersion : r.storeVersion;
    const previous = levelOf(before);
    return this.audit.record({
      consultancyId: ctx.consultancyId,
      actor: actorOf(ctx),
      action,
      entityType: 'policy_version',
      entityId: saved.id,
      before: {
        storeId,
        label: previous?.label ?? null,
        overrides: previous?.overrides ?? null,
        policyVersion: before.policy.version,
      },
      after: {
        storeId,
        label: saved.label,
        overrides: saved.overrides,
        note: saved.note,
        policyVersion: after.policy.version,
      },
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
  }
}
