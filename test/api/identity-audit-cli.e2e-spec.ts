import { spawn } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventRepository } from '@candor/audit-data-access';
import { runInTenant } from '@candor/platform-database';
import { appDataSource, ownerDataSource, testDatabase } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { CANDOR, ROOT } from '../support/run-cli';

function candorAudit(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: testDatabase().appUrl };
  delete env['DATABASE_OWNER_URL'];
  const child = spawn(CANDOR, ['audit', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('candor audit verify', () => {
  let ds: DataSource;
  let owner: DataSource;
  let tenant: TestTenant;

  beforeAll(async () => {
    ds = await appDataSource();
    owner = await ownerDataSource();
    tenant = await newTenant(ds, { stores: 1 });
    const repo = new AuditEventRepository();
    for (const action of ['store.created', 'store.updated', 'auth.sign_in']) {
      await runInTenant(ds, tenant, (tx) =>
        repo.append(tx, {
          consultancyId: tenant.consultancyId,
          actor: { type: 'user', id: tenant.ownerId },
          action,
        }),
      );
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await owner?.destroy();
  });

  it('reports an intact chain and exits 0', async () => {
    const res = await candorAudit(['verify', '--consultancy', tenant.consultancyId]);
    expect(res.stdout).toContain(`(${tenant.consultancyId}): intact (3 events)`);
    expect(res.code).toBe(0);
  });

  it('names the first edited event and exits 1', async () => {
    await runInTenant(owner, tenant, (tx) =>
      tx.query(`UPDATE audit_event SET action = 'nothing.to.see' WHERE seq = 2`),
    );
    const res = await candorAudit(['verify', '--consultancy', tenant.consultancyId]);
    expect(res.stdout).toContain('BROKEN at seq 2: content does not match its hash (edited)');
    expect(res.code).toBe(1);
  });

  it('explains how it is called', async () => {
    const res = await candorAudit(['verify']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('DATABASE_OWNER_URL');
  });
});
