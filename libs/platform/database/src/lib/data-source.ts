import { DataSource, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations';

export const MIGRATIONS_TABLE = 'schema_migrations';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  /** Sees every statement (tests count them to catch N+1 queries). */
  logger?: Logger;
}

/** A TypeORM data source over node-postgres; `initialize()` is left to the caller. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: options.logger ? ['query'] : false,
    ...(options.logger ? { logger: options.logger } : {}),
    applicationName: options.applicationName ?? 'candor',
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 },
  });
}

export interface MigrationReport {
  applied: string[];
}

/**
 * Applies pending migrations as the owner role. The migrations table is created first so the
 * first migration can grant the app role read access to it (the readiness probe checks it).
 */
export async function runMigrations(ownerUrl: string): Promise<MigrationReport> {
  const ds = createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'candor-migrate' });
  await ds.initialize();
  try {
    await ds.query(`
CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL)`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return { applied: applied.map((m) => m.name) };
  } finally {
    await ds.destroy();
  }
}

/** Reverts the newest applied migration (for `candor db rollback`). */
export async function revertLastMigration(ownerUrl: string): Promise<void> {
  const ds = createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'candor-migrate' });
  await ds.initialize();
  try {
    await ds.undoLastMigration({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** Names of known migrations not yet applied, read through any role that can see the table. */
export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  const [table] = (await ds.query(`SELECT to_regclass($1) AS t`, [MIGRATIONS_TABLE])) as {
    t: string | null;
  }[];
  if (!table?.t) return MIGRATIONS.map((m) => m.name);
  const rows = (await ds.query(`SELECT name FROM ${MIGRATIONS_TABLE}`)) as { name: string }[];
  const applied = new Set(rows.map((r) => r.name));
  return MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
}
