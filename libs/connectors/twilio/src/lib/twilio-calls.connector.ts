import {
  asObject,
  type ConnectorContext,
  type PullConnector,
  type PullPage,
  RecordCollector,
  textField,
} from '@candor/connectors-core';
import { basicAuth, HttpClient, type HttpClientOptions } from '@candor/connectors-http';
import { callFields, mapTwilioCall } from './twilio-call.mapper';

export interface TwilioConfig {
  accountSid: string;
  /** The account's auth token, or an API key secret with `apiKeySid`. */
  authToken: string;
  apiKeySid?: string;
  /** Calls that started on or after this day (YYYY-MM-DD, UTC as Twilio reads it). */
  since: string;
  baseUrl?: string;
  pageSize?: number;
  /** Fetch recordings and their transcriptions per answered call (one request each). */
  transcripts?: boolean;
  http?: Omit<HttpClientOptions, 'baseUrl' | 'auth'>;
  now?: () => number;
}

interface Cursor {
  /** Index into the list queries (To=n, From=n per store number). */
  q: number;
  /** Twilio's next_page_uri within that query, or null to start it. */
  next: string | null;
  /** The StartTime>= day of this pass. */
  since: string;
  /** The UTC day this pass began: the next pass starts there (Twilio filters by whole days). */
  started: string;
}

function decodeCursor(cursor: string): Cursor {
  try {
    const v = JSON.parse(cursor) as Partial<Cursor>;
    if (
      typeof v.q === 'number' &&
      (v.next === null || typeof v.next === 'string') &&
      typeof v.since === 'string' &&
      typeof v.started === 'string'
    )
      return { q: v.q, next: v.next, since: v.since, started: v.started };
  } catch {
    // fall through
  }
  throw new Error(
    `Twilio cursor ${JSON.stringify(cursor.slice(0, 80))} was not written by this connector`,
  );
}

/** One JSON line per response body, so the raw archive can be re-read offline. */
function rawLine(text: string, json: unknown): string {
  return text.includes('\n') ? JSON.stringify(json) : text;
}

/**
 * Pulls Call resources for the store's numbers (calls to them and from them), page by page
 * following `next_page_uri`, with recordings' transcriptions when asked. The cursor names the
 * query and the next page, so a sync resumes exactly where it stopped.
 */
export class TwilioCallsConnector implements PullConnector {
  readonly kind = 'twilio';
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(private readonly config: TwilioConfig) {
    this.http = new HttpClient({
      ...config.http,
      baseUrl: config.baseUrl ?? 'https://api.twilio.com',
      auth: basicAuth(config.apiKeySid ?? config.accountSid, config.authToken),
    });
    this.base = `/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}`;
  }

  async *pull(cursor: string | null, ctx: ConnectorContext): AsyncIterable<PullPage> {
    const queries = ctx.phoneNumbers.flatMap((n) => [{ To: n }, { From: n }]);
    const today = new Date((this.config.now ?? Date.now)()).toISOString().slice(0, 10);
    let state: Cursor =
      cursor === null
        ? { q: 0, next: null, since: this.config.since, started: today }
        : decodeCursor(cursor);
    // A finished pass: the next one reads from the day the last one began; calls seen twice
    // keep their sid, so the import drops them as duplicates.
    if (state.q >= queries.length)
      state = { q: 0, next: null, since: state.started, started: today };
    while (state.q < queries.length) {
      const response = state.next
        ? await this.http.get(state.next)
        : await this.http.get(`${this.base}/Calls.json`, {
            query: {
              ...queries[state.q],
              'StartTime>=': state.since,
              PageSize: this.config.pageSize ?? 50,
            },
          });
      const page = asObject(response.json);
      const raw = [rawLine(response.text, response.json)];
      const out = new RecordCollector();
      const calls = Array.isArray(page?.['calls']) ? (page['calls'] as unknown[]) : null;
      if (calls === null)
        out.reject(`page ${response.url}`, 'calls', 'the response has no calls list');
      for (const item of calls ?? []) {
        const call = asObject(item);
        if (!call) continue;
        const transcript = await this.transcript(call, raw);
        mapTwilioCall(callFields(call, transcript), ctx, out);
      }
      const next = textField(page, 'next_page_uri');
      state = next
        ? { q: state.q, next, since: state.since, started: state.started }
        : { q: state.q + 1, next: null, since: state.since, started: state.started };
      const result = out.result();
      yield {
        records: result.records,
        rejected: result.rejected,
        raw: raw.join('\n'),
        cursor: JSON.stringify(state),
      };
    }
  }

  private async transcript(call: Record<string, unknown>, raw: string[]): Promise<string | null> {
    if (
      this.config.transcripts === false ||
      call['status'] !== 'completed' ||
      Number(call['duration'] ?? 0) === 0
    )
      return null;
    const sid = textField(call, 'sid');
    if (sid === null) return null;
    const recordings = await this.http.get(
      `${this.base}/Calls/${encodeURIComponent(sid)}/Recordings.json`,
    );
    raw.push(rawLine(recordings.text, recordings.json));
    const texts: string[] = [];
    const list = asObject(recordings.json)?.['recordings'];
    for (const item of Array.isArray(list) ? list : []) {
      const recordingSid = textField(asObject(item), 'sid');
      if (recordingSid === null) continue;
      const response = await this.http.get(
        `${this.base}/Recordings/${encodeURIComponent(recordingSid)}/Transcriptions.json`,
      );
      raw.push(rawLine(response.text, response.json));
      const transcriptions = asObject(response.json)?.['transcriptions'];
      for (const t of Array.isArray(transcriptions) ? transcriptions : []) {
        const text = textField(asObject(t), 'transcription_text');
        if (text !== null) texts.push(text);
      }
    }
    return texts.length > 0 ? texts.join('\n') : null;
  }
}
