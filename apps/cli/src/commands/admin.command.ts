import type { DataSource, EntityManager } from 'typeorm';
import {
  createDataSource,
  type LocalDatabase,
  startLocalDatabase,
} from '@candor/platform-database';
import { CommandError, EXIT, UsageError } from '../support/cli-error';

export const ADMIN_USAGE = `candor admin grant <email> [--name NAME]
candor admin revoke <email>
candor admin list

Grants or revokes platform admin (platform staff: list and create consultancies through the
API, never a tenant's data without a membership there). Takes effect on the person's next
request. With --name, grant creates the account when none has that e-mail; they then set a
password with requestPasswordReset.

Database: DATABASE_OWNER_URL (the owner role: the only role that may change platform admins).
Unset: the embedded PostgreSQL under CANDOR_DATA_DIR (default .data), as npm start uses it.`;

interface AdminArgs {
  sub: 'grant' | 'revoke' | 'list';
  email: string | null;
  name: string | null;
}

function parse(args: string[]): AdminArgs {
  const [sub, ...rest] = args;
  if (sub !== 'grant' && sub !== 'revoke' && sub !== 'list') {
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
  }
  let email: string | null = null;
  let name: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--name' && sub === 'grant' && rest[i + 1]) name = rest[++i]!.trim();
    else if (!arg.startsWith('--') && email === null && sub !== 'list') email = arg.trim();
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (sub !== 'list' && !email) throw new UsageError(`${sub} needs an e-mail address`);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new UsageError(`"${email}" is not an e-mail address`);
  }
  if (name !== null && (name.length < 1 || name.length > 200)) {
    throw new UsageError('--name must be 1 to 200 characters');
  }
  return { sub, email, name };
}

/** As the owner, with the lookup policy of migration 0200 that lets the owner see people. */
function asOwner<T>(owner: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return owner.transaction(async (m) => {
    await m.query(`SELECT set_config('candor.auth_lookup', 'on', true)`);
    return work(m);
  });
}

async function personId(m: EntityManager, email: string): Promise<string | null> {
  const rows = await m.query<{ id: string }[]>(
    'SELECT id FROM app_user WHERE lower(email) = lower($1)',
    [email],
  );
  return rows[0]?.id ?? null;
}

async function grant(m: EntityManager, email: string, name: string | null): Promise<string> {
  let id = await personId(m, email);
  let created = false;
  if (!id && name) {
    const rows = await m.query<{ id: string }[]>(
      'INSERT INTO app_user (email, name) VALUES ($1, $2) RETURNING id',
      [email, name],
    );
    id = rows[0]!.id;
    created = true;
  }
  if (!id) {
    throw new CommandError(`nobody has the e-mail ${email} (pass --name to create the account)`);
  }
  const rows = await m.query<unknown[]>(
    'INSERT INTO platform_admin (user_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING user_id',
    [id],
  );
  const state = rows.length > 0 ? 'is now a platform admin' : 'was already a platform admin';
  const hint = created ? '; account created: set a password with requestPasswordReset' : '';
  return `${email} ${state}${hint}`;
}

async function revoke(m: EntityManager, email: string): Promise<string> {
  const id = await personId(m, email);
  if (!id) throw new CommandError(`nobody has the e-mail ${email}`);
  const rows = await m.query<unknown[]>(
    'DELETE FROM platform_admin WHERE user_id = $1 RETURNING user_id',
    [id],
  );
  return rows.length > 0 ? `${email} is no longer a platform admin` : `${email} was not one`;
}

async function list(m: EntityManager): Promise<string> {
  const rows = await m.query<{ email: string; name: string; granted_at: Date }[]>(
    `SELECT u.email, u.name, a.granted_at FROM platform_admin a
     JOIN app_user u ON u.id = a.user_id ORDER BY lower(u.email)`,
  );
  if (rows.length === 0) return 'no platform admins';
  return rows.map((r) => `${r.email}\t${r.name}\tsince ${r.granted_at.toISOString()}`).join('\n');
}

export async function adminCommand(args: string[]): Promise<number> {
  const parsed = parse(args);
  let local: LocalDatabase | undefined;
  let ownerUrl = process.env['DATABASE_OWNER_URL'];
  if (!ownerUrl) {
    if (process.env['DATABASE_URL']) {
      throw new CommandError(
        'changing platform admins needs DATABASE_OWNER_URL (the owner role)',
        EXIT.usage,
      );
    }
    local = await startLocalDatabase({
      dataRoot: process.env['CANDOR_DATA_DIR'] ?? '.data',
      port: Number(process.env['EMBEDDED_PG_PORT'] ?? 54329),
    });
    ownerUrl = local.ownerUrl;
  }
  const owner = await createDataSource({ url: ownerUrl, poolSize: 1 }).initialize();
  try {
    const message = await asOwner(owner, (m) =>
      parsed.sub === 'list'
        ? list(m)
        : parsed.sub === 'grant'
          ? grant(m, parsed.email!, parsed.name)
          : revoke(m, parsed.email!),
    );
    process.stdout.write(`${message}\n`);
    return EXIT.ok;
  } finally {
    await owner.destroy();
    await local?.stop();
  }
}
