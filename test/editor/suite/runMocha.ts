import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { TESTS_START_LINE, type SuiteResult } from '../harness/hostProtocol';

/**
 * Runs the `*.test.js` files beside a suite's index in the extension host, like a test-electron
 * tests module, and records the counts in `PI_AUDIT_EDITOR_RESULT` (set by the harness) so the
 * harness can print totals. Rejects when a test failed: the workbench then exits with code 1.
 */
export function runMochaSuite(dir: string): Promise<void> {
  // PI_AUDIT_EDITOR_GREP (from `npm run test:editor -- --grep=…`) runs only the matching tests.
  const grep = process.env.PI_AUDIT_EDITOR_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000, slow: 5_000, ...(grep ? { grep } : {}) });
  const files = readdirSync(dir).filter((file) => file.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${dir}`));
  for (const file of files) mocha.addFile(path.join(dir, file));
  console.log(TESTS_START_LINE);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const result: SuiteResult = { passed: stats?.passes ?? 0, failed: stats?.failures ?? failures, pending: stats?.pending ?? 0 };
      const resultFile = process.env.PI_AUDIT_EDITOR_RESULT;
      if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
  });
}
