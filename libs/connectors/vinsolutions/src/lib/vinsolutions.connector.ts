import {
  asObject,
  type ConnectorContext,
  type PullConnector,
  type PullPage,
  RecordCollector,
} from '@candor/connectors-core';
import { clientCredentials, HttpClient, type HttpClientOptions } from '@candor/connectors-http';
import { mapVinItem, VIN_FEED_NAMES } from './vin-feed.mapper';

export interface VinSolutionsConfig {
  clientId: string;
  clientSecret: string;
  apiKey: string;
  dealerId: string;
  /** First sync: items modified from this instant (ISO 8601). */
  since: string;
  baseUrl?: string;
  tokenUrl?: string;
  scope?: string;
  pageSize?: number;
  now?: () => number;
  http?: Omit<HttpClientOptions, 'baseUrl' | 'auth' | 'headers'>;
}

/** Feed `feed` of VIN_FEED_NAMES, page `page`, over the window `from`…`to`. */
interface Cursor {
  feed: number;
  page: number;
  from: string;
  to: string;
}

/**
 * VinSolutions lead, task, appointment and showroom-visit feeds, each read over a last-modified
 * window and paged. A pass reads the four feeds over one window; the cursor after the last page
 * starts the next pass at the end of that window, so consecutive syncs neither skip nor repeat.
 */
export class VinSolutionsConnector implements PullConnector {
  readonly kind = 'vinsolutions';
  private readonly http: HttpClient;
  private readonly now: () => number;

  constructor(private readonly config: VinSolutionsConfig) {
    this.now = config.now ?? Date.now;
    this.http = new HttpClient({
      ...config.http,
      baseUrl: config.baseUrl ?? 'https://api.vinsolutions.com',
      headers: { api_key: config.apiKey },
      auth: clientCredentials({
        tokenUrl: config.tokenUrl ?? 'https://authentication.vinsolutions.com/connect/token',
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        scope: config.scope ?? 'PublicAPI',
      }),
    });
  }

  async *pull(cursor: string | null, ctx: ConnectorContext): AsyncIterable<PullPage> {
    const now = new Date(this.now()).toISOString();
    let state: Cursor =
      cursor === null ? { feed: 0, page: 1, from: this.config.since, to: now } : decode(cursor);
    if (state.feed >= VIN_FEED_NAMES.length) state = { feed: 0, page: 1, from: state.to, to: now };
    const pageSize = this.config.pageSize ?? 100;
    while (state.feed < VIN_FEED_NAMES.length) {
      const feed = VIN_FEED_NAMES[state.feed]!;
      const response = await this.http.get(`/gateway/v1/feeds/${feed}`, {
        query: {
          dealerId: this.config.dealerId,
          modifiedSince: state.from,
          modifiedUntil: state.to,
          pageNumber: state.page,
          pageSize,
        },
      });
      const body = asObject(response.json);
      const out = new RecordCollector();
      const items = Array.isArray(body?.['Items']) ? (body['Items'] as unknown[]) : null;
      if (items === null)
        out.reject(`${feed} page ${state.page}`, 'Items', 'the feed response has no Items list');
      for (const item of items ?? []) {
        const obj = asObject(item);
        if (obj) mapVinItem(feed, obj, ctx, out);
      }
      const total = typeof body?.['TotalCount'] === 'number' ? body['TotalCount'] : 0;
      const more = (items ?? []).length > 0 && state.page * pageSize < total;
      state = more
        ? { feed: state.feed, page: state.page + 1, from: state.from, to: state.to }
        : { feed: state.feed + 1, page: 1, from: state.from, to: state.to };
      const result = out.result();
      yield {
        records: result.records,
        rejected: result.rejected,
        raw: JSON.stringify(response.json),
        cursor: JSON.stringify(state),
      };
    }
  }
}

function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(cursor) as Partial<Cursor>;
    if (
      typeof c.feed === 'number' &&
      typeof c.page === 'number' &&
      typeof c.from === 'string' &&
      typeof c.to === 'string'
    ) {
      return { feed: c.feed, page: c.page, from: c.from, to: c.to };
    }
  } catch {
    // fall through
  }
  throw new Error(
    `VinSolutions cursor ${JSON.stringify(cursor.slice(0, 80))} was not written by this connector`,
  );
}
