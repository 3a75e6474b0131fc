import type { EvidenceRecord } from '@candor/evidence-domain';
import { validateRecord } from '@candor/evidence-domain';
import type { ParseIssue, ParseResult } from './connector.port';

/**
 * Gathers what a connector produces. Every record goes through `validateRecord`, so a connector
 * can never emit a record the bundle would reject: a record that fails becomes a ParseIssue with
 * the location in the vendor payload. Records are deduplicated on (type, id), first one kept,
 * because vendors resend (ADF `status="resend"`, overlapping API windows).
 */
export class RecordCollector {
  private readonly records: EvidenceRecord[] = [];
  private readonly rejected: ParseIssue[] = [];
  private readonly seen = new Set<string>();

  /**
   * Validates one bundle-shaped object. `fieldNames` maps bundle fields back to the vendor's
   * names so errors speak the vendor's language (`Start Time`, not `at`).
   */
  add(
    line: Record<string, unknown>,
    location: string,
    fieldNames?: Readonly<Record<string, string>>,
  ): EvidenceRecord | null {
    const result = validateRecord(line);
    if (!result.ok) {
      for (const error of result.errors) {
        const field = fieldNames?.[error.field] ?? error.field;
        this.rejected.push({ location, field, reason: error.reason });
      }
      return null;
    }
    const key = `${result.record.type}\u0000${result.record.id}`;
    if (this.seen.has(key)) return null;
    this.seen.add(key);
    this.records.push(result.record);
    return result.record;
  }

  reject(location: string, field: string | null, reason: string): void {
    this.rejected.push({ location, field, reason });
  }

  /** Takes over another result (an ADF attachment inside an e-mail), prefixing its locations. */
  merge(result: ParseResult, prefix: string): void {
    for (const record of result.records) {
      const key = `${record.type}\u0000${record.id}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.records.push(record);
    }
    for (const issue of result.rejected) {
      this.rejected.push({
        location: `${prefix}, ${issue.location}`,
        field: issue.field,
        reason: issue.reason,
      });
    }
  }

  get recordCount(): number {
    return this.records.length;
  }

  result(): ParseResult {
    return { records: this.records.slice(), rejected: this.rejected.slice() };
  }
}
