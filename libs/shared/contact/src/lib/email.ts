const EMAIL =
  /^[^\s@<>()",;:]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * An e-mail address in lower case, or null when it is not one. Accepts the display form
 * `Dana Reyes <dana@smithtoyota.com>` that mail headers and CRM exports carry.
 */
export function normalizeEmail(raw: string): string | null {
  let value = raw.trim();
  const angle = /<([^<>]+)>\s*$/.exec(value);
  if (angle?.[1]) value = angle[1].trim();
  if (value.length > 254 || !EMAIL.test(value)) return null;
  return value.toLowerCase();
}

/** The domain of a normalized e-mail address. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** A mail domain in lower case without a leading `@`, or null when it is not a domain name. */
export function normalizeDomain(raw: string): string | null {
  const value = raw.trim().toLowerCase().replace(/^@/, '');
  return value.length <= 253 && DOMAIN.test(value) ? value : null;
}
