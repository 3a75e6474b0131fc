import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

/** Read size: large enough that per-chunk overhead vanishes, small enough to stream. */
const CHUNK_BYTES = 1 << 20;

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
};

function unreadable(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    (code ? REASONS[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
  return new Error(`cannot read bundle ${path}: ${reason}`, { cause: error });
}

/**
 * The bytes of a file, chunk by chunk; an unreadable file is an Error naming the path. The next
 * chunk is read while the caller parses the current one.
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  const readChunk = async (): Promise<Buffer | null> => {
    // A fresh buffer per chunk: the line splitter may still refer to the previous one.
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    try {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      return bytesRead === 0 ? null : buffer.subarray(0, bytesRead);
    } catch (error) {
      throw unreadable(path, error);
    }
  };
  const readAhead = (): Promise<Buffer | null> => {
    const read = readChunk();
    // Handled now so a failure while the caller is busy is not an unhandled rejection; the
    // error still reaches the caller when it awaits this read.
    read.catch(() => null);
    return read;
  };
  let ahead: Promise<Buffer | null> | null = readAhead();
  try {
    for (let chunk = await ahead; chunk !== null; chunk = await ahead) {
      ahead = readAhead();
      yield chunk;
    }
    ahead = null;
  } finally {
    // Stopped early: let the read in flight finish (its error no longer matters) before closing.
    await ahead?.catch(() => null);
    await handle.close();
  }
}

/**
 * The bytes of a stream (stdin, a socket, an upload); string chunks are taken as UTF-8. When the
 * reader stops early (a corrupt gzip stream, a throwing callback) the stream is destroyed.
 */
export async function* streamChunks(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  const iterator = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string | Buffer>;
      try {
        next = await iterator.next();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`cannot read bundle from stream: ${message}`, { cause: error });
      }
      if (next.done) return;
      const chunk: unknown = next.value;
      if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
      else if (Buffer.isBuffer(chunk)) yield chunk;
      else if (chunk instanceof Uint8Array) {
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      } else throw new Error('cannot read bundle from stream: it yields objects, not bytes');
    }
  } finally {
    await iterator.return?.();
  }
}
