import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { finished } from 'node:stream/promises';
import { createGzip, type Gzip, gunzip, gzip } from 'node:zlib';
import type { DataSource } from 'typeorm';
import { runInTenant, type TenantScope, type TenantTransaction } from '@candor/platform-database';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type PayloadKind = 'import' | 'webhook' | 'sync';

/** A received payload ready to archive: gzip'd off the event loop, with its digest. */
export interface PackedPayload {
  content: Buffer;
  byteLength: number;
  sha256: string;
}

export interface PayloadMeta {
  storeId: string;
  kind: PayloadKind;
  importRunId: string | null;
  seq: number;
  contentType: string;
}

/** Compresses the exact bytes received (fast level: the archive is written on every import). */
export async function packPayload(bytes: Buffer): Promise<PackedPayload> {
  const content = await gzipAsync(bytes, { level: 1 });
  return {
    content,
    byteLength: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Packs a payload that arrives in pieces into one gzip stream: each piece is handed to the
 * stream as it arrives and compressed on the thread pool (so compression overlaps with parsing
 * and never delays a batch's transaction). One stream per payload, not one gzip member per
 * piece: setting up a deflate state for every 64 KiB piece cost the event loop ~1 s per 1M-line
 * import.
 */
export class PayloadPacker {
  private gzip: Gzip | null = null;
  private done: Promise<void> = Promise.resolve();
  private readonly out: Buffer[] = [];
  private readonly hash = createHash('sha256');
  byteLength = 0;

  add(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (!this.gzip) {
      const gzip = createGzip({ level: 1 });
      gzip.on('data', (chunk: Buffer) => this.out.push(chunk));
      this.done = finished(gzip);
      // Awaited in pack(); handled here so a failure is not unhandled meanwhile.
      this.done.catch(() => null);
      this.gzip = gzip;
    }
    this.gzip.write(bytes);
    this.hash.update(bytes);
    this.byteLength += bytes.length;
  }

  async pack(): Promise<PackedPayload | null> {
    if (!this.gzip) return null;
    this.gzip.end();
    await this.done;
    return {
      content: this.out.length === 1 ? this.out[0]! : Buffer.concat(this.out),
      byteLength: this.byteLength,
      sha256: this.hash.digest('hex'),
    };
  }
}

export async function insertPayload(
  tx: TenantTransaction,
  meta: PayloadMeta,
  packed: PackedPayload,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO raw_payload
       (consultancy_id, store_id, kind, import_run_id, seq, content_type, byte_length, sha256, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      tx.consultancyId,
      meta.storeId,
      meta.kind,
      meta.importRunId,
      meta.seq,
      meta.contentType,
      packed.byteLength,
      packed.sha256,
      packed.content,
    ],
  );
  return row!.id;
}

/**
 * The archived bytes of an import run, chunk by chunk in the order received (each chunk read
 * in its own short transaction, so a large archive is never held whole).
 */
export async function* payloadChunks(
  ds: DataSource,
  scope: TenantScope,
  importRunId: string,
): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const rows = await runInTenant(ds, scope, (tx) =>
      tx.query<{ content: Buffer }>(
        'SELECT content FROM raw_payload WHERE import_run_id = $1 AND seq = $2',
        [importRunId, seq],
      ),
    );
    if (!rows[0]) return;
    yield await gunzipAsync(rows[0].content);
  }
}
