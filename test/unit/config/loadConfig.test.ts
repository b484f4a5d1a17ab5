import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, formatConfigProblem } from '../../../src/core/config/configError';
import { defaultConfig } from '../../../src/core/config/defaults';
import { findConfigFile, loadConfig, parseConfigText } from '../../../src/core/config/loadConfig';

const FIXTURES = path.join(__dirname, '../../fixtures/config');

/** Runs `load` and returns the ConfigError it must throw. */
async function configError(load: () => unknown): Promise<ConfigError> {
  try {
    await load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig', () => {
  it('returns the defaults when the folder has no config file', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'piaudit-config-'));
    try {
      const loaded = await loadConfig({ folder });
      assert.equal(loaded.file, undefined);
      assert.deepEqual(loaded.config, defaultConfig());
      assert.deepEqual(loaded.warnings, []);
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it('has the documented defaults', () => {
    const config = defaultConfig();
    assert.deepEqual(config.include, ['**/*']);
    assert.deepEqual(config.exclude, []);
    assert.equal(config.maxFileSize, 5 * 1024 * 1024);
    assert.equal(config.fileTimeoutMs, 2000);
    assert.deepEqual(config.rules, {});
    assert.equal(config.sensitiveIdReading, 'GB/T 35273-2020');
    assert.equal(config.checklistPath, 'pi-disposition.yaml');
    assert.equal(config.minConfidence, 0.5);
    // A fresh object each time: one caller cannot change another's defaults.
    config.include.push('x');
    assert.deepEqual(defaultConfig().include, ['**/*']);
  });

  it('reads every key of a realistic .piaudit.yaml, with the line of each policy', async () => {
    const loaded = await loadConfig({ folder: path.join(FIXTURES, 'basic') });
    assert.equal(loaded.file, path.join(FIXTURES, 'basic', '.piaudit.yaml'));
    const { config } = loaded;
    assert.deepEqual(config.include, ['src/**', 'db/**/*.sql']);
    assert.deepEqual(config.exclude, ['**/node_modules/**', 'db/seed/large_*.sql']);
    assert.equal(config.maxFileSize, 2097152);
    assert.equal(config.fileTimeoutMs, 5000);
    assert.equal(config.sensitiveIdReading, 'GB/T 45574-2025');
    assert.equal(config.checklistPath, 'compliance/pi-disposition.yaml');
    assert.equal(config.system, 'hr-system');
    assert.equal(config.minConfidence, 0.6);
    assert.deepEqual(config.rules, { 'pi/missing-disposition': 'error', 'pi/retention-without-basis': 'warning' });
    assert.equal(config.policies.length, 3);
    assert.deepEqual(config.policies[0], {
      match: '*/t_voucher*.*', action: 'retain', period: '30y', basis: '会计档案管理办法 第14条', owner: '财务部 王芳', line: 24,
    });
    assert.deepEqual(config.policies[1].categories, ['basic.phone', 'basic.email']);
    assert.equal(config.policies[1].to, '上海示例集团有限公司');
    assert.equal(config.policies[1].line, 29);
    assert.equal(config.policies[2].line, 33);
    assert.deepEqual(config.legalEntity, {
      name: '上海示例信息技术有限公司', creditCode: '91310115MA1H7GH2X4', deregistration: 'general', date: '2025-12-31',
      successor: '上海示例集团有限公司', successorContact: 'privacy@example-group.cn',
    });
    assert.deepEqual(loaded.warnings, []);
  });

  it('finds .piaudit.yml when there is no .piaudit.yaml', async () => {
    const folder = path.join(FIXTURES, 'yml-only');
    assert.equal(await findConfigFile(folder), path.join(folder, '.piaudit.yml'));
    const { config } = await loadConfig({ folder });
    assert.deepEqual(config.exclude, ['legacy/**']);
    assert.equal(config.rules['pi/missing-disposition'], 'info');
  });

  it('prefers .piaudit.yaml and warns that .piaudit.yml is ignored', async () => {
    const loaded = await loadConfig({ folder: path.join(FIXTURES, 'both') });
    assert.equal(loaded.config.minConfidence, 0.7);
    assert.equal(loaded.warnings.length, 1);
    assert.equal(formatConfigProblem(loaded.warnings[0]), '.piaudit.yml:1:1: ignored: .piaudit.yaml is used');
  });

  it('reads an explicit --config file, and fails clearly when it does not exist', async () => {
    const explicit = path.join(FIXTURES, 'yml-only', '.piaudit.yml');
    const loaded = await loadConfig({ folder: path.join(FIXTURES, 'basic'), configFile: explicit });
    assert.equal(loaded.file, explicit);
    assert.deepEqual(loaded.config.exclude, ['legacy/**']);

    const missing = path.join(FIXTURES, 'nowhere.yaml');
    const error = await configError(() => loadConfig({ folder: FIXTURES, configFile: missing }));
    assert.equal(error.problems.length, 1);
    assert.equal(error.problems[0].line, 1);
    assert.match(error.message, /nowhere\.yaml:1:1: cannot read the config file: no such file/);
  });

  it('treats a file with only comments as empty', async () => {
    const loaded = await loadConfig({ folder: path.join(FIXTURES, 'empty') });
    assert.deepEqual(loaded.config, defaultConfig());
  });

  it('names file, line, column and key for every schema error, in file order', async () => {
    const error = await configError(() => loadConfig({ folder: path.join(FIXTURES, 'invalid') }));
    assert.deepEqual(error.message.split('\n'), [
      '.piaudit.yaml:2:10: include: must be a list',
      '.piaudit.yaml:3:14: maxFileSize: must be a whole number',
      '.piaudit.yaml:5:27: rules."pi/missing-disposition": must be one of error, warning, info, off',
      '.piaudit.yaml:9:13: policies[0].period: must look like 30y, 6m, 90d, 10年',
      '.piaudit.yaml:10:5: policies[0].bsis: unknown key; expected one of match, categories, action, period, basis, to, contact, method, mechanism, reason, owner',
      '.piaudit.yaml:12:13: policies[1].action: must be one of delete, anonymize, transfer, retain, destroy, ignore',
      '.piaudit.yaml:14:15: legalEntity.creditCode: must look like 91310115MA1H7GH2X4',
      '.piaudit.yaml:15:19: legalEntity.deregistration: must be one of simplified, general',
      '.piaudit.yaml:16:16: minConfidence: must be <= 1',
      '.piaudit.yaml:17:1: checklists: unknown key; expected one of include, exclude, maxFileSize, fileTimeoutMs, rules, sensitiveIdReading, checklist, policies, legalEntity, system, minConfidence',
    ]);
    assert.equal(error.file, '.piaudit.yaml');
    assert.equal(error.line, 2);
    assert.equal(error.key, 'include');
    assert.ok(error.problems.every((p) => p.severity === 'error'));
  });

  it('reports a YAML syntax error with its line', async () => {
    const error = await configError(() => loadConfig({ folder: path.join(FIXTURES, 'syntax') }));
    assert.ok(error.problems.length >= 1);
    assert.equal(error.problems[0].file, '.piaudit.yaml');
    assert.ok(error.problems[0].line === 4 || error.problems[0].line === 5, `line ${error.problems[0].line}`);
    assert.match(error.problems[0].message, /mapping|indent|implicit/i);
  });

  it('refuses a YAML bomb instead of expanding it', async () => {
    const started = Date.now();
    const error = await configError(() => loadConfig({ folder: path.join(FIXTURES, 'bomb') }));
    assert.ok(Date.now() - started < 2000);
    assert.match(error.message, /^\.piaudit\.yaml:3:8: too many aliases/);
  });

  it('refuses a file over 1 MB without reading it, and a file that is not UTF-8', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'piaudit-config-'));
    try {
      const file = path.join(folder, '.piaudit.yaml');
      await writeFile(file, `# ${'x'.repeat(1024 * 1024)}\ninclude: []\n`);
      const big = await configError(() => loadConfig({ folder }));
      assert.match(big.message, /^\.piaudit\.yaml:1:1: is \d+ bytes; a config file may be at most 1048576 bytes$/);

      await writeFile(file, Buffer.from([0x69, 0x6e, 0x63, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
      const binary = await configError(() => loadConfig({ folder }));
      assert.equal(binary.message, '.piaudit.yaml:1:1: is not valid UTF-8 text');
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it('changes no file when the configuration is bad', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'piaudit-config-'));
    try {
      const text = await readFile(path.join(FIXTURES, 'invalid', '.piaudit.yaml'), 'utf8');
      const file = path.join(folder, '.piaudit.yaml');
      await writeFile(file, text);
      await writeFile(path.join(folder, 'pi-disposition.yaml'), 'version: 1\nsystems: []\n');
      const before = await snapshot(folder);
      await configError(() => loadConfig({ folder }));
      assert.deepEqual(await snapshot(folder), before);
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it('warns about an unknown rule id and a credit code whose check character is wrong', () => {
    const text = 'rules:\n  pi/missing-dispositon: error\nlegalEntity:\n  creditCode: 91310115MA1H7GH2X5\n';
    const { config, warnings } = parseConfigText(text, '.piaudit.yaml', { knownRuleIds: ['pi/missing-disposition', 'pi/invalid-annotation'] });
    assert.equal(config.rules['pi/missing-dispositon'], 'error');
    assert.deepEqual(warnings.map(formatConfigProblem), [
      '.piaudit.yaml:2:3: rules."pi/missing-dispositon": unknown rule id; known rules: pi/missing-disposition, pi/invalid-annotation',
      '.piaudit.yaml:4:15: legalEntity.creditCode: check character should be 4 (GB 32100-2015); is the code copied correctly?',
    ]);
    assert.ok(warnings.every((w) => w.severity === 'warning'));
  });

  it('accepts the spellings of an Art. 38 mechanism and names a wrong one', async () => {
    const ok = parseConfigText('policies:\n  - action: transfer\n    to: Example GmbH\n    mechanism: 标准合同\n', '.piaudit.yaml');
    assert.equal(ok.config.policies[0].mechanism, '标准合同');
    const wrong = await configError(() => parseConfigText('policies:\n  - action: transfer\n    mechanism: contract\n', '.piaudit.yaml'));
    assert.equal(wrong.message, '.piaudit.yaml:3:16: policies[0].mechanism: must be a PIPL Art. 38 mechanism: security-assessment, certification, standard-contract (安全评估, 认证, 标准合同)');
  });

  it('rejects duplicate keys and a top level that is not a mapping', async () => {
    const duplicate = await configError(() => parseConfigText('minConfidence: 0.5\nminConfidence: 0.6\n', '.piaudit.yaml'));
    assert.match(duplicate.message, /^\.piaudit\.yaml:2:1: Map keys must be unique/);
    const list = await configError(() => parseConfigText('- include\n', '.piaudit.yaml'));
    assert.equal(list.message, '.piaudit.yaml:1:1: must be a mapping (key: value)');
  });
});

async function snapshot(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    const info = await stat(file);
    result[name] = `${info.mtimeMs} ${info.size} ${(await readFile(file)).toString('base64')}`;
  }
  return result;
}
