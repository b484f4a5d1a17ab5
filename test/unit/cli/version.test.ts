import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOOL_VERSION } from '../../../src/core/version';

describe('tool version', () => {
  it('matches package.json, so reports and the cache key name the released version', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    assert.equal(TOOL_VERSION, manifest.version);
  });
});
