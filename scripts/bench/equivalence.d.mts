// Types of equivalence.mjs for the TypeScript tests that import it.

export function findingsOf(report: unknown): Record<string, unknown>;

export function compareReports(a: unknown, b: unknown): { equal: true } | { equal: false; difference: string };
