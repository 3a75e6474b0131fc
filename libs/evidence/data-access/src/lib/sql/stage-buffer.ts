import type { EvidenceRecord, RecordType } from '@candor/evidence-domain';
import { copyText, prepareRecord } from './copy-rows';

const CHUNK_BYTES = 1 << 20;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;
/** The type name, two instants and five separators around the text fields. */
const ROW_OVERHEAD = 64;

/**
 * A batch of records already turned into COPY text for the staging table. Records are added as
 * the reader delivers them, so this work overlaps with the database writing the previous batch
 * instead of running inside the batch's transaction. Rows are encoded straight into ~1 MiB
 * buffers: building one long string and encoding it afterwards cost twice as much.
 */
export class StageBuffer {
  readonly perType = new Map<RecordType, number>();
  /** The leads the records belong to (a lead record belongs to itself), each once. */
  readonly leads = new Set<string>();
  size = 0;
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(0);
  private used = 0;

  static of(records: readonly EvidenceRecord[]): StageBuffer {
    const buffer = new StageBuffer();
    for (const r of records) buffer.add(r);
    return buffer;
  }

  add(record: EvidenceRecord): void {
    const p = prepareRecord(record);
    const head = `${record.type}\t${copyText(record.id)}\t${copyText(p.lead)}\t${
      p.t1 ?? '\\N'
    }\t${p.t2 ?? '\\N'}\t`;
    const json = copyText(p.json);
    this.reserve(MAX_BYTES_PER_UNIT * (head.length + json.length) + ROW_OVERHEAD);
    this.used += this.chunk.write(head, this.used);
    this.used += this.chunk.write(json, this.used);
    this.chunk[this.used++] = 0x0a;
    const lead = record.type === 'lead' ? record.id : p.lead;
    if (lead !== null) this.leads.add(lead);
    this.perType.set(record.type, (this.perType.get(record.type) ?? 0) + 1);
    this.size++;
  }

  /** The COPY text, in ~1 MiB pieces. */
  pieces(): Buffer[] {
    this.seal();
    return this.chunks;
  }

  /** Room for `bytes` more in the current piece, starting a new one when needed. */
  private reserve(bytes: number): void {
    if (this.used + bytes <= this.chunk.length) return;
    this.seal();
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
  }

  private seal(): void {
    if (this.used === 0) return;
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}
