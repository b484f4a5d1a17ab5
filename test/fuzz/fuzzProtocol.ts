/** Messages between the fuzz supervisor and a worker process. */

export interface FuzzJob {
  seed: number;
  /** First and last (exclusive) input index. */
  from: number;
  to: number;
  /** Only these indices (a reproduction); overrides from/to. */
  only?: number[];
  /** The corpus folder; `false` for none (fixtures only), undefined for the default. */
  corpusDir?: string | false;
  /** Run the harness's own failing targets instead (proves crashes, hangs and deaths are caught). */
  selfTest?: boolean;
}

export type WorkerMessage =
  | { type: 'ready'; seeds: number; fingerprint: string; corpus?: string; targets: string[] }
  | { type: 'start'; index: number; target: string; seedName: string; mutations: string[]; bytes: number }
  | { type: 'done'; index: number; target: string; ms: number; bytes: number; seedName: string; mutations: string[] }
  | { type: 'crash'; index: number; target: string; seedName: string; mutations: string[]; bytes: number; error: string }
  | { type: 'finished' };
