/**
 * What the in-host mocha runner and the harness exchange besides the exit code the workbench
 * reports: a line that marks where the tests' own output starts (the workbench's chatter before
 * it is shown only on failure or with PI_AUDIT_EDITOR_VERBOSE), and the counts, written to the
 * file named by PI_AUDIT_EDITOR_RESULT.
 */
export const TESTS_START_LINE = '[pi-audit] editor tests start';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
}
