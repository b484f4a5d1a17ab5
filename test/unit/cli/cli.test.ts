import Ajv from 'ajv-draft-04';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cliHarness';

// Synthetic, checksum-valid values that belong to nobody (built from the legal.md algorithms).
const PLANTED = ['310104198506120334', '13800138000', '6222021000111222336', 'zhang.demo@example.com'];

const SCHEMA_SQL = `-- 会员库
CREATE TABLE member (
  id bigint PRIMARY KEY COMMENT '主键',
  xm varchar(50) COMMENT '姓名',
  sfzh varchar(18) DEFAULT '${PLANTED[0]}' COMMENT '身份证号, 例如 ${PLANTED[0]}',
  sjhm varchar(20) COMMENT '手机号码 (联系 ${PLANTED[1]})',
  email varchar(100)
) COMMENT='会员';
`;
const SEED_SQL = `INSERT INTO member (id, xm, sfzh, sjhm, email, card_no) VALUES
(1, '张示例', '${PLANTED[0]}', '${PLANTED[1]}', '${PLANTED[3]}', '${PLANTED[2]}');
`;

function tempTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** The longest run of characters of `value` that appears in `text`. */
function longestLeak(text: string, value: string): number {
  let longest = 0;
  for (let start = 0; start < value.length; start++) {
    for (let end = start + longest + 1; end <= value.length && text.includes(value.slice(start, end)); end++) longest = end - start;
  }
  return longest;
}

describe('pi-audit CLI', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = tempTree({ 'db/schema.sql': SCHEMA_SQL, 'db/seed.sql': SEED_SQL, 'README.md': '# demo\n' });
  });

  it('prints the JSON contract with relative forward-slash paths and exits 1 on errors', async () => {
    const run = await runCli(['scan', root, '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { tool: string; stats: { files: number; skipped: unknown[] }; fields: { file: string; entity: string; field: string; category: string; sensitive: boolean; confidence: number; reasons: string[] }[]; values: { kind: string | null }[]; diagnostics: { rule: string; severity: string }[] };
    assert.equal(report.tool, 'pi-audit');
    assert.equal(report.stats.files, 3);
    const sfzh = report.fields.find((f) => f.entity === 'member' && f.field === 'sfzh' && f.file === 'db/schema.sql');
    assert.ok(sfzh, 'member.sfzh reported');
    assert.equal(sfzh.category, 'identity.id_number');
    assert.equal(sfzh.sensitive, true);
    assert.ok(sfzh.confidence > 0.5 && sfzh.reasons.length > 0);
    assert.ok(report.values.some((v) => v.kind === 'identity.id_number'));
    assert.ok(report.diagnostics.some((d) => d.rule === 'pi/missing-disposition' && d.severity === 'error'));
  });

  it('writes SARIF 2.1.0 that validates against the official schema, one rule per rule id', async () => {
    const run = await runCli(['scan', root, '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string }[] }[] };
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const rules = sarif.runs[0].tool.driver.rules;
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
    assert.ok(rules.every((r) => r.help.text.length > 20));
    assert.ok(sarif.runs[0].results.length > 0);
    assert.ok(sarif.runs[0].results.every((r) => rules.some((rule) => rule.id === r.ruleId)));
  });

  it('never prints a planted value whole in text, JSON or SARIF (at most 5 characters in a row)', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const run = await runCli(['scan', root, '--format', format]);
      for (const value of PLANTED) {
        const leak = longestLeak(run.stdout + run.stderr, value);
        assert.ok(leak <= 5, `${format} output shows ${leak} characters in a row of a planted value`);
      }
    }
  });

  it('groups text output by file, without colours or progress when piped', async () => {
    const run = await runCli(['scan', root]);
    assert.match(run.stdout, /^db\/schema\.sql$/m);
    assert.match(run.stdout, /member\.sfzh/);
    assert.ok(!(run.stdout + run.stderr).includes('\u001b['), 'no ANSI escape codes');
  });

  it('speaks Chinese with --lang zh-CN and by LANG', async () => {
    const byFlag = await runCli(['scan', root, '--lang', 'zh-CN']);
    assert.match(byFlag.stdout, /个人信息字段/);
    assert.match(byFlag.stdout, /身份证号/);
    const byEnv = await runCli(['scan', root], { LANG: 'zh_CN.UTF-8' });
    assert.match(byEnv.stdout, /个人信息字段/);
  });

  it('decides the exit code by --fail-on', async () => {
    const onlyWarnings = tempTree({ 'a.sql': "CREATE TABLE member (id bigint, nickname varchar(20) COMMENT '昵称');\n" });
    assert.equal((await runCli(['scan', onlyWarnings])).code, 0);
    assert.equal((await runCli(['scan', onlyWarnings, '--fail-on', 'warning'])).code, 1);
    const clean = tempTree({ 'b.sql': "CREATE TABLE product (id bigint, name varchar(20) COMMENT '商品名称');\n" });
    assert.equal((await runCli(['scan', clean])).code, 0);
  });

  it('exits 2 with a clear message on usage and configuration errors, writing nothing', async () => {
    const unknown = await runCli(['scan', root, '--format', 'xml']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--format expects one of: text, json, sarif/);
    const missing = await runCli(['scan', path.join(root, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /path not found/);
    const badConfig = tempTree({ '.piaudit.yaml': 'rules:\n  pi/missing-disposition: loud\n', 'c.sql': SCHEMA_SQL });
    const before = fs.readdirSync(badConfig).sort();
    const run = await runCli(['scan', badConfig]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.piaudit\.yaml:2:\d+/);
    assert.deepEqual(fs.readdirSync(badConfig).sort(), before);
  });

  it('writes the report to --output and says so on stderr', async () => {
    const out = path.join(root, 'reports', 'pi.json');
    const run = await runCli(['scan', path.join(root, 'db'), '--format', 'json', '--output', out]);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Wrote/);
    assert.ok((JSON.parse(fs.readFileSync(out, 'utf8')) as { fields: unknown[] }).fields.length > 0);
  });
});
