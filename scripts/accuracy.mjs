// Accuracy gate on the labelled corpus (../shared/corpus, or $PI_AUDIT_CORPUS): runs the built CLI
// (`pi-audit scan --format json`) exactly as a user would, compares its fields with labels.yaml
// and its values with planted.yaml, checks that no planted value leaks into any output format,
// prints the figures per file and overall, and exits 1 when a target of issue #2 is missed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const TARGETS = { precision: 0.97, recall: 0.97, exact: 0.9, family: 0.95, valueRecall: 1.0 };
const corpus = path.resolve(process.env.PI_AUDIT_CORPUS ?? '../shared/corpus');
if (!existsSync(path.join(corpus, 'labels.yaml'))) {
  console.error(`accuracy: no labelled corpus at ${corpus} (set PI_AUDIT_CORPUS)`);
  process.exit(2);
}

function run(format) {
  try {
    return execFileSync(process.execPath, ['dist/cli.js', 'scan', corpus, '--format', format, '--quiet', '--no-color'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  } catch (error) {
    if (error.status === 1) return error.stdout; // findings: expected on this corpus
    throw error;
  }
}
const outputs = { json: run('json'), sarif: run('sarif'), text: run('text') };
const report = JSON.parse(outputs.json);
const labels = parse(readFileSync(path.join(corpus, 'labels.yaml'), 'utf8')).files;
const planted = parse(readFileSync(path.join(corpus, 'planted.yaml'), 'utf8')).values;

const lower = (s) => String(s).toLowerCase();
const family = (id) => id.split('.')[0];
const rows = [];
const total = { tp: 0, fp: 0, fn: 0, exact: 0, family: 0 };
const misses = [];
for (const [file, entities] of Object.entries(labels)) {
  const inFile = report.fields.filter((f) => f.file === file);
  const counts = { tp: 0, fp: 0, fn: 0, exact: 0, family: 0 };
  const matched = new Set();
  for (const [entityKey, fields] of Object.entries(entities ?? {})) {
    const entityNames = entityKey.split('|').map(lower);
    for (const [fieldKey, category] of Object.entries(fields ?? {})) {
      const fieldNames = fieldKey.split('|').map(lower);
      const found = inFile.find((f) => [f.entity, ...(f.entityAliases ?? [])].some((n) => entityNames.includes(lower(n))) && [f.field, ...(f.fieldAliases ?? [])].some((n) => fieldNames.includes(lower(n))));
      if (found) matched.add(found.id);
      if (category && found) {
        counts.tp++;
        if (found.category === category) counts.exact++;
        else misses.push(`category  ${file} ${entityKey}.${fieldKey}: want ${category}, got ${found.category}`);
        if (family(found.category) === family(category)) counts.family++;
      } else if (category) {
        counts.fn++;
        misses.push(`missed    ${file} ${entityKey}.${fieldKey}: want ${category}`);
      } else if (found) {
        counts.fp++;
        misses.push(`false PI  ${file} ${entityKey}.${fieldKey}: got ${found.category}`);
      }
    }
  }
  // A PI field reported in a labelled file that labels.yaml does not list at all is a false positive.
  for (const f of inFile) {
    if (!matched.has(f.id)) {
      counts.fp++;
      misses.push(`unlisted  ${file} ${f.entity}.${f.field}: got ${f.category}`);
    }
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  rows.push({ file, ...counts });
}

const ratio = (a, b) => (b === 0 ? 1 : a / b);
const pct = (x) => x.toFixed(3);
console.log('file                                precision recall exact  family   (tp/fp/fn)');
for (const r of rows) {
  console.log(`${r.file.padEnd(36)} ${pct(ratio(r.tp, r.tp + r.fp)).padStart(9)} ${pct(ratio(r.tp, r.tp + r.fn)).padStart(6)} ${pct(ratio(r.exact, r.tp)).padStart(6)} ${pct(ratio(r.family, r.tp)).padStart(6)}   (${r.tp}/${r.fp}/${r.fn})`);
}
const figures = {
  precision: ratio(total.tp, total.tp + total.fp),
  recall: ratio(total.tp, total.tp + total.fn),
  exact: ratio(total.exact, total.tp),
  family: ratio(total.family, total.tp),
};

// Values: every planted PI value found at its file and line with its kind; no credit code as PI.
let valueHits = 0;
let valueTotal = 0;
let creditCodesAsPI = 0;
for (const v of planted) {
  const atLine = report.values.filter((r) => r.file === v.file && r.line === v.line);
  if (v.kind) {
    valueTotal++;
    if (atLine.some((r) => r.kind === v.kind)) valueHits++;
    else misses.push(`value     ${v.file}:${v.line} ${v.kind} not found`);
  } else if (atLine.some((r) => r.kind !== null && r.detector === 'credit-code')) {
    creditCodesAsPI++;
  }
}
figures.valueRecall = ratio(valueHits, valueTotal);
const leaks = [];
for (const [format, text] of Object.entries(outputs)) {
  for (const v of planted) if (text.includes(v.value)) leaks.push(`${format} output contains a planted ${v.kind ?? 'credit code'} value whole`);
}

console.log('');
console.log(`overall                             ${pct(figures.precision).padStart(9)} ${pct(figures.recall).padStart(6)} ${pct(figures.exact).padStart(6)} ${pct(figures.family).padStart(6)}   (${total.tp}/${total.fp}/${total.fn})`);
console.log(`values: recall ${pct(figures.valueRecall)} (${valueHits}/${valueTotal}); credit codes reported as PI: ${creditCodesAsPI}; leaks: ${leaks.length}`);
if (process.argv.includes('--verbose') || process.env.CI) for (const m of misses) console.log(`  ${m}`);

const failures = Object.entries(TARGETS).filter(([key, target]) => figures[key] < target).map(([key, target]) => `${key} ${pct(figures[key])} < ${target}`);
if (creditCodesAsPI > 0) failures.push(`${creditCodesAsPI} unified social credit codes reported as PI`);
failures.push(...leaks);
if (failures.length > 0) {
  console.error(`\naccuracy: FAILED — ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\naccuracy: all targets met');
