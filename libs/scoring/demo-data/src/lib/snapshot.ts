import type { EvidenceRecord } from '@candor/evidence-domain';

/** Whole seconds: what phone systems and CRMs export, and what a bundle line writes. */
function second(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}

function optional(ms: number | null, endAt: number): number | null {
  if (ms === null) return null;
  const s = second(ms);
  return s < endAt ? s : null;
}

/**
 * The record as the systems would have exported it at `endAt`, or null when it did not exist
 * yet. A lead story is simulated to its end, then cut: later completions, confirmations and
 * visits become "not yet" (null), later events disappear, and so do tasks and appointments
 * scheduled for after `endAt`, so no instant in a demo bundle lies in its future.
 */
export function snapshotAt(record: EvidenceRecord, endAt: number): EvidenceRecord | null {
  switch (record.type) {
    case 'store':
    case 'user':
      return record;
    case 'lead':
      record.receivedAt = second(record.receivedAt);
      record.requestedAt = optional(record.requestedAt, endAt);
      return record.receivedAt < endAt ? record : null;
    case 'task': {
      record.createdAt = optional(record.createdAt, endAt);
      record.dueAt = second(record.dueAt);
      if (record.createdAt === null || record.dueAt >= endAt) return null;
      record.completedAt = optional(record.completedAt, endAt);
      if (record.completedAt === null) {
        record.completedBy = null;
        record.comment = null;
      }
      record.dismissedAt = optional(record.dismissedAt, endAt);
      return record;
    }
    case 'appointment':
      record.setAt = second(record.setAt);
      record.startsAt = second(record.startsAt);
      if (record.setAt >= endAt || record.startsAt >= endAt) return null;
      record.confirmedAt = optional(record.confirmedAt, endAt);
      record.shownAt = optional(record.shownAt, endAt);
      record.cancelledAt = optional(record.cancelledAt, endAt);
      return record;
    case 'sale':
      record.soldAt = second(record.soldAt);
      return record.soldAt < endAt ? record : null;
    default:
      record.at = second(record.at);
      return record.at < endAt ? record : null;
  }
}

/** The instant a record is filed under when a lead's records are put in time order. */
export function primaryInstant(record: EvidenceRecord): number {
  switch (record.type) {
    case 'store':
    case 'user':
      return 0;
    case 'lead':
      return record.receivedAt;
    case 'task':
      return record.createdAt ?? record.dueAt;
    case 'appointment':
      return record.setAt;
    case 'sale':
      return record.soldAt;
    default:
      return record.at;
  }
}
