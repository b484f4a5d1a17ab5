// Entities and fields the synthetic repositories are made of: PI fields named in English, full
// pinyin and pinyin initials with Chinese comments (as a subsidiary's schemas are), and the
// ordinary business fields around them. `value` says which synthetic value fills a column.

/** @typedef {{ name: string, zh: string, type: 'string'|'int'|'decimal'|'date'|'bool', value?: string }} FieldSpec */

/** @type {FieldSpec[]} */
export const PI_FIELDS = [
  { name: 'real_name', zh: '姓名', type: 'string', value: 'name' },
  { name: 'xm', zh: '姓名', type: 'string', value: 'name' },
  { name: 'id_card_no', zh: '身份证号', type: 'string', value: 'id' },
  { name: 'sfzh', zh: '身份证号码', type: 'string', value: 'id' },
  { name: 'mobile', zh: '手机号码', type: 'string', value: 'mobile' },
  { name: 'sjhm', zh: '手机号', type: 'string', value: 'mobile' },
  { name: 'email', zh: '电子邮箱', type: 'string', value: 'email' },
  { name: 'home_address', zh: '家庭住址', type: 'string', value: 'address' },
  { name: 'jtdz', zh: '家庭地址', type: 'string', value: 'address' },
  { name: 'birthday', zh: '出生日期', type: 'date', value: 'date' },
  { name: 'bank_card_no', zh: '银行卡号', type: 'string', value: 'card' },
  { name: 'gender', zh: '性别', type: 'int' },
  { name: 'passport_no', zh: '护照号码', type: 'string' },
  { name: 'wechat_id', zh: '微信号', type: 'string' },
  { name: 'emergency_contact_phone', zh: '紧急联系人电话', type: 'string', value: 'mobile' },
  { name: 'diagnosis', zh: '诊断结果', type: 'string' },
];

/** @type {FieldSpec[]} */
export const BUSINESS_FIELDS = [
  { name: 'status', zh: '状态 0正常 1停用', type: 'int' },
  { name: 'order_no', zh: '订单编号', type: 'string' },
  { name: 'sku_code', zh: 'SKU编码', type: 'string' },
  { name: 'product_name', zh: '商品名称', type: 'string' },
  { name: 'amount', zh: '金额(元)', type: 'decimal' },
  { name: 'quantity', zh: '数量', type: 'int' },
  { name: 'remark', zh: '备注', type: 'string' },
  { name: 'store_code', zh: '门店编码', type: 'string' },
  { name: 'dept_code', zh: '部门编码', type: 'string' },
  { name: 'version', zh: '乐观锁版本号', type: 'int' },
  { name: 'is_enabled', zh: '是否启用', type: 'bool' },
  { name: 'created_at', zh: '创建时间', type: 'date' },
  { name: 'updated_at', zh: '更新时间', type: 'date' },
  { name: 'jg', zh: '价格', type: 'decimal' },
  { name: 'spmc', zh: '商品名称', type: 'string' },
];

/** Entities that hold people, and entities that hold things. */
export const PERSON_ENTITIES = [
  { name: 'member', zh: '会员' },
  { name: 'employee', zh: '员工' },
  { name: 'customer', zh: '客户' },
  { name: 'patient', zh: '受检人' },
  { name: 'rider', zh: '骑手' },
  { name: 'applicant', zh: '求职者' },
  { name: 'kh_jbxx', zh: '客户基本信息' },
  { name: 'yg_jbxx', zh: '员工基本信息' },
];
export const THING_ENTITIES = [
  { name: 'product', zh: '商品' },
  { name: 'store', zh: '门店' },
  { name: 'coupon', zh: '优惠券' },
  { name: 'warehouse', zh: '仓库' },
  { name: 'sku_stock', zh: '库存' },
];

export const SYSTEMS = ['mall', 'hr', 'crm', 'clinic', 'pos', 'delivery', 'finance', 'member-center', 'scm', 'marketing'];

/** Words of ordinary Chinese comments in code and docs. */
export const ZH_PHRASES = [
  '处理业务逻辑', '参数校验失败时抛出异常', '兼容旧版本接口', '查询结果按创建时间倒序', '此处需要加锁',
  '注销前需确认数据已归档', '调用第三方支付回调', '缓存五分钟', '批量导入时跳过重复记录', '异步发送短信通知',
  '仅管理员可见', '分页参数默认每页二十条', '统计报表每日凌晨生成', '失败重试三次', '日志保留一百八十天',
];

export function camel(snake) {
  return snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

export function pascal(snake) {
  const c = camel(snake);
  return c[0].toUpperCase() + c.slice(1);
}
