// Generates a synthetic monorepo of a chosen size, deterministically from a seed, and changes a
// share of its files for the "re-scan after a change" measurement. See scripts/bench.mjs.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { binaryBytes, jsonConfig, markdownDoc, minifiedBundle, nodeModuleFile, SOURCE_KINDS, sqlDump, sqlMigration, yamlConfig } from './otherFiles.mjs';
import { seededRandom } from './random.mjs';
import { entitiesFor, SCHEMA_KINDS } from './schemaFiles.mjs';
import { SYSTEMS } from './vocabulary.mjs';

/** Share of the line budget per group of files (the rest is ordinary source code). */
const SHARES = { schema: 0.16, docs: 0.1, config: 0.02, migration: 0.002, dump: 0.06 };
/** Rows per SQL dump at most: a dump of 20,000 rows is about 3 MB, below the default 5 MB limit. */
const MAX_ROWS_PER_DUMP = 20000;

/**
 * How one file's text is made from its own seed, so a file can be regenerated alone (the
 * change step) without disturbing any other.
 */
const RENDERERS = {
  ...Object.fromEntries(SCHEMA_KINDS.map((k) => [k.kind, (random) => k.make(random, entitiesFor(random, k.one ? 1 : random.int(1, 5)))])),
  ...Object.fromEntries(SOURCE_KINDS.map((k) => [k.kind, (random) => k.make(random, random.int(6, 20))])),
  doc: (random) => markdownDoc(random, random.int(8, 24)),
  'json-config': jsonConfig,
  'yaml-config': yamlConfig,
  migration: sqlMigration,
  dump: (random, entry) => sqlDump(random, entry.rows),
  bundle: (random) => minifiedBundle(random, 200_000),
};

/**
 * Writes the tree under `dir` (emptied first) with about `lines` lines of text. Returns the
 * manifest: every generated file with its kind, seed and size, and the totals.
 */
export function generateTree({ dir, lines, seed = 1 }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  const files = [];
  const repos = SYSTEMS.slice(0, Math.max(2, Math.min(SYSTEMS.length, Math.round(lines / 100_000))));
  let counter = 0;
  const add = (kind, subdir, ext, extra = {}) => {
    const fileSeed = random.int(1, 2 ** 31);
    const repo = random.pick(repos);
    const rel = `${repo}-service/${subdir}/${kind.replace(/[^a-z]/g, '')}_${String(counter++).padStart(5, '0')}.${ext}`;
    const entry = { rel, kind, seed: fileSeed, ...extra };
    const text = RENDERERS[kind](seededRandom(fileSeed), entry);
    writeText(dir, rel, text);
    entry.lines = countLines(text);
    entry.bytes = Buffer.byteLength(text);
    files.push(entry);
    return entry.lines;
  };
  const fill = (budget, pickKind) => {
    for (let used = 0; used < budget; ) {
      const { kind, dir: subdir, ext } = pickKind();
      used += add(kind, subdir, ext);
    }
  };

  // One file of every kind first, so that even a small tree has every format.
  let firstOfEach = 0;
  for (const k of [...SCHEMA_KINDS, ...SOURCE_KINDS]) firstOfEach += add(k.kind, k.dir, k.ext);
  fill(lines * SHARES.schema - firstOfEach, () => random.pick(SCHEMA_KINDS));
  fill(lines * SHARES.docs, () => ({ kind: 'doc', dir: 'docs', ext: 'md' }));
  fill(lines * SHARES.config, () => (random.chance(0.5) ? { kind: 'json-config', dir: 'config', ext: 'json' } : { kind: 'yaml-config', dir: 'config', ext: 'yml' }));
  fill(lines * SHARES.migration, () => ({ kind: 'migration', dir: 'db/migrations', ext: 'sql' }));
  const dumps = Math.max(1, Math.round((lines * SHARES.dump) / MAX_ROWS_PER_DUMP));
  const rows = Math.min(MAX_ROWS_PER_DUMP, Math.round((lines * SHARES.dump) / dumps));
  for (let i = 0; i < dumps; i++) add('dump', 'db/dumps', 'sql', { rows });
  for (let i = 0; i < Math.max(1, Math.round(lines / 300_000)); i++) add('bundle', 'public/static/js', 'min.js');
  const weighted = SOURCE_KINDS.flatMap((k) => Array(k.weight).fill(k));
  const used = files.reduce((sum, f) => sum + f.lines, 0);
  fill(lines - used, () => random.pick(weighted));

  // Not text, and not in scope: counted by neither the scan's lines nor rg's.
  const binaries = Math.max(2, Math.round(lines / 20_000));
  for (let i = 0; i < binaries; i++) writeBytes(dir, `${random.pick(repos)}-service/assets/image_${i}.png`, binaryBytes(random, random.int(4096, 65536)));
  const dependencies = Math.max(20, Math.round(lines / 2000));
  for (let i = 0; i < dependencies; i++) writeText(dir, `node_modules/pkg-${i % 50}/lib/file_${i}.js`, nodeModuleFile(random));
  writeText(dir, '.gitignore', '*.log\n/tmp/\n');

  return summarize(files, { binaries, dependencies });
}

/**
 * Regenerates `fraction` of the text files (at least one) with new seeds: new entities,
 * fields and values where the old ones were. Deterministic for a seed; returns the paths.
 */
export function changeTree({ dir, manifest, fraction = 0.01, seed = 2 }) {
  const random = seededRandom(seed);
  const candidates = manifest.files.filter((f) => f.kind !== 'dump' && f.kind !== 'bundle');
  const chosen = random.sample(candidates, Math.max(1, Math.round(manifest.files.length * fraction)));
  for (const entry of chosen) {
    entry.seed = random.int(1, 2 ** 31);
    const text = RENDERERS[entry.kind](seededRandom(entry.seed), entry);
    writeText(dir, entry.rel, text);
    entry.lines = countLines(text);
    entry.bytes = Buffer.byteLength(text);
  }
  Object.assign(manifest, summarize(manifest.files, manifest.skippedByDesign));
  return chosen.map((f) => f.rel).sort();
}

function summarize(files, skippedByDesign) {
  const byKind = {};
  for (const f of files) {
    const k = (byKind[f.kind] ??= { files: 0, lines: 0 });
    k.files++;
    k.lines += f.lines;
  }
  return {
    files,
    totals: { files: files.length, lines: files.reduce((s, f) => s + f.lines, 0), bytes: files.reduce((s, f) => s + f.bytes, 0) },
    byKind,
    skippedByDesign,
  };
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function writeText(root, rel, text) {
  writeBytes(root, rel, Buffer.from(text, 'utf8'));
}

function writeBytes(root, rel, bytes) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
