import {
  basicCredentials,
  type FakeReply,
  FakeVendorServer,
  type ReceivedRequest,
} from './fake-vendor-server';

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  calls: Record<string, unknown>[];
  /** Recordings by call sid. */
  recordings?: Record<string, Record<string, unknown>[]>;
  /** Transcriptions by recording sid. */
  transcriptions?: Record<string, Record<string, unknown>[]>;
}

const AUTH_ERROR = {
  code: 20003,
  message: 'Authenticate',
  more_info: 'https://www.twilio.com/docs/errors/20003',
  status: 401,
};

/**
 * Twilio's REST API as far as the Calls connector uses it: Calls list (To/From/StartTime>=
 * filters, Page/PageSize paging with `next_page_uri`), call recordings and their transcriptions,
 * HTTP basic auth with the Account SID and auth token.
 */
export function fakeTwilio(options: FakeTwilioOptions): FakeVendorServer {
  const base = `/2010-04-01/Accounts/${options.accountSid}`;
  const handler = (request: ReceivedRequest): FakeReply => {
    const creds = basicCredentials(request);
    if (!creds || creds[0] !== options.accountSid || creds[1] !== options.authToken) {
      return {
        status: 401,
        body: AUTH_ERROR,
        headers: { 'www-authenticate': 'Basic realm="Twilio API"' },
      };
    }
    if (request.path === `${base}/Calls.json`) return listCalls(request);
    const rec = new RegExp(`^${base}/Calls/([^/]+)/Recordings\\.json$`).exec(request.path);
    if (rec)
      return {
        status: 200,
        body: { recordings: options.recordings?.[rec[1]!] ?? [], next_page_uri: null },
      };
    const tr = new RegExp(`^${base}/Recordings/([^/]+)/Transcriptions\\.json$`).exec(request.path);
    if (tr)
      return {
        status: 200,
        body: { transcriptions: options.transcriptions?.[tr[1]!] ?? [], next_page_uri: null },
      };
    return {
      status: 404,
      body: { code: 20404, message: 'The requested resource was not found', status: 404 },
    };
  };

  function listCalls(request: ReceivedRequest): FakeReply {
    const q = request.query;
    const to = q.get('To');
    const from = q.get('From');
    const startAfter = q.get('StartTime>=');
    const pageSize = Number(q.get('PageSize') ?? '50');
    const page = Number(q.get('Page') ?? '0');
    const matching = options.calls.filter(
      (c) =>
        (to === null || c['to'] === to) &&
        (from === null || c['from'] === from) &&
        (startAfter === null || Date.parse(String(c['start_time'])) >= Date.parse(startAfter)),
    );
    const calls = matching.slice(page * pageSize, (page + 1) * pageSize);
    const more = (page + 1) * pageSize < matching.length;
    const params = new URLSearchParams();
    if (to !== null) params.set('To', to);
    if (from !== null) params.set('From', from);
    if (startAfter !== null) params.set('StartTime>=', startAfter);
    params.set('PageSize', String(pageSize));
    const uri = (p: number) => `${base}/Calls.json?${params.toString()}&Page=${p}&PageToken=PA${p}`;
    return {
      status: 200,
      body: {
        calls,
        page,
        page_size: pageSize,
        start: page * pageSize,
        end: page * pageSize + calls.length - 1,
        first_page_uri: uri(0),
        previous_page_uri: page > 0 ? uri(page - 1) : null,
        next_page_uri: more ? uri(page + 1) : null,
        uri: uri(page),
      },
    };
  }
  return new FakeVendorServer(handler);
}
