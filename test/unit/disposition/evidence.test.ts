import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectEvidence, evidenceForField, showsPurge, type ScannedText } from '../../../src/core/disposition/evidence/collect';
import { entitiesFromFindings, entityKey } from '../../../src/core/disposition/evidence/entityIndex';
import { snippet } from '../../../src/core/disposition/evidence/snippet';
import type { Evidence } from '../../../src/core/disposition/model';
import type { FieldFinding } from '../../../src/core/scan/model';
import { finding } from './findingFixture';

const FIXTURES = path.join(__dirname, '../../fixtures/disposition/evidence');
const files: ScannedText[] = fs.readdirSync(FIXTURES).sort().map((file) => ({ file, text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') }));

function lineOf(file: string, needle: string): number {
  const text = files.find((f) => f.file === file)?.text ?? '';
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `${needle} in ${file}`);
  return index + 1;
}

/** Fields as the scan would report them; `needle` finds the field's line in the fixture. */
function fieldsOf(file: string, entity: string, fields: [name: string, pi: boolean, needle?: string, aliases?: string[]][], entityAliases: string[] = []): FieldFinding[] {
  return fields.map(([field, isPI, needle, aliases]) =>
    finding({ file, entity, entityAliases, field, fieldAliases: aliases ?? [], isPI, line: file.includes('/') ? 6 : lineOf(file, needle ?? field) }),
  );
}

const findings: FieldFinding[] = [
  ...fieldsOf('hr_schema.sql', 'ry_jbxx', [['xm', true, '`xm`'], ['sfzh', true, '`sfzh`'], ['sjhm', true, '`sjhm`'], ['del_flag', false, '`del_flag`']]),
  ...fieldsOf('hr_schema.sql', 'ry_jjlxr', [['jjlxr_xm', true], ['jjlxr_dh', true]]),
  ...fieldsOf('hr_schema.sql', 'sys_login_log', [['user_name', true], ['login_ip', true]]),
  ...fieldsOf('memberService.ts', 'behaviorSchema', [['lat', true, 'lat:'], ['lng', true, 'lng:']], ['Behavior']),
  ...fieldsOf('tasks.py', 'VisitNote', [['zd', true, 'zd =']]),
  ...fieldsOf('repo.go', 'Courier', [['Xm', true, 'Xm '], ['Sjhm', true, 'Sjhm '], ['DeletedAt', false, 'DeletedAt ']]),
  ...fieldsOf('repo.go', 'Waybill', [['Shrxm', true], ['Shrdh', true]]),
  ...fieldsOf('repo.go', 'TrackPoint', [['Lat', true, 'Lat '], ['Lng', true, 'Lng ']]),
  ...fieldsOf('Customer.java', 'Customer', [['khxm', true], ['idCardNo', true, 'String idCardNo'], ['deleted', false, 'Integer deleted']], ['crm_customer']),
  // Entities declared in files that are not part of this scan's texts.
  ...fieldsOf('clinic/models.py', 'Appointment', [['patient_name', true]]),
  ...fieldsOf('clinic/models.py', 'Patient', [['sfzh', true]]),
  ...fieldsOf('clinic/models.py', 'AuditTrail', [['operator_ip', true]]),
  ...fieldsOf('crm/CustomerContact.java', 'CustomerContact', [['lxrxm', true]]),
  ...fieldsOf('src/entities/member.entity.ts', 'Member', [['phone', true], ['idCard', true, undefined, ['id_card']]], ['t_member']),
];

describe('collectEvidence', () => {
  const evidence = collectEvidence(files, entitiesFromFindings(findings));
  const of = (file: string, entity: string): Evidence[] => evidence.get(entityKey(file, entity)) ?? [];
  const kinds = (file: string, entity: string): string[] => of(file, entity).map((e) => e.kind);

  describe('SQL', () => {
    it('a scheduled event that deletes from the table is a purge job, with its location', () => {
      const [job] = of('hr_schema.sql', 'sys_login_log');
      assert.deepEqual(job, { kind: 'purge-job', file: 'hr_schema.sql', line: lineOf('hr_schema.sql', 'DO DELETE FROM'), column: 6, text: 'ON SCHEDULE → DELETE FROM `sys_login_log`' });
    });

    it('ON DELETE CASCADE attaches to the child table and names the parent', () => {
      assert.deepEqual(of('hr_schema.sql', 'ry_jjlxr'), [
        { kind: 'cascade', file: 'hr_schema.sql', line: lineOf('hr_schema.sql', 'ON DELETE CASCADE'), column: 78, text: 'ON DELETE CASCADE (parent `ry_jbxx`)', parent: 'ry_jbxx' },
      ]);
    });

    it('UPDATE … SET col = NULL / MD5(col) over several lines is anonymisation of those columns', () => {
      const anonymized = of('hr_schema.sql', 'ry_jbxx').filter((e) => e.kind === 'anonymize');
      assert.deepEqual(anonymized.map((e) => [e.field, e.line, e.text]), [
        ['sjhm', lineOf('hr_schema.sql', 'SET sjhm = NULL'), 'sjhm = NULL'],
        ['sfzh', lineOf('hr_schema.sql', 'sfzh = MD5(sfzh)'), 'sfzh = MD5('],
      ]);
    });

    it('a del_flag column and UPDATE … SET del_flag = 2 are soft-delete evidence when nothing purges the table', () => {
      const soft = of('hr_schema.sql', 'ry_jbxx').filter((e) => e.kind === 'soft-delete');
      assert.deepEqual(soft.map((e) => [e.line, e.text]), [
        [lineOf('hr_schema.sql', '`del_flag`'), 'del_flag (soft-delete flag)'],
        [lineOf('hr_schema.sql', "SET del_flag = '2' WHERE id"), "del_flag = '2'"],
      ]);
      // `WHERE del_flag = '2'` tests the flag, it does not set it.
      assert.ok(!soft.some((e) => e.line === lineOf('hr_schema.sql', "WHERE del_flag = '2';")));
      assert.equal(showsPurge(of('hr_schema.sql', 'ry_jbxx')), false);
    });

    it('DROP TABLE IF EXISTS in a dump is not a purge', () => {
      assert.ok(!kinds('hr_schema.sql', 'ry_jbxx').includes('delete-statement'));
    });
  });

  describe('TypeScript', () => {
    it('a Mongoose expires option is a TTL on the schema, and a cron job with deleteMany on its model a purge job', () => {
      assert.deepEqual(of('memberService.ts', 'behaviorSchema').map((e) => [e.kind, e.line, e.text]), [
        ['ttl', lineOf('memberService.ts', "expires: '180d'"), "expires: '180d'"],
        ['purge-job', lineOf('memberService.ts', 'BehaviorModel.deleteMany'), 'cron.schedule( → BehaviorModel.deleteMany('],
      ]);
    });

    it('repository deletes and masking/hashing of columns attach to the entity in another file', () => {
      assert.deepEqual(of('src/entities/member.entity.ts', 'Member').map((e) => [e.kind, e.file, e.line, e.field]), [
        ['anonymize', 'memberService.ts', lineOf('memberService.ts', 'maskPhone(member.phone)'), 'phone'],
        ['anonymize', 'memberService.ts', lineOf('memberService.ts', "createHash('sha256')"), 'idCard'],
        ['delete-statement', 'memberService.ts', lineOf('memberService.ts', 'memberRepository.delete('), undefined],
      ]);
    });

    it('Map.delete and the declaration of a masking function are not evidence', () => {
      const lines = [...evidence.values()].flat().filter((e) => e.file === 'memberService.ts').map((e) => e.line);
      assert.ok(!lines.includes(lineOf('memberService.ts', 'cache.delete(key)')));
      assert.ok(!lines.includes(lineOf('memberService.ts', 'function maskPhone')));
    });
  });

  describe('Python', () => {
    it('Django on_delete=CASCADE names the parent model', () => {
      assert.deepEqual(of('tasks.py', 'VisitNote').map((e) => [e.kind, e.parent]), [['cascade', 'Appointment']]);
    });

    it('Model.objects.filter(...).delete() and session.query(Model)…delete() are deletes of those models', () => {
      assert.deepEqual(of('clinic/models.py', 'Appointment').map((e) => [e.kind, e.file, e.text]), [['delete-statement', 'tasks.py', 'Appointment.objects….delete()']]);
      assert.deepEqual(of('clinic/models.py', 'AuditTrail').map((e) => [e.kind, e.text]), [['delete-statement', 'query(AuditTrail)….delete()']]);
    });

    it('hashlib.sha256(patient.sfzh.encode()) hashes the sfzh column of Patient', () => {
      assert.deepEqual(of('clinic/models.py', 'Patient').map((e) => [e.kind, e.field, e.text]), [['anonymize', 'sfzh', 'sha256(patient.sfzh.encode)']]);
    });
  });

  describe('Go', () => {
    it('gorm.DeletedAt makes db.Delete a soft delete: the entity only soft-deletes', () => {
      const courier = of('repo.go', 'Courier');
      assert.ok(courier.every((e) => e.kind === 'soft-delete'), JSON.stringify(courier));
      assert.ok(courier.some((e) => e.text === '.Delete(&Courier'));
    });

    it('a cron.AddFunc job deleting waybills is a purge job; the []TrackPoint cascade purges the children', () => {
      assert.deepEqual(kinds('repo.go', 'Waybill'), ['purge-job']);
      assert.deepEqual(of('repo.go', 'TrackPoint').map((e) => [e.kind, e.parent]), [['cascade', 'Waybill']]);
    });
  });

  describe('Java', () => {
    it('@Scheduled with a Spring Data deleteBy… is a purge job; the soft-delete flag is then dropped', () => {
      assert.deepEqual(of('Customer.java', 'Customer').map((e) => [e.kind, e.file, e.field]), [
        ['purge-job', 'MemberCleanupJob.java', undefined],
        ['anonymize', 'MemberCleanupJob.java', 'idCardNo'],
      ]);
    });

    it('cascade = CascadeType.ALL on a collection attaches to the element type', () => {
      assert.deepEqual(of('crm/CustomerContact.java', 'CustomerContact').map((e) => [e.kind, e.parent]), [['cascade', 'Customer']]);
    });
  });

  it('never puts more than 80 characters or a PI value into the evidence text', () => {
    for (const item of [...evidence.values()].flat()) assert.ok(item.text.length <= 80, item.text);
    const leaked = collectEvidence(
      [{ file: 'cleanup.sql', text: "DELETE FROM ry_jbxx WHERE sjhm = '13916024837';\nUPDATE ry_jbxx SET sjhm = CONCAT(LEFT(sjhm, 3), '****') WHERE sfzh = '310105197009120319';" }],
      entitiesFromFindings(findings),
    );
    const texts = (leaked.get(entityKey('hr_schema.sql', 'ry_jbxx')) ?? []).map((e) => e.text).join('\n');
    assert.ok(!texts.includes('13916024837') && !texts.includes('310105197009120319'), texts);
    assert.equal(snippet("WHERE sjhm = '13916024837' OR email = 'chen.xiaowen@example.com'"), "WHERE sjhm = '139******37' OR email = 'che********om'");
  });

  it('a table the scan reported no fields for does not lend its constraints to the table above', () => {
    const onlyFirst = findings.filter((f) => f.file === 'hr_schema.sql' && f.entity === 'ry_jbxx');
    const found = collectEvidence(files.filter((f) => f.file === 'hr_schema.sql'), entitiesFromFindings(onlyFirst));
    assert.ok(!(found.get(entityKey('hr_schema.sql', 'ry_jbxx')) ?? []).some((e) => e.kind === 'cascade'));
  });

  it('ignores commented-out code', () => {
    const found = collectEvidence([{ file: 'purge.sql', text: '-- DELETE FROM sys_login_log;\n// memberRepository.delete(id)\n# Appointment.objects.all().delete()' }], entitiesFromFindings(findings));
    assert.deepEqual([...found.values()].flat().filter((e) => e.file === 'purge.sql'), []);
  });

  it('soft-delete ORM modes: paranoid Sequelize models soft-delete on destroy unless force: true', () => {
    const entities = entitiesFromFindings([finding({ file: 'models/member.js', entity: 'Member', field: 'sjhm', line: 2 })]);
    const soft = collectEvidence([{ file: 'models/member.js', text: "const Member = sequelize.define('member', {\n  sjhm: DataTypes.STRING,\n}, {\n  paranoid: true,\n});\nawait Member.destroy({ where: { id } });" }], entities);
    assert.deepEqual(soft.get('models/member.js#Member')?.map((e) => e.kind), ['soft-delete', 'soft-delete']);
    const forced = collectEvidence([{ file: 'models/member.js', text: "const Member = sequelize.define('member', {\n  sjhm: DataTypes.STRING,\n}, {\n  paranoid: true,\n});\nawait Member.destroy({ where: { id }, force: true });" }], entities);
    assert.deepEqual(forced.get('models/member.js#Member')?.map((e) => e.kind), ['delete-statement']);
  });

  it('an ambiguous column name (phone in two tables, nothing says which) attaches to neither', () => {
    const two = [...fieldsOf('a/user.ts', 'User', [['phone', true]]), ...fieldsOf('a/store.ts', 'StoreManager', [['phone', true]])];
    assert.equal(collectEvidence([{ file: 'util.ts', text: 'const masked = maskPhone(row.phone);' }], entitiesFromFindings(two)).size, 0);
  });

  it('stays fast on a large minified file', () => {
    const line = 'a.objects.b('.repeat(20000) + 'x'.repeat(100000);
    const started = Date.now();
    collectEvidence([{ file: 'bundle.min.js', text: `${line}\n`.repeat(20) }], entitiesFromFindings(findings));
    assert.ok(Date.now() - started < 2000);
  });

  it('evidenceForField keeps entity-wide items and the field’s own', () => {
    const items = of('hr_schema.sql', 'ry_jbxx');
    const forSjhm = evidenceForField(items, ['sjhm']);
    assert.ok(forSjhm.some((e) => e.field === 'sjhm'));
    assert.ok(!forSjhm.some((e) => e.field === 'sfzh'));
    assert.ok(forSjhm.some((e) => e.field === undefined));
  });
});
