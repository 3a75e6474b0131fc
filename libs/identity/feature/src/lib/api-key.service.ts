import { Injectable } from '@nestjs/common';
import {
  actorOf,
  API_KEY_SCOPES,
  type ApiKeyGrant,
  ApiKeyLookup,
  AuditRecorder,
  type TenantContext,
} from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { decodeId } from '@candor/platform-graphql';
import { ApiKeyRepository, type ApiKeyRow, CredentialStore } from '@candor/identity-data-access';
import { newApiKey, parseApiKey, sameHash, sha256 } from '@candor/identity-domain';
import { CandorException } from '@candor/shared-errors';
import { IdentityException } from './identity.exception';

export interface NewApiKey {
  name: string;
  scopes: string[];
  storeIds?: string[] | null;
  expiresAt?: Date | null;
}

/** The database records a key's use at most once a minute; no need to ask it more often. */
const TOUCH_EVERY_MS = 60_000;

/** API keys: created by owners, shown once, stored as sha256, verified for the AuthGuard. */
@Injectable()
export class ApiKeyService extends ApiKeyLookup {
  /** When this process last recorded each key's use (key id → ms). */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly db: TenantDb,
    private readonly keys: ApiKeyRepository,
    private readonly credentials: CredentialStore,
    private readonly audit: AuditRecorder,
  ) {
    super();
  }

  async create(ctx: TenantContext, input: NewApiKey): Promise<{ row: ApiKeyRow; key: string }> {
    const bad = input.scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
    if (input.scopes.length === 0 || bad.length > 0) {
      throw IdentityException.badInput(
        'input.scopes',
        `choose from ${API_KEY_SCOPES.join(', ')}${bad.length ? `; unknown: ${bad.join(', ')}` : ''}`,
      );
    }
    if (input.expiresAt && input.expiresAt <= new Date()) {
      throw IdentityException.badInput('input.expiresAt', 'must be in the future');
    }
    const storeIds = input.storeIds?.map((id, i) => decodeId('Store', id, `input.storeIds.${i}`));
    const { key, prefix } = newApiKey();
    const row = await this.db.run(ctx, async (tx) => {
      if (storeIds && storeIds.length > 0) {
        const found = await tx.query<{ id: string }>('SELECT id FROM store WHERE id = ANY($1)', [
          storeIds,
        ]);
        if (found.length !== new Set(storeIds).size) {
          throw IdentityException.badInput(
            'input.storeIds',
            'contains a store that does not exist',
          );
        }
      }
      return this.keys.insert(tx, {
        name: input.name,
        prefix,
        hash: sha256(key),
        scopes: [...new Set(input.scopes)],
        storeIds: storeIds && storeIds.length > 0 ? storeIds : null,
        createdBy: ctx.userId,
        expiresAt: input.expiresAt ?? null,
      });
    });
    await this.audit.record({
      consultancyId: ctx.consultancyId,
      actor: actorOf(ctx),
      action: 'apikey.created',
      entityType: 'api_key',
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix, scopes: row.scopes, storeIds: row.storeIds },
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
    return { row, key };
  }

  list(ctx: TenantContext): Promise<ApiKeyRow[]> {
    return this.db.run(ctx, (tx) => this.keys.list(tx));
  }

  async revoke(ctx: TenantContext, globalId: string): Promise<ApiKeyRow> {
    const id = decodeId('ApiKey', globalId);
    const row = await this.db.run(ctx, (tx) => this.keys.revoke(tx, id));
    if (!row) throw CandorException.notFound('API key');
    await this.audit.record({
      consultancyId: ctx.consultancyId,
      actor: actorOf(ctx),
      action: 'apikey.revoked',
      entityType: 'api_key',
      entityId: row.id,
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
    return row;
  }

  async verify(presented: string): Promise<ApiKeyGrant | null> {
    const parsed = parseApiKey(presented);
    const stored = parsed && (await this.credentials.apiKeyByPrefix(parsed.prefix));
    if (!stored || !sameHash(stored.secretHash, sha256(presented))) return null;
    // The key itself is looked up on every request (one statement, no cache), so a revoked or
    // expired key is refused at once; only the last-used write is spared between minutes.
    const now = Date.now();
    if (now - (this.touched.get(stored.id) ?? -Infinity) >= TOUCH_EVERY_MS) {
      await this.db.run({ consultancyId: stored.consultancyId }, (tx) =>
        this.keys.touch(tx, stored.id),
      );
      if (this.touched.size >= 10_000) this.touched.clear();
      this.touched.set(stored.id, now);
    }
    return {
      id: stored.id,
      consultancyId: stored.consultancyId,
      createdBy: stored.createdBy,
      scopes: stored.scopes,
      stores: stored.storeIds ? { all: false, ids: stored.storeIds } : { all: true },
    };
  }
}
