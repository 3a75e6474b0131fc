import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@candor/platform-database';
import type { PageRequest } from '@candor/platform-graphql';
import type { StoreSettings } from '@candor/tenancy-domain';
import { StoreEntity } from '../entities/store.entity';

/** Which of the tenant's stores a caller may touch: all of them, or these ids. */
export type StoreVisibility = { all: true } | { all: false; ids: readonly string[] };

export interface StorePage {
  rows: StoreEntity[];
  totalCount: number;
}

/** Sort key of the store list: case-insensitive name, then id (stable across equal names). */
export function storeSortKey(store: StoreEntity): [string, string] {
  return [store.name.toLowerCase(), store.id];
}

@Injectable()
export class StoreRepository {
  private scoped(tx: TenantTransaction, visibility: StoreVisibility) {
    const qb = tx.manager.getRepository(StoreEntity).createQueryBuilder('s');
    if (!visibility.all)
      qb.andWhere('s.id = ANY(:visibleIds)', { visibleIds: [...visibility.ids] });
    return qb;
  }

  async page(
    tx: TenantTransaction,
    visibility: StoreVisibility,
    page: PageRequest,
  ): Promise<StorePage> {
    const totalCount = await this.scoped(tx, visibility).getCount();
    const qb = this.scoped(tx, visibility).addSelect('lower(s.name)', 'sort_name');
    const forward = page.direction === 'forward';
    if (page.cursorKey) {
      const [name, id] = page.cursorKey;
      qb.andWhere(`(lower(s.name), s.id) ${forward ? '>' : '<'} (:cursorName, :cursorId)`, {
        cursorName: String(name),
        cursorId: String(id),
      });
    }
    const rows = await qb
      .orderBy('sort_name', forward ? 'ASC' : 'DESC')
      .addOrderBy('s.id', forward ? 'ASC' : 'DESC')
      .limit(page.limit + 1)
      .getMany();
    return { rows, totalCount };
  }

  findById(
    tx: TenantTransaction,
    visibility: StoreVisibility,
    id: string,
  ): Promise<StoreEntity | null> {
    return this.scoped(tx, visibility).andWhere('s.id = :id', { id }).getOne();
  }

  findByExternalId(tx: TenantTransaction, externalId: string): Promise<StoreEntity | null> {
    return tx.manager.getRepository(StoreEntity).findOneBy({ externalId });
  }

  async insert(tx: TenantTransaction, settings: StoreSettings): Promise<StoreEntity> {
    const id = randomUUID();
    await tx.manager.getRepository(StoreEntity).insert({
      consultancyId: tx.consultancyId,
      id,
      dealerGroupId: null,
      ...settings,
    });
    return tx.manager.getRepository(StoreEntity).findOneByOrFail({ id });
  }

  async update(
    tx: TenantTransaction,
    id: string,
    patch: Partial<StoreSettings>,
  ): Promise<StoreEntity> {
    const repo = tx.manager.getRepository(StoreEntity);
    await repo.update(
      { consultancyId: tx.consultancyId, id },
      { ...patch, updatedAt: () => 'now()' },
    );
    return repo.findOneByOrFail({ id });
  }

  async delete(tx: TenantTransaction, id: string): Promise<boolean> {
    const result = await tx.manager
      .getRepository(StoreEntity)
      .delete({ consultancyId: tx.consultancyId, id });
    return (result.affected ?? 0) > 0;
  }
}
