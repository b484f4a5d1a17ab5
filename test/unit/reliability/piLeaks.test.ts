import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { redactValues, displayPath } from '../../../src/core/values/redactValues';
import { runCli, type CliRun } from '../cli/cliHarness';
import { residentId, withLuhn } from '../values/valueBuilders';
import { listFiles, longestRun, runBundledCli, runCliProcess, tempTree } from './reliabilityHelpers';

/** Checksum-valid values that belong to nobody, built with the algorithms of legal.md. */
const ID = residentId('110105', '19900307', '123');
const ID_IN_NAME = residentId('440305', '19781111', '046');
const MOBILE = '15912340876';
const MOBILE_IN_NAME = '13698765432';
const CARD = withLuhn('621700001234567890');
const CARD_IN_NAME = withLuhn('622848001122334455');
// Unusual spellings on purpose: a common word (`example.`) would match report text and prove nothing.
const EMAIL = 'wxm.k7q2z@zq-mx9.cn';
const EMAIL_IN_NAME = 'lna.t8v3@hq-pz4.com.cn';
const PASSPORT = 'E12345678';
const PLANTED = [ID, ID_IN_NAME, MOBILE, MOBILE_IN_NAME, CARD, CARD_IN_NAME, EMAIL, EMAIL_IN_NAME, PASSPORT];

/** A repository with the planted values in every kind of input the scanner reads. */
function plantedRepository(): string {
  return tempTree({
    // Default values and comments in DDL, seed data in INSERT rows.
    'db/schema.sql': `-- 会员库 (测试账号 ${EMAIL})
CREATE TABLE member (
  id bigint PRIMARY KEY,
  xm varchar(50) COMMENT '姓名',
  sfzh varchar(18) DEFAULT '${ID}' COMMENT '身份证号, 如 ${ID}',
  sjhm varchar(20) DEFAULT '${MOBILE}' COMMENT '手机号码',
  yhkh varchar(19) COMMENT '银行卡号 ${CARD}',
  hzhm varchar(9) COMMENT '护照号码 ${PASSPORT}'
) COMMENT='会员';
INSERT INTO member (id, xm, sfzh, sjhm, yhkh, hzhm) VALUES (1, '王小明', '${ID}', '${MOBILE}', '${CARD}', '${PASSPORT}');
`,
    'prisma/schema.prisma': `model Customer {
  id     Int    @id
  /// 手机号, 例如 ${MOBILE}
  mobile String @default("${MOBILE}")
  email  String @default("${EMAIL}")
}
`,
    'src/member.entity.ts': `import { Column, Entity } from 'typeorm';
@Entity()
export class Member {
  /** 身份证号, 测试数据 ${ID} */
  @Column({ default: '${ID}' }) idCard: string;
  // 联系电话 ${MOBILE}
  @Column() mobile: string;
}
`,
    'app/models.py': `from django.db import models
class Customer(models.Model):
    bank_card = models.CharField('银行卡号', max_length=19, default='${CARD}')
    email = models.EmailField('邮箱', help_text='如 ${EMAIL}')
`,
    'src/main/java/Member.java': `@Entity
public class Member {
    /** 身份证号, 例 ${ID} */
    private String idCard;
    @Column(name = "mobile") // ${MOBILE}
    private String mobile;
}
`,
    'model/member.go': `package model
type Member struct {
	Mobile string \`gorm:"column:mobile" json:"mobile" example:"${MOBILE}"\`
	Email  string \`json:"email"\` // 例如 ${EMAIL}
}
`,
    'api/openapi.yaml': `openapi: 3.0.0
info: { title: 会员, version: "1" }
paths: {}
components:
  schemas:
    Member:
      type: object
      properties:
        idCard: { type: string, description: 身份证号, example: "${ID}" }
        email: { type: string, example: ${EMAIL} }
`,
    'schema/member.graphql': `type Member {
  """手机号, 例如 ${MOBILE}"""
  mobile: String
  """邮箱 ${EMAIL}"""
  email: String
}
`,
    'proto/member.proto': `syntax = "proto3";
message Member {
  string mobile = 1; // e.g. ${MOBILE}
  string id_card = 2; // 身份证号 ${ID}
}
`,
    'mapper/MemberMapper.xml': `<?xml version="1.0" encoding="UTF-8"?>
<mapper namespace="com.example.MemberMapper">
  <!-- 测试: ${ID} / ${MOBILE} -->
  <resultMap id="member" type="com.example.Member">
    <result column="sfzh" property="idCard"/>
    <result column="sjhm" property="mobile"/>
  </resultMap>
</mapper>
`,
    'docs/dictionary.csv': `表名,字段名,类型,说明\nmember,sfzh,varchar(18),身份证号 如 ${ID}\nmember,sjhm,varchar(11),手机号码 如 ${MOBILE}\nmember,yhkh,varchar(19),银行卡号 ${CARD}\n`,
    // Fixtures: values, and values as keys (records keyed by ID number).
    'test/fixtures/members.json': JSON.stringify({ members: [{ name: '王小明', idCard: ID, mobile: MOBILE, email: EMAIL, bankCard: CARD }], byIdCard: { [ID]: { name: '王小明', mobile: MOBILE } } }, null, 2),
    'logs/app.log': `2024-01-01 login user=${MOBILE} email=${EMAIL} card=${CARD}\n`,
    // File and folder names.
    [`exports/客户_${ID_IN_NAME}.sql`]: "CREATE TABLE t_kh (kh_xm varchar(20) COMMENT '客户姓名', kh_sjhm varchar(11) COMMENT '手机号');\n",
    [`fixtures/${MOBILE_IN_NAME}.json`]: JSON.stringify([{ mobile: '13800000000', name: '张三' }]),
    [`backup_${CARD_IN_NAME}/seed.sql`]: "CREATE TABLE t_user (yx varchar(50) COMMENT '邮箱');\n",
    [`uploads/${EMAIL_IN_NAME}.csv`]: '表名,字段名,类型,说明\nt_user,sjhm,varchar(11),手机号码\n',
    [`unreadable/${ID_IN_NAME}.sql`]: Buffer.from([0, 1, 2, 3, 0, 0, 0, 255]),
  });
}

/**
 * A written file's bytes read every way a value could sit in them: UTF-8 and Latin-1 text, and
 * UTF-16 at both alignments (how V8's serializer stores a string with any non-Latin-1 character).
 */
function everyReading(bytes: Buffer): string {
  return [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')].join('\n');
}

function assertNoLeak(where: string, text: string): void {
  for (const value of PLANTED) {
    const run = longestRun(text, value);
    assert.ok(run <= 5, `${where} shows ${run} characters in a row of a planted value`);
  }
}

function assertNoLeakIn(where: string, run: CliRun): void {
  assertNoLeak(`${where} (stdout)`, run.stdout);
  assertNoLeak(`${where} (stderr)`, run.stderr);
}

describe('reliability: no PI value leaves the scanned files whole', function () {
  this.timeout(180_000);
  let root: string;
  let inputs: Set<string>;
  before(() => {
    root = plantedRepository();
    inputs = new Set(listFiles(root));
  });

  it('plants values where the scanner sees them (the test would notice a leak)', async () => {
    const report = JSON.parse((await runCli(['scan', root, '--format', 'json'])).stdout) as { values: { kind: string | null }[]; fields: { file: string }[]; stats: { skipped: { file: string }[] } };
    const kinds = new Set(report.values.map((v) => v.kind));
    for (const kind of ['identity.id_number', 'basic.phone', 'property.bank_account', 'basic.email', 'identity.passport']) assert.ok(kinds.has(kind), `a ${kind} value was found`);
    const files = new Set([...report.fields.map((f) => f.file), ...report.stats.skipped.map((s) => s.file)]);
    for (const planted of [ID_IN_NAME, MOBILE_IN_NAME, CARD_IN_NAME, EMAIL_IN_NAME]) {
      assert.ok([...files].some((f) => f.includes(planted.slice(0, 3)) && f.includes('*')), `the file named with ${planted.slice(0, 3)}… is reported, masked`);
    }
    // The harness itself can see a leak: the raw inputs fail the check.
    assert.throws(() => assertNoLeak('the inputs', fs.readFileSync(path.join(root, 'db', 'schema.sql'), 'utf8')));
  });

  it('shows no planted value whole in text, JSON or SARIF reports, on screen or in --output files', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      for (const lang of ['en', 'zh-CN']) assertNoLeakIn(`scan --format ${format} --lang ${lang}`, await runCli(['scan', root, '--format', format, '--lang', lang]));
      const out = path.join(root, 'reports', `report.${format}`);
      assertNoLeakIn(`scan --output ${format}`, await runCli(['scan', root, '--format', format, '--output', out]));
      assertNoLeak(`the ${format} report file`, fs.readFileSync(out, 'utf8'));
    }
  });

  it('writes no planted value whole into the checklist, nor prints one checking it', async () => {
    assertNoLeakIn('checklist', await runCli(['checklist', root]));
    assertNoLeak('pi-disposition.yaml', fs.readFileSync(path.join(root, 'pi-disposition.yaml'), 'utf8'));
    assertNoLeakIn('checklist --check', await runCli(['checklist', root, '--check']));
    fs.appendFileSync(path.join(root, 'db', 'schema.sql'), `CREATE TABLE t_new (lxdh varchar(11) DEFAULT '${MOBILE}' COMMENT '联系电话');\n`);
    assertNoLeakIn('checklist --check (stale)', await runCli(['checklist', root, '--check']));
  });

  it('leaves no planted value whole in any file the tool wrote (reports, checklist, caches)', () => {
    const written = listFiles(root).filter((f) => !inputs.has(f));
    assert.ok(written.includes('pi-disposition.yaml'), written.join(', '));
    for (const file of written) assertNoLeak(file, everyReading(fs.readFileSync(path.join(root, file))));
  });

  it('leaves no planted value whole in what the shipped bundle prints and writes, its result cache included', async () => {
    const copy = plantedRepository();
    const before = new Set(listFiles(copy));
    for (const args of [['scan', copy, '--format', 'json'], ['scan', copy, '--format', 'text'], ['checklist', copy]]) {
      const run = await runBundledCli(args);
      assert.ok(run.code !== null && run.code <= 1, `${args.join(' ')}: exit ${String(run.code)} ${run.stderr}`);
      assertNoLeak(`bundle ${args[0]} (stdout)`, run.stdout);
      assertNoLeak(`bundle ${args[0]} (stderr)`, run.stderr);
    }
    const written = listFiles(copy).filter((f) => !before.has(f));
    for (const file of written) assertNoLeak(file, everyReading(fs.readFileSync(path.join(copy, file))));
  });

  it('masks planted values in error messages: bad configuration, a broken checklist, unwritable and missing paths', async () => {
    const badConfig = tempTree({ '.piaudit.yaml': `rules:\n  "${MOBILE}": loud\nlegalEntity:\n  creditCode: "${ID}x"\nsystem: ${EMAIL}\npolicies:\n  - match: "*/${CARD}.*"\n    action: keep\n`, 'a.sql': 'CREATE TABLE t (x int);\n' });
    const config = await runCli(['scan', badConfig]);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /\.piaudit\.yaml:2:\d+/);
    assertNoLeakIn('a configuration error', config);

    const checklistDir = tempTree({ 'db/schema.sql': 'CREATE TABLE t (x int);\n', 'pi-disposition.yaml': `version: 1\nsystems:\n  - name: ${MOBILE}\n    items:\n      - id: "a.sql#t.${ID}"\n      - id: "a.sql#t.${ID}"\n` });
    const checklist = await runCli(['checklist', checklistDir]);
    assert.equal(checklist.code, 2);
    assertNoLeakIn('a checklist error', checklist);

    const missing = await runCli(['scan', path.join(root, `missing_${ID}`)]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /path not found/);
    assertNoLeakIn('a missing path', missing);

    const unwritable = await runCli(['scan', root, '--output', path.join(root, 'db', 'schema.sql', `${MOBILE}.json`)]);
    assert.equal(unwritable.code, 2);
    assertNoLeakIn('an unwritable output path', unwritable);
  });

  it('prints no stack trace and no planted value when an error escapes the CLI (uncaught exception and rejection, in a real process)', async () => {
    for (const kind of ['exception', 'rejection']) {
      const hook = path.join(tempTree({}), 'fail.js');
      const message = `failure reading ${path.join(root, `exports/客户_${ID_IN_NAME}.sql`)} (${MOBILE})`;
      fs.writeFileSync(hook, kind === 'exception'
        ? `setTimeout(() => { throw new Error(${JSON.stringify(message)}); }, 0);\n`
        : `setTimeout(() => { Promise.reject(new Error(${JSON.stringify(message)})); }, 0);\n`);
      const run = await runCliProcess(['scan', root, '--format', 'json'], { preload: [hook] });
      assert.equal(run.code, 2, `${kind}: ${run.stderr}`);
      assert.match(run.stderr, /pi-audit: internal error: failure reading/);
      assert.ok(!/\n\s+at /.test(run.stderr), `${kind}: no stack trace\n${run.stderr}`);
      assertNoLeak(`an uncaught ${kind}`, run.stderr);
    }
  });

  it('masks a value inside a path segment and keeps the extension, the same way every time', () => {
    assert.equal(displayPath(`exports/客户_${ID_IN_NAME}.sql`), `exports/客户_${ID_IN_NAME.slice(0, 3)}${'*'.repeat(13)}${ID_IN_NAME.slice(-2)}.sql`);
    assert.equal(displayPath(`uploads/${EMAIL_IN_NAME}.csv`).endsWith('.csv'), true);
    assert.equal(displayPath('db/member_2024.sql'), 'db/member_2024.sql');
    assert.equal(redactValues(`no such file: /data/${MOBILE}/x`), `no such file: /data/${MOBILE.slice(0, 3)}******${MOBILE.slice(-2)}/x`);
  });
});
