import { emailDomain, normalizeEmail, normalizePhone } from '@candor/shared-contact';
import type { ConnectorContext } from './connector.port';

/** Whether a phone number (any format) is one of the store's own lines. */
export function isStorePhone(ctx: ConnectorContext, raw: string | null | undefined): boolean {
  if (!raw) return false;
  const e164 = normalizePhone(raw);
  if (e164 === null) return false;
  return ctx.phoneNumbers.some((n) => normalizePhone(n) === e164);
}

/** Whether an address (bare or `Name <addr>`) is at one of the store's own mail domains. */
export function isStoreEmail(ctx: ConnectorContext, raw: string | null | undefined): boolean {
  if (!raw) return false;
  const email = normalizeEmail(raw);
  if (email === null) return false;
  const domain = emailDomain(email);
  return ctx.emailDomains.some((d) => {
    const own = d.toLowerCase().replace(/^@/, '');
    return domain === own || domain.endsWith(`.${own}`);
  });
}
