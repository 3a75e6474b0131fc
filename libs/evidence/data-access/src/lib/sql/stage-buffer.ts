import type { EvidenceRecord, RecordType } from '@candor/evidence-domain';
import { prepareRecord } from './copy-rows';

const CHUNK_BYTES = 1 << 20;
/**
 * Pieces kept for reuse once their batch is written: the batches queued plus the one being
 * filled. Each new 1 MiB buffer is memory outside V8's heap, and V8 answers a stream of such
 * allocations with full collections (a 1M-line import counted 37 of them without reuse, 30
 * with).
 */
const SPARE_CHUNKS = 48;
const spare: Buffer[] = [];
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;
/** The field count, six field lengths and two timestamptz (int8) values. */
const ROW_OVERHEAD = 2 + 6 * 4 + 2 * 8;
const FIELDS = 6;
const TWO_32 = 2 ** 32;
/** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in Unix epoch milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
/** Binary COPY: signature, flags, header extension length; the trailer is a field count of -1. */
const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const TRAILER = Buffer.from([0xff, 0xff]);

/**
 * A batch of records already turned into binary COPY rows for the staging table (type,
 * external_id, lead, t1, t2, record; see STAGE_DDL). Records are added as the reader delivers
 * them, so this work overlaps with the database writing the previous batch instead of running
 * inside the batch's transaction. Rows are encoded straight into ~1 MiB buffers; the binary
 * format spares both sides escaping and scanning the JSON for delimiters, and the database
 * parsing numbers.
 */
export class StageBuffer {
  readonly perType = new Map<RecordType, number>();
  /** The leads the records belong to (a lead record belongs to itself), each once. */
  readonly leads = new Set<string>();
  size = 0;
  private readonly chunks: Buffer[] = [HEADER];
  /** The CHUNK_BYTES buffers behind `chunks`, returned to `spare` by release(). */
  private readonly owned: Buffer[] = [];
  private chunk: Buffer = Buffer.allocUnsafe(0);
  private used = 0;

  static of(records: readonly EvidenceRecord[]): StageBuffer {
    const buffer = new StageBuffer();
    for (const r of records) buffer.add(r);
    return buffer;
  }

  add(record: EvidenceRecord): void {
    const p = prepareRecord(record);
    const textUnits = record.type.length + record.id.length + (p.lead?.length ?? 0);
    this.reserve(MAX_BYTES_PER_UNIT * (textUnits + p.json.length) + ROW_OVERHEAD);
    this.used = this.chunk.writeInt16BE(FIELDS, this.used);
    this.text(record.type);
    this.text(record.id);
    this.text(p.lead);
    this.timestamptz(p.t1);
    this.timestamptz(p.t2);
    this.text(p.json);
    const lead = record.type === 'lead' ? record.id : p.lead;
    if (lead !== null) this.leads.add(lead);
    this.perType.set(record.type, (this.perType.get(record.type) ?? 0) + 1);
    this.size++;
  }

  /**
   * Hands the pieces back for reuse by later batches; call only once the COPY that sent them
   * has completed (the socket holds a piece until it is written). The buffer is unusable after.
   */
  release(): void {
    for (const chunk of this.owned) if (spare.length < SPARE_CHUNKS) spare.push(chunk);
    this.owned.length = 0;
    this.chunks.length = 0;
    this.chunk = Buffer.allocUnsafe(0);
    this.used = 0;
  }

  /** The COPY data, in ~1 MiB pieces. */
  pieces(): Buffer[] {
    this.seal();
    return [...this.chunks, TRAILER];
  }

  private text(value: string | null): void {
    if (value === null) {
      this.used = this.chunk.writeInt32BE(-1, this.used);
      return;
    }
    const bytes = this.chunk.write(value, this.used + 4);
    this.chunk.writeInt32BE(bytes, this.used);
    this.used += 4 + bytes;
  }

  /**
   * A timestamptz from epoch milliseconds, in its binary form: microseconds since 2000-01-01 as
   * an int8, written as two exact 32-bit halves (a product over 2^53 would lose digits in a
   * double, and a BigInt per value costs more).
   */
  private timestamptz(epochMs: number | null): void {
    if (epochMs === null) {
      this.used = this.chunk.writeInt32BE(-1, this.used);
      return;
    }
    const ms = epochMs - PG_EPOCH_MS;
    const msHigh = Math.floor(ms / TWO_32);
    const lowUs = (ms - msHigh * TWO_32) * 1000;
    const carry = Math.floor(lowUs / TWO_32);
    this.used = this.chunk.writeInt32BE(8, this.used);
    this.used = this.chunk.writeInt32BE(msHigh * 1000 + carry, this.used);
    this.used = this.chunk.writeUInt32BE(lowUs - carry * TWO_32, this.used);
  }

  /** Room for `bytes` more in the current piece, starting a new one when needed. */
  private reserve(bytes: number): void {
    if (this.used + bytes <= this.chunk.length) return;
    this.seal();
    if (bytes > CHUNK_BYTES) {
      this.chunk = Buffer.allocUnsafe(bytes);
      return;
    }
    this.chunk = spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
    this.owned.push(this.chunk);
  }

  private seal(): void {
    if (this.used === 0) return;
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}
