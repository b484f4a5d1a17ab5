import { minimatch } from 'minimatch';
import { ChecklistError } from '../../src/core/checklist/checklistError';
import { mergeChecklist } from '../../src/core/checklist/mergeChecklist';
import { parseChecklist } from '../../src/core/checklist/parseChecklist';
import { readChecklistDecisions } from '../../src/core/checklist/readChecklistDecisions';
import { ConfigError } from '../../src/core/config/configError';
import { defaultConfig } from '../../src/core/config/defaults';
import { parseConfigText } from '../../src/core/config/loadConfig';
import { mentionsAnnotation, parseAnnotations, withoutAnnotations } from '../../src/core/disposition/annotation';
import type { Engine } from '../../src/core/engine';
import type { ExtractionResult, Extractor, FormatId } from '../../src/core/extract/model';
import { formatJson } from '../../src/core/report/jsonReport';
import { auditFields } from '../../src/core/scan/auditFields';
import { decodeText } from '../../src/core/scan/decode';
import { sampleInput } from '../unit/checklist/helpers';
import type { SeedInput } from './seedInputs';
import type { SeededRandom } from './seededRandom';

/** One thing the fuzzer feeds: it must return (or throw only the errors its contract allows). */
export interface FuzzTarget {
  name: string;
  /** Seeds worth mutating for this target (a matching format); others are used now and then. */
  wants(seed: SeedInput): boolean;
  run(bytes: Buffer, rng: SeededRandom): Promise<void>;
}

/** A broken promise of the engine that is not an exception: reported like a crash. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** Per format: the paths an input is handed in under, and which seed files are of that format. */
const FORMAT_FILES: Record<FormatId, { paths: string[]; seeds: RegExp }> = {
  sql: { paths: ['db/fuzz.sql', 'db/fuzz.ddl'], seeds: /\.(sql|ddl)$/ },
  prisma: { paths: ['prisma/schema.prisma'], seeds: /\.prisma$/ },
  typescript: { paths: ['src/fuzz.ts', 'src/fuzz.js', 'src/fuzz.tsx', 'src/fuzz.mjs'], seeds: /\.(ts|tsx|js|mjs)$/ },
  python: { paths: ['app/models.py'], seeds: /\.py$/ },
  java: { paths: ['src/main/java/Fuzz.java'], seeds: /\.java$/ },
  go: { paths: ['model/fuzz.go'], seeds: /\.go$/ },
  csharp: { paths: ['Models/Fuzz.cs'], seeds: /\.cs$/ },
  protobuf: { paths: ['proto/fuzz.proto'], seeds: /\.proto$/ },
  graphql: { paths: ['schema.graphql', 'schema.gql'], seeds: /\.(graphql|gql)$/ },
  'json-schema': { paths: ['schemas/fuzz.schema.json', 'schemas/fuzz.schema.yaml'], seeds: /\.(json|ya?ml)$/ },
  openapi: { paths: ['api/openapi.yaml', 'api/swagger.json'], seeds: /\.(json|ya?ml)$/ },
  'mybatis-xml': { paths: ['mapper/FuzzMapper.xml'], seeds: /\.xml$/ },
  'csv-dictionary': { paths: ['docs/dictionary.csv'], seeds: /\.csv$/ },
  'json-data': { paths: ['fixtures/seed.json'], seeds: /\.json$/ },
};

/** Text as an extractor would get it; bytes that are not text are read anyway, NULs and all. */
function asText(bytes: Buffer): string {
  const decoded = decodeText(bytes);
  return 'text' in decoded ? decoded.text : bytes.toString('utf8');
}

function checkPosition(what: string, line: unknown, column: unknown): void {
  if (!Number.isInteger(line) || !Number.isInteger(column) || (line as number) < 1 || (column as number) < 1) {
    throw new InvariantError(`${what} has position ${String(line)}:${String(column)} (expected integers ≥ 1)`);
  }
}

function checkExtraction(result: ExtractionResult, extractor: Extractor): void {
  if (result.format !== extractor.format) throw new InvariantError(`format ${result.format} from the ${extractor.format} extractor`);
  if (!Array.isArray(result.entities) || !Array.isArray(result.problems)) throw new InvariantError('entities or problems is not an array');
  for (const entity of result.entities) {
    checkPosition(`entity ${entity.name}`, entity.line, entity.column);
    for (const field of entity.fields) checkPosition(`field ${entity.name}.${field.name}`, field.line, field.column);
  }
}

function extractorTarget(extractor: Extractor): FuzzTarget {
  const spec = FORMAT_FILES[extractor.format];
  return {
    name: `extract:${extractor.format}`,
    wants: (seed) => spec.seeds.test(seed.name),
    run: async (bytes, rng) => checkExtraction(await extractor.extract(asText(bytes), rng.pick(spec.paths)), extractor),
  };
}

const ANY_PATH = Object.values(FORMAT_FILES).flatMap((e) => e.paths).concat(['notes/readme.md', 'logs/app.log', 'data/export.txt']);

/**
 * The whole per-file pipeline as a scan runs it: decode, pick the extractor, classify, detect
 * values, resolve `@pi` annotations and evidence, run the rules, render the JSON report.
 */
function pipelineTarget(engine: Engine): FuzzTarget {
  const config = defaultConfig();
  return {
    name: 'scan-pipeline',
    wants: () => true,
    run: async (bytes, rng) => {
      const decoded = decodeText(bytes);
      if ('binary' in decoded) return; // reported as skipped by the scan
      const file = rng.pick(ANY_PATH);
      const analysis = await engine.analyze(file, decoded.text);
      const audit = auditFields({ analyses: [analysis], texts: new Map([[file, decoded.text]]), config, lang: 'zh-CN', system: 'fuzz' });
      formatJson({ root: '/fuzz', files: 1, bytes: bytes.length, ms: 0, skipped: [], fields: audit.fields, values: analysis.values, diagnostics: audit.diagnostics, assessed: audit.assessed, problems: [] });
    },
  };
}

const annotationTarget: FuzzTarget = {
  name: 'annotation',
  wants: (seed) => /@pi\b/.test(seed.bytes.toString('utf8')) || seed.name.endsWith('annotations.txt'),
  run: (bytes, rng) => {
    const text = asText(bytes);
    const line = rng.between(1, 5000);
    const column = rng.between(1, 200);
    for (const result of parseAnnotations({ text, line, column }, rng.chance(0.7))) {
      checkPosition('annotation', result.comment.line, result.comment.column);
    }
    mentionsAnnotation(text);
    withoutAnnotations(text);
    return Promise.resolve();
  },
};

const SAMPLE_PATHS = ['src/main/java/com/example/Member.java', 'db/schema.sql', 'legacy/a/b/c/d/e/f/g.ts', '客户 资料/会员 表.sql'];

/** `.piaudit.yaml` text: may throw ConfigError only. A config that loads has its globs exercised. */
const configTarget: FuzzTarget = {
  name: 'config',
  wants: (seed) => /\.(ya?ml)$/.test(seed.name),
  run: (bytes) => {
    let loaded;
    try {
      loaded = parseConfigText(bytes.toString('utf8'), '.piaudit.yaml');
    } catch (error) {
      if (error instanceof ConfigError) return Promise.resolve();
      throw error;
    }
    const globs = [...loaded.config.include, ...loaded.config.exclude, ...loaded.config.policies.flatMap((p) => (p.match ? [p.match] : []))];
    for (const glob of globs) for (const sample of SAMPLE_PATHS) minimatch(sample, glob, { dot: true, matchBase: true, nocomment: true, nocase: true });
    return Promise.resolve();
  },
};

/** The checklist readers: may throw ChecklistError only; a merge that succeeds must give a checklist that parses. */
const checklistTarget: FuzzTarget = {
  name: 'checklist',
  wants: (seed) => /\.(ya?ml)$/.test(seed.name),
  run: (bytes) => {
    const text = bytes.toString('utf8');
    try {
      readChecklistDecisions(text, { file: 'pi-disposition.yaml' });
      const merged = mergeChecklist(text, sampleInput(), 'pi-disposition.yaml');
      try {
        parseChecklist(merged, 'merged.yaml');
      } catch (error) {
        throw new InvariantError(`the merged checklist does not read back: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    } catch (error) {
      if (error instanceof ChecklistError) return Promise.resolve();
      throw error;
    }
    return Promise.resolve();
  },
};

const decodeTarget: FuzzTarget = {
  name: 'decode',
  wants: () => true,
  run: (bytes) => {
    const decoded = decodeText(bytes);
    if ('text' in decoded && typeof decoded.text !== 'string') throw new InvariantError('decoded text is not a string');
    return Promise.resolve();
  },
};

/** Targets that fail on purpose, one way each, so a test can show the harness catches every way. */
export function selfTestTargets(): FuzzTarget[] {
  return [
    { name: 'self-test:throw', wants: () => true, run: () => Promise.reject(new TypeError('thrown on purpose')) },
    {
      name: 'self-test:hang',
      wants: () => true,
      run: () => {
        for (;;) {
          // An endless loop no timer can interrupt: only the watchdog outside can stop it.
        }
      },
    },
    { name: 'self-test:die', wants: () => true, run: () => process.exit(70) },
  ];
}

/** Every target, in a fixed order (the order is part of what a seed number means). */
export function fuzzTargets(engine: Engine): FuzzTarget[] {
  return [
    ...engine.extractors.map(extractorTarget),
    pipelineTarget(engine),
    annotationTarget,
    configTarget,
    checklistTarget,
    decodeTarget,
  ];
}
