import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, for assertions on paths, auth and paging. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A failure injected before the vendor logic runs: 429 with Retry-After, 5xx, … */
export interface InjectedFailure {
  status: number;
  retryAfter?: string;
  body?: unknown;
  /** Only requests whose path contains this fail (default: any request). */
  pathContains?: string;
}

export type FakeHandler = (request: ReceivedRequest) => FakeReply;

/**
 * A local HTTP server on port 0 for connector tests. Vendor fakes plug their routes in as a
 * handler; tests queue failures (`failNext`) and read what was asked (`requests`).
 */
export class FakeVendorServer {
  readonly requests: ReceivedRequest[] = [];
  private readonly failures: InjectedFailure[] = [];
  private server: Server | null = null;
  private baseUrl = '';

  constructor(private readonly handler: FakeHandler) {}

  get url(): string {
    return this.baseUrl;
  }

  failNext(...failures: InjectedFailure[]): void {
    this.failures.push(...failures);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const request: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(request);
      const index = this.failures.findIndex(
        (f) => !f.pathContains || request.path.includes(f.pathContains),
      );
      let reply: FakeReply;
      if (index >= 0) {
        const failure = this.failures.splice(index, 1)[0]!;
        reply = {
          status: failure.status,
          body: failure.body ?? { message: `injected ${failure.status}` },
          headers: failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter },
        };
      } else {
        try {
          reply = this.handler(request);
        } catch (error) {
          reply = { status: 500, body: { message: String(error) } };
        }
      }
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  }
}

/** The user and password of a basic authorization header, or null. */
export function basicCredentials(request: ReceivedRequest): [string, string] | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/** A slice of `items` for 1-based `page` of `pageSize`. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}
