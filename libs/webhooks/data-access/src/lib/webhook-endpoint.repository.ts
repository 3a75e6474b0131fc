import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@candor/platform-crypto';
import type { TenantTransaction } from '@candor/platform-database';
import type { PageRequest } from '@candor/platform-graphql';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import {
  generateWebhookSecret,
  SECRET_ROTATION_GRACE_SECONDS,
  type WebhookEventType,
} from '@candor/webhooks-domain';

/** What the API may show about an endpoint: never a secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** When the secret was last rotated; null when it never was. */
  secretRotatedAt: Date | null;
  /** Until when the previous secret still signs (after a rotation); null when none does. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewWebhookEndpoint {
  url: string;
  description?: string;
  eventTypes: readonly WebhookEventType[];
  enabled?: boolean;
}

export interface WebhookEndpointPatch {
  url?: string;
  description?: string;
  eventTypes?: readonly WebhookEventType[];
  enabled?: boolean;
}

/** An endpoint with its signing secret in clear: the only time the secret is shown. */
export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpointView;
  secret: string;
}

/** Where and with which secrets (newest first) the delivery runner signs for an endpoint. */
export interface WebhookSigningTarget {
  endpointId: string;
  url: string;
  secrets: string[];
}

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  event_types: WebhookEventType[];
  enabled: boolean;
  secret_rotated_at: Date | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const VIEW_COLUMNS = `id, url, description, event_types, enabled, secret_rotated_at,
  previous_secret_expires_at, created_at, updated_at`;

function toView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    enabled: row.enabled,
    secretRotatedAt: row.secret_rotated_at,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Binds a sealed secret to its tenant and endpoint, so a value copied elsewhere does not open. */
const aad = (consultancyId: string, endpointId: string) =>
  `webhook-endpoint:${consultancyId}:${endpointId}`;

/**
 * Webhook endpoints. Signing secrets are generated here, sealed with the SecretBox before they
 * reach SQL, returned in clear only by `create` and `rotateSecret`, and opened only by
 * `signingTargets` (the delivery runner's path).
 */
export class WebhookEndpointRepository {
  /** `box` is needed to create, rotate and sign; reads and updates work without the key. */
  constructor(private readonly box: SecretBox | null) {}

  private requireBox(): SecretBox {
    if (!this.box) {
      throw new CandorException(
        ErrorCode.Internal,
        'CANDOR_SECRETS_KEY is not set: webhook signing secrets cannot be stored or read',
      );
    }
    return this.box;
  }

  async create(
    tx: TenantTransaction,
    input: NewWebhookEndpoint,
    now = new Date(),
  ): Promise<WebhookEndpointWithSecret> {
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const sealed = this.requireBox().seal(secret, aad(tx.consultancyId, id));
    const [row] = await tx.query<EndpointRow>(
      `INSERT INTO webhook_endpoint (consultancy_id, id, url, description, event_types, enabled,
         secret_ciphertext, secret_key_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${VIEW_COLUMNS}`,
      [
        tx.consultancyId,
        id,
        input.url,
        input.description ?? '',
        [...input.eventTypes],
        input.enabled ?? true,
        sealed.ciphertext,
        sealed.keyId,
        now,
      ],
    );
    return { endpoint: toView(row!), secret };
  }

  async findById(tx: TenantTransaction, id: string): Promise<WebhookEndpointView | null> {
    const [row] = await tx.query<EndpointRow>(
      `SELECT ${VIEW_COLUMNS} FROM webhook_endpoint WHERE consultancy_id = $1 AND id = $2`,
      [tx.consultancyId, id],
    );
    return row ? toView(row) : null;
  }

  async count(tx: TenantTransaction): Promise<number> {
    const [row] = await tx.query<{ n: string }>(
      'SELECT count(*) AS n FROM webhook_endpoint WHERE consultancy_id = $1',
      [tx.consultancyId],
    );
    return Number(row?.n ?? 0);
  }

  /** Oldest first, keyset on (created_at, id). */
  async page(
    tx: TenantTransaction,
    page: PageRequest,
  ): Promise<{ rows: WebhookEndpointView[]; totalCount: number }> {
    const totalCount = await this.count(tx);
    const forward = page.direction === 'forward';
    const params: unknown[] = [tx.consultancyId, page.limit + 1];
    let after = '';
    if (page.cursorKey) {
      params.push(String(page.cursorKey[0]), String(page.cursorKey[1]));
      after = `AND (created_at, id) ${forward ? '>' : '<'} ($3::timestamptz, $4::uuid)`;
    }
    const order = forward ? 'ASC' : 'DESC';
    const rows = await tx.query<EndpointRow>(
      `SELECT ${VIEW_COLUMNS} FROM webhook_endpoint WHERE consultancy_id = $1 ${after}
       ORDER BY created_at ${order}, id ${order} LIMIT $2`,
      params,
    );
    return { rows: rows.map(toView), totalCount };
  }

  async update(
    tx: TenantTransaction,
    id: string,
    patch: WebhookEndpointPatch,
    now = new Date(),
  ): Promise<WebhookEndpointView | null> {
    const [row] = await tx.query<EndpointRow>(
      `UPDATE webhook_endpoint SET
         url = coalesce($3, url),
         description = coalesce($4, description),
         event_types = coalesce($5, event_types),
         enabled = coalesce($6, enabled),
         updated_at = $7
       WHERE consultancy_id = $1 AND id = $2 RETURNING ${VIEW_COLUMNS}`,
      [
        tx.consultancyId,
        id,
        patch.url ?? null,
        patch.description ?? null,
        patch.eventTypes ? [...patch.eventTypes] : null,
        patch.enabled ?? null,
        now,
      ],
    );
    return row ? toView(row) : null;
  }

  /**
   * A new secret for the endpoint; the current one becomes the previous and keeps signing for
   * the grace period (a secret rotated out earlier is dropped at once).
   */
  async rotateSecret(
    tx: TenantTransaction,
    id: string,
    now = new Date(),
  ): Promise<WebhookEndpointWithSecret | null> {
    const secret = generateWebhookSecret();
    const sealed = this.requireBox().seal(secret, aad(tx.consultancyId, id));
    const graceEnds = new Date(now.getTime() + SECRET_ROTATION_GRACE_SECONDS * 1000);
    const [row] = await tx.query<EndpointRow>(
      `UPDATE webhook_endpoint SET
         previous_secret_ciphertext = secret_ciphertext,
         previous_secret_key_id = secret_key_id,
         previous_secret_expires_at = $5,
         secret_ciphertext = $3, secret_key_id = $4, secret_rotated_at = $6, updated_at = $6
       WHERE consultancy_id = $1 AND id = $2 RETURNING ${VIEW_COLUMNS}`,
      [tx.consultancyId, id, sealed.ciphertext, sealed.keyId, graceEnds, now],
    );
    return row ? { endpoint: toView(row), secret } : null;
  }

  /** Deletes the endpoint and its delivery log. */
  async delete(tx: TenantTransaction, id: string): Promise<boolean> {
    const rows = await tx.query(
      'DELETE FROM webhook_endpoint WHERE consultancy_id = $1 AND id = $2 RETURNING id',
      [tx.consultancyId, id],
    );
    return rows.length === 1;
  }

  /** For the delivery runner only: URLs and opened secrets (the previous one while in grace). */
  async signingTargets(
    tx: TenantTransaction,
    ids: readonly string[],
    now: Date,
  ): Promise<Map<string, WebhookSigningTarget>> {
    const rows = await tx.query<{
      id: string;
      url: string;
      secret_ciphertext: Buffer;
      secret_key_id: string;
      previous_secret_ciphertext: Buffer | null;
      previous_secret_key_id: string | null;
      previous_secret_expires_at: Date | null;
    }>(
      `SELECT id, url, secret_ciphertext, secret_key_id, previous_secret_ciphertext,
         previous_secret_key_id, previous_secret_expires_at
       FROM webhook_endpoint WHERE consultancy_id = $1 AND id = ANY($2::uuid[])`,
      [tx.consultancyId, [...ids]],
    );
    const box = this.requireBox();
    const targets = new Map<string, WebhookSigningTarget>();
    for (const row of rows) {
      const bound = aad(tx.consultancyId, row.id);
      const secrets = [
        box.open({ ciphertext: row.secret_ciphertext, keyId: row.secret_key_id }, bound),
      ];
      if (
        row.previous_secret_ciphertext &&
        row.previous_secret_key_id &&
        row.previous_secret_expires_at &&
        row.previous_secret_expires_at > now
      ) {
        secrets.push(
          box.open(
            { ciphertext: row.previous_secret_ciphertext, keyId: row.previous_secret_key_id },
            bound,
          ),
        );
      }
      targets.set(row.id, { endpointId: row.id, url: row.url, secrets });
    }
    return targets;
  }
}
