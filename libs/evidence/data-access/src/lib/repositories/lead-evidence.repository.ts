import {
  type EvidenceRecord,
  emptyStoreEvidence,
  expandStoredRecord,
  pushRecord,
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
  /** The stored form (see `compactRecord`); the store's external id for `ref`. */
  record: Record<string, unknown> | string;
  source: string | null;
}

/*
 * One statement. Phones and addresses in records are stored as given (the engine normalizes
 * them), so lead-less activities and sibling leads are picked by a contact key that the same
 * number or address gets however it is written: `p:` + the last 8 digits of a phone (extension
 * dropped; they survive a country code, a trunk prefix or punctuation), `e:` + the lower-cased
 * address (unwrapped from `Name <…>`). For numbers with a national part of 8 digits or more (all
 * of North America) the keys can only over-select, and the engine then links exactly, so an
 * over-selected record is simply left unlinked.
 */
const PHONE_KEY = (raw: string) =>
  `'p:' || right(regexp_replace(regexp_replace(lower(${raw}), '\\s*(ext|x|#).*$', ''), '\\D', '', 'g'), 8)`;
const EMAIL_KEY = (raw: string) =>
  `'e:' || lower(btrim(coalesce(substring(btrim(${raw}) from '<([^<>]+)>\\s*$'), ${raw})))`;

const LEAD_EVIDENCE_SQL = `
WITH target AS (
  SELECT l.received_at, l.record, l.source FROM evidence_lead l
  WHERE l.store_id = $1 AND l.external_id = ANY($2::text[])
),
contact_key AS (
  SELECT DISTINCT ${PHONE_KEY('p')} AS k, t.received_at
  FROM target t, jsonb_array_elements_text(t.record->'customer'->'phones') p
  WHERE length(regexp_replace(p, '\\D', '', 'g')) >= 6
  UNION
  SELECT ${EMAIL_KEY('e')}, t.received_at
  FROM target t, jsonb_array_elements_text(t.record->'customer'->'emails') e
),
loose AS (
  SELECT a.record, a.source, a.at, CASE
    WHEN a.record->>'channel' = 'email' THEN ${EMAIL_KEY('a.party')}
    WHEN length(regexp_replace(a.party, '\\D', '', 'g')) >= 6 THEN ${PHONE_KEY('a.party')}
  END AS k
  FROM (SELECT e.*, CASE WHEN e.record->>'direction' = 'outbound' THEN e.record->>'to'
          ELSE e.record->>'from' END AS party
        FROM evidence_activity e
        WHERE e.store_id = $1 AND e.lead_external_id IS NULL
          AND e.at >= (SELECT min(received_at) FROM target)) a
  WHERE a.party IS NOT NULL
),
linkable AS (
  SELECT a.record, a.source FROM loose a
  WHERE EXISTS (SELECT 1 FROM contact_key k WHERE k.k = a.k AND k.received_at <= a.at)
),
-- Keys of the store's later leads, each computed once; joined to the handful of target keys, so
-- no plan rescans the store's leads per lead (statistics may be stale while imports run).
later_key AS (
  SELECT l.external_id, l.source, l.record, ${PHONE_KEY('p')} AS k
  FROM evidence_lead l, jsonb_array_elements_text(l.record->'customer'->'phones') p
  WHERE l.store_id = $1 AND NOT (l.external_id = ANY($2::text[]))
    AND l.received_at > (SELECT min(received_at) FROM target)
  UNION ALL
  SELECT l.external_id, l.source, l.record, ${EMAIL_KEY('e')}
  FROM evidence_lead l, jsonb_array_elements_text(l.record->'customer'->'emails') e
  WHERE l.store_id = $1 AND NOT (l.external_id = ANY($2::text[]))
    AND l.received_at > (SELECT min(received_at) FROM target)
),
sibling AS (
  SELECT DISTINCT ON (lk.external_id, lk.source) lk.record, lk.source
  FROM later_key lk JOIN contact_key k ON k.k = lk.k
  ORDER BY lk.external_id, lk.source
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
    const type = row.kind === 'sibling' ? 'lead' : row.kind;
    const record = expandStoredRecord(
      type,
      evidence.storeId,
      row.record as Record<string, unknown>,
    );
    const key = `${record.type}\u0000${record.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.source !== null) sources.set(record, row.source);
    pushRecord(evidence, record);
  }
  return { evidence, sourceOf: (record) => sources.get(record) ?? null };
}
