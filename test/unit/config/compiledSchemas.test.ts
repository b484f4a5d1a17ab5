import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import checklistSchema from '../../../schemas/pi-disposition.schema.json';
import configSchema from '../../../schemas/piaudit-config.schema.json';
import { checklistValidator, configValidator } from '../../../src/core/config/schemaProblems';

const root = path.resolve(__dirname, '../../..');
const compiledFile = path.join(root, 'src/core/config/compiledSchemas.ts');

/** The ajv options the generated code states it was compiled with (its header). */
function statedOptions(): object {
  const header = /options (\{.*?\})\)\. Do not edit/.exec(fs.readFileSync(compiledFile, 'utf8'));
  assert.ok(header, 'the generated file names its ajv options');
  return JSON.parse(header[1] ?? '{}') as object;
}

/** Every variant of `value` with one mistake: each key removed, each leaf of another type, an unknown key in each object. */
function mistakes(value: unknown): unknown[] {
  const variants: unknown[] = [];
  const visit = (node: unknown, replace: (next: unknown) => unknown): void => {
    if (Array.isArray(node)) {
      variants.push(replace({}));
      const items = node as unknown[];
      items.forEach((item, i) => visit(item, (next) => replace(items.map((x, j) => (j === i ? next : x)))));
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      variants.push(replace({ ...record, 'not-a-key': 1 }), replace([]));
      for (const key of Object.keys(record)) {
        variants.push(replace(Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))));
        visit(record[key], (next) => replace({ ...record, [key]: next }));
      }
    } else {
      variants.push(replace(typeof node === 'string' ? 42 : 'x'), replace(''), replace(null));
    }
  };
  visit(value, (next) => next);
  return variants;
}

function yamlValues(files: readonly string[]): unknown[] {
  const values: unknown[] = [];
  for (const file of files) {
    // Every listed fixture is YAML and exists: a missing one fails the test rather than thin it out.
    values.push(parse(fs.readFileSync(path.join(root, file), 'utf8')) as unknown);
  }
  return values;
}

function outcome(validate: ValidateFunction, value: unknown): { valid: boolean; errors: unknown } {
  const valid = validate(value);
  return { valid, errors: structuredClone(validate.errors ?? null) };
}

describe('schemas compiled at build time (scripts/compile-schemas.mjs)', () => {
  it('are up to date with schemas/*.json', function () {
    this.timeout(30_000);
    const check = spawnSync(process.execPath, [path.join(root, 'scripts/compile-schemas.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  const cases = [
    { name: 'piaudit-config.schema.json', schema: configSchema, compiled: configValidator, files: ['examples/subsidiary/.piaudit.yaml', 'test/editor/workspaces/subsidiary/.piaudit.yaml', 'test/editor/workspaces/untrusted/.piaudit.yaml', ...['basic', 'both', 'empty', 'invalid', 'yml-only'].map((d) => `test/fixtures/config/${d}/.piaudit.${d === 'yml-only' ? 'yml' : 'yaml'}`)] },
    { name: 'pi-disposition.schema.json', schema: checklistSchema, compiled: checklistValidator, files: ['test/fixtures/checklist/edited.yaml', 'test/fixtures/checklist/invalid-schema.yaml'] },
  ];
  for (const { name, schema, compiled, files } of cases) {
    it(`${name}: give the same verdict and the same errors as ajv.compile, on the fixtures and every one-mistake variant of them`, () => {
      const atRunTime = new Ajv(statedOptions()).compile(schema);
      const values = yamlValues(files).flatMap((value) => [value, ...mistakes(value)]);
      assert.ok(values.length > 200, `enough cases (${values.length})`);
      let invalid = 0;
      for (const value of values) {
        const expected = outcome(atRunTime, value);
        assert.deepEqual(outcome(compiled, value), expected, JSON.stringify(value).slice(0, 200));
        if (!expected.valid) invalid++;
      }
      assert.ok(invalid > 50 && invalid < values.length, `both verdicts occur (${invalid} invalid of ${values.length})`);
    });
  }
});
