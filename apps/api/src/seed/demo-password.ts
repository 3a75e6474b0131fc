import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { hashPassword } from '@candor/identity-feature';
import { DEMO } from './demo-seed';

/**
 * The demo owner's password: generated at the first start of an embedded installation and kept
 * beside its data (mode 0600), never a built-in default. Stored hashed through the same function
 * sign-in uses; re-applied on each start so deleting the file and restarting resets it.
 */
export async function ensureDemoPassword(
  ds: DataSource,
  dataRoot: string,
): Promise<{ password: string; file: string }> {
  const file = join(resolve(dataRoot), 'demo-owner-password.txt');
  let password: string;
  if (existsSync(file)) {
    password = (await readFile(file, 'utf8')).trim();
  } else {
    password = randomBytes(15).toString('base64url');
    await mkdir(resolve(dataRoot), { recursive: true });
    await writeFile(file, `${password}\n`, { mode: 0o600 });
  }
  await ds.query('SELECT auth_set_password($1, $2)', [DEMO.ownerId, await hashPassword(password)]);
  return { password, file };
}
