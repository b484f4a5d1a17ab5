/** What an analysis was started for: it is used only for exactly that (same version, text and engine). */
export interface AnalysisStamp {
  version: number;
  text: string;
  /** The folder's engine when it started: a reloaded configuration makes the analysis stale. */
  engine: object | undefined;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Analyses started on the analysis thread before a document's debounce ends, so that the
 * result is ready — or nearly — when it does: typing pauses a little before the debounce
 * fires. One per document (a newer start replaces an older one); taken only by a request for
 * the same version, text and engine, else left unused. An analysis that failed fails its taker.
 */
export class EarlyAnalyses<T> {
  private readonly started = new Map<string, { stamp: AnalysisStamp; result: Promise<Settled<T>> }>();

  start(key: string, stamp: AnalysisStamp, run: () => Promise<T>): void {
    // Settled here, so that one nobody takes (the user typed on) is no unhandled rejection.
    const result = run().then(
      (value): Settled<T> => ({ ok: true, value }),
      (error: unknown): Settled<T> => ({ ok: false, error }),
    );
    this.started.set(key, { stamp, result });
  }

  /** The analysis started for exactly `stamp`, if one was; forgets whatever was started for `key`. */
  take(key: string, stamp: AnalysisStamp): Promise<T> | undefined {
    const entry = this.started.get(key);
    this.started.delete(key);
    if (!entry || entry.stamp.version !== stamp.version || entry.stamp.engine !== stamp.engine || entry.stamp.text !== stamp.text) return undefined;
    return entry.result.then((settled) => {
      if (settled.ok) return settled.value;
      throw settled.error instanceof Error ? settled.error : new Error(String(settled.error));
    });
  }

  forget(key: string): void {
    this.started.delete(key);
  }
}
