import { strict as assert } from 'node:assert';
import { ConfigError } from '../../../src/core/config/configError';
import { MAX_CONFIG_FILE_BYTES } from '../../../src/core/config/defaults';
import { MAX_GLOB_ALTERNATIVES, MAX_GLOBS_PER_LIST } from '../../../src/core/config/globLimits';
import { parseConfigText } from '../../../src/core/config/loadConfig';
import { runCli } from '../cli/cliHarness';
import { tempTree } from './reliabilityHelpers';

const MEMBER_SQL = "CREATE TABLE member (\n  id bigint,\n  sfzh varchar(18) COMMENT '身份证号'\n);\n";

/** The ConfigError `parseConfigText` throws, and how long it took to say so. */
function refusal(text: string): { error: ConfigError; ms: number } {
  const started = Date.now();
  try {
    parseConfigText(text, '.piaudit.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return { error, ms: Date.now() - started };
    throw error;
  }
  assert.fail('the configuration was accepted');
}

/** Runs the CLI on a repository holding this `.piaudit.yaml`: it must refuse it quickly, exit 2 and write nothing. */
async function refusedByCli(config: string, expected: RegExp): Promise<void> {
  const root = tempTree({ '.piaudit.yaml': config, 'db/member.sql': MEMBER_SQL });
  const started = Date.now();
  for (const command of ['scan', 'checklist']) {
    const run = await runCli([command, root]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, expected);
  }
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  assert.deepEqual(tempTreeListing(root), ['.piaudit.yaml', 'db'], 'nothing written');
}

function tempTreeListing(root: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:fs') as typeof import('node:fs')).readdirSync(root).sort();
}

describe('reliability: a hostile .piaudit.yaml cannot hang or mislead the CLI', function () {
  this.timeout(120_000);

  it('refuses a YAML bomb (billion laughs) without expanding it, naming the line of the first alias', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'include: *i', ''].join('\n');
    const { error, ms } = refusal(bomb);
    assert.match(error.message, /^\.piaudit\.yaml:\d+:\d+: too many aliases .*YAML bomb/);
    assert.ok(ms < 1000, `took ${ms} ms`);
    await refusedByCli(bomb, /\.piaudit\.yaml:\d+:\d+: too many aliases/);
  });

  it(`refuses a config over ${MAX_CONFIG_FILE_BYTES} bytes unread`, async () => {
    const huge = `exclude:\n${'  - "legacy/**"\n'.repeat(Math.ceil(MAX_CONFIG_FILE_BYTES / 16) + 1)}`;
    const { error, ms } = refusal(huge);
    assert.match(error.message, /larger than 1048576 bytes/);
    assert.ok(ms < 100, `took ${ms} ms`);
    await refusedByCli(huge, /\.piaudit\.yaml:1:1: is \d+ bytes; a config file may be at most 1048576 bytes/);
  });

  it('refuses 10,000-deep nesting and a 1 MB-deep implicit map with a message, not a stack overflow', () => {
    for (const text of [`include: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, `include:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 2)}- `).join('\n')}x\n`, `${': '.repeat(400_000)}\n`]) {
      const { error, ms } = refusal(text);
      assert.match(error.message, /^\.piaudit\.yaml:\d+:\d+: /);
      assert.ok(ms < 15_000, `took ${ms} ms`);
    }
  });

  it(`refuses globs whose {a,b} groups expand past ${MAX_GLOB_ALTERNATIVES} patterns, and lists over ${MAX_GLOBS_PER_LIST} globs, with file, line and key`, async () => {
    const bombGlob = '{a,b}'.repeat(20);
    const config = `include:\n  - "**/*.sql"\n  - "${bombGlob}/**"\npolicies:\n  - match: "*/{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}.*"\n    action: delete\n`;
    const { error, ms } = refusal(config);
    assert.deepEqual(error.problems.map((p) => [p.line, p.key]), [[3, 'include[1]'], [5, 'policies[0].match']]);
    assert.match(error.message, /expands to more than 256 patterns/);
    assert.ok(ms < 1000, `took ${ms} ms`);
    await refusedByCli(config, /\.piaudit\.yaml:3:\d+: include\[1\]: expands to more than 256 patterns/);

    const many = `exclude:\n${Array.from({ length: MAX_GLOBS_PER_LIST + 1 }, (_, i) => `  - "x${i}/**"`).join('\n')}\n`;
    assert.match(refusal(many).error.message, /^\.piaudit\.yaml:1:1: exclude: has 1001 entries; at most 1000 are allowed/);
    // A fair use of braces is fine.
    parseConfigText('include: ["**/*.{sql,ddl,prisma}", "src/{a,b}/{c,d}/**"]\n', '.piaudit.yaml');
  });

  it('matches extglobs that would backtrack as regular expressions in linear time (minimatch compiles them to automata)', async () => {
    const files: Record<string, string> = { 'db/member.sql': MEMBER_SQL };
    files[`data/${'a'.repeat(200)}.sql`] = MEMBER_SQL;
    const root = tempTree({ ...files, '.piaudit.yaml': 'exclude:\n  - "+(a|aa)+(a|aa)+(a|aa)+(a|aa)b.sql"\n  - "*(*(*(a)))c"\npolicies:\n  - match: "+(a|aa)*(a|aa)+(a|aa)c.*"\n    action: delete\n' });
    const started = Date.now();
    const run = await runCli(['scan', root, '--format', 'json']);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.equal((JSON.parse(run.stdout) as { stats: { files: number } }).stats.files, 3);
  });

  it('has no key for regular expressions: an unknown key such as patterns: is refused with file, line and key', async () => {
    const { error } = refusal('include: ["**/*"]\npatterns:\n  - "(a+)+$"\n');
    assert.deepEqual(error.problems.map((p) => [p.file, p.line, p.key]), [['.piaudit.yaml', 2, 'patterns']]);
    assert.match(error.message, /^\.piaudit\.yaml:2:1: patterns: unknown key; expected one of include, exclude/);
    await refusedByCli('patterns:\n  - "(a+)+$"\n', /\.piaudit\.yaml:1:1: patterns: unknown key/);
  });
});
