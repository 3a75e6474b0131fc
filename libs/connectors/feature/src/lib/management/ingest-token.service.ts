import { Inject, Injectable } from '@nestjs/common';
import { IngestTokenRepository } from '@candor/connectors-data-access';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  pageOfList,
} from '@candor/platform-graphql';
import { CONNECTORS_OPTIONS, type ConnectorsOptions } from '../connectors.options';
import { ConnectorAccess, INGEST_TOKEN_ID_TYPE, seesStore } from './connector-access';
import { toIngestTokenModel } from './connector.mapper';
import { ConnectorsException } from './connectors.exception';
import type { IngestToken, IssuedIngestToken } from './models/ingest-token.model';

/** Per-store push tokens: issued once (only the hash is kept), listed by prefix, revoked. */
@Injectable()
export class IngestTokenService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: ConnectorAccess,
    private readonly tokens: IngestTokenRepository,
    @Inject(CONNECTORS_OPTIONS) private readonly options: ConnectorsOptions,
  ) {}

  list(
    ctx: TenantContext,
    storeGlobalId: string,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<IngestToken>> {
    return this.db.run(ctx, async (tx) => {
      const storeId = await this.access.store(tx, ctx, storeGlobalId);
      return pageOfList(args, await this.tokens.listByStore(tx, storeId), toIngestTokenModel);
    });
  }

  create(ctx: TenantContext, storeGlobalId: string): Promise<IssuedIngestToken> {
    return this.db.run(ctx, async (tx) => {
      const storeId = await this.access.store(tx, ctx, storeGlobalId);
      const issued = await this.tokens.issue(tx, storeId);
      const stored = (await this.tokens.listByStore(tx, storeId)).find((t) => t.id === issued.id);
      if (!stored) throw ConnectorsException.ingestTokenNotFound();
      const base = `${this.options.publicUrl.replace(/\/+$/, '')}/ingest/${issued.token}`;
      return {
        ingestToken: toIngestTokenModel(stored),
        token: issued.token,
        adfUrl: `${base}/adf`,
        twilioStatusUrl: `${base}/twilio/status`,
      };
    });
  }

  revoke(ctx: TenantContext, globalId: string): Promise<IngestToken> {
    const id = decodeId(INGEST_TOKEN_ID_TYPE, globalId);
    return this.db.run(ctx, async (tx) => {
      const [row] = await tx.query<{ store_id: string }>(
        'SELECT store_id FROM store_ingest_token WHERE consultancy_id = $1 AND id = $2',
        [tx.consultancyId, id],
      );
      if (!row || !seesStore(ctx, row.store_id) || !(await this.tokens.revoke(tx, id))) {
        throw ConnectorsException.ingestTokenNotFound();
      }
      const revoked = (await this.tokens.listByStore(tx, row.store_id)).find((t) => t.id === id);
      if (!revoked) throw ConnectorsException.ingestTokenNotFound();
      return toIngestTokenModel(revoked);
    });
  }
}
