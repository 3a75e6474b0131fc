import type { EvidenceRecord } from '@candor/evidence-domain';

/** What a connector knows about the store it reads for. */
export interface ConnectorContext {
  /** The bundle `storeId` written on every record. */
  readonly storeId: string;
  /** IANA zone used for vendor timestamps that carry no offset. */
  readonly timeZone: string;
  /** The store's own e-mail domains (outbound vs inbound mail). */
  readonly emailDomains: readonly string[];
  /** The store's own phone numbers, E.164 (outbound vs inbound calls). */
  readonly phoneNumbers: readonly string[];
}

/** One part of a payload that could not become a record, and why. */
export interface ParseIssue {
  /** Where in the payload: "line 12", "prospect 2", "call CA12…", "activity 88". */
  readonly location: string;
  /** The vendor field at fault, when there is one. */
  readonly field: string | null;
  readonly reason: string;
}

export interface ParseResult {
  readonly records: EvidenceRecord[];
  readonly rejected: ParseIssue[];
}

/** One page of a polled vendor API, normalized, with what was received kept verbatim. */
export interface PullPage extends ParseResult {
  /** The vendor's response bodies for this page, as received, for the raw-payload archive. */
  readonly raw: string;
  /** Opaque position to persist; passing it to `pull` resumes after this page. */
  readonly cursor: string;
}

/** A source that sends us data (ADF POST, webhooks, files, mail). */
export interface PushConnector {
  readonly kind: string;
  parse(payload: Buffer | string, ctx: ConnectorContext): Promise<ParseResult>;
}

/** A source we poll page by page from a cursor (null: from the beginning of the window). */
export interface PullConnector {
  readonly kind: string;
  pull(cursor: string | null, ctx: ConnectorContext): AsyncIterable<PullPage>;
}
