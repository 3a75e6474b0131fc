/**
 * Progress lines on stderr for long work: quiet for the first second (small inputs print
 * nothing), then at most one update per second; on a terminal the line is rewritten in place.
 */
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(text: string): void {
    const now = Date.now();
    if (now - this.started < 1000 || now - this.last < 1000) return;
    this.last = now;
    this.shown = true;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[K${text}`);
    else this.stream.write(`${text}\n`);
  }

  done(text?: string): void {
    if (this.shown && this.stream.isTTY) this.stream.write('\r\x1b[K');
    if (text && this.shown) this.stream.write(`${text}\n`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
