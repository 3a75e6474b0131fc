import { simpleParser, type ParsedMail } from 'mailparser';
import {
  type ConnectorContext,
  isStoreEmail,
  type ParseResult,
  type PushConnector,
  RecordCollector,
  stableId,
} from '@candor/connectors-core';
import { parseAdf } from '@candor/connectors-adf';
import { addressesOf, isAutomated } from './mail-headers';

export const EMAIL_MAX_BYTES = 25 * 1024 * 1024;

export interface EmailParseOptions {
  /** When the store received the message (epoch ms); default: its Date header. */
  receivedAt?: number;
  maxBytes?: number;
}

const XML_TYPES = ['text/xml', 'application/xml', 'application/adf+xml'];

/** The ADF payloads of a message: XML attachments, or a body that is (or holds) an ADF document. */
function adfPayloads(mail: ParsedMail): { payload: Buffer | string; where: string }[] {
  const found: { payload: Buffer | string; where: string }[] = [];
  for (const attachment of mail.attachments) {
    const name = attachment.filename?.toLowerCase() ?? '';
    if (
      XML_TYPES.includes(attachment.contentType.toLowerCase()) ||
      name.endsWith('.xml') ||
      name.endsWith('.adf')
    ) {
      found.push({
        payload: attachment.content,
        where: `attachment ${attachment.filename ?? attachment.contentType}`,
      });
    }
  }
  if (found.length > 0) return found;
  const body = mail.text ?? '';
  const start = body.search(/<\?xml|<adf[\s>]/i);
  if (start >= 0 && /<\/adf\s*>/i.test(body)) {
    const end = body.search(/<\/adf\s*>/i);
    const close = body.slice(end).indexOf('>');
    found.push({ payload: body.slice(start, end + close + 1), where: 'body' });
  }
  return found;
}

function messageId(mail: ParsedMail): string {
  const id = mail.messageId?.trim().replace(/^<|>$/g, '') ?? '';
  if (id !== '' && id.length <= 200) return id;
  return stableId('mail', id, mail.from?.text, mail.date?.toISOString(), mail.subject);
}

function journaled(mail: ParsedMail, ctx: ConnectorContext, out: RecordCollector): void {
  const location = 'message';
  const from = addressesOf(mail.from)[0] ?? null;
  const recipients = [...addressesOf(mail.to), ...addressesOf(mail.cc), ...addressesOf(mail.bcc)];
  if (from === null) return out.reject(location, 'From', 'has no sender address');
  if (!mail.date || Number.isNaN(mail.date.getTime())) {
    return out.reject(
      location,
      'Date',
      'is missing or not a date, so the e-mail cannot be placed in time',
    );
  }
  const outbound = isStoreEmail(ctx, from);
  // The counterpart is the first recipient on the other side of the store.
  const to = recipients.find((r) => isStoreEmail(ctx, r) !== outbound) ?? recipients[0] ?? null;
  const line: Record<string, unknown> = {
    type: 'activity',
    id: messageId(mail),
    storeId: ctx.storeId,
    channel: 'email',
    direction: outbound ? 'outbound' : 'inbound',
    evidence: 'recorded',
    at: mail.date.toISOString(),
    from,
    to,
    subject: mail.subject?.slice(0, 2000) ?? null,
    automated: isAutomated(mail),
  };
  if (recipients.length > 1) line['recipients'] = recipients.slice(0, 100);
  out.add(line, location, {
    at: 'Date',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    id: 'Message-ID',
  });
}

/**
 * Parses one RFC 822 message. A message carrying an ADF lead (as an XML attachment or as its
 * body) gives the leads; any other message is a journaled / BCC copy and becomes a `recorded`
 * e-mail activity with its real sender and recipients, outbound when sent from one of the
 * store's domains. An Exchange journal report (the original attached as message/rfc822) is read
 * through to the original. Never throws.
 */
export async function parseEmail(
  payload: Buffer | string,
  ctx: ConnectorContext,
  options: EmailParseOptions = {},
): Promise<ParseResult> {
  const out = new RecordCollector();
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  const max = options.maxBytes ?? EMAIL_MAX_BYTES;
  if (size > max) {
    out.reject('message', null, `is ${size} bytes; the limit is ${max} bytes`);
    return out.result();
  }
  let mail: ParsedMail;
  try {
    mail = await simpleParser(payload, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
    });
    const wrapped = mail.attachments.find((a) => a.contentType.toLowerCase() === 'message/rfc822');
    if (wrapped && mail.headers.has('x-ms-journal-report')) {
      mail = await simpleParser(wrapped.content, {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipTextLinks: true,
      });
    }
  } catch (error) {
    out.reject(
      'message',
      null,
      `is not a readable RFC 822 message: ${error instanceof Error ? error.message : String(error)}`,
    );
    return out.result();
  }
  const adf = adfPayloads(mail);
  if (adf.length > 0) {
    const mailDate =
      mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.getTime() : undefined;
    const receivedAt = options.receivedAt ?? mailDate;
    for (const { payload: xml, where } of adf)
      out.merge(parseAdf(xml, ctx, receivedAt === undefined ? {} : { receivedAt }), where);
    return out.result();
  }
  if (mail.headers.size === 0) {
    out.reject('message', null, 'has no headers: it is not an RFC 822 message');
    return out.result();
  }
  journaled(mail, ctx, out);
  return out.result();
}

/** The e-mail connector behind the push port (journaling mailbox, ADF-by-mail address). */
export class EmailConnector implements PushConnector {
  readonly kind = 'email';

  constructor(private readonly options: EmailParseOptions = {}) {}

  parse(payload: Buffer | string, ctx: ConnectorContext): Promise<ParseResult> {
    return parseEmail(payload, ctx, this.options);
  }
}
