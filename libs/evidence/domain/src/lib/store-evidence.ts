import type {
  ActivityRecord,
  AppointmentRecord,
  EvidenceRecord,
  LeadRecord,
  NoteRecord,
  SaleRecord,
  StatusRecord,
  StoreRecord,
  TaskRecord,
  UserRecord,
} from './records';
import { storeIdOf } from './records';

/** Everything known about one store: what the scoring engine grades. */
export interface StoreEvidence {
  storeId: string;
  /** null when the bundle has records for the store but no `store` line. */
  store: StoreRecord | null;
  users: UserRecord[];
  leads: LeadRecord[];
  tasks: TaskRecord[];
  activities: ActivityRecord[];
  notes: NoteRecord[];
  appointments: AppointmentRecord[];
  statuses: StatusRecord[];
  sales: SaleRecord[];
}

export function emptyStoreEvidence(storeId: string): StoreEvidence {
  return {
    storeId,
    store: null,
    users: [],
    leads: [],
    tasks: [],
    activities: [],
    notes: [],
    appointments: [],
    statuses: [],
    sales: [],
  };
}

/** Adds one record to a store's evidence, in the list of its type (the store line replaces). */
export function pushRecord(evidence: StoreEvidence, record: EvidenceRecord): void {
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

/** Adds one record to the evidence of its store, creating the store's entry on first sight. */
export function addRecord(byStore: Map<string, StoreEvidence>, record: EvidenceRecord): void {
  const storeId = storeIdOf(record);
  let evidence = byStore.get(storeId);
  if (!evidence) {
    evidence = emptyStoreEvidence(storeId);
    byStore.set(storeId, evidence);
  }
  pushRecord(evidence, record);
}

/** Groups records by store, in order of first appearance. */
export function groupByStore(records: Iterable<EvidenceRecord>): Map<string, StoreEvidence> {
  const byStore = new Map<string, StoreEvidence>();
  for (const record of records) addRecord(byStore, record);
  return byStore;
}
