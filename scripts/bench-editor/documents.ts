/**
 * The documents the per-edit benchmark edits: a 1,000-line MySQL dump, TypeORM entity file and
 * Django models file as a subsidiary's code has them — tables of people and of things, PI
 * fields named in English, pinyin and pinyin initials with Chinese comments, some `@pi`
 * annotations (valid and not), and a little evidence of handling (DELETE, UPDATE … SET, cascades,
 * soft-delete flags). Deterministic: the same text on every run.
 */

export interface BenchDocument {
  /** Path relative to the workspace folder. */
  relPath: string;
  label: string;
  text: string;
  /** How a line comment starts in this language (the simulated keystrokes type into one). */
  comment: string;
}

interface FieldSpec {
  name: string;
  zh: string;
  kind: 'string' | 'int' | 'decimal' | 'date' | 'bool';
}

const PI_FIELDS: readonly FieldSpec[] = [
  { name: 'real_name', zh: '姓名', kind: 'string' },
  { name: 'xm', zh: '姓名', kind: 'string' },
  { name: 'id_card_no', zh: '身份证号', kind: 'string' },
  { name: 'sfzh', zh: '身份证号码', kind: 'string' },
  { name: 'mobile', zh: '手机号码', kind: 'string' },
  { name: 'sjhm', zh: '手机号', kind: 'string' },
  { name: 'email', zh: '电子邮箱', kind: 'string' },
  { name: 'home_address', zh: '家庭住址', kind: 'string' },
  { name: 'jtdz', zh: '家庭地址', kind: 'string' },
  { name: 'birthday', zh: '出生日期', kind: 'date' },
  { name: 'bank_card_no', zh: '银行卡号', kind: 'string' },
  { name: 'gender', zh: '性别', kind: 'int' },
  { name: 'passport_no', zh: '护照号码', kind: 'string' },
  { name: 'wechat_id', zh: '微信号', kind: 'string' },
  { name: 'emergency_contact_phone', zh: '紧急联系人电话', kind: 'string' },
  { name: 'diagnosis', zh: '诊断结果', kind: 'string' },
];

const BUSINESS_FIELDS: readonly FieldSpec[] = [
  { name: 'status', zh: '状态 0正常 1停用', kind: 'int' },
  { name: 'order_no', zh: '订单编号', kind: 'string' },
  { name: 'product_name', zh: '商品名称', kind: 'string' },
  { name: 'amount', zh: '金额(元)', kind: 'decimal' },
  { name: 'quantity', zh: '数量', kind: 'int' },
  { name: 'remark', zh: '备注', kind: 'string' },
  { name: 'store_code', zh: '门店编码', kind: 'string' },
  { name: 'created_at', zh: '创建时间', kind: 'date' },
  { name: 'updated_at', zh: '更新时间', kind: 'date' },
  { name: 'jg', zh: '价格', kind: 'decimal' },
];

const PERSON_ENTITIES = [
  { name: 'member', zh: '会员' },
  { name: 'employee', zh: '员工' },
  { name: 'customer', zh: '客户' },
  { name: 'patient', zh: '受检人' },
  { name: 'rider', zh: '骑手' },
  { name: 'applicant', zh: '求职者' },
  { name: 'kh_jbxx', zh: '客户基本信息' },
  { name: 'yg_jbxx', zh: '员工基本信息' },
];
const THING_ENTITIES = [
  { name: 'product', zh: '商品' },
  { name: 'store', zh: '门店' },
  { name: 'coupon', zh: '优惠券' },
  { name: 'warehouse', zh: '仓库' },
];

/** Annotations some fields carry: the editor's diagnostics differ for each. */
const ANNOTATIONS = [
  '@pi delete',
  '@pi anonymize method=hash',
  '@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy',
  '@pi retain',
  '@pi transfer to="上海示例健康管理有限公司" contact="privacy@example.com"',
];

export const TARGET_LINES = 1000;

interface Table {
  name: string;
  zh: string;
  person: boolean;
  fields: { spec: FieldSpec; annotation?: string }[];
}

/** Tables of about 20 fields, alternating people and things, until `lines` is reached by the writer. */
function* tables(): Generator<Table> {
  for (let n = 0; ; n++) {
    const person = n % 3 !== 2;
    const base = person ? PERSON_ENTITIES[n % PERSON_ENTITIES.length] : THING_ENTITIES[n % THING_ENTITIES.length];
    const fields: Table['fields'] = [];
    for (let f = 0; f < 20; f++) {
      const pool = f % 2 === 0 ? PI_FIELDS : BUSINESS_FIELDS;
      const spec = pool[(n * 7 + f) % pool.length];
      if (fields.some((field) => field.spec.name === spec.name)) continue;
      const annotation = person && pool === PI_FIELDS && (n + f) % 5 === 0 ? ANNOTATIONS[(n + f) % ANNOTATIONS.length] : undefined;
      fields.push({ spec, annotation });
    }
    yield { name: `${base.name}_${n + 1}`, zh: `${base.zh}${n + 1}`, person, fields };
  }
}

/** Lines from `write(table)` for one table after another, cut to exactly `lines` lines. */
function document(lines: number, write: (table: Table, n: number) => string[], header: string[] = [], footer: (tables: Table[]) => string[] = () => []): string {
  const out = [...header];
  const written: Table[] = [];
  for (const table of tables()) {
    const next = write(table, written.length);
    const tail = footer([...written, table]);
    if (out.length + next.length + tail.length > lines) {
      out.push(...footer(written));
      break;
    }
    out.push(...next);
    written.push(table);
  }
  while (out.length < lines) out.push('');
  return `${out.slice(0, lines).join('\n')}\n`;
}

const SQL_TYPE: Record<FieldSpec['kind'], string> = { string: 'varchar(64)', int: 'int', decimal: 'decimal(10,2)', date: 'datetime', bool: 'tinyint(1)' };

export function sqlDump(lines = TARGET_LINES): string {
  return document(
    lines,
    (table, n) => [
      ...(table.person && n % 4 === 0 ? ['-- @pi retain 3y basis="电子商务法 第三十一条" then=destroy'] : []),
      `CREATE TABLE \`${table.name}\` (`,
      '  `id` bigint NOT NULL AUTO_INCREMENT COMMENT \'主键\',',
      ...table.fields.map(({ spec, annotation }) => `  \`${spec.name}\` ${SQL_TYPE[spec.kind]} DEFAULT NULL COMMENT '${spec.zh}${annotation ? ` ${annotation.replace(/'/g, "''")}` : ''}',`),
      ...(n % 3 === 0 ? ['  `del_flag` char(1) DEFAULT \'0\' COMMENT \'删除标志\','] : []),
      '  PRIMARY KEY (`id`)',
      `) ENGINE=InnoDB COMMENT='${table.zh}';`,
      '',
    ],
    ['-- 注销前盘点导出 (MySQL 8)', 'SET NAMES utf8mb4;', ''],
    (written) => [
      '-- 定期清理',
      ...written.filter((_, i) => i % 4 === 1).map((t) => `DELETE FROM \`${t.name}\` WHERE created_at < NOW() - INTERVAL 3 YEAR;`),
      ...written.filter((_, i) => i % 4 === 2).map((t) => `UPDATE \`${t.name}\` SET mobile = NULL, email = MD5(email) WHERE status = 1;`),
    ],
  );
}

const TS_TYPE: Record<FieldSpec['kind'], string> = { string: 'string', int: 'number', decimal: 'number', date: 'Date', bool: 'boolean' };

export function typeormEntities(lines = TARGET_LINES): string {
  return document(
    lines,
    (table, n) => [
      `/** ${table.zh} */`,
      `@Entity('${table.name}')`,
      `export class ${className(table.name)} {`,
      '  @PrimaryGeneratedColumn()',
      '  id!: number;',
      '',
      ...table.fields.flatMap(({ spec, annotation }) => [
        ...(annotation ? [`  // ${annotation}`] : []),
        `  @Column({ name: '${spec.name}', comment: '${spec.zh}' })`,
        `  ${camel(spec.name)}!: ${TS_TYPE[spec.kind]};`,
        '',
      ]),
      ...(n % 3 === 0 ? ['  @DeleteDateColumn()', '  deletedAt?: Date;', ''] : []),
      ...(n % 5 === 1 ? [`  @OneToMany(() => Order, (order) => order.owner, { cascade: true, onDelete: 'CASCADE' })`, '  orders!: Order[];', ''] : []),
      '}',
      '',
    ],
    ["import { Column, DeleteDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';", "import { Order } from './order.entity';", ''],
  );
}

const DJANGO_FIELD: Record<FieldSpec['kind'], string> = {
  string: 'models.CharField("{zh}", max_length=64, blank=True)',
  int: 'models.IntegerField("{zh}", default=0)',
  decimal: 'models.DecimalField("{zh}", max_digits=10, decimal_places=2)',
  date: 'models.DateTimeField("{zh}", null=True)',
  bool: 'models.BooleanField("{zh}", default=False)',
};

export function djangoModels(lines = TARGET_LINES): string {
  return document(
    lines,
    (table, n) => [
      `class ${className(table.name)}(models.Model):`,
      `    """${table.zh}"""`,
      ...table.fields.flatMap(({ spec, annotation }) => [
        ...(annotation ? [`    # ${annotation}`] : []),
        `    ${spec.name} = ${DJANGO_FIELD[spec.kind].replace('{zh}', spec.zh)}`,
      ]),
      ...(n % 4 === 1 ? ['    store = models.ForeignKey("Store", on_delete=models.CASCADE)'] : []),
      '',
      '    class Meta:',
      `        db_table = "${table.name}"`,
      '',
      '',
    ],
    ['from django.db import models', '', ''],
    (written) => [
      'def purge_expired():',
      ...written.filter((_, i) => i % 4 === 2).map((t) => `    ${className(t.name)}.objects.filter(created_at__lt=cutoff()).delete()`),
    ],
  );
}

export function benchDocuments(lines = TARGET_LINES): BenchDocument[] {
  return [
    { relPath: 'bench/big_schema.sql', label: `SQL dump, ${lines} lines`, text: sqlDump(lines), comment: '--' },
    { relPath: 'bench/big.entity.ts', label: `TypeORM entities, ${lines} lines`, text: typeormEntities(lines), comment: '//' },
    { relPath: 'bench/big_models.py', label: `Django models, ${lines} lines`, text: djangoModels(lines), comment: '#' },
  ];
}

/**
 * What a user's keystroke does to a document: one character typed into a comment near the
 * middle (the `n`-th edit types the `n`-th letter), so every edit is a new text of the same shape.
 */
export function typedEdit(document: BenchDocument, n: number): string {
  const lines = document.text.split('\n');
  const at = Math.floor(lines.length / 2);
  const letter = String.fromCharCode(97 + (n % 26));
  lines.splice(at, 0, `${document.comment} edit ${letter.repeat(1 + (n % 3))}`);
  return lines.join('\n');
}

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function className(name: string): string {
  const c = camel(name);
  return c[0].toUpperCase() + c.slice(1);
}
