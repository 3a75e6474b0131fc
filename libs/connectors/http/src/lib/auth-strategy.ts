import { VendorHttpError } from './http-error';

/** How requests are authenticated; `invalidate` is called once on a 401 before retrying. */
export interface AuthStrategy {
  headers(fetcher: typeof fetch, signal: AbortSignal): Promise<Record<string, string>>;
  invalidate(): void;
}

/** HTTP basic auth (Twilio: AccountSid/AuthToken or API key sid/secret). */
export function basicAuth(username: string, password: string): AuthStrategy {
  const value = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  return {
    headers: () => Promise.resolve({ authorization: value }),
    invalidate: () => undefined,
  };
}

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** Renew this long before the token says it expires. */
  earlyRenewMs?: number;
  now?: () => number;
}

/**
 * OAuth 2.0 client credentials (Fortellis, VinSolutions): form POST with the client id and secret
 * in basic auth; the bearer token is cached until shortly before `expires_in`, and dropped when a
 * call answers 401 (revoked or rotated early).
 */
export function clientCredentials(options: ClientCredentialsOptions): AuthStrategy {
  const now = options.now ?? Date.now;
  let token: { value: string; expiresAt: number } | null = null;
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`, 'utf8').toString(
    'base64',
  );
  return {
    async headers(fetcher, signal) {
      if (token === null || token.expiresAt <= now()) {
        const form = new URLSearchParams({ grant_type: 'client_credentials' });
        if (options.scope) form.set('scope', options.scope);
        let response: Response;
        try {
          response = await fetcher(options.tokenUrl, {
            method: 'POST',
            headers: {
              authorization: `Basic ${basic}`,
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
            },
            body: form.toString(),
            signal,
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new VendorHttpError(
            'POST',
            options.tokenUrl,
            0,
            '',
            1,
            `token request failed: ${reason}`,
          );
        }
        const body = await response.text();
        if (!response.ok) {
          throw new VendorHttpError(
            'POST',
            options.tokenUrl,
            response.status,
            body,
            1,
            `token request refused (HTTP ${response.status}): ${body.slice(0, 300)}`,
          );
        }
        let parsed: { access_token?: unknown; expires_in?: unknown };
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          throw new VendorHttpError(
            'POST',
            options.tokenUrl,
            response.status,
            body,
            1,
            'token response is not JSON',
          );
        }
        if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
          throw new VendorHttpError(
            'POST',
            options.tokenUrl,
            response.status,
            body,
            1,
            'token response has no access_token',
          );
        }
        const lifetimeSec = typeof parsed.expires_in === 'number' ? parsed.expires_in : 300;
        const early = options.earlyRenewMs ?? 30_000;
        token = {
          value: parsed.access_token,
          expiresAt: now() + Math.max(0, lifetimeSec * 1000 - early),
        };
      }
      return { authorization: `Bearer ${token.value}` };
    },
    invalidate() {
      token = null;
    },
  };
}
