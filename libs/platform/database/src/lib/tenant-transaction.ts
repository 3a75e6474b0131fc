import type { DataSource, EntityManager } from 'typeorm';
import { CandorException, ErrorCode } from '@candor/shared-errors';

/** Anything that names the tenant a piece of work runs for (a TenantContext satisfies it). */
export interface TenantScope {
  readonly consultancyId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const issued = new WeakSet<object>();

/**
 * A database transaction in which `app.consultancy_id` is set, so PostgreSQL's row-level security
 * shows and accepts only that consultancy's rows. Repositories take one of these as their first
 * argument: an unscoped query does not compile. Only `runInTenant` creates them.
 */
export class TenantTransaction {
  private constructor(
    readonly consultancyId: string,
    readonly manager: EntityManager,
  ) {}

  /** @internal */
  static open(consultancyId: string, manager: EntityManager): TenantTransaction {
    const tx = new TenantTransaction(consultancyId, manager);
    issued.add(tx);
    return tx;
  }

  static isGenuine(tx: unknown): tx is TenantTransaction {
    return typeof tx === 'object' && tx !== null && issued.has(tx);
  }

  /** Runs SQL in this transaction and returns its rows (also for UPDATE/DELETE … RETURNING). */
  async query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T[]> {
    const runner = this.manager.queryRunner;
    if (!runner) throw new Error('TenantTransaction used outside its transaction');
    const result = await runner.query(sql, parameters, true);
    return result.records as T[];
  }
}

/**
 * Runs `work` in one transaction with the tenant set by `set_config(..., true)`: the setting ends
 * with the transaction, so a pooled connection never carries a tenant into the next request (and
 * it stays correct behind PgBouncer in transaction mode).
 */
export async function runInTenant<T>(
  dataSource: DataSource,
  scope: TenantScope,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  if (!UUID.test(scope.consultancyId)) {
    throw new CandorException(ErrorCode.Unauthenticated, 'No valid tenant in this request');
  }
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.consultancy_id', $1, true)`, [scope.consultancyId]);
    return work(TenantTransaction.open(scope.consultancyId, manager));
  });
}
