import type { AuthStrategy } from './auth-strategy';
import { VendorHttpError } from './http-error';
import { backoffMs, DEFAULT_RETRY, retryAfterMs, type RetryPolicy } from './retry-policy';

export interface HttpClientOptions {
  baseUrl: string;
  auth?: AuthStrategy;
  /** Sent with every request (Fortellis `Subscription-Id`, VinSolutions `api_key`). */
  headers?: Record<string, string>;
  /** Per attempt; the request is aborted after it. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Waits between attempts; injected by tests to record the waits instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  random?: () => number;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
}

export interface HttpResult {
  status: number;
  url: string;
  /** The body as received, kept for the raw-payload archive. */
  text: string;
  json: unknown;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isRetryable(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/**
 * The one HTTP client of the connectors, on global fetch: base URL, an auth strategy, JSON,
 * a timeout per attempt, and retries on 429 (honouring `Retry-After`), 5xx and network errors
 * with exponential backoff and jitter. A 401 drops the cached token and is retried once.
 * Failures end in a `VendorHttpError` carrying the vendor's status and body.
 */
export class HttpClient {
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: HttpClientOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? realSleep;
    this.fetcher = options.fetch ?? fetch;
  }

  /**
   * Absolute URLs are used as they are; paths are joined to the base URL, unless they already
   * start with its path (a vendor's next-page link relative to the host: Twilio's next_page_uri).
   */
  url(path: string, query?: RequestOptions['query']): string {
    const base = new URL(this.options.baseUrl);
    let url: URL;
    if (/^https?:\/\//i.test(path)) {
      url = new URL(path);
    } else {
      const prefix = base.pathname.replace(/\/$/, '');
      const rel = path.startsWith('/') ? path : `/${path}`;
      url = new URL(
        (prefix !== '' && rel.startsWith(`${prefix}/`) ? '' : prefix) + rel,
        base.origin,
      );
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  get(path: string, options: RequestOptions = {}): Promise<HttpResult> {
    return this.request('GET', path, options);
  }

  post(path: string, options: RequestOptions = {}): Promise<HttpResult> {
    return this.request('POST', path, options);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const url = this.url(path, options.query);
    let reauthorized = false;
    let lastReason = '';
    let lastStatus = 0;
    let lastBody = '';
    let attempts = 0;
    for (let attempt = 1; attempt <= this.retry.maxAttempts; attempt++) {
      const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
      let response: Response;
      attempts++;
      try {
        const auth = this.options.auth ? await this.options.auth.headers(this.fetcher, signal) : {};
        response = await this.fetcher(url, {
          method,
          headers: {
            accept: 'application/json',
            ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
            ...this.options.headers,
            ...options.headers,
            ...auth,
          },
          body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
          signal,
        });
      } catch (error) {
        if (error instanceof VendorHttpError) throw error;
        lastStatus = 0;
        lastBody = '';
        lastReason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (attempt < this.retry.maxAttempts)
          await this.sleep(backoffMs(this.retry, attempt, this.options.random));
        continue;
      }
      const text = await response.text();
      if (response.ok) return { status: response.status, url, text, json: parseJson(text) };
      lastStatus = response.status;
      lastBody = text;
      lastReason = `HTTP ${response.status}: ${text.slice(0, 300)}`;
      if (response.status === 401 && this.options.auth && !reauthorized) {
        reauthorized = true;
        this.options.auth.invalidate();
        attempt--;
        continue;
      }
      if (!isRetryable(response.status)) break;
      if (attempt < this.retry.maxAttempts) {
        const asked =
          response.status === 429 || response.status === 503
            ? retryAfterMs(response.headers.get('retry-after'))
            : null;
        const wait = asked ?? backoffMs(this.retry, attempt, this.options.random);
        await this.sleep(Math.min(wait, this.retry.maxDelayMs));
      }
    }
    throw new VendorHttpError(method, url, lastStatus, lastBody, attempts, lastReason);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
