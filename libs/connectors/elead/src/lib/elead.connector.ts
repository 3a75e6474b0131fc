import { randomUUID } from 'node:crypto';
import {
  asObject,
  type ConnectorContext,
  type PullConnector,
  type PullPage,
  RecordCollector,
} from '@candor/connectors-core';
import { clientCredentials, HttpClient, type HttpClientOptions } from '@candor/connectors-http';
import { mapEleadActivity } from './elead-activity.mapper';
import { mapOpportunity } from './elead-opportunity.mapper';

export interface EleadConfig {
  clientId: string;
  clientSecret: string;
  /** The dealer's Fortellis subscription (sent as `Subscription-Id`). */
  subscriptionId: string;
  /** First sync: opportunities that arrived from this instant (ISO 8601). */
  since: string;
  baseUrl?: string;
  tokenUrl?: string;
  scope?: string;
  pageSize?: number;
  now?: () => number;
  http?: Omit<HttpClientOptions, 'baseUrl' | 'auth' | 'headers'>;
}

/**
 * `search`: the first sync, opportunities by arrival (`dateFrom`…`dateTo`); `delta`: later
 * syncs, opportunities changed since `from` (`searchDelta`). `page` is the next page to read.
 */
interface Cursor {
  mode: 'search' | 'delta';
  from: string;
  to: string | null;
  page: number;
  /** When this pass began: the next delta pass starts there, so nothing falls between passes. */
  started: string;
}

const OPPORTUNITIES = '/sales/v2/elead/opportunities';
const HISTORY = '/sales/v1/elead/activities/history/byOpportunityId';

/**
 * Elead CRM through Fortellis: opportunities (search, then delta search on later syncs) and the
 * activity history of each, page by page. Auth is OAuth client credentials; every call carries
 * `Subscription-Id` (the dealer) and a fresh `Request-Id`.
 */
export class EleadConnector implements PullConnector {
  readonly kind = 'elead';
  private readonly http: HttpClient;
  private readonly now: () => number;

  constructor(private readonly config: EleadConfig) {
    this.now = config.now ?? Date.now;
    this.http = new HttpClient({
      ...config.http,
      baseUrl: config.baseUrl ?? 'https://api.fortellis.io',
      headers: { 'Subscription-Id': config.subscriptionId },
      auth: clientCredentials({
        tokenUrl:
          config.tokenUrl ?? 'https://identity.fortellis.io/oauth2/aus1p1ixy7YL8cMq02p7/v1/token',
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        scope: config.scope ?? 'anonymous',
      }),
    });
  }

  private firstCursor(): Cursor {
    const now = new Date(this.now()).toISOString();
    return { mode: 'search', from: this.config.since, to: now, page: 1, started: now };
  }

  async *pull(cursor: string | null, ctx: ConnectorContext): AsyncIterable<PullPage> {
    let state = cursor === null ? this.firstCursor() : decode(cursor);
    if (state.page === 0) {
      // A finished pass: the next one asks for what changed since it began.
      const now = new Date(this.now()).toISOString();
      state = { mode: 'delta', from: state.started, to: null, page: 1, started: now };
    }
    for (;;) {
      const path = `${OPPORTUNITIES}/${state.mode === 'search' ? 'search' : 'searchDelta'}`;
      const response = await this.http.get(path, {
        query: {
          dateFrom: state.from,
          dateTo: state.to ?? undefined,
          page: state.page,
          pageSize: this.config.pageSize ?? 100,
        },
        headers: { 'Request-Id': randomUUID() },
      });
      const body = asObject(response.json);
      const out = new RecordCollector();
      const raw = [JSON.stringify(response.json)];
      const items = Array.isArray(body?.['items']) ? (body['items'] as unknown[]) : null;
      if (items === null)
        out.reject(`page ${state.page}`, 'items', 'the search response has no items list');
      for (const item of items ?? []) {
        const opp = asObject(item);
        if (!opp) continue;
        const id = mapOpportunity(opp, ctx, out);
        if (id === null) continue;
        const history = await this.http.get(`${HISTORY}/${encodeURIComponent(id)}`, {
          headers: { 'Request-Id': randomUUID() },
        });
        const entries = asObject(history.json)?.['items'];
        raw.push(JSON.stringify({ opportunityId: id, items: entries ?? [] }));
        for (const entry of Array.isArray(entries) ? entries : []) {
          const activity = asObject(entry);
          if (activity) mapEleadActivity(activity, id, ctx, out);
        }
      }
      const totalPages = typeof body?.['totalPages'] === 'number' ? body['totalPages'] : state.page;
      const last = state.page >= totalPages || (items ?? []).length === 0;
      state = last ? { ...state, page: 0 } : { ...state, page: state.page + 1 };
      const result = out.result();
      yield {
        records: result.records,
        rejected: result.rejected,
        raw: raw.join('\n'),
        cursor: JSON.stringify(state),
      };
      if (last) return;
    }
  }
}

function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(cursor) as Partial<Cursor>;
    if (
      (c.mode === 'search' || c.mode === 'delta') &&
      typeof c.from === 'string' &&
      typeof c.page === 'number' &&
      typeof c.started === 'string'
    ) {
      return {
        mode: c.mode,
        from: c.from,
        to: typeof c.to === 'string' ? c.to : null,
        page: c.page,
        started: c.started,
      };
    }
  } catch {
    // fall through
  }
  throw new Error(
    `Elead cursor ${JSON.stringify(cursor.slice(0, 80))} was not written by this connector`,
  );
}
