import type { IncomingHttpHeaders } from 'node:http';
import { REFRESH_COOKIE } from './identity.settings';

/**
 * The refresh token the portal's httpOnly cookie carries, read from the Cookie header only by
 * the two mutations that use it, rather than parsing every request's cookies up front.
 */
export function refreshCookieOf(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== REFRESH_COOKIE) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
