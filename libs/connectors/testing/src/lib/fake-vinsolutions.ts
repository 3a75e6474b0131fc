import {
  type FakeReply,
  FakeVendorServer,
  pageOf,
  type ReceivedRequest,
} from './fake-vendor-server';
import { FakeTokenIssuer } from './oauth-fake';

export const VIN_FEEDS = ['leads', 'tasks', 'appointments', 'showroomvisits'] as const;
export type VinFeed = (typeof VIN_FEEDS)[number];

export interface FakeVinSolutionsOptions {
  clientId: string;
  clientSecret: string;
  apiKey: string;
  dealerId: string;
  /** Items per feed; each has `LastModifiedUtc` for the window filter. */
  feeds: Partial<Record<VinFeed, Record<string, unknown>[]>>;
}

export const VIN_TOKEN_PATH = '/connect/token';
export const VIN_API_PREFIX = '/gateway/v1/feeds';

/**
 * VinSolutions as the connector uses it: client-credentials token at `/connect/token`, then
 * `Authorization: Bearer` plus the `api_key` header on every API call; one feed per entity,
 * filtered by `dealerId` and a `modifiedSince`/`modifiedUntil` window, paged with
 * `pageNumber`/`pageSize`, answering `{Items, TotalCount, PageNumber, PageSize}`.
 */
export class FakeVinSolutions {
  readonly issuer: FakeTokenIssuer;
  readonly server: FakeVendorServer;

  constructor(private readonly options: FakeVinSolutionsOptions) {
    this.issuer = new FakeTokenIssuer(options.clientId, options.clientSecret);
    this.server = new FakeVendorServer((r) => this.handle(r));
  }

  private handle(request: ReceivedRequest): FakeReply {
    if (request.path === VIN_TOKEN_PATH && request.method === 'POST')
      return this.issuer.token(request);
    if (request.headers['api_key'] !== this.options.apiKey) {
      return { status: 401, body: { Message: 'Invalid or missing api_key' } };
    }
    if (!this.issuer.authorized(request)) {
      return { status: 401, body: { Message: 'Authorization has been denied for this request.' } };
    }
    const feed = request.path.startsWith(`${VIN_API_PREFIX}/`)
      ? request.path.slice(VIN_API_PREFIX.length + 1)
      : '';
    if (!(VIN_FEEDS as readonly string[]).includes(feed))
      return { status: 404, body: { Message: 'No HTTP resource was found' } };
    if (request.query.get('dealerId') !== this.options.dealerId) {
      return { status: 403, body: { Message: 'Not authorized for this dealer' } };
    }
    const since = Date.parse(request.query.get('modifiedSince') ?? '');
    if (Number.isNaN(since))
      return { status: 400, body: { Message: 'modifiedSince is required (ISO 8601)' } };
    const untilText = request.query.get('modifiedUntil');
    const until = untilText === null ? Infinity : Date.parse(untilText);
    const page = Number(request.query.get('pageNumber') ?? '1');
    const pageSize = Number(request.query.get('pageSize') ?? '100');
    const matching = (this.options.feeds[feed as VinFeed] ?? []).filter((item) => {
      const at = Date.parse(String(item['LastModifiedUtc']));
      return at >= since && at < until;
    });
    return {
      status: 200,
      body: {
        Items: pageOf(matching, page, pageSize),
        TotalCount: matching.length,
        PageNumber: page,
        PageSize: pageSize,
      },
    };
  }
}
