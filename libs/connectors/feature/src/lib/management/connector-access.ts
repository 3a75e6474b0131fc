import { Injectable } from '@nestjs/common';
import { type ConnectorView, ConnectorRepository } from '@candor/connectors-data-access';
import type { TenantContext } from '@candor/platform-auth';
import type { TenantTransaction } from '@candor/platform-database';
import { decodeId } from '@candor/platform-graphql';
import { ConnectorsException } from './connectors.exception';

export const STORE_ID_TYPE = 'Store';
export const CONNECTOR_ID_TYPE = 'Connector';
export const DEAD_LETTER_ID_TYPE = 'ConnectorDeadLetter';
export const INGEST_TOKEN_ID_TYPE = 'IngestToken';

export function seesStore(ctx: TenantContext, storeId: string): boolean {
  return ctx.stores.all || ctx.stores.ids.includes(storeId);
}

/**
 * Which stores and connectors a caller may manage. Another tenant's row is invisible through RLS
 * and an unassigned store is filtered here; both are answered the same way: not found.
 */
@Injectable()
export class ConnectorAccess {
  constructor(private readonly connectors: ConnectorRepository) {}

  async store(
    tx: TenantTransaction,
    ctx: TenantContext,
    storeGlobalId: string,
    field = 'storeId',
  ): Promise<string> {
    const id = decodeId(STORE_ID_TYPE, storeGlobalId, field);
    if (!seesStore(ctx, id)) throw ConnectorsException.storeNotFound();
    const [row] = await tx.query<{ id: string }>(
      'SELECT id FROM store WHERE consultancy_id = $1 AND id = $2',
      [tx.consultancyId, id],
    );
    if (!row) throw ConnectorsException.storeNotFound();
    return id;
  }

  async connector(
    tx: TenantTransaction,
    ctx: TenantContext,
    connectorGlobalId: string,
    field = 'id',
  ): Promise<ConnectorView> {
    const id = decodeId(CONNECTOR_ID_TYPE, connectorGlobalId, field);
    const connector = await this.connectors.findById(tx, id);
    if (!connector || !seesStore(ctx, connector.storeId)) {
      throw ConnectorsException.connectorNotFound();
    }
    return connector;
  }
}
