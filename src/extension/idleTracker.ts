/**
 * Counts the work in flight (debounced analyses waiting for their timer, analyses, scans), so
 * that `whenIdle()` can tell a test — or the status bar — when nothing is pending any more.
 */
export class IdleTracker {
  private pending = 0;
  private waiters: (() => void)[] = [];

  /** Marks one piece of work as pending; call the returned function (once) when it is over. */
  hold(): () => void {
    this.pending++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.pending--;
      if (this.pending === 0) this.settle();
    };
  }

  /** Runs `work` as pending work. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = this.hold();
    try {
      return await work();
    } finally {
      release();
    }
  }

  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Resolves once nothing is pending. Waits one timer tick after becoming idle and checks again,
   * so work that an event delivered in the meantime schedules is waited for too.
   */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.pending > 0) {
          this.waiters.push(check);
          return;
        }
        setTimeout(() => (this.pending > 0 ? this.waiters.push(check) : resolve()), 10);
      };
      check();
    });
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
