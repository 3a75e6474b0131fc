import { createGunzip } from 'node:zlib';

/** Where decoded input goes. */
export interface DecodeTarget {
  /** Bundle bytes (decompressed when the input is gzip), in order. */
  data(chunk: Buffer): void;
  /** `bytes` more of the input as stored have been consumed. */
  consumed(bytes: number): void;
  gzip(): void;
}

/** Decompressed output per zlib call; on corruption, at most this much just before it is lost. */
const GUNZIP_CHUNK_BYTES = 64 * 1024;

function isGzip(head: Buffer[]): boolean {
  const start = Buffer.concat(head.slice(0, 2)).subarray(0, 2);
  return start.length === 2 && start[0] === 0x1f && start[1] === 0x8b;
}

/**
 * Feeds `chunks` to `target`, decompressing when they start with the gzip magic bytes
 * (1f 8b), whatever the file is called. Returns null, or why a gzip stream stopped early
 * (truncated or corrupt); what was decoded before that point has been delivered.
 * Errors reading the input, or thrown by the target, are thrown.
 */
export async function decodeBundle(
  chunks: AsyncIterator<Buffer>,
  target: DecodeTarget,
): Promise<string | null> {
  try {
    const head: Buffer[] = [];
    let headBytes = 0;
    while (headBytes < 2) {
      const next = await chunks.next();
      if (next.done) break;
      head.push(next.value);
      headBytes += next.value.length;
    }
    if (isGzip(head)) {
      target.gzip();
      return await gunzipInto(head, chunks, target);
    }
    for (const chunk of head) deliver(chunk, target);
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      deliver(next.value, target);
    }
    return null;
  } finally {
    await chunks.return?.();
  }
}

function deliver(chunk: Buffer, target: DecodeTarget): void {
  target.data(chunk);
  target.consumed(chunk.length);
}

async function gunzipInto(
  head: Buffer[],
  rest: AsyncIterator<Buffer>,
  target: DecodeTarget,
): Promise<string | null> {
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  const failed: { zlib: Error | null; target: { error: unknown } | null } = {
    zlib: null,
    target: null,
  };
  // Data is handled as zlib emits it (not through an async iterator, which drops what is
  // buffered when the stream fails), so everything before a truncation point is kept.
  gunzip.on('data', (chunk: Buffer) => {
    if (failed.target) return;
    try {
      target.data(chunk);
    } catch (error) {
      failed.target = { error };
      gunzip.destroy();
    }
  });
  const finished = new Promise<void>((resolve) => {
    gunzip.on('error', (error) => {
      failed.zlib ??= error;
      resolve();
    });
    gunzip.once('end', resolve);
    gunzip.once('close', resolve);
  });
  const stopped = () => gunzip.destroyed || failed.zlib !== null || failed.target !== null;
  const write = async (chunk: Buffer): Promise<void> => {
    if (!gunzip.write(chunk)) {
      await Promise.race([new Promise((resolve) => gunzip.once('drain', resolve)), finished]);
    }
    target.consumed(chunk.length);
  };
  try {
    for (const chunk of head) if (!stopped()) await write(chunk);
    while (!stopped()) {
      const next = await rest.next();
      if (next.done) break;
      await write(next.value);
    }
    if (!stopped()) gunzip.end();
    await finished;
  } finally {
    gunzip.destroy();
  }
  if (failed.target) throw failed.target.error;
  return failed.zlib ? `gzip stream is truncated or corrupt: ${failed.zlib.message}` : null;
}
