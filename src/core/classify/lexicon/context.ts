/**
 * Words that tell whose data a field is: the object an attribute belongs to decides whether
 * `name`, `phone` or `address` is personal information (categories.md, "the hard part").
 */

/** Entities that describe a natural person (words in the entity name, English or pinyin). */
export const PERSON_ENTITY_WORDS = [
  'user', 'users', 'member', 'members', 'customer', 'customers', 'client', 'employee', 'employees', 'staff', 'emp', 'person', 'persons', 'people',
  'personnel', 'patient', 'patients', 'student', 'students', 'applicant', 'candidate', 'receiver', 'recipient', 'consignee', 'driver', 'rider',
  'courier', 'doctor', 'nurse', 'teacher', 'guardian', 'contact', 'contacts', 'buyer', 'consumer', 'passenger', 'guest', 'visitor',
  'profile', 'resident', 'citizen', 'worker', 'family', 'relative', 'winner', 'payee', 'holder', 'tenant', 'agent', 'volunteer',
  'subscriber', 'player', 'borrower', 'insured', 'beneficiary', 'account', 'onboarding', 'talent', 'resume', 'applicant', 'attendee',
  'participant', 'author', 'owner', 'operator', 'cardholder', 'kyc', 'identity', 'realname', 'family member', 'emergency contact', 'spouse',
  'ry', 'yg', 'hy', 'kh', 'yh', 'hz', 'xs', 'jtcy', 'lxr', 'zg',
];

/** Chinese words in an entity's description or comment that mark a person entity. */
export const PERSON_ENTITY_ZH = [
  '人员', '员工', '会员', '客户', '用户', '患者', '病人', '学生', '申请人', '收货人', '骑手', '司机', '医生', '联系人', '个人',
  '职工', '家庭成员', '花名册', '访客', '乘客', '候选人', '求职者', '持卡人', '实名', '入职', '监护人', '领奖', '中奖',
];

/** Entities that are things, places or organisations: their own name/phone/address is not PI. */
export const THING_ENTITY_WORDS = [
  'product', 'products', 'goods', 'item', 'items', 'sku', 'spu', 'category', 'warehouse', 'store', 'stores', 'shop', 'company', 'corp',
  'enterprise', 'organization', 'organisation', 'org', 'dept', 'department', 'config', 'configuration', 'setting', 'settings', 'menu',
  'dict', 'dictionary', 'template', 'job', 'task', 'file', 'campaign', 'coupon', 'tag', 'region', 'brand', 'supplier', 'vendor',
  'merchant', 'vehicle', 'fleet', 'package', 'permission', 'role', 'module', 'api', 'error', 'article', 'banner', 'notice',
  'keyword', 'keywords', 'hot', 'channel', 'site', 'server', 'host', 'branch', 'office', 'factory', 'grade', 'level',
  'purchase', 'procurement', 'po', 'supply', 'apartment', 'building', 'room', 'course', 'lesson', 'classroom', 'venue', 'facility', 'hospital', 'school', 'settlement', 'city', 'cities', 'country', 'countries', 'province', 'district', 'county', 'currency', 'locale', 'timezone', 'version', 'versions', 'release', 'releases', 'gate', 'door', 'camera', 'terminal', 'printer', 'sensor', 'machine', 'option', 'options', 'post', 'posts', 'page', 'pages', 'term', 'terms', 'taxonomy', 'inventory', 'stock', 'asset', 'sp', 'gs', 'bm', 'ck', 'md', 'cd', 'zd', 'ng',
];

export const THING_ENTITY_ZH = [
  '商品', '产品', '仓库', '门店', '公司', '企业', '部门', '配置', '菜单', '字典', '模板', '任务', '文件', '活动', '标签', '供应商',
  '品牌', '类目', '车辆', '套餐', '机构', '分公司', '网点', '权限', '角色',
];

/**
 * Qualifiers that put a natural person in front of a generic word: `receiver_phone`,
 * `manager_name`, 店长电话, 法定代表人姓名. English/pinyin tokens and Chinese words.
 */
export const PERSON_ROLE_WORDS = [
  'receiver', 'recipient', 'consignee', 'contact', 'contacts', 'manager', 'legal', 'holder', 'payee', 'applicant', 'winner', 'guardian',
  'emergency', 'father', 'mother', 'spouse', 'member', 'customer', 'user', 'employee', 'emp', 'staff', 'patient', 'doctor', 'driver',
  'rider', 'buyer', 'handler', 'agent', 'student', 'teacher', 'visitor', 'person', 'personal', 'home', 'private', 'real', 'owner',
  'applicant', 'operator', 'oper', 'account', 'cardholder', 'refund', 'nurse', 'courier', 'sender', 'caller', 'callee', 'signer',
  'reviewer', 'approver', 'inviter', 'invitee', 'referrer', 'insured', 'beneficiary', 'policyholder', 'tenant', 'landlord', 'borrower', 'guarantor', 'parent', 'leader', 'principal', 'boss', 'director', 'clerk', 'cashier', 'shipper',
  'ship', 'delivery', 'billing', 'residence', 'resident', 'lxr', 'shr', 'sjr', 'skr', 'ljr', 'jhr', 'fzr', 'dz', 'fr', 'kh', 'cy',
];

/** Roles that may as well be an organisation (a supplier is the payee of a supplier payment). */
export const WEAK_PERSON_ROLE_WORDS = ['payee', 'holder', 'owner', 'account', 'buyer', 'sender', 'receiver', 'recipient', 'consignee', 'refund', 'billing', 'delivery', 'ship', 'shipper', 'operator', 'oper', 'caller', 'callee', 'signer', 'inviter', 'invitee', 'referrer'];

export const PERSON_ROLE_ZH = [
  '收货人', '收件人', '联系人', '店长', '负责人', '法定代表人', '法人', '持卡人', '领奖人', '中奖人', '申请人', '经办人', '客户', '会员',
  '员工', '个人', '本人', '患者', '家庭', '户籍', '居住', '监护人', '紧急联系人', '收款人', '骑手', '司机', '医生', '成员', '配偶',
  '用户', '学生', '访客', '职工', '联络人', '对接人', '业务员', '销售', '客服', '投保人', '被保险人', '受益人', '借款人', '担保人', '租客', '房东', '家长',
];

/** Qualifiers that make a generic word belong to a thing or an organisation. */
export const THING_QUALIFIER_WORDS = [
  'company', 'corp', 'store', 'shop', 'warehouse', 'dept', 'department', 'office', 'org', 'organization', 'branch', 'supplier', 'vendor',
  'merchant', 'factory', 'product', 'goods', 'sku', 'item', 'file', 'host', 'server', 'role', 'template', 'system', 'sys', 'service',
  'hotline', 'support', 'registered', 'business', 'brand', 'category', 'menu', 'job', 'task', 'app', 'site', 'domain', 'table',
  'column', 'field', 'class', 'method', 'bean', 'invoke', 'cron', 'error', 'err', 'exception', 'warn', 'smtp', 'api', 'webhook', 'callback', 'package', 'exam', 'campaign', 'coupon', 'tag', 'channel', 'smtp',
  'sign', 'signature', 'prize', 'gift', 'award', 'activity', 'from', 'reply', 'title', 'subject', 'display', 'target', 'tax', 'invoice', 'group', 'team', 'project', 'device', 'fleet', 'vehicle',
];

export const THING_QUALIFIER_ZH = [
  '公司', '企业', '门店', '仓库', '部门', '单位', '机构', '总机', '商品', '供应商', '注册地', '办公', '官方', '公共', '模板', '系统',
  '服务', '热线', '分机', '座机分机', '品牌', '商户', '网点', '发件', '项目', '小组', '团队', '目标', '设备', '错误', '异常', '提示', '接口', '服务器', '网址', '回调', '平台', '收款单位', '通道',
];

/**
 * Heads that make a field metadata about something rather than the thing itself:
 * `email_verified` (a flag), `phone_count`, `template_email_subject`, `avatar_size`.
 */
export const NON_PI_HEAD_WORDS = [
  'verified', 'verify', 'valid', 'enabled', 'enable', 'disabled', 'flag', 'count', 'cnt', 'num', 'total', 'status', 'state', 'format',
  'length', 'len', 'size', 'rule', 'pattern', 'regex', 'config', 'setting', 'settings', 'limit', 'required', 'visible', 'template',
  'subject', 'sort', 'order', 'seq', 'version', 'switch', 'allowed', 'policy', 'level', 'mode', 'channel', 'times', 'expire', 'expires',
  'expired', 'ttl', 'label', 'prefix', 'suffix', 'placeholder', 'desc', 'description', 'remark', 'memo', 'hint', 'tip', 'provider',
  'server', 'host', 'port', 'protocol', 'id', 'ids', 'key', 'bound', 'binding', 'bind', 'masked', 'unit', 'sample', 'example', 'tag',
  'tags', 'ratio', 'target', 'type', 'kind', 'category', 'scene', 'source', 'range', 'max', 'min', 'threshold',
];

/** Qualifiers that make any field a rule or a setting rather than someone's data (target_gender). */
export const NON_PI_QUALIFIER_WORDS = ['target', 'template', 'default', 'example', 'sample', 'placeholder', 'min', 'max', 'avg', 'limit', 'threshold', 'prize', 'gift', 'award', 'campaign', 'activity', 'coupon', 'course', 'goods', 'product', 'sku'];

/** Chinese heads that make a description metadata: 验证状态, 消息类型, 发送次数. */
export const NON_PI_HEAD_ZH = ['类型', '状态', '标志', '编码', '方式', '次数', '数量', '场景', '模板', '类别', '开关', '是否验证', '是否已验证', '已验证', '验证', '格式', '长度', '来源', '渠道', '序列号', '编号', '型号', '考勤机', '规则', '配置', '名称'];

/** Words that say the column holds the value in protected form (still PI, recorded as protected). */
export const PROTECTION_WORDS = ['cipher', 'ciphertext', 'encrypted', 'encrypt', 'enc', 'crypt', 'hash', 'hashed', 'md5', 'sha', 'sha1', 'sha256', 'sm3', 'sm4', 'aes', 'rsa', 'masked', 'mask', 'jm', 'digest', 'salted', 'bcrypt', 'tokenized'];
export const PROTECTION_ZH = ['加密', '密文', '脱敏', '掩码', '哈希', '散列', '摘要', 'MD5', 'SM4', 'SM3', 'AES', 'RSA', 'SHA'];

/** Descriptions that mark a column as bookkeeping, not data about anyone. */
export const NON_PI_DESCRIPTION_ZH = ['主键', '自增', '外键', '创建人', '创建者', '创建时间', '更新人', '更新者', '更新时间', '修改时间', '修改人', '删除标志', '删除标记', '逻辑删除', '版本号', '乐观锁', '排序', '租户'];
