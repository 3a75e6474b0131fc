import {
  type EvidenceRecord,
  emptyStoreEvidence,
  type StoreEvidence,
} from '@candor/evidence-domain';
import type { TenantTransaction } from '@candor/platform-database';

/** A few leads' evidence, as the scoring engine links it, and where each record came from. */
export interface StoredLeadEvidence {
  /**
   * The requested leads with their records, the store profile and users, the activities without
   * a lead whose counterpart may be one of these leads' customers, and later leads of the same
   * customers (the engine gives such an activity to the latest lead before it, so it needs them).
   */
  evidence: StoreEvidence;
  /** The import source (`bundle`, a connector's name) each loaded record is stored under. */
  sourceOf(record: EvidenceRecord): string | null;
}

interface Row {
  kind: 'ref' | 'store' | 'user' | 'lead' | 'sibling' | Exclude<EvidenceRecord['type'], 'store'>;
  record: EvidenceRecord | string;
  source: string | null;
}

/*
 * One statement. Phones and addresses in records are stored as given (the engine normalizes
 * them), so the lead-less activities and sibling leads are picked by a loose match that can only
 * over-select: the last 7 digits of a customer phone (extension dropped) inside the digits of the
 * counterpart, or the customer's address inside the lower-cased counterpart. The engine then
 * links exactly, so an over-selected record is simply left unlinked.
 */
const LEAD_EVIDENCE_SQL = `
WITH target AS (
  SELECT l.received_at, l.record, l.source FROM evidence_lead l
  WHERE l.store_id = $1 AND l.external_id = ANY($2::text[])
),
phone_key AS (
  SELECT DISTINCT right(d, 7) AS k, t.received_at FROM target t,
    jsonb_array_elements_text(t.record->'customer'->'phones') p,
    regexp_replace(regexp_replace(lower(p), '\\s*(ext|x|#).*$', ''), '\\D', '', 'g') d
  WHERE length(d) >= 7
),
email_key AS (
  SELECT DISTINCT lower(btrim(coalesce(substring(e from '<([^<>]+)>\\s*$'), e))) AS k, t.received_at
  FROM target t, jsonb_array_elements_text(t.record->'customer'->'emails') e
  WHERE position('@' IN e) > 0
),
loose AS (
  SELECT a.record, a.source, a.at, a.record->>'channel' = 'email' AS by_email,
    CASE WHEN a.record->>'direction' = 'outbound' THEN a.record->>'to' ELSE a.record->>'from' END AS party
  FROM evidence_activity a
  WHERE a.store_id = $1 AND a.lead_external_id IS NULL
    AND a.at >= (SELECT min(received_at) FROM target)
),
linkable AS (
  SELECT record, source FROM loose a
  WHERE a.party IS NOT NULL AND CASE WHEN a.by_email
    THEN EXISTS (SELECT 1 FROM email_key k WHERE k.received_at <= a.at
      AND position(k.k IN lower(a.party)) > 0)
    ELSE EXISTS (SELECT 1 FROM phone_key k WHERE k.received_at <= a.at
      AND position(k.k IN regexp_replace(a.party, '\\D', '', 'g')) > 0)
  END
),
sibling AS (
  SELECT l.record, l.source FROM evidence_lead l
  WHERE l.store_id = $1 AND NOT (l.external_id = ANY($2::text[]))
    AND l.received_at > (SELECT min(received_at) FROM target)
    AND (EXISTS (SELECT 1 FROM jsonb_array_elements_text(l.record->'customer'->'phones') p, phone_key k
          WHERE position(k.k IN regexp_replace(p, '\\D', '', 'g')) > 0)
      OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(l.record->'customer'->'emails') e, email_key k
          WHERE position(k.k IN lower(e)) > 0))
)
SELECT kind, record, source FROM (
  SELECT 'ref' AS kind, to_jsonb(s.external_id) AS record, NULL::text AS source FROM store s WHERE s.id = $1
  UNION ALL (SELECT 'store', p.record, p.source FROM evidence_store_profile p WHERE p.store_id = $1
    ORDER BY p.updated_at DESC, p.source LIMIT 1)
  UNION ALL SELECT 'user', u.record, u.source FROM evidence_user u WHERE u.store_id = $1
  UNION ALL SELECT 'lead', record, source FROM target
  UNION ALL SELECT 'sibling', record, source FROM sibling
  UNION ALL SELECT 'activity', record, source FROM linkable
  UNION ALL SELECT 'activity', e.record, e.source FROM evidence_activity e
    WHERE e.store_id = $1 AND e.lead_external_id = ANY($2::text[])
  UNION ALL SELECT 'task', e.record, e.source FROM evidence_task e
    WHERE e.store_id = $1 AND e.lead_external_id = ANY($2::text[])
  UNION ALL SELECT 'note', e.record, e.source FROM evidence_note e
    WHERE e.store_id = $1 AND e.lead_external_id = ANY($2::text[])
  UNION ALL SELECT 'appointment', e.record, e.source FROM evidence_appointment e
    WHERE e.store_id = $1 AND e.lead_external_id = ANY($2::text[])
  UNION ALL SELECT 'status', e.record, e.source FROM evidence_status e
    WHERE e.store_id = $1 AND e.lead_external_id = ANY($2::text[])
  UNION ALL SELECT 'sale', e.record, e.source FROM evidence_sale e
    WHERE e.store_id = $1 AND e.lead_external_id = ANY($2::text[])
) rows
ORDER BY kind, record->>'id', source`;

/**
 * Reads the evidence of some leads of one store (`storeId` is Candor's store id, the leads
 * their evidence ids) in one statement, without reading the rest of the store. Null when the
 * tenant has no such store; leads it does not hold are simply absent from `evidence.leads`.
 * When two sources hold a record with the same id, the first source (by name) is kept.
 */
export async function loadLeadEvidence(
  tx: TenantTransaction,
  storeId: string,
  leadExternalIds: readonly string[],
): Promise<StoredLeadEvidence | null> {
  const rows = await tx.query<Row>(LEAD_EVIDENCE_SQL, [storeId, [...new Set(leadExternalIds)]]);
  const ref = rows.find((r) => r.kind === 'ref');
  if (!ref) return null;
  const evidence = emptyStoreEvidence(ref.record as string);
  const sources = new WeakMap<EvidenceRecord, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.kind === 'ref') continue;
    const record = row.record as EvidenceRecord;
    const key = `${record.type}\u0000${record.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.source !== null) sources.set(record, row.source);
    switch (record.type) {
      case 'store':
        evidence.store = record;
        break;
      case 'user':
        evidence.users.push(record);
        break;
      case 'lead':
        evidence.leads.push(record);
        break;
      case 'task':
        evidence.tasks.push(record);
        break;
      case 'activity':
        evidence.activities.push(record);
        break;
      case 'note':
        evidence.notes.push(record);
        break;
      case 'appointment':
        evidence.appointments.push(record);
        break;
      case 'status':
        evidence.statuses.push(record);
        break;
      case 'sale':
        evidence.sales.push(record);
        break;
    }
  }
  return { evidence, sourceOf: (record) => sources.get(record) ?? null };
}
