import type { EvidenceRecord } from '@candor/evidence-domain';
import type { ParseIssue } from '@candor/connectors-core';
import type { TenantScope } from '@candor/platform-database';

/** One pulled page, ready to be imported into a store's evidence. */
export interface SinkPage {
  /** Candor's store id (uuid). */
  storeId: string;
  /** The store's bundle id, as written on every record. */
  storeExternalId: string;
  /** The connector kind (`twilio`, `elead`, …): the evidence source. */
  source: string;
  records: readonly EvidenceRecord[];
  rejected: readonly ParseIssue[];
  /** The vendor's response bodies, verbatim, for the raw-payload archive. */
  raw: string;
}

export interface SinkResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** External ids of the leads whose evidence this page added or changed. */
  affectedLeadIds: string[];
}

/**
 * Where synced evidence goes. Must be idempotent per record (dedupe on store, source and
 * external id): a page is imported again when a sync resumes after a crash between the import
 * and the cursor save.
 */
export interface EvidenceSink {
  importPage(scope: TenantScope, page: SinkPage): Promise<SinkResult>;
}
