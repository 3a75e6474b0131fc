export { HttpClient } from './lib/http-client';
export type { HttpClientOptions, HttpResult, RequestOptions } from './lib/http-client';
export { basicAuth, clientCredentials } from './lib/auth-strategy';
export type { AuthStrategy, ClientCredentialsOptions } from './lib/auth-strategy';
export { VendorHttpError } from './lib/http-error';
export { backoffMs, DEFAULT_RETRY, retryAfterMs } from './lib/retry-policy';
export type { RetryPolicy } from './lib/retry-policy';
