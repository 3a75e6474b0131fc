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
import { TenantDb } from './tenant-db.service';
import { APP_DATA_SOURCE } from './tokens';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The application's connection pool (as the app role) and the tenant transaction helper. */
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
        DataSourceCloser,
        TenantDb,
      ],
      exports: [APP_DATA_SOURCE, TenantDb],
    };
  }
}
