// Types of generate.mjs for the TypeScript tests that import it.

export interface GeneratedFile {
  rel: string;
  kind: string;
  seed: number;
  lines: number;
  bytes: number;
  rows?: number;
}

export interface Manifest {
  files: GeneratedFile[];
  totals: { files: number; lines: number; bytes: number };
  byKind: Record<string, { files: number; lines: number }>;
  skippedByDesign: { binaries: number; dependencies: number };
}

export function generateTree(options: { dir: string; lines: number; seed?: number }): Manifest;

export function changeTree(options: { dir: string; manifest: Manifest; fraction?: number; seed?: number }): string[];
