import type { DataSource } from 'typeorm';
import { AuditEventRepository, type AuditRow } from '@candor/audit-data-access';
import { findChainBreak } from '@candor/audit-domain';
import {
  createDataSource,
  type LocalDatabase,
  runInTenant,
  startLocalDatabase,
} from '@candor/platform-database';
import { CommandError, EXIT, UsageError } from '../support/cli-error';

export const AUDIT_USAGE = `candor audit verify [--consultancy ID]

Re-computes the hash chain of the audit trail and reports the first edited or deleted event of
each consultancy (exit 1 when any chain is broken).

Database: DATABASE_URL (app role) with --consultancy; checking every consultancy needs
DATABASE_OWNER_URL (the owner role lists them). Unset: the embedded PostgreSQL under
CANDOR_DATA_DIR (default .data), as npm start uses it.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(args: string[]): { consultancy: string | null } {
  const [sub, ...rest] = args;
  if (sub !== 'verify')
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
  let consultancy: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--consultancy' && rest[i + 1]) consultancy = rest[++i]!;
    else throw new UsageError(`unknown option "${rest[i]}"`);
  }
  if (consultancy && !UUID.test(consultancy)) throw new UsageError('--consultancy must be a uuid');
  return { consultancy };
}

/** Every consultancy, read as the owner with the sign-in lookup policy (see migration 0200). */
async function allConsultancies(owner: DataSource): Promise<{ id: string; name: string }[]> {
  return owner.transaction(async (m) => {
    await m.query(`SELECT set_config('candor.auth_lookup', 'on', true)`);
    return m.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM consultancy ORDER BY name',
    );
  });
}

async function verifyOne(ds: DataSource, consultancyId: string): Promise<string> {
  const repo = new AuditEventRepository();
  const rows = await runInTenant(ds, { consultancyId }, async (tx) => {
    const out: AuditRow[] = [];
    for await (const row of repo.chain(tx)) out.push(row);
    return out;
  });
  const broken = findChainBreak(rows);
  return broken
    ? `BROKEN at seq ${broken.seq}: ${broken.reason}`
    : `intact (${rows.length} events)`;
}

export async function auditCommand(args: string[]): Promise<number> {
  const { consultancy } = parse(args);
  let local: LocalDatabase | undefined;
  let appUrl = process.env['DATABASE_URL'];
  let ownerUrl = process.env['DATABASE_OWNER_URL'];
  if (!appUrl) {
    local = await startLocalDatabase({
      dataRoot: process.env['CANDOR_DATA_DIR'] ?? '.data',
      port: Number(process.env['EMBEDDED_PG_PORT'] ?? 54329),
    });
    appUrl = local.appUrl;
    ownerUrl = local.ownerUrl;
  }
  if (!consultancy && !ownerUrl) {
    throw new CommandError(
      'checking every consultancy needs DATABASE_OWNER_URL (or pass --consultancy)',
      EXIT.usage,
    );
  }
  const app = await createDataSource({ url: appUrl, poolSize: 1 }).initialize();
  const owner = consultancy
    ? null
    : await createDataSource({ url: ownerUrl!, poolSize: 1 }).initialize();
  try {
    const targets = consultancy
      ? [{ id: consultancy, name: consultancy }]
      : await allConsultancies(owner!);
    let broken = 0;
    for (const c of targets) {
      const result = await verifyOne(app, c.id);
      if (result.startsWith('BROKEN')) broken += 1;
      process.stdout.write(`${c.name} (${c.id}): ${result}\n`);
    }
    return broken > 0 ? EXIT.failure : EXIT.ok;
  } finally {
    await app.destroy();
    await owner?.destroy();
    await local?.stop();
  }
}
