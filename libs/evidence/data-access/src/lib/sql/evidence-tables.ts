import type { EvidenceRecord, RecordType } from '@candor/evidence-domain';

/**
 * Where each record type is stored and which typed columns it gets. Every record yields
 * `lead` (the lead it belongs to) and instants `t1`, `t2` (epoch ms); `columns`/`fields` say which
 * of them fills each typed column. Keeping the mapping in one place keeps the COPY formats and
 * the SQL in step.
 */
export interface EvidenceTable {
  type: RecordType;
  table: string;
  columns: readonly string[];
  /** Which staged field fills each column. */
  fields: readonly StagedField[];
  /** SQL over the upserted row `e` naming the lead to re-grade, or null (users, the store). */
  leadOf: string | null;
}

export type StagedField = 'lead' | 't1' | 't2';

export const EVIDENCE_TABLES: readonly EvidenceTable[] = [
  { type: 'store', table: 'evidence_store_profile', columns: [], fields: [], leadOf: null },
  { type: 'user', table: 'evidence_user', columns: [], fields: [], leadOf: null },
  {
    type: 'lead',
    table: 'evidence_lead',
    columns: ['received_at'],
    fields: ['t1'],
    leadOf: 'e.external_id',
  },
  {
    type: 'task',
    table: 'evidence_task',
    columns: ['lead_external_id', 'due_at', 'completed_at'],
    fields: ['lead', 't1', 't2'],
    leadOf: 'e.lead_external_id',
  },
  {
    type: 'activity',
    table: 'evidence_activity',
    columns: ['lead_external_id', 'at'],
    fields: ['lead', 't1'],
    leadOf: 'e.lead_external_id',
  },
  {
    type: 'note',
    table: 'evidence_note',
    columns: ['lead_external_id', 'at'],
    fields: ['lead', 't1'],
    leadOf: 'e.lead_external_id',
  },
  {
    type: 'appointment',
    table: 'evidence_appointment',
    columns: ['lead_external_id', 'set_at', 'starts_at'],
    fields: ['lead', 't1', 't2'],
    leadOf: 'e.lead_external_id',
  },
  {
    type: 'status',
    table: 'evidence_status',
    columns: ['lead_external_id', 'at'],
    fields: ['lead', 't1'],
    leadOf: 'e.lead_external_id',
  },
  {
    type: 'sale',
    table: 'evidence_sale',
    columns: ['lead_external_id', 'sold_at'],
    fields: ['lead', 't1'],
    leadOf: 'e.lead_external_id',
  },
];

export const TABLE_OF: Readonly<Record<RecordType, EvidenceTable>> = Object.fromEntries(
  EVIDENCE_TABLES.map((t) => [t.type, t]),
) as Record<RecordType, EvidenceTable>;

/** The staged `lead, t1, t2` of a record (see EVIDENCE_TABLES for how they are used). */
export function stagedFields(r: EvidenceRecord): [string | null, number | null, number | null] {
  switch (r.type) {
    case 'store':
    case 'user':
      return [null, null, null];
    case 'lead':
      return [null, r.receivedAt, null];
    case 'task':
      return [r.leadId, r.dueAt, r.completedAt];
    case 'activity':
      return [r.leadId, r.at, null];
    case 'note':
    case 'status':
      return [r.leadId, r.at, null];
    case 'appointment':
      return [r.leadId, r.setAt, r.startsAt];
    case 'sale':
      return [r.leadId, r.soldAt, null];
  }
}
