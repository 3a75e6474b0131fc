const LF = 0x0a;
const CR = 0x0d;

/** Receives the lines of a byte stream, in order, one call per line. */
export interface LineSink {
  /** A line's bytes are `bytes[start, end)`, without its `\n` or `\r\n`; valid during the call. */
  line(bytes: Buffer, start: number, end: number): void;
  /** A line longer than the limit, skipped without being held in memory; `length` in bytes. */
  oversized(length: number): void;
}

/**
 * Splits a byte stream into lines on `\n` (a `\r` before it is dropped) without decoding it,
 * so line lengths are checked in bytes and invalid UTF-8 stays confined to its line. A line
 * longer than `maxLineBytes` is streamed past: its bytes are counted, not kept.
 */
export class LineSplitter {
  /** Pieces of the current line that arrived in earlier chunks. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Inside an oversized line: its bytes so far, or -1 when not skipping. */
  private skippedBytes = -1;
  /** Whether the bytes kept or skipped so far end in `\r` (it may precede the next chunk's `\n`). */
  private endsInCr = false;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(LF, start); nl !== -1; nl = chunk.indexOf(LF, start)) {
      this.finishLine(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
  }

  /** Ends the stream: a last line without a final `\n` is still a line. */
  end(): void {
    if (this.skippedBytes >= 0) {
      this.sink.oversized(this.skippedBytes);
      this.skippedBytes = -1;
    } else if (this.pendingBytes > 0) {
      const line = this.takePending();
      this.emit(line, 0, line.length);
    }
  }

  private finishLine(chunk: Buffer, start: number, end: number): void {
    const crLf = end > start ? chunk[end - 1] === CR : this.endsInCr;
    if (this.skippedBytes >= 0) {
      const length = this.skippedBytes + (end - start);
      this.skippedBytes = -1;
      this.sink.oversized(crLf ? length - 1 : length);
    } else if (this.pendingBytes === 0) {
      this.emit(chunk, start, end);
    } else if (this.pendingBytes + (end - start) > this.maxLineBytes + 1) {
      // Too long even if it ends in \r: do not join the pieces just to reject them.
      const length = this.pendingBytes + (end - start);
      this.pending = [];
      this.pendingBytes = 0;
      this.sink.oversized(crLf ? length - 1 : length);
    } else {
      this.keep(chunk, start, end);
      const line = this.takePending();
      this.emit(line, 0, line.length);
    }
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length > 0) this.endsInCr = chunk[end - 1] === CR;
    if (this.skippedBytes >= 0) {
      this.skippedBytes += length;
    } else if (this.pendingBytes + length > this.maxLineBytes + 1) {
      this.skippedBytes = this.pendingBytes + length;
      this.pending = [];
      this.pendingBytes = 0;
    } else {
      // A copy, not a view: a view would pin the whole (possibly 1 MiB) chunk in memory.
      this.pending.push(Buffer.from(chunk.subarray(start, end)));
      this.pendingBytes += length;
    }
  }

  private takePending(): Buffer {
    const line =
      this.pending.length === 1 && this.pending[0]
        ? this.pending[0]
        : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return line;
  }

  private emit(bytes: Buffer, start: number, end: number): void {
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (stop - start > this.maxLineBytes) this.sink.oversized(stop - start);
    else this.sink.line(bytes, start, stop);
  }
}
