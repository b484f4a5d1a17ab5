import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { SqlExtractor } from '../../../src/core/extract/sql/sqlExtractor';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/sql');

async function extractFixture(name: string, extractor = new SqlExtractor()): Promise<ExtractionResult> {
  const file = path.join(fixtures, name);
  return extractor.extract(fs.readFileSync(file, 'utf8'), file);
}

function texts(comments: { text: string }[]): string[] {
  return comments.map((comment) => comment.text);
}

describe('SqlExtractor', () => {
  describe('accepts', () => {
    const extractor = new SqlExtractor();

    it('accepts .sql and .ddl files whatever their content', () => {
      assert.equal(extractor.accepts('db/seed.sql', 'INSERT INTO t VALUES (1);'), true);
      assert.equal(extractor.accepts('schema/HR.DDL', ''), true);
    });

    it('accepts other files only when a line starts a CREATE TABLE statement', () => {
      assert.equal(extractor.accepts('schema.txt', '-- hr\ncreate global temporary table t (x int);'), true);
      assert.equal(extractor.accepts('Repo.java', 'String sql = "CREATE TABLE t (x int)";'), false);
      assert.equal(extractor.accepts('notes.md', 'Tables are created elsewhere.'), false);
    });
  });

  describe('MySQL dump', () => {
    it('reads tables, columns, types, COMMENT strings and defaults', async () => {
      const result = await extractFixture('mysql_crm.sql');
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.entities.map((e) => e.name),
        ['kh_xx', 'yg_kh_gx', 'dd'],
      );
      const customer = entity(result, 'kh_xx');
      assert.equal(customer.kind, 'table');
      assert.deepEqual([customer.line, customer.column], [14, 14]);
      assert.deepEqual(
        customer.fields.map((f) => f.name),
        ['id', 'xm', 'sfzh', 'sjhm', 'jtzz', 'xb', 'yhkh', 'key', 'balance', 'create_time', 'jjlxr_dh'],
      );
      const id = field(customer, 'id');
      assert.deepEqual([id.type, id.description, id.line, id.column], ['bigint(20) unsigned', '主键', 15, 3]);
      const sfzh = field(customer, 'sfzh');
      assert.deepEqual([sfzh.type, sfzh.description, sfzh.defaultValue], ['char(18)', '身份证号', undefined]);
      assert.equal(field(customer, 'sjhm').description, '手机号码', 'MySQL accepts a double-quoted COMMENT');
      assert.equal(field(customer, 'sjhm').defaultValue, '');
      assert.equal(field(customer, 'xb').type, "enum('M','F')");
      assert.equal(field(customer, 'xb').defaultValue, 'M');
      assert.equal(field(customer, 'yhkh').type, 'varchar(32)', 'CHARACTER SET ends the type');
      assert.equal(field(customer, 'balance').defaultValue, '-1.50');
      assert.equal(field(customer, 'create_time').defaultValue, undefined, 'CURRENT_TIMESTAMP is not a literal');
    });

    it('skips PRIMARY KEY, KEY, INDEX, UNIQUE, CONSTRAINT and CHECK lines but keeps a column named `key`', async () => {
      const customer = entity(await extractFixture('mysql_crm.sql'), 'kh_xx');
      const names = customer.fields.map((f) => f.name.toUpperCase());
      for (const constraint of ['PRIMARY', 'UNIQUE', 'INDEX', 'CONSTRAINT', 'CHECK']) assert.ok(!names.includes(constraint), constraint);
      assert.equal(field(customer, 'key').description, '客户密钥');
    });

    it('takes the table comment from ENGINE=… COMMENT=, then from ALTER TABLE … COMMENT =', async () => {
      const result = await extractFixture('mysql_crm.sql');
      assert.equal(entity(result, 'kh_xx').description, '客户信息(2023)');
      assert.equal(entity(result, 'yg_kh_gx').description, 'employee-customer link');
    });

    it('gives the table the comment block above it, across DROP TABLE and /*!…*/ lines, plus the trailing comment', async () => {
      const customer = entity(await extractFixture('mysql_crm.sql'), 'kh_xx');
      assert.deepEqual(texts(customer.comments), ['客户信息', '@pi retain 3y basis="电子商务法 第三十一条"', '核心表']);
      assert.deepEqual([customer.comments[1].line, customer.comments[1].column], [10, 1]);
    });

    it('gives each column the comments above it and at the end of its line', async () => {
      const result = await extractFixture('mysql_crm.sql');
      const customer = entity(result, 'kh_xx');
      assert.deepEqual(texts(field(customer, 'sfzh').comments), ['@pi anonymize']);
      assert.deepEqual(field(customer, 'sfzh').comments[0], { text: '@pi anonymize', line: 17, column: 3 });
      assert.deepEqual(texts(field(customer, 'sjhm').comments), ['登录用'], 'a comment after the comma belongs to the column before it');
      assert.deepEqual(texts(field(customer, 'jtzz').comments), ['收货地址'], 'MySQL # comment, kept through CHANGE');
      assert.deepEqual(texts(field(customer, 'xm').comments), []);
      const link = entity(result, 'yg_kh_gx');
      assert.deepEqual(texts(field(link, 'kh_id').comments), ['客户ID']);
      assert.deepEqual(texts(field(link, 'yg_id').comments), []);
    });

    it('unescapes \\\' in COMMENT strings', async () => {
      const customer = entity(await extractFixture('mysql_crm.sql'), 'kh_xx');
      // lxdz was renamed to jtzz by CHANGE, which also replaced its COMMENT.
      assert.equal(field(customer, 'jtzz').description, '家庭住址');
      const original = new SqlExtractor().extract("CREATE TABLE t (lxdz varchar(9) COMMENT '联系地址(含\\'门牌号\\')');", 't.sql');
      assert.equal((await original).entities[0].fields[0].description, "联系地址(含'门牌号')");
    });

    it('applies ALTER TABLE ADD COLUMN, MODIFY, CHANGE and DROP COLUMN', async () => {
      const customer = entity(await extractFixture('mysql_crm.sql'), 'kh_xx');
      const added = field(customer, 'jjlxr_dh');
      assert.deepEqual([added.type, added.description, added.line, added.column], ['varchar(20)', '紧急联系人电话', 41, 14]);
      assert.deepEqual(texts(added.comments), ['2023 整改: 增加紧急联系人'], 'the comment above a one-column ALTER goes to that column');
      const modified = field(customer, 'xm');
      assert.deepEqual([modified.type, modified.description, modified.line], ['varchar(100)', '客户姓名(全名)', 16]);
      const changed = field(customer, 'jtzz');
      assert.deepEqual([changed.type, changed.line, changed.column], ['varchar(255)', 43, 17]);
      assert.equal(customer.fields.find((f) => f.name === 'lxdz'), undefined);
      assert.equal(customer.fields.find((f) => f.name === 'is_vip'), undefined);
    });

    it('is not confused by INSERT data or a DELIMITER $$ procedure body', async () => {
      const result = await extractFixture('mysql_crm.sql');
      assert.equal(result.entities.find((e) => e.name === 'fake'), undefined);
      const order = entity(result, 'dd');
      assert.deepEqual(texts(order.comments), ['订单']);
      assert.deepEqual(
        order.fields.map((f) => [f.name, f.type, f.description]),
        [
          ['dd_id', 'bigint', undefined],
          ['shr_xm', 'varchar(50)', '收货人姓名'],
        ],
      );
    });
  });

  describe('PostgreSQL dump', () => {
    it('uses the table name without schema and keeps schema.table as an alias', async () => {
      const result = await extractFixture('postgres_member.sql');
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.aliases]),
        [
          ['hy_jbxx', ['crm.hy_jbxx']],
          ['login_log', ['public.login_log']],
        ],
      );
      const member = entity(result, 'hy_jbxx');
      assert.deepEqual([member.line, member.column, member.description], [9, 32, '会员基本信息']);
      assert.deepEqual(texts(member.comments), ['会员主表']);
    });

    it('reads PostgreSQL types as written and literal defaults with casts', async () => {
      const member = entity(await extractFixture('postgres_member.sql'), 'hy_jbxx');
      assert.deepEqual(
        member.fields.map((f) => [f.name, f.type]),
        [
          ['hy_id', 'bigserial'],
          ['xingMing', 'character varying(64)'],
          ['zjhm', 'varchar(18)'],
          ['tags', 'text[]'],
          ['birthday', 'date'],
          ['status', 'varchar(10)'],
          ['created_at', 'timestamp with time zone'],
        ],
      );
      assert.equal(field(member, 'status').defaultValue, 'active');
      assert.equal(field(member, 'tags').defaultValue, '{}');
      assert.equal(field(member, 'created_at').defaultValue, undefined);
    });

    it('applies COMMENT ON COLUMN (schema-qualified, quoted, E-strings, IS NULL) and the comments above it', async () => {
      const member = entity(await extractFixture('postgres_member.sql'), 'hy_jbxx');
      assert.equal(field(member, 'xingMing').description, '会员姓名');
      const zjhm = field(member, 'zjhm');
      assert.equal(zjhm.description, '证件号码\n(身份证/护照)');
      assert.deepEqual(texts(zjhm.comments), ['证件号码, 明文', '@pi delete']);
      assert.deepEqual([zjhm.comments[1].line, zjhm.comments[1].column], [24, 1]);
      assert.equal(field(member, 'birthday').description, '出生日期');
      assert.equal(field(member, 'status').description, undefined);
    });

    it('skips function bodies and COPY data, and applies ALTER TABLE ONLY / ALTER COLUMN TYPE / RENAME COLUMN', async () => {
      const result = await extractFixture('postgres_member.sql');
      assert.equal(result.entities.find((e) => e.name === 'nope'), undefined);
      const log = entity(result, 'login_log');
      assert.deepEqual(
        log.fields.map((f) => [f.name, f.type, f.description]),
        [
          ['id', 'bigint', undefined],
          ['hy_id', 'bigint', undefined],
          ['login_ip', 'inet', '登录IP'],
          ['ua', 'varchar(512)', undefined],
          ['sjhm', 'varchar(20)', '登录手机号'],
        ],
      );
      assert.deepEqual(texts(field(log, 'login_ip').comments), ['留存 6 个月']);
    });
  });

  describe('SQLite schema', () => {
    it('reads untyped columns, quoted names and WITHOUT ROWID tables; skips virtual tables and indexes', async () => {
      const result = await extractFixture('sqlite_app.sql');
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.entities.map((e) => e.name),
        ['contact', 'order', 'setting'],
      );
      const contact = entity(result, 'contact');
      assert.deepEqual(
        contact.fields.map((f) => [f.name, f.type]),
        [
          ['id', 'INTEGER'],
          ['name', 'TEXT'],
          ['phone', undefined],
          ['key', 'TEXT'],
          ['email', 'TEXT'],
          ['nick name', 'TEXT'],
        ],
      );
      assert.deepEqual(texts(field(contact, 'name').comments), ['customer full name']);
      assert.equal(field(contact, 'nick name').defaultValue, 'guest');
      assert.deepEqual(
        entity(result, 'order').fields.map((f) => f.name),
        ['id', 'contact_id', 'amount'],
      );
      assert.deepEqual(entity(result, 'setting').comments, [], 'a comment trailing the PRAGMA above is not the table’s');
    });
  });

  describe('other dialects', () => {
    it('reads SQL Server brackets, GO batches and MS_Description extended properties', async () => {
      const text = [
        'CREATE TABLE [dbo].[Employee] (',
        '  [Id] INT IDENTITY(1,1) NOT NULL,',
        '  [XingMing] NVARCHAR(50) COLLATE Chinese_PRC_CI_AS NOT NULL,',
        "  [IdCardNo] [nvarchar](18) NULL CONSTRAINT DF_Emp_Id DEFAULT (N'000'),",
        '  CONSTRAINT [PK_Employee] PRIMARY KEY CLUSTERED ([Id] ASC)',
        ')',
        'GO',
        "EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'员工姓名', @level0type=N'SCHEMA', @level0name=N'dbo',",
        "  @level1type=N'TABLE', @level1name=N'Employee', @level2type=N'COLUMN', @level2name=N'XingMing'",
        'GO',
        "EXEC sp_addextendedproperty N'MS_Description', N'员工表', N'SCHEMA', N'dbo', N'TABLE', N'Employee'",
        'GO',
      ].join('\r\n');
      const result = await new SqlExtractor().extract(text, 'employee.sql');
      assert.deepEqual(result.problems, []);
      const employee = entity(result, 'Employee');
      assert.deepEqual([employee.aliases, employee.description, employee.line, employee.column], [['dbo.Employee'], '员工表', 1, 20]);
      assert.deepEqual(
        employee.fields.map((f) => [f.name, f.type, f.description, f.defaultValue]),
        [
          ['Id', 'INT', undefined, undefined],
          ['XingMing', 'NVARCHAR(50)', '员工姓名', undefined],
          ['IdCardNo', '[nvarchar](18)', undefined, '000'],
        ],
      );
    });

    it('reads Hive external tables with generic types and COMMENT', async () => {
      const text =
        "CREATE EXTERNAL TABLE IF NOT EXISTS ods.user_info (\n  xm STRING COMMENT '姓名',\n  props MAP<STRING, STRING> COMMENT '扩展',\n  addr STRUCT<city:STRING, street:STRING>\n) COMMENT '用户' PARTITIONED BY (dt STRING) STORED AS ORC;";
      const result = await new SqlExtractor().extract(text, 'ods.hql');
      const user = entity(result, 'user_info');
      assert.equal(user.description, '用户');
      assert.deepEqual(
        user.fields.map((f) => [f.name, f.type, f.description]),
        [
          ['xm', 'STRING', '姓名'],
          ['props', 'MAP<STRING, STRING>', '扩展'],
          ['addr', 'STRUCT<city:STRING, street:STRING>', undefined],
        ],
      );
    });

    it('adds tables that a migration only alters or comments on', async () => {
      const text = "ALTER TABLE hr.staff ADD COLUMN hzhm varchar(20) COMMENT '护照号码';\nCOMMENT ON COLUMN hr.staff.hzhm IS '护照号码(因公出境)';\nCOMMENT ON COLUMN hr.staff.jzzh IS '居住证号';";
      const result = await new SqlExtractor().extract(text, 'V12__passport.sql');
      const staff = entity(result, 'staff');
      assert.deepEqual(staff.aliases, ['hr.staff']);
      assert.deepEqual(
        staff.fields.map((f) => [f.name, f.description, f.line]),
        [
          ['hzhm', '护照号码(因公出境)', 1],
          ['jzzh', '居住证号', 3],
        ],
      );
    });
  });

  describe('INSERT statements', () => {
    const seed = "-- 种子数据\nINSERT INTO `hr`.`yg` (`id`, `xm`, `sjhm`) VALUES (1, '张三', '13900000000');\nINSERT INTO yg (id, yx) VALUES (2, 'a@example.com');\n";

    it('ignores INSERT statements by default', async () => {
      const result = await new SqlExtractor().extract(seed, 'seed.sql');
      assert.deepEqual(result.entities, []);
      assert.deepEqual(result.problems, []);
    });

    it('optionally makes entities from the column lists of tables the file does not declare', async () => {
      const result = await new SqlExtractor({ entitiesFromInserts: true }).extract(seed, 'seed.sql');
      const yg = entity(result, 'yg');
      assert.deepEqual(yg.aliases, ['hr.yg']);
      assert.deepEqual(texts(yg.comments), ['种子数据']);
      assert.deepEqual(
        yg.fields.map((f) => [f.name, f.line, f.column]),
        [
          ['id', 2, 24],
          ['xm', 2, 30],
          ['sjhm', 2, 36],
          ['yx', 3, 21],
        ],
      );
      const declared = await new SqlExtractor({ entitiesFromInserts: true }).extract(`CREATE TABLE yg (id int);\n${seed}`, 'seed.sql');
      assert.deepEqual(
        declared.entities.map((e) => [e.name, e.fields.length]),
        [['yg', 1]],
        'a declared table is not changed by its data',
      );
    });

    it('skips a 10,000-row INSERT quickly (linear scan, no tokens)', async () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => `(${i}, '张三${i}', 'a;b--c''d\\\\', '${'x'.repeat(50)}')`).join(',\n');
      const text = `CREATE TABLE t (id int, xm varchar(20), bz text, pad text);\nINSERT INTO t (id, xm, bz, pad) VALUES\n${rows};\nCREATE TABLE after_data (sfzh char(18));\n`;
      const started = performance.now();
      const result = await new SqlExtractor().extract(text, 'dump.sql');
      const elapsed = performance.now() - started;
      assert.deepEqual(
        result.entities.map((e) => e.name),
        ['t', 'after_data'],
      );
      assert.equal(entity(result, 'after_data').line, 10_003);
      assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
    });
  });

  describe('malformed input', () => {
    it('keeps the columns of a truncated CREATE TABLE and reports where it broke', async () => {
      const text = "CREATE TABLE t_user (\n  id bigint COMMENT '主键',\n  xm varchar(20) COMMENT '姓名',\n  sfzh varchar(18) COMMENT '身份";
      const result = await new SqlExtractor().extract(text, 'broken.sql');
      assert.deepEqual(
        result.entities[0].fields.map((f) => f.name),
        ['id', 'xm', 'sfzh'],
      );
      assert.deepEqual(
        result.problems.map((p) => [p.line, p.column]),
        [
          [1, 21],
          [4, 28],
        ],
      );
      assert.match(result.problems[0].message, /not closed/);
      assert.match(result.problems[1].message, /Unterminated string/);
    });

    it('recovers at the next CREATE TABLE when a statement is cut off', async () => {
      const text = 'CREATE TABLE a (\n  x int\n)\nCREATE TABLE b (\n  y int,\nCREATE TABLE c (z int);\n';
      const result = await new SqlExtractor().extract(text, 'broken.sql');
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.fields.map((f) => f.name)]),
        [
          ['a', ['x']],
          ['b', ['y']],
          ['c', ['z']],
        ],
      );
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0].line, 4);
    });

    it('never throws on garbage', async () => {
      const inputs = [
        ')))) ;;; CREATE TABLE ( ; ALTER TABLE ; COMMENT ON COLUMN x IS 1; CREATE TABLE t (, , a int,);\n/* unterminated',
        'CREATE TABLE',
        "COMMENT ON COLUMN t IS 'x'",
        "ALTER TABLE t CHANGE; ALTER TABLE t RENAME; ALTER TABLE t ADD (; EXEC sp_addextendedproperty 'x'",
        '`unterminated identifier',
        '$tag$ never closed',
        'COPY t FROM stdin;\n1\t2\n',
        'DELIMITER //\nCREATE TABLE t (x int)//\nDELIMITER ;',
        '',
      ];
      for (const input of inputs) {
        const result = await new SqlExtractor().extract(input, 'garbage.sql');
        assert.equal(result.format, 'sql');
        for (const problem of result.problems) {
          assert.ok(problem.line >= 1 && problem.column >= 1, JSON.stringify(problem));
          assert.doesNotMatch(problem.message, /extractor failed/, `the scanner itself failed on ${JSON.stringify(input)}`);
        }
      }
      const delimited = await new SqlExtractor().extract('DELIMITER //\nCREATE TABLE t (x int)//\nDELIMITER ;', 'd.sql');
      assert.deepEqual(delimited.entities.map((e) => e.name), ['t']);
    });

    it('stays well-formed on every truncation of the fixtures', async () => {
      const extractor = new SqlExtractor({ entitiesFromInserts: true });
      for (const name of ['mysql_crm.sql', 'postgres_member.sql', 'sqlite_app.sql']) {
        const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
        for (let length = 0; length <= text.length; length += 13) {
          const result = await extractor.extract(text.slice(0, length), name);
          for (const problem of result.problems) assert.doesNotMatch(problem.message, /extractor failed/, `${name} cut at ${length}`);
          for (const e of result.entities) for (const f of e.fields) assert.ok(f.line >= 1 && f.column >= 1 && f.name !== '', `${name} cut at ${length}`);
        }
      }
    });
  });
});
