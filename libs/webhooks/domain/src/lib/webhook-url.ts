import { isIP } from 'node:net';

export interface WebhookUrlRules {
  /** Refuse plain http (production). */
  requireHttps: boolean;
  /**
   * Allow hosts that are loopback, private or link-local addresses, or `localhost` (development
   * and tests). Off in production, so an endpoint cannot aim Candor's worker at its own network.
   * Only literal addresses and localhost names are recognized here; names are not resolved.
   */
  allowPrivateHosts: boolean;
}

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export type WebhookUrlValidation = { ok: true; url: string } | { ok: false; reason: string };

function privateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function privateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return privateIpv4(host);
  if (family === 6) {
    // IPv4-mapped addresses; the URL parser writes them in hex (::ffff:7f00:1).
    const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (dotted) return privateIpv4(dotted[1]!);
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (hex) {
      const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
      return privateIpv4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  return false;
}

/** Checks an endpoint URL; a reason completes "url …" in an error message. */
export function validateWebhookUrl(raw: string, rules: WebhookUrlRules): WebhookUrlValidation {
  const value = raw.trim();
  if (value.length > MAX_WEBHOOK_URL_LENGTH) {
    return { ok: false, reason: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters long` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      ok: false,
      reason: 'must be an absolute URL such as https://hooks.example.com/candor',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    const allowed = rules.requireHttps ? 'https' : 'http or https';
    return { ok: false, reason: `must use ${allowed}, not ${url.protocol.replace(/:$/, '')}` };
  }
  if (rules.requireHttps && url.protocol !== 'https:') {
    return { ok: false, reason: 'must use https' };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      reason: 'must not contain a user name or password (deliveries are signed instead)',
    };
  }
  if (!rules.allowPrivateHosts && privateHost(url.hostname)) {
    return {
      ok: false,
      reason: 'must not point to localhost or a private, loopback or link-local address',
    };
  }
  return { ok: true, url: url.toString() };
}
