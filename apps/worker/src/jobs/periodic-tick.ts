/**
 * Runs a scheduler's `tick` every `everyMs`, never two at once (a slow pass skips the beats it
 * overlaps); `stop` waits for the pass in progress.
 */
export class PeriodicTick {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly tick: () => Promise<unknown>) {}

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick();
      this.running.catch(onError).finally(() => (this.running = null));
    }, everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
