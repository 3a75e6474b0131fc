import { Inject, Injectable } from '@nestjs/common';
import type { ConnectorContext, PullPage } from '@candor/connectors-core';
import { type ConnectorForSync, ConnectorRepository } from '@candor/connectors-data-access';
import { VendorHttpError } from '@candor/connectors-http';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import {
  ConnectorSetupError,
  connectorTitle,
  createPullConnector,
} from '../catalog/connector-catalog';
import { CONNECTORS_OPTIONS, type ConnectorsOptions } from '../connectors.options';
import { ConnectorAccess } from './connector-access';
import { ConnectorsException } from './connectors.exception';
import type { ConnectorTestResult } from './models/connector-results.model';

const contextOf = (c: ConnectorForSync): ConnectorContext => ({
  storeId: c.store.externalId,
  timeZone: c.store.timeZone,
  emailDomains: c.store.emailDomains,
  phoneNumbers: c.store.phoneNumbers,
});

/** The vendor's own words from an error body (JSON `message`/`error_description`), else the text. */
function vendorMessage(body: string): string {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['message', 'error_description', 'error', 'detail', 'Message']) {
      if (typeof json[key] === 'string' && json[key]) return json[key];
    }
  } catch {
    // not JSON: the text itself
  }
  return body.trim().slice(0, 300) || 'no message';
}

function failed(message: string): ConnectorTestResult {
  return { ok: false, message, recordsOnFirstPage: 0, rejectedOnFirstPage: 0 };
}

/** What a consultant can act on: who refused and why, never a stack. */
function failureOf(title: string, error: unknown): ConnectorTestResult {
  if (error instanceof VendorHttpError) {
    return error.status === 0
      ? failed(`${title} could not be reached: ${error.message}`)
      : failed(`${title} answered HTTP ${String(error.status)}: ${vendorMessage(error.body)}`);
  }
  if (error instanceof ConnectorSetupError) return failed(error.message);
  return failed(`${title}: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * testConnector: builds the connector from its stored configuration and pulls the first page
 * only, from the beginning, importing nothing and leaving the saved cursor alone.
 */
@Injectable()
export class ConnectorProbeService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: ConnectorAccess,
    private readonly connectors: ConnectorRepository,
    @Inject(CONNECTORS_OPTIONS) private readonly options: ConnectorsOptions,
  ) {}

  async test(ctx: TenantContext, globalId: string): Promise<ConnectorTestResult> {
    const visible = await this.db.run(ctx, (tx) => this.access.connector(tx, ctx, globalId));
    if (visible.hasCredentials && !this.options.secretsKey) {
      throw ConnectorsException.noSecretsKey('id');
    }
    let connector: ConnectorForSync | null;
    try {
      connector = await this.db.run(ctx, (tx) => this.connectors.loadForSync(tx, visible.id));
    } catch (error) {
      // Credentials sealed under another key: the consultant must enter them again.
      if (error instanceof CandorException && error.code === ErrorCode.Internal) {
        return failed(`the stored credentials cannot be opened: ${error.message}`);
      }
      throw error;
    }
    if (!connector) throw ConnectorsException.connectorNotFound();
    const title = connectorTitle(connector.kind) ?? connector.kind;
    let first: PullPage | null = null;
    try {
      const pull = createPullConnector(connector);
      for await (const page of pull.pull(null, contextOf(connector))) {
        first = page;
        break;
      }
    } catch (error) {
      if (error instanceof CandorException) throw error;
      return failureOf(title, error);
    }
    if (!first) {
      return failed(
        `${title} returned no page: the store has nothing for it to read yet ` +
          '(a Twilio connector needs the store’s phone numbers)',
      );
    }
    return {
      ok: true,
      message: `${title} answered: ${String(first.records.length)} record(s) on the first page`,
      recordsOnFirstPage: first.records.length,
      rejectedOnFirstPage: first.rejected.length,
    };
  }
}
