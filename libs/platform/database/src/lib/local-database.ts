import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '@candor/platform-embedded-db';
import { provisionDatabase } from './provisioning';

export interface LocalDatabase {
  appUrl: string;
  ownerUrl: string;
  /** Generated once per data directory; used when AUTH_JWT_SECRET is not set. */
  jwtSecret: string;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
}

interface LocalSecrets {
  jwtSecret: string;
  ownerPassword: string;
  appPassword: string;
}

const random = () => randomBytes(32).toString('base64url');

/**
 * Secrets of the local (embedded) installation, generated on first start and kept beside the
 * data in a file only the current user can read. Never committed, never a built-in default.
 */
async function localSecrets(dataRoot: string): Promise<LocalSecrets> {
  const file = join(dataRoot, 'secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as LocalSecrets;
  const secrets = { jwtSecret: random(), ownerPassword: random(), appPassword: random() };
  await mkdir(dataRoot, { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * Starts the embedded PostgreSQL under `<dataRoot>/pg` and makes sure the `candor` database,
 * its owner role and the application login role exist.
 */
export async function startLocalDatabase(options: {
  dataRoot: string;
  port: number;
  onProgress?: (line: string) => void;
}): Promise<LocalDatabase> {
  const dataRoot = resolve(options.dataRoot);
  const secrets = await localSecrets(dataRoot);
  const dataDir = join(dataRoot, 'pg');
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: options.port,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  try {
    const urls = await provisionDatabase({
      adminUrl: pg.adminUrl(),
      database: 'candor',
      ownerRole: 'candor_owner',
      ownerPassword: secrets.ownerPassword,
      appRole: 'candor_api',
      appPassword: secrets.appPassword,
    });
    return { ...urls, jwtSecret: secrets.jwtSecret, dataDir, port: pg.port, stop: () => pg.stop() };
  } catch (error) {
    await pg.stop();
    throw error;
  }
}
