import { strict as assert } from 'node:assert';
import { stringify } from 'yaml';
import { ConfigError, formatConfigProblem } from '../../../src/core/config/configError';
import type { ConfigSettings } from '../../../src/core/config/configSettings';
import { defaultConfig } from '../../../src/core/config/defaults';
import { parseConfigText } from '../../../src/core/config/loadConfig';
import { mergeSettings } from '../../../src/core/config/mergeSettings';

const FILE = [
  'exclude: ["**/node_modules/**"]',
  'rules:',
  '  pi/missing-disposition: error',
  '  pi/retention-without-basis: warning',
  'legalEntity:',
  '  name: 上海示例信息技术有限公司',
  '  date: "2025-12-31"',
  'policies:',
  '  - categories: [network.credential]',
  '    action: delete',
].join('\n');

describe('mergeSettings', () => {
  it('lays editor settings over the file: scalars replace, rules and legalEntity merge by key, exclusions add up', () => {
    const { config: fromFile } = parseConfigText(FILE, '.piaudit.yaml');
    const { config } = mergeSettings(fromFile, {
      exclude: ['dist/**'],
      rules: { 'pi/missing-disposition': 'warning' },
      legalEntity: { successor: '上海示例集团有限公司' },
      minConfidence: 0.8,
      checklist: 'docs/pi-disposition.yaml',
    });
    assert.deepEqual(config.exclude, ['**/node_modules/**', 'dist/**']);
    assert.deepEqual(config.rules, { 'pi/missing-disposition': 'warning', 'pi/retention-without-basis': 'warning' });
    assert.deepEqual(config.legalEntity, { name: '上海示例信息技术有限公司', date: '2025-12-31', successor: '上海示例集团有限公司' });
    assert.equal(config.minConfidence, 0.8);
    assert.equal(config.checklistPath, 'docs/pi-disposition.yaml');
    // Untouched keys keep the file's value, policies included (with their lines).
    assert.equal(config.policies.length, 1);
    assert.equal(config.policies[0].line, 9);
    assert.deepEqual(config.include, ['**/*']);
  });

  it('gives the same result as the same keys written in .piaudit.yaml (one code path)', () => {
    const settings: ConfigSettings = {
      include: ['src/**'], exclude: ['legacy/**'], maxFileSize: 1048576, fileTimeoutMs: 800,
      rules: { 'pi/missing-disposition': 'off' }, sensitiveIdReading: 'GB/T 45574-2025', checklist: 'c.yaml',
      policies: [{ match: '*/t_log*.*', action: 'retain', period: '6m', basis: '网络安全法 第21条' }],
      legalEntity: { name: '某公司', deregistration: 'simplified' }, system: 'crm', minConfidence: 0.9,
    };
    const viaSettings = mergeSettings(defaultConfig(), settings).config;
    const viaFile = parseConfigText(stringify(settings), '.piaudit.yaml').config;
    // Only the policy's line differs: settings have no lines.
    assert.deepEqual({ ...viaSettings, policies: [] }, { ...viaFile, policies: [] });
    assert.deepEqual(viaSettings.policies, [{ match: '*/t_log*.*', action: 'retain', period: '6m', basis: '网络安全法 第21条' }]);
    assert.equal(viaFile.policies[0].line, 12, stringify(settings));
  });

  it('validates settings with the same schema and names the setting', () => {
    let caught: unknown;
    try {
      mergeSettings(defaultConfig(), { rules: { 'pi/missing-disposition': 'fatal' }, maxFileSize: -1, colour: 'red' }, 'settings.json');
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ConfigError);
    assert.deepEqual(caught.problems.map(formatConfigProblem).sort(), [
      'settings.json: colour: unknown key; expected one of include, exclude, maxFileSize, fileTimeoutMs, rules, sensitiveIdReading, checklist, policies, legalEntity, system, minConfidence',
      'settings.json: maxFileSize: must be >= 1',
      'settings.json: rules."pi/missing-disposition": must be one of error, warning, info, off',
    ]);
  });

  it('does not change the config it was given', () => {
    const base = defaultConfig();
    mergeSettings(base, { exclude: ['x/**'], rules: { 'pi/a': 'off' } });
    assert.deepEqual(base, defaultConfig());
  });
});
