import { Inject, Injectable } from '@nestjs/common';
import {
  type ConnectorCredentials,
  ConnectorCursorRepository,
  ConnectorRepository,
  type ConnectorSyncState,
  DeadLetterRepository,
} from '@candor/connectors-data-access';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb, type TenantTransaction } from '@candor/platform-database';
import { type ConnectionArgs, type ConnectionShape, pageOfList } from '@candor/platform-graphql';
import { QUEUES } from '@candor/platform-queue';
import type { FieldError } from '@candor/shared-errors';
import { validateConnector } from '../catalog/connector-catalog';
import { CONNECTORS_OPTIONS, type ConnectorsOptions } from '../connectors.options';
import { ConnectorAccess } from './connector-access';
import { toConnectorModel } from './connector.mapper';
import { ConnectorsException } from './connectors.exception';
import type { CreateConnectorInput } from './dto/create-connector.input';
import type { ConnectorSyncRequest } from './models/connector-results.model';
import type { Connector } from './models/connector.model';
import { SyncQueue } from './sync-queue';

const MAX_INTERVAL_MINUTES = 10_080;

/** Field errors of the plain columns (the catalog checks kind, settings and credentials). */
function columnErrors(input: CreateConnectorInput): FieldError[] {
  const errors: FieldError[] = [];
  const name = input.displayName.trim();
  if (name.length < 1 || name.length > 200) {
    errors.push({ field: 'input.displayName', message: 'must be 1 to 200 characters' });
  }
  const interval = input.syncIntervalMinutes;
  if (
    interval != null &&
    (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL_MINUTES)
  ) {
    errors.push({
      field: 'input.syncIntervalMinutes',
      message: `must be between 1 and ${MAX_INTERVAL_MINUTES}`,
    });
  }
  return errors;
}

const inInput = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => ({ field: `input.${e.field}`, message: e.message }));

/**
 * Connector configuration for consultants. Credentials go in sealed and never come back out:
 * every answer is built from the repository's view, which only says whether there are any.
 */
@Injectable()
export class ConnectorService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: ConnectorAccess,
    private readonly connectors: ConnectorRepository,
    private readonly cursors: ConnectorCursorRepository,
    private readonly deadLetters: DeadLetterRepository,
    private readonly queue: SyncQueue,
    @Inject(CONNECTORS_OPTIONS) private readonly options: ConnectorsOptions,
  ) {}

  list(
    ctx: TenantContext,
    storeGlobalId: string,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<Connector>> {
    return this.db.run(ctx, async (tx) => {
      const storeId = await this.access.store(tx, ctx, storeGlobalId);
      const connectors = await this.connectors.listByStore(tx, storeId);
      const open = new Map<string, number>();
      for (const letter of await this.deadLetters.listOpen(tx)) {
        open.set(letter.connectorId, (open.get(letter.connectorId) ?? 0) + 1);
      }
      const states = new Map<string, ConnectorSyncState | null>();
      for (const c of connectors) states.set(c.id, await this.cursors.get(tx, c.id));
      return pageOfList(args, connectors, (c) =>
        toConnectorModel(c, states.get(c.id) ?? null, open.get(c.id) ?? 0),
      );
    });
  }

  async create(ctx: TenantContext, input: CreateConnectorInput): Promise<Connector> {
    const errors = [
      ...columnErrors(input),
      ...inInput(validateConnector(input.kind, input.settings, input.credentials)),
    ];
    if (errors.length > 0) throw ConnectorsException.invalid(errors);
    if (!this.options.secretsKey) throw ConnectorsException.noSecretsKey('input.credentials');
    return this.db.run(ctx, async (tx) => {
      const storeId = await this.access.store(tx, ctx, input.storeId, 'input.storeId');
      const created = await this.connectors.create(tx, {
        storeId,
        kind: input.kind,
        displayName: input.displayName.trim(),
        settings: input.settings,
        credentials: input.credentials as ConnectorCredentials,
        enabled: input.enabled ?? true,
        syncIntervalMinutes: input.syncIntervalMinutes ?? 60,
      });
      return toConnectorModel(created, null, 0);
    });
  }

  async updateCredentials(
    ctx: TenantContext,
    globalId: string,
    credentials: Record<string, unknown>,
  ): Promise<Connector> {
    if (!this.options.secretsKey) throw ConnectorsException.noSecretsKey('credentials');
    return this.db.run(ctx, async (tx) => {
      const connector = await this.access.connector(tx, ctx, globalId);
      const errors = validateConnector(connector.kind, connector.settings, credentials);
      // Stored settings were valid when saved; only the new credentials are the caller's to fix.
      const own = errors.filter((e) => e.field.startsWith('credentials'));
      if (own.length > 0) throw ConnectorsException.invalid(own);
      await this.connectors.setCredentials(tx, connector.id, credentials as ConnectorCredentials);
      return this.reload(tx, connector.id);
    });
  }

  setEnabled(ctx: TenantContext, globalId: string, enabled: boolean): Promise<Connector> {
    return this.db.run(ctx, async (tx) => {
      const connector = await this.access.connector(tx, ctx, globalId);
      await this.connectors.setEnabled(tx, connector.id, enabled);
      return this.reload(tx, connector.id);
    });
  }

  /**
   * Queues a `connector.sync` exactly as the worker's scheduler does (keyed by connector, so a
   * sync already waiting is not queued twice), inside the transaction that checked access.
   */
  async sync(ctx: TenantContext, globalId: string): Promise<ConnectorSyncRequest> {
    // Access is checked before the queue connection is opened, and again where the job is sent.
    await this.db.run(ctx, (tx) => this.syncable(tx, ctx, globalId));
    const queue = await this.queue.get();
    return this.db.run(ctx, async (tx) => {
      const connector = await this.syncable(tx, ctx, globalId);
      const jobId = await queue.send(
        QUEUES.connectorSync,
        { consultancyId: ctx.consultancyId, connectorId: connector.id },
        { tx, singletonKey: connector.id },
      );
      return { queued: jobId !== null, jobId };
    });
  }

  private async syncable(tx: TenantTransaction, ctx: TenantContext, globalId: string) {
    const connector = await this.access.connector(tx, ctx, globalId);
    if (!connector.enabled) throw ConnectorsException.disabled();
    return connector;
  }

  private async reload(tx: TenantTransaction, id: string): Promise<Connector> {
    const view = await this.connectors.findById(tx, id);
    if (!view) throw ConnectorsException.connectorNotFound();
    const open = await this.deadLetters.listOpen(tx, id);
    return toConnectorModel(view, await this.cursors.get(tx, id), open.length);
  }
}
