import {
  type FakeReply,
  FakeVendorServer,
  pageOf,
  type ReceivedRequest,
} from './fake-vendor-server';
import { FakeTokenIssuer } from './oauth-fake';

export interface FakeFortellisOptions {
  clientId: string;
  clientSecret: string;
  subscriptionId: string;
  /** Elead opportunities, each with `dateIn` / `updatedDate` for the date filters. */
  opportunities: Record<string, unknown>[];
  /** Activity history by opportunity id. */
  activities: Record<string, Record<string, unknown>[]>;
}

export const FORTELLIS_TOKEN_PATH = '/oauth2/aus1p1ixy7YL8cMq02p7/v1/token';
export const ELEAD_OPPORTUNITIES_PATH = '/sales/v2/elead/opportunities';
export const ELEAD_ACTIVITY_HISTORY_PATH = '/sales/v1/elead/activities/history/byOpportunityId';

/**
 * Fortellis (identity + Elead CRM APIs) as the Elead connector uses them: client-credentials
 * token, `Subscription-Id` and `Request-Id` headers, opportunities search (dateFrom/dateTo) and
 * delta search (dateFrom on updatedDate), `page`/`pageSize` paging with `items`, `totalItems`,
 * `totalPages` and `links`, and activity history per opportunity.
 */
export class FakeFortellis {
  readonly issuer: FakeTokenIssuer;
  readonly server: FakeVendorServer;

  constructor(private readonly options: FakeFortellisOptions) {
    this.issuer = new FakeTokenIssuer(options.clientId, options.clientSecret);
    this.server = new FakeVendorServer((r) => this.handle(r));
  }

  private handle(request: ReceivedRequest): FakeReply {
    if (request.path === FORTELLIS_TOKEN_PATH && request.method === 'POST')
      return this.issuer.token(request);
    if (!this.issuer.authorized(request)) {
      return {
        status: 401,
        body: { code: 401, message: 'Unauthorized: invalid or expired access token' },
      };
    }
    if (request.headers['subscription-id'] !== this.options.subscriptionId) {
      return {
        status: 403,
        body: { code: 403, message: 'Subscription-Id is not entitled to this API' },
      };
    }
    if (!request.headers['request-id']) {
      return { status: 400, body: { code: 400, message: 'Request-Id header is required' } };
    }
    if (request.path === `${ELEAD_OPPORTUNITIES_PATH}/search`)
      return this.search(request, 'dateIn', true);
    if (request.path === `${ELEAD_OPPORTUNITIES_PATH}/searchDelta`)
      return this.search(request, 'updatedDate', false);
    if (request.path.startsWith(`${ELEAD_ACTIVITY_HISTORY_PATH}/`)) {
      const id = decodeURIComponent(request.path.slice(ELEAD_ACTIVITY_HISTORY_PATH.length + 1));
      return { status: 200, body: { items: this.options.activities[id] ?? [] } };
    }
    return { status: 404, body: { code: 404, message: 'Not found' } };
  }

  private search(request: ReceivedRequest, dateField: string, needsTo: boolean): FakeReply {
    const from = request.query.get('dateFrom');
    const to = request.query.get('dateTo');
    if (from === null || (needsTo && to === null)) {
      return {
        status: 400,
        body: {
          code: 400,
          message: needsTo ? 'dateFrom and dateTo are required' : 'dateFrom is required',
        },
      };
    }
    const page = Number(request.query.get('page') ?? '1');
    const pageSize = Number(request.query.get('pageSize') ?? '100');
    const matching = this.options.opportunities.filter((o) => {
      const at = Date.parse(String(o[dateField]));
      return at >= Date.parse(from) && (to === null || at < Date.parse(to));
    });
    const totalPages = Math.max(1, Math.ceil(matching.length / pageSize));
    const self = `${request.path}?${request.query.toString()}`;
    const next = new URLSearchParams(request.query);
    next.set('page', String(page + 1));
    return {
      status: 200,
      body: {
        items: pageOf(matching, page, pageSize),
        totalItems: matching.length,
        totalPages,
        pageNumber: page,
        pageSize,
        links: [
          { rel: 'self', href: self, method: 'GET' },
          ...(page < totalPages
            ? [{ rel: 'next', href: `${request.path}?${next.toString()}`, method: 'GET' }]
            : []),
        ],
      },
    };
  }
}
