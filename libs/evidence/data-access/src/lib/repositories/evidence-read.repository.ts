import {
  emptyStoreEvidence,
  expandStoredRecord,
  type RecordType,
  type StoreEvidence,
  type StoreRecord,
} from '@candor/evidence-domain';
import type { TenantTransaction } from '@candor/platform-database';

export interface EvidenceWindow {
  /** First lead arrival to include (epoch ms); default: from the first lead. */
  from?: number;
  /** End of lead arrivals, exclusive (epoch ms); default: to the last lead. */
  to?: number;
  /**
   * With `from`: activities without a lead are read only from `from` up to this moment (epoch
   * ms, inclusive), rather than all of the store's. The engine links such an activity to the
   * latest lead received at or before it, so none before `from` can link to a lead of the
   * window, and none after the moment evidence is judged at is seen.
   */
  activitiesUntil?: number;
}

interface Row {
  /** The stored form (see `compactRecord`). */
  record: Record<string, unknown>;
}

/** Rows come back in a stable order (time, then id) so a store grades the same every time. */
const LEAD_SCOPED = (table: string, time: string) => `
  SELECT e.record FROM ${table} e
  WHERE e.store_id = $1 AND ($2::timestamptz IS NULL AND $3::timestamptz IS NULL
    OR e.lead_external_id IN (SELECT l.external_id FROM evidence_lead l WHERE l.store_id = $1
      AND ($2::timestamptz IS NULL OR l.received_at >= $2) AND ($3::timestamptz IS NULL OR l.received_at < $3)))
  ORDER BY e.${time}, e.external_id, e.source`;

const TYPE_OF = {
  users: 'user',
  leads: 'lead',
  tasks: 'task',
  activities: 'activity',
  notes: 'note',
  appointments: 'appointment',
  statuses: 'status',
  sales: 'sale',
} as const satisfies Record<string, RecordType>;

const QUERIES = {
  users: `SELECT record FROM evidence_user WHERE store_id = $1 ORDER BY external_id, source`,
  leads: `SELECT record FROM evidence_lead WHERE store_id = $1
    AND ($2::timestamptz IS NULL OR received_at >= $2) AND ($3::timestamptz IS NULL OR received_at < $3)
    ORDER BY received_at, external_id, source`,
  tasks: LEAD_SCOPED('evidence_task', 'due_at'),
  // Activities without a lead are kept: the engine links them to leads by phone and address.
  activities: `SELECT e.record FROM evidence_activity e WHERE e.store_id = $1
    AND ($2::timestamptz IS NULL AND $3::timestamptz IS NULL
      OR e.lead_external_id IS NULL
        AND ($4::timestamptz IS NULL OR e.at >= $2 AND e.at <= $4)
      OR e.lead_external_id IN (SELECT l.external_id FROM evidence_lead l WHERE l.store_id = $1
        AND ($2::timestamptz IS NULL OR l.received_at >= $2) AND ($3::timestamptz IS NULL OR l.received_at < $3)))
    ORDER BY e.at, e.external_id, e.source`,
  notes: LEAD_SCOPED('evidence_note', 'at'),
  appointments: LEAD_SCOPED('evidence_appointment', 'set_at'),
  statuses: LEAD_SCOPED('evidence_status', 'at'),
  sales: LEAD_SCOPED('evidence_sale', 'sold_at'),
} as const;

/**
 * Reads a store's stored evidence back as the `StoreEvidence` the scoring engine grades
 * (`storeId` is the store's external id, as in a bundle). With a window, leads are those that
 * arrived in it and the other records those of these leads (plus activities without a lead).
 * The store profile is the most recently imported `store` line, or null without one.
 */
export async function loadStoreEvidence(
  tx: TenantTransaction,
  storeId: string,
  window: EvidenceWindow = {},
): Promise<StoreEvidence | null> {
  const [store] = await tx.query<{ externalId: string }>(
    'SELECT external_id AS "externalId" FROM store WHERE id = $1',
    [storeId],
  );
  if (!store) return null;
  const params = [
    storeId,
    window.from === undefined ? null : new Date(window.from).toISOString(),
    window.to === undefined ? null : new Date(window.to).toISOString(),
  ];
  const evidence = emptyStoreEvidence(store.externalId);
  const [profile] = await tx.query<Row>(
    `SELECT record FROM evidence_store_profile WHERE store_id = $1
     ORDER BY updated_at DESC, source LIMIT 1`,
    [storeId],
  );
  evidence.store = profile
    ? (expandStoredRecord('store', store.externalId, profile.record) as StoreRecord)
    : null;
  const until =
    window.activitiesUntil === undefined ? null : new Date(window.activitiesUntil).toISOString();
  const argsOf = (key: keyof typeof QUERIES) =>
    key === 'users' ? [storeId] : key === 'activities' ? [...params, until] : params;
  const read = async <K extends keyof typeof QUERIES>(key: K) =>
    (await tx.query<Row>(QUERIES[key], argsOf(key))).map((r) =>
      expandStoredRecord(TYPE_OF[key], store.externalId, r.record),
    ) as StoreEvidence[K];
  evidence.users = await read('users');
  evidence.leads = await read('leads');
  evidence.tasks = await read('tasks');
  evidence.activities = await read('activities');
  evidence.notes = await read('notes');
  evidence.appointments = await read('appointments');
  evidence.statuses = await read('statuses');
  evidence.sales = await read('sales');
  return evidence;
}
