import { Injectable } from '@nestjs/common';
import { ConnectorRepository, DeadLetterRepository } from '@candor/connectors-data-access';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  pageOfList,
} from '@candor/platform-graphql';
import { ConnectorAccess, DEAD_LETTER_ID_TYPE, seesStore } from './connector-access';
import { toDeadLetterModel } from './connector.mapper';
import { ConnectorsException } from './connectors.exception';
import type { ConnectorDeadLetter } from './models/dead-letter.model';

/** Syncs that failed for good, for the consultant to read and, once handled, resolve. */
@Injectable()
export class DeadLetterService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: ConnectorAccess,
    private readonly deadLetters: DeadLetterRepository,
    private readonly connectors: ConnectorRepository,
  ) {}

  list(
    ctx: TenantContext,
    connectorGlobalId: string,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<ConnectorDeadLetter>> {
    return this.db.run(ctx, async (tx) => {
      const connector = await this.access.connector(tx, ctx, connectorGlobalId, 'connectorId');
      const letters = await this.deadLetters.listOpen(tx, connector.id);
      return pageOfList(args, letters, toDeadLetterModel);
    });
  }

  resolve(ctx: TenantContext, globalId: string): Promise<ConnectorDeadLetter> {
    const id = decodeId(DEAD_LETTER_ID_TYPE, globalId);
    return this.db.run(ctx, async (tx) => {
      // Open letters of the tenant are few; finding it among them also tells whose store it is.
      const letter = (await this.deadLetters.listOpen(tx)).find((l) => l.id === id);
      if (!letter) throw ConnectorsException.deadLetterNotFound();
      const connector = await this.connectors.findById(tx, letter.connectorId);
      if (!connector || !seesStore(ctx, connector.storeId)) {
        throw ConnectorsException.deadLetterNotFound();
      }
      if (!(await this.deadLetters.resolve(tx, id))) {
        throw ConnectorsException.deadLetterNotFound();
      }
      return toDeadLetterModel(letter);
    });
  }
}
