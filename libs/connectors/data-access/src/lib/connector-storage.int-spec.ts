import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { ConnectorCursorRepository } from './connector-cursor.repository';
import { ConnectorRepository } from './connector.repository';
import { DeadLetterRepository } from './dead-letter.repository';
import { findDueSyncs } from './due-syncs.query';
import { IngestTokenRepository, lookupIngestToken } from './ingest-token.repository';
import { SecretBox } from '@candor/platform-crypto';

const key = () => randomBytes(32).toString('base64');
const SECRET = 'sk_live_correct-horse-battery-staple';

describe('connector storage', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  const box = SecretBox.fromBase64(key());
  const connectors = new ConnectorRepository(box);
  const cursors = new ConnectorCursorRepository();
  const letters = new DeadLetterRepository();
  const tokens = new IngestTokenRepository();

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 1 });
  });
  afterAll(() => ds?.destroy());

  const inA = <T>(work: Parameters<typeof runInTenant<T>>[2]) => runInTenant(ds, a, work);
  const inB = <T>(work: Parameters<typeof runInTenant<T>>[2]) => runInTenant(ds, b, work);

  const twilioFor = (tenant: TestTenant) =>
    runInTenant(ds, tenant, (tx) =>
      connectors.create(tx, {
        storeId: tenant.storeIds[0]!,
        kind: 'twilio',
        displayName: 'Main line',
        settings: { accountSid: 'AC123' },
        credentials: { authToken: SECRET },
      }),
    );

  it('stores credentials encrypted and shows the API only whether there are any', async () => {
    const created = await twilioFor(a);
    expect(created).not.toHaveProperty('credentials');
    expect(created.hasCredentials).toBe(true);
    expect(JSON.stringify(created)).not.toContain(SECRET);

    const [raw] = await inA((tx) =>
      tx.query<{ credentials_ciphertext: Buffer; credentials_key_id: string }>(
        'SELECT credentials_ciphertext, credentials_key_id FROM connector WHERE id = $1',
        [created.id],
      ),
    );
    expect(raw!.credentials_ciphertext.includes(Buffer.from(SECRET))).toBe(false);
    expect(raw!.credentials_ciphertext.toString('latin1')).not.toContain('authToken');
    expect(raw!.credentials_key_id).toBe(box.keyId);

    const forSync = await inA((tx) => connectors.loadForSync(tx, created.id));
    expect(forSync?.credentials).toEqual({ authToken: SECRET });
    expect(forSync?.store.timeZone).toBe('America/Chicago');
  });

  it('encrypts the same credentials differently each time (random IV)', async () => {
    const one = await twilioFor(a);
    const two = await twilioFor(a);
    const rows = await inA((tx) =>
      tx.query<{ c: Buffer }>(
        'SELECT credentials_ciphertext AS c FROM connector WHERE id = ANY($1) ORDER BY id',
        [[one.id, two.id]],
      ),
    );
    expect(rows[0]!.c.equals(rows[1]!.c)).toBe(false);
  });

  it('fails clearly when the key is not the one that sealed the credentials', async () => {
    const created = await twilioFor(a);
    const otherKey = new ConnectorRepository(SecretBox.fromBase64(key()));
    await expect(inA((tx) => otherKey.loadForSync(tx, created.id))).rejects.toThrow(
      /sealed with key .* but CANDOR_SECRETS_KEY is key/,
    );
    const noKey = new ConnectorRepository(null);
    await expect(inA((tx) => noKey.loadForSync(tx, created.id))).rejects.toThrow(
      /CANDOR_SECRETS_KEY is not set/,
    );
    // API reads need no key.
    expect((await inA((tx) => noKey.findById(tx, created.id)))?.hasCredentials).toBe(true);
  });

  it('does not open a ciphertext copied onto another connector', async () => {
    const one = await twilioFor(a);
    const two = await twilioFor(a);
    await inA((tx) =>
      tx.query(
        `UPDATE connector SET credentials_ciphertext =
           (SELECT credentials_ciphertext FROM connector WHERE id = $1) WHERE id = $2`,
        [one.id, two.id],
      ),
    );
    await expect(inA((tx) => connectors.loadForSync(tx, two.id))).rejects.toThrow(
      /could not be decrypted/,
    );
  });

  it('rejects a malformed key with a message naming the variable', () => {
    expect(() => SecretBox.fromBase64('c2hvcnQ=')).toThrow(/CANDOR_SECRETS_KEY must be/);
    expect(() => SecretBox.fromBase64(undefined)).toThrow(/CANDOR_SECRETS_KEY is not set/);
  });

  it("keeps tenant B from reading or changing A's connectors, cursors and dead letters", async () => {
    const created = await twilioFor(a);
    await inA(async (tx) => {
      await cursors.saveCursor(tx, created.id, 'page-7');
      await letters.record(tx, {
        connectorId: created.id,
        jobId: `job-${created.id}`,
        payloadSummary: 'twilio sync',
        reason: 'Twilio 401: Authenticate',
        attempts: 3,
      });
    });

    expect(await inB((tx) => connectors.findById(tx, created.id))).toBeNull();
    expect(await inB((tx) => connectors.loadForSync(tx, created.id))).toBeNull();
    expect(await inB((tx) => connectors.listByStore(tx, a.storeIds[0]!))).toEqual([]);
    expect(await inB((tx) => cursors.get(tx, created.id))).toBeNull();
    expect(await inB((tx) => letters.listOpen(tx))).toEqual([]);
    expect(await inB((tx) => connectors.setEnabled(tx, created.id, false))).toBe(false);
    expect(await inB((tx) => connectors.setCredentials(tx, created.id, { x: 'y' }))).toBe(false);
    // Writing a row into A's tenant from B is refused by the policy.
    await expect(
      inB((tx) =>
        tx.query(
          `INSERT INTO connector (consultancy_id, store_id, kind, display_name) VALUES ($1, $2, 'csv', 'x')`,
          [a.consultancyId, a.storeIds[0]],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // B's store cannot host a connector pointing at A's store either.
    await expect(
      inB((tx) =>
        connectors.create(tx, { storeId: a.storeIds[0]!, kind: 'csv', displayName: 'x' }),
      ),
    ).rejects.toThrow();

    const still = await inA((tx) => cursors.get(tx, created.id));
    expect(still?.cursor).toBe('page-7');
    expect((await inA((tx) => letters.listOpen(tx, created.id)))[0]?.reason).toBe(
      'Twilio 401: Authenticate',
    );
    expect((await inA((tx) => connectors.findById(tx, created.id)))?.enabled).toBe(true);
  });

  it('finds the store of an active ingest token without a tenant, and not after revocation', async () => {
    const issued = await inA((tx) => tokens.issue(tx, a.storeIds[0]!));
    expect(issued.token.startsWith(issued.tokenPrefix)).toBe(true);

    expect(await lookupIngestToken(ds, issued.token)).toEqual({
      consultancyId: a.consultancyId,
      storeId: a.storeIds[0],
    });
    expect(await lookupIngestToken(ds, `${issued.token}x`)).toBeNull();
    expect(await lookupIngestToken(ds, 'not-a-token')).toBeNull();

    const [stored] = await inA((tx) =>
      tx.query<{ token_hash: Buffer; last_used_at: Date | null }>(
        'SELECT token_hash, last_used_at FROM store_ingest_token WHERE id = $1',
        [issued.id],
      ),
    );
    expect(stored!.token_hash.toString('latin1')).not.toContain(issued.token);
    expect(stored!.last_used_at).not.toBeNull();

    // B can neither see nor revoke A's token.
    expect(await inB((tx) => tokens.listByStore(tx, a.storeIds[0]!))).toEqual([]);
    expect(await inB((tx) => tokens.revoke(tx, issued.id))).toBe(false);
    expect(await lookupIngestToken(ds, issued.token)).not.toBeNull();

    expect(await inA((tx) => tokens.revoke(tx, issued.id))).toBe(true);
    expect(await lookupIngestToken(ds, issued.token)).toBeNull();
    expect(
      (await inA((tx) => tokens.listByStore(tx, a.storeIds[0]!)))[0]?.revokedAt,
    ).not.toBeNull();
  });

  it('the app role cannot read tokens or connectors across tenants by setting the lookup flag', async () => {
    const rows = (await ds.transaction(async (m) => {
      await m.query(`SELECT set_config('candor.connector_lookup', 'on', true)`);
      return m.query('SELECT id FROM connector UNION ALL SELECT id FROM store_ingest_token');
    })) as unknown[];
    expect(rows).toEqual([]);
  });

  it('lists enabled connectors that are due for a sync across tenants, ids only', async () => {
    const dueA = await twilioFor(a);
    const dueB = await twilioFor(b);
    const disabled = await twilioFor(b);
    await inB((tx) => connectors.setEnabled(tx, disabled.id, false));
    const recent = await twilioFor(a);
    await inA((tx) => cursors.markStarted(tx, recent.id));

    const due = await findDueSyncs(ds);
    const ids = due.map((d) => d.connectorId);
    expect(ids).toContain(dueA.id);
    expect(ids).toContain(dueB.id);
    expect(ids).not.toContain(disabled.id);
    expect(ids).not.toContain(recent.id);
    expect(due.find((d) => d.connectorId === dueB.id)?.consultancyId).toBe(b.consultancyId);
  });
});
