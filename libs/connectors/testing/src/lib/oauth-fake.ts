import { randomUUID } from 'node:crypto';
import { basicCredentials, type FakeReply, type ReceivedRequest } from './fake-vendor-server';

/** An OAuth 2.0 client-credentials token endpoint and the bearer tokens it issued. */
export class FakeTokenIssuer {
  private readonly tokens = new Set<string>();
  issued = 0;

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  /** Replies to a token request the way Okta-style servers do (Fortellis, VinSolutions). */
  token(request: ReceivedRequest): FakeReply {
    const creds = basicCredentials(request);
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials') {
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: 'grant_type must be client_credentials',
        },
      };
    }
    if (!creds || creds[0] !== this.clientId || creds[1] !== this.clientSecret) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'The client credentials are invalid' },
      };
    }
    const value = randomUUID();
    this.tokens.add(value);
    this.issued++;
    return {
      status: 200,
      body: {
        access_token: value,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: form.get('scope') ?? '',
      },
    };
  }

  /** Whether the request carries a live bearer token. */
  authorized(request: ReceivedRequest): boolean {
    const header = request.headers.authorization ?? '';
    return header.startsWith('Bearer ') && this.tokens.has(header.slice(7));
  }

  /** Revokes every token (rotation): the next API call answers 401. */
  revokeAll(): void {
    this.tokens.clear();
  }
}
