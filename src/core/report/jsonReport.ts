import { writeFileSync } from 'node:fs';
import type { ScanResult } from '../scan/scanResult';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { KeptReportBody } from './keptReportBody';

/** The `--format json` contract (design.md): stable field names, PI values masked. */
export function toJsonReport(result: ScanResult): object {
  return {
    ...reportHead(result),
    fields: result.fields.map(reportedField),
    values: result.values,
    diagnostics: result.diagnostics,
    problems: result.problems,
  };
}

export function formatJson(result: ScanResult): string {
  return [...jsonReportChunks(result)].join('');
}

/**
 * The JSON report (`formatJson`'s text, byte for byte) piece by piece: one piece per finding,
 * so that a report of a large tree is written without ever being one string in memory.
 */
export function* jsonReportChunks(result: ScanResult): Generator<string> {
  yield* headChunks(result);
  yield* bodyChunks(result);
}

/** The report up to its lists: tool, version, root and stats (with the scan's time). */
function* headChunks(result: ScanResult): Generator<string> {
  const head = reportHead(result);
  yield '{\n';
  for (const [key, value] of Object.entries(head)) yield `  ${JSON.stringify(key)}: ${indented(value, 1)},\n`;
}

/** The lists and the closing brace: a function of the result's lists alone. */
function* bodyChunks(result: ScanResult): Generator<string> {
  const lists: [string, readonly unknown[], (item: never) => unknown][] = [
    ['fields', result.fields, reportedField],
    ['values', result.values, same],
    ['diagnostics', result.diagnostics, same],
    ['problems', result.problems, same],
  ];
  for (let l = 0; l < lists.length; l++) {
    const [key, items, shape] = lists[l];
    const end = l === lists.length - 1 ? '\n' : ',\n';
    if (items.length === 0) {
      yield `  ${JSON.stringify(key)}: []${end}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    for (let i = 0; i < items.length; i++) yield `    ${indented(shape(items[i] as never), 2)}${i === items.length - 1 ? '\n' : ',\n'}`;
    yield `  ]${end}`;
  }
  yield '}\n';
}

/**
 * Writes the JSON report to an open file descriptor in blocks of about a megabyte
 * (`writeJsonReportTo` with a sink that writes to it).
 */
export function writeJsonReport(result: ScanResult, fd: number): string[] {
  return writeJsonReportTo(result, (piece) => writeFileSync(fd, piece));
}

/**
 * Hands the JSON report to `write` in blocks of about a megabyte (a block may be a buffer that
 * is used again after `write` returns: a sink that keeps it must copy it). The lists of a result kept in
 * the cache folder are copied from the report last written for the same result when there is
 * one, and kept for the next report otherwise (keptReportBody.ts). Returns the problems met
 * keeping them; the report itself is written whole either way.
 */
export function writeJsonReportTo(result: ScanResult, write: (piece: string | Uint8Array) => void): string[] {
  writeInBlocks(headChunks(result), write);
  const kept = result.kept && new KeptReportBody(result.kept);
  if (kept?.copyTo(write)) return [];
  const recorder = kept?.record();
  writeInBlocks(bodyChunks(result), (text) => {
    write(text);
    recorder?.write(text);
  });
  recorder?.commit();
  return recorder?.problem !== undefined ? [recorder.problem] : [];
}

function writeInBlocks(chunks: Iterable<string>, write: (text: string) => void): void {
  let block: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    block.push(chunk);
    size += chunk.length;
    if (size >= BLOCK_CHARS) {
      write(block.join(''));
      block = [];
      size = 0;
    }
  }
  if (block.length > 0) write(block.join(''));
}

const BLOCK_CHARS = 1 << 20;

function reportHead(result: ScanResult): { tool: string; version: string; root: string; stats: object } {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    root: result.root,
    stats: { files: result.files, bytes: result.bytes, skipped: result.skipped, ms: result.ms },
  };
}

function reportedField(f: ScanResult['fields'][number]): object {
  return {
    id: f.id,
    file: f.file,
    line: f.line,
    column: f.column,
    entity: f.entity,
    entityAliases: f.entityAliases,
    field: f.field,
    fieldAliases: f.fieldAliases,
    category: f.category,
    sensitive: f.sensitive,
    confidence: f.confidence,
    protected: f.protected,
    reasons: f.reasons,
    evidence: f.evidence,
    disposition: f.disposition,
  };
}

function same(item: unknown): unknown {
  return item;
}

/** `JSON.stringify(value, null, 2)` as it appears `depth` levels deep (newlines in strings are escaped, so every newline is layout). */
function indented(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}
