import type { EvidenceRecord } from '@candor/evidence-domain';

/**
 * Makes repeated ids share one string. A store-year holds ~600,000 records that name the same
 * store, the same few agents and each lead ~30 times; as parsed, every occurrence is its own
 * string, which the garbage collector must copy and mark, and whose hash every Map lookup
 * recomputes. Used when records are kept in memory (readBundleByStore), not when streamed.
 */
export class IdInterner {
  private readonly ids = new Map<string, string>();

  private id<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.ids.get(value);
    if (known !== undefined) return known as T;
    this.ids.set(value, value);
    return value;
  }

  intern(record: EvidenceRecord): EvidenceRecord {
    if (record.type === 'store') return record;
    record.storeId = this.id(record.storeId);
    switch (record.type) {
      case 'user':
        break;
      case 'lead':
        record.id = this.id(record.id);
        record.assignedTo = this.id(record.assignedTo);
        break;
      case 'task':
        record.leadId = this.id(record.leadId);
        record.assignedTo = this.id(record.assignedTo);
        record.completedBy = this.id(record.completedBy);
        break;
      case 'activity':
        record.leadId = this.id(record.leadId);
        record.userId = this.id(record.userId);
        record.from = this.id(record.from);
        break;
      case 'note':
        record.leadId = this.id(record.leadId);
        record.userId = this.id(record.userId);
        break;
      case 'appointment':
        record.leadId = this.id(record.leadId);
        record.setBy = this.id(record.setBy);
        break;
      case 'status':
        record.leadId = this.id(record.leadId);
        record.by = this.id(record.by);
        break;
      case 'sale':
        record.leadId = this.id(record.leadId);
        record.userId = this.id(record.userId);
        break;
    }
    return record;
  }
}
