import type { AddressObject, ParsedMail } from 'mailparser';

/** Every address of a header that may hold one or several address lists. */
export function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const lists = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const list of lists) {
    for (const entry of list.value) {
      if (entry.address) out.push(entry.address);
      // Group syntax (`undisclosed-recipients:;` or named groups) nests addresses.
      for (const member of entry.group ?? []) if (member.address) out.push(member.address);
    }
  }
  return out;
}

function header(mail: ParsedMail, name: string): string | null {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'object' && 'value' in value && typeof value.value === 'string')
    return value.value.toLowerCase();
  return String(value).toLowerCase();
}

/**
 * Whether a machine sent the message, by the headers that say so (RFC 3834 Auto-Submitted,
 * Precedence, and the X-Autoreply family CRMs and mail servers add to auto-responses).
 */
export function isAutomated(mail: ParsedMail): boolean {
  const autoSubmitted = header(mail, 'auto-submitted');
  if (autoSubmitted !== null && autoSubmitted.trim() !== 'no') return true;
  const precedence = header(mail, 'precedence');
  if (precedence !== null && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence.trim()))
    return true;
  return (
    mail.headers.has('x-autoreply') ||
    mail.headers.has('x-autorespond') ||
    mail.headers.has('x-autoresponse')
  );
}
