import type { DataSource } from 'typeorm';
import {
  createDataSource,
  type LocalDatabase,
  runMigrations,
  startLocalDatabase,
} from '@candor/platform-database';
import { CommandError } from './cli-error';

export interface CliDatabase {
  /** Connected as the application role: row-level security applies as in the API. */
  dataSource: DataSource;
  /** Where the data went, for messages. */
  where: string;
  close(): Promise<void>;
}

/**
 * The database a command works on, found the way `npm start` finds it: DATABASE_URL (migrated
 * first when DATABASE_OWNER_URL is set), or else the embedded PostgreSQL under CANDOR_DATA_DIR
 * (default .data/), started, provisioned and migrated by the same platform code the API uses.
 */
export async function openDatabase(
  env: NodeJS.ProcessEnv,
  progress: (line: string) => void,
): Promise<CliDatabase> {
  let local: LocalDatabase | undefined;
  let appUrl = env['DATABASE_URL'];
  let ownerUrl = env['DATABASE_OWNER_URL'];
  if (!appUrl) {
    progress('no DATABASE_URL set, using the embedded PostgreSQL under .data/');
    local = await startLocalDatabase({
      dataRoot: env['CANDOR_DATA_DIR'] ?? '.data',
      port: Number(env['EMBEDDED_PG_PORT'] ?? 54329),
      onProgress: progress,
    });
    appUrl = local.appUrl;
    ownerUrl = local.ownerUrl;
  } else if (!/^postgres(ql)?:\/\//.test(appUrl)) {
    throw new CommandError('DATABASE_URL must be a URL like postgres://user:password@host/db');
  }
  try {
    if (ownerUrl) await runMigrations(ownerUrl);
    const dataSource = await createDataSource({
      url: appUrl,
      poolSize: 4,
      applicationName: 'candor-cli',
    }).initialize();
    return {
      dataSource,
      where: local ? `embedded PostgreSQL in ${local.dataDir}` : 'DATABASE_URL',
      close: async () => {
        await dataSource.destroy();
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}
