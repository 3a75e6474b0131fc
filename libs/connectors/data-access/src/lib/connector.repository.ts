import { randomUUID } from 'node:crypto';
import type { TenantTransaction } from '@candor/platform-database';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import type { SecretBox } from '@candor/platform-crypto';

/** Vendor credentials as the connector needs them (API keys, OAuth client secrets, …). */
export type ConnectorCredentials = Readonly<Record<string, string>>;

/** What the API may show about a connector: never the credentials, only whether there are any. */
export interface ConnectorView {
  id: string;
  storeId: string;
  kind: string;
  displayName: string;
  settings: Record<string, unknown>;
  hasCredentials: boolean;
  enabled: boolean;
  syncIntervalMinutes: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a sync job needs: the connector with its credentials opened, and its store. */
export interface ConnectorForSync extends ConnectorView {
  credentials: ConnectorCredentials | null;
  store: {
    externalId: string;
    timeZone: string;
    emailDomains: string[];
    phoneNumbers: string[];
  };
}

export interface NewConnector {
  storeId: string;
  kind: string;
  displayName: string;
  settings?: Record<string, unknown>;
  credentials?: ConnectorCredentials | null;
  enabled?: boolean;
  syncIntervalMinutes?: number;
}

interface ConnectorRow {
  id: string;
  store_id: string;
  kind: string;
  display_name: string;
  settings: Record<string, unknown>;
  has_credentials: boolean;
  enabled: boolean;
  sync_interval_minutes: number;
  created_at: Date;
  updated_at: Date;
}

const VIEW_COLUMNS = `c.id, c.store_id, c.kind, c.display_name, c.settings,
  c.credentials_ciphertext IS NOT NULL AS has_credentials, c.enabled, c.sync_interval_minutes,
  c.created_at, c.updated_at`;

function toView(row: ConnectorRow): ConnectorView {
  return {
    id: row.id,
    storeId: row.store_id,
    kind: row.kind,
    displayName: row.display_name,
    settings: row.settings,
    hasCredentials: row.has_credentials,
    enabled: row.enabled,
    syncIntervalMinutes: row.sync_interval_minutes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Binds a ciphertext to its tenant and row, so a value copied elsewhere does not open. */
const aad = (consultancyId: string, connectorId: string) =>
  `connector:${consultancyId}:${connectorId}`;

/**
 * Connector configuration. Credentials are sealed with the SecretBox before they reach SQL and
 * are opened only by `loadForSync` (the worker's path); every other read returns `hasCredentials`.
 */
export class ConnectorRepository {
  /** `box` is needed only to write or open credentials; API reads work without the key. */
  constructor(private readonly box: SecretBox | null) {}

  private requireBox(): SecretBox {
    if (!this.box) {
      throw new CandorException(
        ErrorCode.Internal,
        'CANDOR_SECRETS_KEY is not set: connector credentials cannot be stored or read',
      );
    }
    return this.box;
  }

  private seal(tx: TenantTransaction, id: string, credentials: ConnectorCredentials | null) {
    if (credentials === null) return { ciphertext: null, keyId: null };
    return this.requireBox().seal(JSON.stringify(credentials), aad(tx.consultancyId, id));
  }

  async create(tx: TenantTransaction, input: NewConnector): Promise<ConnectorView> {
    const id = randomUUID();
    const sealed = this.seal(tx, id, input.credentials ?? null);
    const [row] = await tx.query<ConnectorRow>(
      `INSERT INTO connector AS c (consultancy_id, id, store_id, kind, display_name, settings,
         credentials_ciphertext, credentials_key_id, enabled, sync_interval_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${VIEW_COLUMNS}`,
      [
        tx.consultancyId,
        id,
        input.storeId,
        input.kind,
        input.displayName,
        JSON.stringify(input.settings ?? {}),
        sealed.ciphertext,
        sealed.keyId,
        input.enabled ?? true,
        input.syncIntervalMinutes ?? 60,
      ],
    );
    return toView(row!);
  }

  async findById(tx: TenantTransaction, id: string): Promise<ConnectorView | null> {
    const [row] = await tx.query<ConnectorRow>(
      `SELECT ${VIEW_COLUMNS} FROM connector c WHERE c.consultancy_id = $1 AND c.id = $2`,
      [tx.consultancyId, id],
    );
    return row ? toView(row) : null;
  }

  async listByStore(tx: TenantTransaction, storeId: string): Promise<ConnectorView[]> {
    const rows = await tx.query<ConnectorRow>(
      `SELECT ${VIEW_COLUMNS} FROM connector c WHERE c.consultancy_id = $1 AND c.store_id = $2
       ORDER BY lower(c.display_name), c.id`,
      [tx.consultancyId, storeId],
    );
    return rows.map(toView);
  }

  /** Replaces (or with null removes) the credentials; returns false when there is no such connector. */
  async setCredentials(
    tx: TenantTransaction,
    id: string,
    credentials: ConnectorCredentials | null,
  ): Promise<boolean> {
    const sealed = this.seal(tx, id, credentials);
    const rows = await tx.query(
      `UPDATE connector SET credentials_ciphertext = $3, credentials_key_id = $4, updated_at = now()
       WHERE consultancy_id = $1 AND id = $2 RETURNING id`,
      [tx.consultancyId, id, sealed.ciphertext, sealed.keyId],
    );
    return rows.length === 1;
  }

  async setEnabled(tx: TenantTransaction, id: string, enabled: boolean): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE connector SET enabled = $3, updated_at = now()
       WHERE consultancy_id = $1 AND id = $2 RETURNING id`,
      [tx.consultancyId, id, enabled],
    );
    return rows.length === 1;
  }

  /** For the sync job only: the connector with its credentials decrypted, and its store. */
  async loadForSync(tx: TenantTransaction, id: string): Promise<ConnectorForSync | null> {
    const [row] = await tx.query<
      ConnectorRow & {
        credentials_ciphertext: Buffer | null;
        credentials_key_id: string | null;
        external_id: string;
        time_zone: string;
        email_domains: string[];
        phone_numbers: string[];
      }
    >(
      `SELECT ${VIEW_COLUMNS}, c.credentials_ciphertext, c.credentials_key_id,
         s.external_id, s.time_zone, s.email_domains, s.phone_numbers
       FROM connector c JOIN store s ON s.consultancy_id = c.consultancy_id AND s.id = c.store_id
       WHERE c.consultancy_id = $1 AND c.id = $2`,
      [tx.consultancyId, id],
    );
    if (!row) return null;
    let credentials: ConnectorCredentials | null = null;
    if (row.credentials_ciphertext && row.credentials_key_id) {
      const text = this.requireBox().open(
        { ciphertext: row.credentials_ciphertext, keyId: row.credentials_key_id },
        aad(tx.consultancyId, id),
      );
      credentials = JSON.parse(text) as ConnectorCredentials;
    }
    return {
      ...toView(row),
      credentials,
      store: {
        externalId: row.external_id,
        timeZone: row.time_zone,
        emailDomains: row.email_domains,
        phoneNumbers: row.phone_numbers,
      },
    };
  }
}
