import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateChecklist } from '../../src/core/checklist/generateChecklist';
import { sampleInput } from '../unit/checklist/helpers';

/** A file to mutate, with the name it came under (its extension decides the format). */
export interface SeedInput {
  name: string;
  bytes: Buffer;
}

export interface SeedSet {
  seeds: SeedInput[];
  /** Hash of every seed's name and bytes: the same seed number rebuilds the same inputs only over the same seed set. */
  fingerprint: string;
  /** Where the corpus was read from, or undefined when there is none on this machine. */
  corpus?: string;
}

const PROJECT = path.resolve(__dirname, '..', '..');

/**
 * The project's fixtures plus, when present, the shared labelled corpus (read in place at run
 * time, never copied into the project). Sorted by name, so a seed number means the same input on
 * every machine that has the same files.
 */
export function loadSeeds(corpusDir: string | false = defaultCorpusDir()): SeedSet {
  const seeds: SeedInput[] = [];
  for (const file of listFiles(path.join(PROJECT, 'test', 'fixtures'))) {
    seeds.push({ name: path.relative(PROJECT, file).split(path.sep).join('/'), bytes: fs.readFileSync(file) });
  }
  const corpus = corpusDir !== false && fs.existsSync(corpusDir) ? corpusDir : undefined;
  if (corpus) {
    for (const file of listFiles(corpus)) seeds.push({ name: `corpus/${path.relative(corpus, file).split(path.sep).join('/')}`, bytes: fs.readFileSync(file) });
  }
  seeds.push(...syntheticSeeds());
  seeds.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash('sha256');
  for (const seed of seeds) hash.update(seed.name).update('\0').update(seed.bytes).update('\0');
  return { seeds, corpus, fingerprint: hash.digest('hex').slice(0, 12) };
}

export function defaultCorpusDir(): string {
  return process.env.PI_AUDIT_CORPUS ?? path.resolve(PROJECT, '..', 'shared', 'corpus');
}

/** Inputs for the loaders that no fixture covers well: a generated checklist, a full config, annotations. */
function syntheticSeeds(): SeedInput[] {
  const config = `include: ["**/*"]
exclude: ["legacy/**", "**/*.min.js"]
maxFileSize: 5242880
fileTimeoutMs: 2000
sensitiveIdReading: GB/T 35273-2020
checklist: docs/pi-disposition.yaml
system: hr
minConfidence: 0.6
rules:
  pi/sensitive-unprotected: warning
  pi/soft-delete-only: "off"
legalEntity:
  name: 上海示例零售有限公司
  creditCode: 91310104MA1FP7K3X8
  deregistration: general
  date: 2025-12-31
policies:
  - &order
    match: "*/order*.*"
    categories: [property.payment]
    action: retain
    period: 3y
    basis: 电子商务法 第三十一条
  - <<: *order
    match: "*/invoice*.*"
  - match: "*/t_log*.*"
    action: retain
    period: 6m
    basis: "网络安全法 第二十一条"
    then: delete
`;
  const annotations = [
    '@pi delete',
    '@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy',
    '@pi transfer to="上海示例集团有限公司" contact=privacy@example.cn mechanism=standard-contract',
    '@pi anonymize method=hash reason=“统计” owner=张三; @pi ignore',
    '/* @pi retain 10年 basis=「税收征收管理法实施细则 第二十九条」 */',
    "COMMENT '身份证号 @pi retain 6m basis=\"网络安全法\" until=2026-06-30'",
    '@pi destroy until=2025-12-31 -->',
  ].join('\n');
  return [
    { name: 'synthetic/pi-disposition.yaml', bytes: Buffer.from(generateChecklist(sampleInput()), 'utf8') },
    { name: 'synthetic/.piaudit.yaml', bytes: Buffer.from(config, 'utf8') },
    { name: 'synthetic/annotations.txt', bytes: Buffer.from(annotations, 'utf8') },
  ];
}

/** Files under `dir`, leaving out hidden folders (a scan's `.piaudit-cache`, `.git`): tool output, not input. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
