import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import { Engine } from '../../../src/core/engine';
import type { FieldFinding } from '../../../src/core/scan/model';

const FIXTURES = path.join(__dirname, '../../fixtures/classify');

async function classifyFixture(name: string): Promise<Map<string, FieldFinding>> {
  const engine = new Engine(defaultConfig());
  const analysis = await engine.analyze(name, fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
  return new Map(analysis.fields.map((f) => [`${f.entity}.${f.field}`, f]));
}

function expectPI(fields: Map<string, FieldFinding>, key: string, category: string): FieldFinding {
  const field = fields.get(key);
  assert.ok(field, `${key} was not extracted`);
  assert.equal(field.isPI, true, `${key} should be PI (${field.reasons.join('; ')})`);
  assert.equal(field.category, category, `${key}: ${field.reasons.join('; ')}`);
  assert.ok(field.reasons.length > 0);
  return field;
}

function expectNotPI(fields: Map<string, FieldFinding>, key: string): FieldFinding {
  const field = fields.get(key);
  assert.ok(field, `${key} was not extracted`);
  assert.equal(field.isPI, false, `${key} should not be PI, got ${field.category} (${field.reasons.join('; ')})`);
  return field;
}

describe('Classifier on a MySQL schema', () => {
  let fields: Map<string, FieldFinding>;
  before(async () => {
    fields = await classifyFixture('loyalty_mysql.sql');
  });

  it('reads the Chinese comment when the name says nothing (c3 COMMENT 身份证号)', () => {
    const field = expectPI(fields, 'hy_member.c3', 'identity.id_number');
    assert.equal(field.sensitive, true);
    assert.match(field.reasons[0], /身份证号/);
  });

  it('recognises pinyin initials without a comment (sjhm) and with one (khxm)', () => {
    expectPI(fields, 'hy_member.sjhm', 'basic.phone');
    expectPI(fields, 'hy_member.khxm', 'basic.name');
  });

  it('keeps encrypted columns as PI and records that they look protected', () => {
    const field = expectPI(fields, 'hy_member.id_card_cipher', 'identity.id_number');
    assert.equal(field.protected, true);
    assert.equal(fields.get('hy_member.c3')!.protected, false);
  });

  it('lets the declared type veto: a flag and a count hold no e-mail or phone number', () => {
    expectPI(fields, 'hy_member.email', 'basic.email');
    expectNotPI(fields, 'hy_member.email_verified');
    expectNotPI(fields, 'hy_member.phone_count');
  });

  it('lets the comment win over colliding pinyin initials (zjhm = 中奖号码, jg = 价格)', () => {
    expectNotPI(fields, 'hy_member.zjhm');
    const price = expectNotPI(fields, 'goods.jg');
    assert.equal(price.category, 'business.secret');
  });

  it('treats references and audit columns as not PI', () => {
    expectNotPI(fields, 'hy_member.referrer_id');
    expectNotPI(fields, 'hy_member.create_time');
  });

  it('uses the entity: a product name, a store phone and address are not PI, a store manager is', () => {
    expectNotPI(fields, 'goods.name');
    expectNotPI(fields, 'goods.face_value');
    expectNotPI(fields, 'store.phone');
    expectNotPI(fields, 'store.address');
    expectPI(fields, 'store.manager_name', 'basic.name');
    expectPI(fields, 'store.manager_phone', 'basic.phone');
  });

  it('reports a unified social credit code as a company identifier, never PI', () => {
    const code = expectNotPI(fields, 'store.credit_code');
    assert.equal(code.category, 'business.identifier');
  });
});

describe('Classifier on Go structs', () => {
  let fields: Map<string, FieldFinding>;
  before(async () => {
    fields = await classifyFixture('rider.go');
  });

  it('reads full pinyin spellings in camelCase names', () => {
    expectPI(fields, 'Courier.XingMing', 'basic.name');
    expectPI(fields, 'Courier.ShouJiHao', 'basic.phone');
  });

  it('classifies location, trajectory, minors and accounts', () => {
    expectPI(fields, 'Courier.Lat', 'location.precise');
    expectPI(fields, 'Courier.TrackPoints', 'location.trajectory');
    expectPI(fields, 'Courier.IsMinor', 'other.minor');
    expectPI(fields, 'Courier.Nickname', 'network.account');
  });

  it('maps a person\'s generic fields inside an emergency-contact entity to contacts.list', () => {
    expectPI(fields, 'EmergencyContact.Name', 'contacts.list');
    expectPI(fields, 'EmergencyContact.Phone', 'contacts.list');
    expectPI(fields, 'EmergencyContact.Relation', 'contacts.list');
  });

  it('keeps a base salary and a bank IBAN as a person\'s property', () => {
    expectPI(fields, 'Payroll.BaseSalary', 'property.income');
    expectPI(fields, 'Payroll.BankIban', 'property.bank_account');
  });

  it('does not take targeting rules for a person\'s data', () => {
    expectNotPI(fields, 'Campaign.Name');
    expectNotPI(fields, 'Campaign.TargetGender');
  });
});

describe('Classifier on a JSON Schema with nested objects', () => {
  let fields: Map<string, FieldFinding>;
  before(async () => {
    fields = await classifyFixture('tenancy.schema.json');
  });

  it('classifies a container property through the nested entity, not as a value', () => {
    expectNotPI(fields, 'TenancyApplication.previousAddresses');
    expectNotPI(fields, 'TenancyApplication.apartment');
    expectPI(fields, 'TenancyApplication.applicantName', 'basic.name');
  });

  it('treats a postal address object as a person\'s address and an apartment as a thing', () => {
    expectPI(fields, 'PostalAddress.street', 'basic.address');
    expectPI(fields, 'PostalAddress.city', 'basic.address');
    expectNotPI(fields, 'Apartment.name');
    expectNotPI(fields, 'Apartment.address');
    expectNotPI(fields, 'Apartment.latitude');
  });
});

describe('Classifier on a courier company\'s Prisma schema', () => {
  let fields: Map<string, FieldFinding>;
  before(async () => {
    fields = await classifyFixture('logistics_prisma.prisma');
  });

  it('takes height and weight as a body\'s only on a person or in a medical record', () => {
    expectPI(fields, 'Courier.heightCm', 'health.physiology');
    expectPI(fields, 'Courier.weight', 'health.physiology');
    expectPI(fields, 'VitalSignsRecord.weight', 'health.physiology');
    expectPI(fields, 'VitalSignsRecord.pulse', 'health.physiology');
    expectNotPI(fields, 'Parcel.weightKg');
    expectNotPI(fields, 'Parcel.height');
    expectNotPI(fields, 'Parcel.temperature');
  });

  it('keeps the people of a parcel record: sender and receiver', () => {
    expectPI(fields, 'Parcel.senderName', 'basic.name');
    expectPI(fields, 'Parcel.receiverPhone', 'basic.phone');
  });

  it('reads 开户行账号 as a bank account, not a login account', () => {
    const field = expectPI(fields, 'SettlementAccount.accountNo', 'property.bank_account');
    assert.match(field.reasons[0], /开户行账号/);
  });
});

describe('Classifier on a platform with people, things and logs side by side', () => {
  let fields: Map<string, FieldFinding>;
  before(async () => {
    fields = await classifyFixture('platform_mixed.sql');
  });

  it('reads the head of an English description before its preposition', () => {
    expectPI(fields, 'driver.full_name', 'basic.name');
  });

  it('gives a driver\'s licence number, birthplace and weight, and none to a company, a product or a city', () => {
    expectPI(fields, 'driver.license_no', 'identity.other');
    expectPI(fields, 'driver.birth_place', 'basic.nationality');
    expectPI(fields, 'driver.weight', 'health.physiology');
    expectNotPI(fields, 'company.license_no');
    expectNotPI(fields, 'wms_sku.birth_place');
    expectNotPI(fields, 'wms_sku.height');
    expectNotPI(fields, 'city.name');
  });

  it('does not take a job log\'s job group or exception for a person\'s work or health', () => {
    expectNotPI(fields, 'sys_job_log.job_group');
    expectNotPI(fields, 'sys_job_log.exception_info');
  });

  it('takes the platform of a member\'s session for device information, not the platform of an app release', () => {
    expectPI(fields, 'app_session.platform', 'device.info');
    expectPI(fields, 'app_session.user_agent', 'device.info');
    expectNotPI(fields, 'app_version.platform');
  });

  it('knows an entity by its own name column: T_JG_XX.JGMC 机构名称 makes its 联系电话 an institution\'s', () => {
    expectNotPI(fields, 'T_JG_XX.LXDH');
    expectPI(fields, 'visitor_log.phone', 'basic.phone');
  });

  it('reads id_card_number as an ID number, not a bank card number', () => {
    expectPI(fields, 'visitor_log.id_card_number', 'identity.id_number');
  });

  it('gives a gate no name, location or IP address of a person', () => {
    expectNotPI(fields, 'gate.name');
    expectNotPI(fields, 'gate.location');
    expectNotPI(fields, 'gate.ip_address');
  });

  it('reads a blog: posts and options are things, a comment author is a person, an integer author is a reference', () => {
    expectNotPI(fields, 'wp_posts.post_author');
    expectNotPI(fields, 'wp_posts.post_name');
    expectNotPI(fields, 'wp_posts.post_content');
    expectNotPI(fields, 'wp_options.option_name');
    expectPI(fields, 'wp_comments.comment_author', 'basic.name');
    expectPI(fields, 'wp_comments.comment_author_email', 'basic.email');
    expectNotPI(fields, 'wp_comments.comment_author_url');
    expectPI(fields, 'wp_comments.user_pass', 'network.credential');
  });

  it('does not take a record\'s own name or a parcel carrier for a person\'s name or device', () => {
    expectPI(fields, 'shipment.recipient_name', 'basic.name');
    expectNotPI(fields, 'shipment.carrier');
    expectNotPI(fields, 'signup_event.name');
  });

  it('keeps the findings of a medical examination', () => {
    expectPI(fields, 'health_exam.conclusion', 'health.record');
    expectPI(fields, 'health_exam.abnormal_items', 'health.record');
  });
});
