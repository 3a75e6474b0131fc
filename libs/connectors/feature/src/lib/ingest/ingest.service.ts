import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { parseAdf } from '@candor/connectors-adf';
import type { ConnectorContext, ParseResult } from '@candor/connectors-core';
import { ConnectorRepository, lookupIngestToken } from '@candor/connectors-data-access';
import { parseEmail } from '@candor/connectors-email';
import { parseStatusCallback, verifyTwilioSignature } from '@candor/connectors-twilio';
import { importRecords } from '@candor/evidence-data-access';
import type { EvidenceRecord } from '@candor/evidence-domain';
import { APP_DATA_SOURCE, runInTenant, type TenantScope } from '@candor/platform-database';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { answerOf, type IngestAnswer, rejectionsOf } from './ingest-answer';

interface IngestTarget {
  scope: TenantScope;
  storeId: string;
  ctx: ConnectorContext;
}

interface StoreRow {
  external_id: string;
  time_zone: string;
  email_domains: string[];
  phone_numbers: string[];
}

const UNKNOWN_TOKEN = 'Unknown or revoked ingest token';

/** Whether a pushed payload is a whole e-mail (ADF mailed as body or attachment). */
function isEmail(contentType: string, body: Buffer): boolean {
  if (/^message\/rfc822/i.test(contentType)) return true;
  if (/xml/i.test(contentType)) return false;
  const head = body.subarray(0, 2048).toString('latin1');
  return !head.trimStart().startsWith('<') && /^[\w-]+:\s/m.test(head);
}

/**
 * Pushed evidence (ADF leads, telephony callbacks): authenticates the per-store ingest token,
 * parses with the source's connector, and archives + imports what arrived in one import run, so
 * the exact bytes are kept even when nothing in them could be used.
 */
@Injectable()
export class IngestService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly ds: DataSource,
    private readonly connectors: ConnectorRepository,
  ) {}

  async ingestAdf(token: string, body: Buffer, contentType: string): Promise<IngestAnswer> {
    const target = await this.target(token);
    const receivedAt = Date.now();
    const email = isEmail(contentType, body);
    const parsed = email
      ? await parseEmail(body, target.ctx, { receivedAt })
      : parseAdf(body, target.ctx, { receivedAt });
    const source = email ? 'email' : 'adf';
    const kept = await this.keepFirstArrival(target, source, parsed);
    return this.store(target, source, kept, body, contentType || 'text/xml');
  }

  /**
   * Lead providers resend leads. A resent lead keeps the time the store first received it, or
   * the resend would restart the response clock (and make an unchanged lead look "updated").
   */
  private async keepFirstArrival(
    target: IngestTarget,
    source: string,
    parsed: ParseResult,
  ): Promise<ParseResult> {
    const ids = parsed.records.filter((r) => r.type === 'lead').map((r) => r.id);
    if (ids.length === 0) return parsed;
    const rows = await runInTenant(this.ds, target.scope, (tx) =>
      tx.query<{ external_id: string; received_at: Date }>(
        `SELECT external_id, received_at FROM evidence_lead
         WHERE consultancy_id = $1 AND store_id = $2 AND source = $3 AND external_id = ANY($4)`,
        [target.scope.consultancyId, target.storeId, source, ids],
      ),
    );
    if (rows.length === 0) return parsed;
    const first = new Map(rows.map((r) => [r.external_id, r.received_at.getTime()]));
    const records: EvidenceRecord[] = parsed.records.map((r) => {
      const at = r.type === 'lead' ? first.get(r.id) : undefined;
      return r.type === 'lead' && at !== undefined ? { ...r, receivedAt: at } : r;
    });
    return { records, rejected: parsed.rejected };
  }

  /**
   * A Twilio status callback. The signature is checked with the auth token of the store's Twilio
   * connector over the URL Twilio called (the public URL, or this request's own URL).
   */
  async ingestTwilioStatus(
    token: string,
    body: Buffer,
    urls: readonly string[],
    signature: string | undefined,
  ): Promise<IngestAnswer> {
    const target = await this.target(token);
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    const authToken = await this.twilioAuthToken(target);
    if (!signature || !urls.some((u) => verifyTwilioSignature(u, params, signature, authToken))) {
      throw new CandorException(ErrorCode.Unauthenticated, 'X-Twilio-Signature does not match');
    }
    const parsed = parseStatusCallback(params, target.ctx);
    return this.store(target, 'twilio', parsed, body, 'application/x-www-form-urlencoded');
  }

  private async store(
    target: IngestTarget,
    source: string,
    parsed: ParseResult,
    body: Buffer,
    contentType: string,
  ): Promise<IngestAnswer> {
    const report = await importRecords(this.ds, target.scope, {
      store: target.storeId,
      source,
      kind: 'webhook',
      records: parsed.records,
      rawPayload: { bytes: body, contentType },
      rejected: rejectionsOf(parsed.rejected),
    });
    return answerOf(report);
  }

  private async target(token: string): Promise<IngestTarget> {
    const owner = token ? await lookupIngestToken(this.ds, token) : null;
    if (!owner) throw new CandorException(ErrorCode.Unauthenticated, UNKNOWN_TOKEN);
    const scope = { consultancyId: owner.consultancyId };
    const rows = await runInTenant(this.ds, scope, (tx) =>
      tx.query<StoreRow>(
        `SELECT external_id, time_zone, email_domains, phone_numbers FROM store
         WHERE consultancy_id = $1 AND id = $2`,
        [owner.consultancyId, owner.storeId],
      ),
    );
    const store = rows[0];
    if (!store) throw new CandorException(ErrorCode.Unauthenticated, UNKNOWN_TOKEN);
    return {
      scope,
      storeId: owner.storeId,
      ctx: {
        storeId: store.external_id,
        timeZone: store.time_zone,
        emailDomains: store.email_domains,
        phoneNumbers: store.phone_numbers,
      },
    };
  }

  private async twilioAuthToken(target: IngestTarget): Promise<string> {
    const token = await runInTenant(this.ds, target.scope, async (tx) => {
      const all = await this.connectors.listByStore(tx, target.storeId);
      const twilio = all.find((c) => c.kind === 'twilio' && c.enabled && c.hasCredentials);
      if (!twilio) return null;
      const loaded = await this.connectors.loadForSync(tx, twilio.id);
      return loaded?.credentials?.['authToken'] ?? null;
    });
    if (!token) {
      throw new CandorException(
        ErrorCode.Forbidden,
        'This store has no enabled Twilio connector with credentials to verify callbacks with',
      );
    }
    return token;
  }
}
