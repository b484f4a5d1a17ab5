/**
 * The personal-information categories (a contract: ids from shared/spec/categories.md, families
 * after GB/T 35273-2020 Appendix A; "sensitive" per PIPL Art. 28 and GB/T 35273-2020 Appendix B).
 */
export interface Category {
  id: string;
  zh: string;
  en: string;
  sensitive: boolean;
  /** The standard or article the category rests on. */
  basis: string;
}

export type Lang = 'en' | 'zh-CN';

export const CATEGORIES: readonly Category[] = [
  { id: 'basic.name', zh: '姓名', en: 'Name', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.gender', zh: '性别', en: 'Gender', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.birth', zh: '出生日期 / 生日', en: 'Date of birth', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.age', zh: '年龄', en: 'Age', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.ethnicity', zh: '民族', en: 'Ethnicity', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.nationality', zh: '国籍 / 籍贯 / 户籍', en: 'Nationality / native place / household registration', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.political', zh: '政治面貌', en: 'Political affiliation', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.family', zh: '家庭关系', en: 'Family relations', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.address', zh: '住址 / 通讯地址 / 邮编', en: 'Address / postal code', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.phone', zh: '电话号码', en: 'Phone number', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.email', zh: '电子邮件地址', en: 'E-mail address', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'basic.photo', zh: '头像 / 照片', en: 'Photo / avatar', sensitive: false, basis: 'GB/T 35273-2020 A 个人基本资料' },
  { id: 'identity.id_number', zh: '身份证号', en: 'Resident ID number', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人身份信息' },
  { id: 'identity.passport', zh: '护照号', en: 'Passport number', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人身份信息' },
  { id: 'identity.permit', zh: '港澳台通行证 / 居住证', en: 'HK/Macau/Taiwan permit / residence permit', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人身份信息' },
  { id: 'identity.other', zh: '军官证 / 驾驶证 / 社保卡 / 工作证', en: 'Other identity document', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人身份信息' },
  { id: 'identity.document_image', zh: '证件照片 / 扫描件', en: 'Identity document image', sensitive: true, basis: 'GB/T 35273-2020 B; GB/T 45574-2025' },
  { id: 'identity.special', zh: '特定身份 (残疾等)', en: 'Specific identity (disability…)', sensitive: true, basis: 'PIPL Art. 28' },
  { id: 'biometric.face', zh: '面部识别特征', en: 'Facial recognition features', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人生物识别信息' },
  { id: 'biometric.fingerprint', zh: '指纹', en: 'Fingerprint', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人生物识别信息' },
  { id: 'biometric.other', zh: '声纹 / 虹膜 / 基因 / 掌纹', en: 'Voiceprint / iris / genes / palm print', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人生物识别信息' },
  { id: 'network.account', zh: '账号 / 用户名 / 第三方身份标识', en: 'Account / user name / third-party id', sensitive: false, basis: 'GB/T 35273-2020 A 网络身份标识信息' },
  { id: 'network.credential', zh: '密码 / 口令 / 密保 / 会话凭据', en: 'Password / credential / session token', sensitive: true, basis: 'GB/T 35273-2020 B 鉴别信息' },
  { id: 'network.ip', zh: 'IP 地址', en: 'IP address', sensitive: false, basis: 'GB/T 35273-2020 A 网络身份标识信息' },
  { id: 'device.id', zh: '设备标识', en: 'Device identifier', sensitive: false, basis: 'GB/T 35273-2020 A 个人常用设备信息' },
  { id: 'device.info', zh: '设备/软件信息', en: 'Device / software information', sensitive: false, basis: 'GB/T 35273-2020 A 个人常用设备信息' },
  { id: 'health.record', zh: '病历 / 诊疗 / 用药 / 过敏', en: 'Medical record / treatment / allergy', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人健康生理信息' },
  { id: 'health.physiology', zh: '身高 / 体重 / 血型', en: 'Height / weight / blood type', sensitive: true, basis: 'GB/T 35273-2020 A/B 个人健康生理信息' },
  { id: 'education.record', zh: '学历 / 学位 / 院校 / 专业', en: 'Education record', sensitive: false, basis: 'GB/T 35273-2020 A 个人教育工作信息' },
  { id: 'work.record', zh: '职业 / 职位 / 单位 / 工号 / 履历', en: 'Work record / job / employee number', sensitive: false, basis: 'GB/T 35273-2020 A 个人教育工作信息' },
  { id: 'property.bank_account', zh: '银行账户 / 卡号', en: 'Bank account / card number', sensitive: true, basis: 'GB/T 35273-2020 B 个人财产信息' },
  { id: 'property.payment', zh: '交易 / 支付 / 流水记录', en: 'Transactions / payments', sensitive: true, basis: 'GB/T 35273-2020 B 个人财产信息' },
  { id: 'property.income', zh: '收入 / 工资', en: 'Income / salary', sensitive: true, basis: 'GB/T 35273-2020 B 个人财产信息' },
  { id: 'property.credit', zh: '征信 / 信贷', en: 'Credit / loans', sensitive: true, basis: 'GB/T 35273-2020 B 个人财产信息' },
  { id: 'property.assets', zh: '房产 / 车辆 / 公积金 / 虚拟财产', en: 'Real estate / vehicles / housing fund / virtual assets', sensitive: true, basis: 'GB/T 35273-2020 B 个人财产信息' },
  { id: 'communication.content', zh: '通信内容 / 短信 / 聊天', en: 'Communication content', sensitive: true, basis: 'GB/T 35273-2020 B 个人通信信息' },
  { id: 'communication.record', zh: '通话记录 / 通信元数据', en: 'Call records / communication metadata', sensitive: true, basis: 'GB/T 35273-2020 B 个人通信信息' },
  { id: 'contacts.list', zh: '通讯录 / 好友 / 紧急联系人', en: 'Contacts / friends / emergency contact', sensitive: true, basis: 'GB/T 35273-2020 B 联系人信息' },
  { id: 'online.browsing', zh: '浏览 / 搜索 / 点击记录', en: 'Browsing / search / click history', sensitive: true, basis: 'GB/T 35273-2020 B 个人上网记录' },
  { id: 'online.activity', zh: '登录 / 操作日志', en: 'Login / operation log', sensitive: false, basis: 'GB/T 35273-2020 A 个人上网记录' },
  { id: 'location.precise', zh: '精准定位 / 经纬度', en: 'Precise location / coordinates', sensitive: true, basis: 'GB/T 35273-2020 B 个人位置信息' },
  { id: 'location.trajectory', zh: '行踪轨迹', en: 'Whereabouts / trajectory', sensitive: true, basis: 'GB/T 35273-2020 B; PIPL Art. 28' },
  { id: 'location.lodging', zh: '住宿信息', en: 'Lodging information', sensitive: true, basis: 'GB/T 35273-2020 B 个人位置信息' },
  { id: 'location.coarse', zh: '粗略位置 / 登录地', en: 'Coarse location', sensitive: false, basis: 'GB/T 35273-2020 A 个人位置信息' },
  { id: 'other.marital', zh: '婚姻状况 / 婚史', en: 'Marital status', sensitive: true, basis: 'GB/T 35273-2020 B 其他信息' },
  { id: 'other.religion', zh: '宗教信仰', en: 'Religious belief', sensitive: true, basis: 'PIPL Art. 28' },
  { id: 'other.sexual_orientation', zh: '性取向', en: 'Sexual orientation', sensitive: true, basis: 'GB/T 35273-2020 B 其他信息' },
  { id: 'other.criminal', zh: '违法犯罪记录', en: 'Criminal record', sensitive: true, basis: 'GB/T 35273-2020 B 其他信息' },
  { id: 'other.minor', zh: '未成年人 / 监护人', en: 'Minor / guardian', sensitive: true, basis: 'PIPL Art. 28 (不满十四周岁)' },
  // Business information (商业秘密) is reported apart and never as PI.
  { id: 'business.identifier', zh: '企业标识 (统一社会信用代码等)', en: 'Company identifier (unified social credit code…)', sensitive: false, basis: 'GB 32100-2015 (a company identifier, not PI)' },
  { id: 'business.secret', zh: '商业秘密 (价格 / 成本 / 合同金额)', en: 'Trade secret (prices, costs, contract amounts)', sensitive: false, basis: '反不正当竞争法 (trade secrets, not PI)' },
];

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** The category, or the one of its family prefix for project-specific sub-ids (`identity.id_number.hk`). */
export function findCategory(id: string): Category | undefined {
  let key = id;
  for (;;) {
    const found = BY_ID.get(key);
    if (found) return found;
    const cut = key.lastIndexOf('.');
    if (cut <= 0) return undefined;
    key = key.slice(0, cut);
  }
}

export function categoryLabel(id: string, lang: Lang): string {
  const category = findCategory(id);
  if (!category) return id;
  return lang === 'zh-CN' ? category.zh : category.en;
}

/** The family of a category id: `identity` for `identity.id_number`. */
export function categoryFamily(id: string): string {
  const cut = id.indexOf('.');
  return cut < 0 ? id : id.slice(0, cut);
}

export function isPersonalCategory(id: string | null): id is string {
  return id !== null && !id.startsWith('business.') && findCategory(id) !== undefined;
}

/**
 * Sensitive or not, honouring the configured reading of GB/T 45574-2025, under which the
 * identity-card photo, not the bare number, is the sensitive item.
 */
export function isSensitiveCategory(id: string, reading: 'GB/T 35273-2020' | 'GB/T 45574-2025' = 'GB/T 35273-2020'): boolean {
  if (reading === 'GB/T 45574-2025' && id === 'identity.id_number') return false;
  return findCategory(id)?.sensitive ?? false;
}
