import type { EvidenceRecord, RecordType } from '@candor/evidence-domain';
import { copyText, prepareRecord } from './copy-rows';

const CHUNK_CHARS = 1 << 20;

/**
 * A batch of records already turned into COPY text for the staging table. Records are added as
 * the reader delivers them, so this work overlaps with the database writing the previous batch
 * instead of running inside the batch's transaction.
 */
export class StageBuffer {
  readonly chunks: string[] = [];
  readonly perType = new Map<RecordType, number>();
  size = 0;
  private chunk = '';

  static of(records: readonly EvidenceRecord[]): StageBuffer {
    const buffer = new StageBuffer();
    for (const r of records) buffer.add(r);
    return buffer;
  }

  add(record: EvidenceRecord): void {
    const p = prepareRecord(record);
    this.chunk += `${record.type}\t${copyText(record.id)}\t${copyText(p.lead)}\t${
      p.t1 ?? '\\N'
    }\t${p.t2 ?? '\\N'}\t${copyText(p.json)}\t${p.hash}\n`;
    if (this.chunk.length >= CHUNK_CHARS) {
      this.chunks.push(this.chunk);
      this.chunk = '';
    }
    this.perType.set(record.type, (this.perType.get(record.type) ?? 0) + 1);
    this.size++;
  }

  /** The COPY text, in ~1 MiB pieces. */
  text(): string[] {
    if (this.chunk.length > 0) {
      this.chunks.push(this.chunk);
      this.chunk = '';
    }
    return this.chunks;
  }
}
