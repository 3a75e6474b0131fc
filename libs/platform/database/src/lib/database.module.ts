import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from './data-source';
import { TenantChanges } from './tenant-changes';
import { TenantDb } from './tenant-db.service';
import { APP_DATA_SOURCE } from './tokens';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.changes.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The application's connection pool (as the app role), the tenant transaction helper and the
 * LISTEN connection that hears a tenant's changes (TenantChanges; until it is connected, caches
 * built on it read through to the database).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: APP_DATA_SOURCE,
          useFactory: async () => createDataSource(options).initialize(),
        },
        {
          provide: TenantChanges,
          useFactory: async () => {
            const changes = new TenantChanges(options.url);
            // A failed first connection retries by itself; meanwhile nothing is cached.
            await changes.start().catch(() => undefined);
            return changes;
          },
        },
        DataSourceCloser,
        TenantDb,
      ],
      exports: [APP_DATA_SOURCE, TenantDb, TenantChanges],
    };
  }
}
