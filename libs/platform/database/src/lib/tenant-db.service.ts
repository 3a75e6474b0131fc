import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from './tokens';
import { runInTenant, type TenantScope, type TenantTransaction } from './tenant-transaction';

/** Injectable face of `runInTenant` over the application's data source. */
@Injectable()
export class TenantDb {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  run<T>(scope: TenantScope, work: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    return runInTenant(this.dataSource, scope, work);
  }
}
