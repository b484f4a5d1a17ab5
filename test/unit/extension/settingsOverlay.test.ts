import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ConfigError } from '../../../src/core/config/configError';
import { defaultConfig } from '../../../src/core/config/defaults';
import { mergeSettings } from '../../../src/core/config/mergeSettings';
import { inScope } from '../../../src/extension/scope';
import { boundForRestrictedMode, checklistFileIn, settingsOverlay } from '../../../src/extension/settingsOverlay';

describe('extension: settings over .piaudit.yaml', () => {
  it('passes only what the user set, renamed to the configuration keys', () => {
    assert.deepEqual(settingsOverlay({}), {});
    assert.deepEqual(settingsOverlay({ checklistPath: 'docs/pi.yaml', maxFileSize: 1024, include: undefined, rules: { 'pi/soft-delete-only': 'off' } }), {
      checklist: 'docs/pi.yaml',
      maxFileSize: 1024,
      rules: { 'pi/soft-delete-only': 'off' },
    });
  });

  it('goes through the engine’s merge: settings win, exclusions add up, bad values are a ConfigError naming the key', () => {
    const file = { ...defaultConfig(), exclude: ['legacy/**'], rules: { 'pi/missing-disposition': 'warning' as const } };
    const merged = mergeSettings(file, settingsOverlay({ exclude: ['tmp/**'], rules: { 'pi/soft-delete-only': 'off' }, sensitiveIdReading: 'GB/T 45574-2025' })).config;
    assert.deepEqual(merged.exclude, ['legacy/**', 'tmp/**']);
    assert.deepEqual(merged.rules, { 'pi/missing-disposition': 'warning', 'pi/soft-delete-only': 'off' });
    assert.equal(merged.sensitiveIdReading, 'GB/T 45574-2025');
    assert.throws(() => mergeSettings(file, settingsOverlay({ maxFileSize: -1 })), (error: unknown) => error instanceof ConfigError && error.key === 'maxFileSize');
  });

  it('bounds what an untrusted workspace may ask for', () => {
    const config = { ...defaultConfig(), maxFileSize: 10 ** 9, fileTimeoutMs: 60_000, include: ['src/**', `${'{a,'.repeat(10)}b${'}'.repeat(10)}`] };
    const bounded = boundForRestrictedMode(config);
    assert.equal(bounded.config.maxFileSize, defaultConfig().maxFileSize);
    assert.equal(bounded.config.fileTimeoutMs, defaultConfig().fileTimeoutMs);
    assert.deepEqual(bounded.config.include, ['src/**']);
    assert.equal(bounded.changes.length, 3);
    assert.deepEqual(boundForRestrictedMode(defaultConfig()).changes, [], 'the defaults need no bounding');
  });

  it('writes the checklist only inside the folder', () => {
    const root = path.resolve('/work/ws');
    assert.equal(checklistFileIn(root, 'pi-disposition.yaml'), path.join(root, 'pi-disposition.yaml'));
    assert.equal(checklistFileIn(root, 'docs/pi.yaml'), path.join(root, 'docs', 'pi.yaml'));
    assert.equal(checklistFileIn(root, '../elsewhere.yaml'), null);
    assert.equal(checklistFileIn(root, '/etc/passwd'), null);
  });
});

describe('extension: which open documents are in scope', () => {
  const config = { include: ['**/*'], exclude: ['legacy/**', '*.min.js'] };
  it('follows include and exclude like the walker', () => {
    assert.equal(inScope('hr-db/hr_schema.sql', config), true);
    assert.equal(inScope('legacy/old.sql', config), false);
    assert.equal(inScope('web/app.min.js', config), false);
    assert.equal(inScope('src/a.ts', { include: ['db/**'], exclude: [] }), false);
    assert.equal(inScope('db/a.sql', { include: ['db/**'], exclude: [] }), true);
  });

  it('leaves out dependency, build and VCS folders', () => {
    for (const file of ['node_modules/x/index.js', 'api/dist/bundle.js', '.git/config', 'target/classes/A.java']) assert.equal(inScope(file, config), false, file);
  });
});
