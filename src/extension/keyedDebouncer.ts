import type { IdleTracker } from './idleTracker';

/**
 * One timer per key (per document URI): typing in one file never delays or drops the analysis
 * of another, and a burst of edits to one file runs its task once, `delayMs` after the last edit.
 */
export class KeyedDebouncer {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; release: () => void }>();

  constructor(
    private readonly delayMs: number,
    private readonly idle: IdleTracker,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  schedule(key: string, task: () => Promise<void>): void {
    const previous = this.timers.get(key);
    if (previous) clearTimeout(previous.timer);
    const release = previous?.release ?? this.idle.hold();
    const timer = setTimeout(() => {
      this.timers.delete(key);
      task().catch((error: unknown) => this.onError(key, error)).finally(release);
    }, this.delayMs);
    this.timers.set(key, { timer, release });
  }

  cancel(key: string): void {
    const entry = this.timers.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.timers.delete(key);
    entry.release();
  }

  isScheduled(key: string): boolean {
    return this.timers.has(key);
  }

  dispose(): void {
    for (const key of [...this.timers.keys()]) this.cancel(key);
  }
}
