/**
 * The PI vocabulary: for each category, the English words and full pinyin spellings found in
 * identifiers (`words`, space-separated token sequences), pinyin-initial abbreviations
 * (`initials`, e.g. sfzh = 身份证号) and the Chinese words found in comments (`zh`).
 *
 * `contextual` terms are PI only about a natural person: `name` on a member is a name, on a
 * product it is not; `phone` on a store is the store's. Such a term counts when the entity
 * describes a person or a person-role qualifier precedes it (receiver_phone, 店长电话).
 */
export interface TermEntry {
  category: string;
  words?: string[];
  initials?: string[];
  zh?: string[];
  contextual?: boolean;
  /** PI only when the entity holding it is not a thing or organisation (a department's own name). */
  owned?: boolean;
}

export const TERMS: readonly TermEntry[] = [
  // ── basic ────────────────────────────────────────────────────────────────
  { category: 'basic.name', words: ['real name', 'realname', 'full name', 'fullname', 'first name', 'last name', 'surname', 'given name', 'family name', 'legal name', 'true name', 'person name', 'xingming', 'zhenshixingming', 'legal person', 'legal representative', 'legal rep'], initials: ['xm', 'zsxm', 'khxm', 'fddbr', 'frdb'], zh: ['姓名', '真实姓名', '真名', '用户名称', '用户姓名', '客户名称', '法定代表人', '法人代表', '法人姓名', '户名', '开户名', '持卡人'] },
  { category: 'basic.name', contextual: true, words: ['name', 'author', 'author name', 'cn name', 'en name', 'chinese name', 'english name', 'mingzi', 'holder name', 'account name'], zh: ['名字', '收货人', '收件人', '联系人', '领奖人', '中奖人', '申请人', '经办人', '店长', '负责人', '收款人', '人名', '投保人', '被保险人', '受益人', '借款人', '担保人'] },
  { category: 'basic.gender', words: ['gender', 'sex', 'xingbie'], initials: ['xb'], zh: ['性别'] },
  { category: 'basic.birth', words: ['birthday', 'birth date', 'birthdate', 'dob', 'date of birth', 'birth', 'born', 'shengri', 'chushengriqi', 'birth month', 'birth year', 'birthday month'], initials: ['csrq', 'csny'], zh: ['出生日期', '生日', '出生年月', '出生'] },
  { category: 'basic.age', words: ['age', 'nianling'], initials: ['nl'], zh: ['年龄', '岁'] },
  { category: 'basic.ethnicity', words: ['ethnicity', 'ethnic', 'ethnic group', 'race', 'minzu'], initials: ['mz'], zh: ['民族'] },
  { category: 'basic.nationality', words: ['nationality', 'native place', 'hometown', 'citizenship', 'birthplace', 'birth place', 'hukou', 'household register', 'household registration', 'hukou type', 'jiguan', 'guoji'], initials: ['jg', 'gj', 'hj', 'hkxz', 'hjlx'], zh: ['国籍', '籍贯', '户籍', '户口性质', '户口类型', '户口', '出生地'] },
  { category: 'basic.political', words: ['political status', 'political affiliation', 'political', 'party member', 'zhengzhimianmao'], initials: ['zzmm'], zh: ['政治面貌', '党派', '党员'] },
  { category: 'basic.family', words: ['spouse', 'relation to head', 'relationship to head', 'kinship', 'family member', 'relative', 'father', 'mother', 'children', 'child name', 'member name'], initials: ['yhzgx', 'cyxm', 'jtcy', 'pogx'], zh: ['与户主关系', '家庭成员', '配偶', '亲属', '子女', '父亲', '母亲', '成员姓名', '家属'] },
  { category: 'basic.family', contextual: true, words: ['relation', 'relationship'], zh: ['关系'] },
  { category: 'basic.address', words: ['home address', 'detail address', 'detailed address', 'street address', 'residential address', 'residence address', 'mailing address', 'postal address', 'shipping address', 'delivery address', 'receiver address', 'zhuzhi', 'dizhi', 'receiver snapshot', 'ship address'], initials: ['jtdz', 'hjdz', 'jzdz', 'txdz', 'xxdz', 'shdz', 'xzz', 'jtzz'], zh: ['住址', '家庭住址', '家庭地址', '户籍地址', '居住地址', '现住址', '通讯地址', '详细地址', '收货地址', '收件地址', '联系地址', '常住地址'] },
  { category: 'basic.address', contextual: true, words: ['address', 'addr', 'street', 'province', 'city', 'district', 'county', 'town', 'postcode', 'post code', 'zip', 'zipcode', 'zip code', 'postal code', 'region code', 'area code', 'detail', 'building', 'room no', 'house number', 'door'], initials: ['yzbm', 'dz'], zh: ['地址', '邮编', '邮政编码', '省份', '城市', '区县', '街道', '门牌号', '省市区', '行政区划', '所在地区'] },
  { category: 'basic.phone', words: ['mobile', 'mobile phone', 'mobile no', 'cellphone', 'cell phone', 'phonenumber', 'phone number', 'shouji', 'shoujihao', 'dianhua', 'lianxidianhua'], initials: ['sjh', 'sjhm', 'lxdh', 'yddh', 'gddh'], zh: ['手机', '手机号', '手机号码', '移动电话', '联系电话', '电话号码'] },
  { category: 'basic.phone', contextual: true, words: ['phone', 'tel', 'telephone', 'contact number', 'contact phone', 'landline', 'fax'], initials: ['dh'], zh: ['电话', '联系方式', '座机', '固话'] },
  { category: 'basic.email', words: ['personal email', 'youxiang'], initials: ['dzxx', 'dzyj', 'dzyx'], zh: ['个人邮箱', '电子邮箱', '电子邮件', '个人电子邮箱'] },
  { category: 'basic.email', contextual: true, words: ['email', 'e mail', 'mail', 'mailbox', 'email address', 'mail address'], initials: ['yx'], zh: ['邮箱', '邮件地址', '邮件'] },
  { category: 'basic.photo', words: ['avatar', 'head img', 'head image', 'headimg', 'head pic', 'portrait', 'profile picture', 'profile photo', 'selfie', 'touxiang', 'zhaopian'], initials: ['zp', 'txurl'], zh: ['头像', '照片', '相片', '个人照片', '免冠照', '证件照'] },
  { category: 'basic.photo', contextual: true, words: ['photo', 'photo url', 'picture', 'pic', 'image'], zh: ['图片'] },

  // ── identity ─────────────────────────────────────────────────────────────
  { category: 'identity.id_number', words: ['id card', 'idcard', 'id card no', 'id card number', 'idcard no', 'idcard number', 'identity card no', 'identity card number', 'id number', 'id no', 'id num', 'identity no', 'identity number', 'identity card', 'identity', 'id type', 'cert no', 'cert number', 'certificate no', 'certificate number', 'cert type', 'certificate type', 'document no', 'document number', 'document type', 'resident id', 'national id', 'citizen id', 'card id', 'shenfenzheng', 'shenfenzhenghao', 'zhengjianhaoma', 'sfz'], initials: ['sfz', 'sfzh', 'sfzhm', 'zjhm', 'zjh', 'zjlx', 'sfzjh'], zh: ['身份证', '身份证号', '身份证号码', '证件号', '证件号码', '公民身份号码', '证件类型', '身份号码'] },
  { category: 'identity.passport', words: ['passport', 'passport no', 'passport number', 'huzhao'], initials: ['hzhm', 'hzh', 'hz'], zh: ['护照'] },
  { category: 'identity.permit', words: ['residence permit', 'hk macau permit', 'hk permit', 'macau permit', 'taiwan permit', 'home return permit', 'travel permit', 'mtp', 'juzhuzheng'], initials: ['jzzh', 'jzz', 'txz', 'gatxz', 'hxz'], zh: ['居住证', '通行证', '回乡证', '台胞证', '港澳居民', '台湾居民'] },
  { category: 'identity.other', words: ['driver license', 'driving license', 'driver licence', 'driving licence', 'drivers license', 'social security', 'social security no', 'social security card', 'ssn', 'officer card', 'military id', 'soldier card', 'medical insurance no', 'medical insurance card', 'insurance card', 'work permit', 'practice license', 'practising certificate', 'qualification no'], initials: ['sbkh', 'sbh', 'jszh', 'jsz', 'ybkh', 'jgz', 'zyzsbh'], zh: ['驾驶证', '驾照', '社保卡', '社保号', '社会保障号', '社会保障卡', '军官证', '士兵证', '工作证', '医保卡', '医保号', '执业证', '执业证书', '资格证书编号'] },
  // A business licence has a number too: a licence is a person's document only on a person.
  { category: 'identity.other', contextual: true, words: ['license', 'licence', 'license no', 'licence no', 'license number', 'licence number'] },
  { category: 'identity.document_image', words: ['id card front', 'id card back', 'id card photo', 'id card pic', 'id card image', 'id card scan', 'idcard front', 'idcard back', 'idcard pic', 'id front', 'id back', 'id photo', 'passport scan', 'passport photo', 'passport image', 'license photo', 'license image', 'cert photo', 'cert image', 'document image', 'document scan'], initials: ['sfzzm', 'sfzfm', 'sfzzp'], zh: ['身份证正面照片', '身份证反面照片', '身份证照片', '正面照片', '反面照片', '身份证正面', '身份证反面', '身份证背面', '身份证照片', '身份证人像面', '身份证国徽面', '证件照片', '证件扫描件', '扫描件', '护照扫描', '人像面', '国徽面'] },
  { category: 'identity.special', words: ['disability', 'disabled', 'disability no', 'disability level', 'disability card', 'handicap', 'veteran', 'low income', 'is disabled'], initials: ['cjzh', 'cjdj', 'sfcj', 'cjz'], zh: ['残疾', '残疾人', '残疾证', '残疾等级', '特殊身份', '低保', '退役军人', '烈属', '军属'] },

  // ── biometric ────────────────────────────────────────────────────────────
  { category: 'biometric.face', words: ['face', 'face feature', 'face template', 'face token', 'face id', 'face vector', 'face data', 'face image', 'face embedding', 'facial', 'face print', 'renlian'], initials: ['rltz', 'rlsb'], zh: ['人脸', '面部', '人脸特征', '面部特征', '刷脸', '人脸识别'] },
  { category: 'biometric.fingerprint', words: ['fingerprint', 'finger print', 'fp template', 'fp data', 'finger', 'zhiwen'], zh: ['指纹'] },
  { category: 'biometric.other', words: ['voiceprint', 'voice print', 'iris', 'dna', 'gene', 'genome', 'genetic', 'palm print', 'palmprint', 'palm vein', 'vein', 'gait', 'retina'], zh: ['声纹', '虹膜', '基因', '掌纹', '静脉', '步态', '视网膜'] },

  // ── network ──────────────────────────────────────────────────────────────
  { category: 'network.account', words: ['username', 'user name', 'login name', 'login account', 'login id', 'nickname', 'nick name', 'nick', 'openid', 'open id', 'unionid', 'union id', 'wechat', 'wechat id', 'weixin', 'wx id', 'qq', 'qq no', 'weibo', 'alipay account', 'display name', 'screen name', 'user account', 'oper name', 'operator name', 'wechat openid', 'yonghuming', 'nicheng'], initials: ['yhm', 'wxh', 'dlm', 'dlzh', 'nc', 'yhzh', 'qqh'], zh: ['用户名', '账号', '帐号', '昵称', '登录名', '登录账号', '微信号', '微信', 'QQ', '支付宝账号', '显示名', '操作人', '操作员', '账户名'] },
  { category: 'network.account', contextual: true, words: ['account', 'login', 'uid'], zh: ['账户'] },
  { category: 'network.credential', words: ['password', 'passwd', 'pwd', 'user pass', 'login pass', 'pass hash', 'password hash', 'salt', 'pay password', 'session key', 'session token', 'session secret', 'token', 'access token', 'refresh token', 'auth token', 'security answer', 'security question', 'secret', 'verify code', 'verification code', 'sms code', 'otp', 'captcha', 'private key', 'api key', 'credential', 'mima'], initials: ['mm', 'zfmm', 'dlmm', 'yzm'], zh: ['密码', '口令', '密保', '验证码', '令牌', '支付密码', '会话', '秘钥', '密钥'] },
  { category: 'network.ip', words: ['ip', 'ip addr', 'ip address', 'ipaddr', 'ipv4', 'ipv6', 'client ip', 'remote ip', 'remote addr', 'login ip', 'register ip'], zh: ['IP地址', 'IP'] },

  // ── device ───────────────────────────────────────────────────────────────
  { category: 'device.id', words: ['imei', 'imsi', 'meid', 'iccid', 'mac', 'mac address', 'mac addr', 'android id', 'idfa', 'idfv', 'oaid', 'udid', 'device id', 'device no', 'device token', 'device sn', 'push token', 'reg id', 'registration id', 'client id', 'serial no', 'device fingerprint'], initials: ['sbbs'], zh: ['设备号', '设备标识', '设备ID', '设备编号', '设备序列号', '推送标识'] },
  { category: 'device.info', contextual: true, words: ['model', 'brand', 'carrier'] },
  { category: 'device.info', words: ['user agent', 'useragent', 'ua', 'os', 'os version', 'os type', 'browser', 'app list', 'app version', 'platform', 'device model', 'device type', 'device brand', 'manufacturer', 'resolution', 'network type', 'sdk version', 'client version', 'rom'], zh: ['操作系统', '浏览器', '设备型号', '手机型号', '客户端版本', '应用列表', '设备信息', '系统版本', '机型'] },

  // ── health ───────────────────────────────────────────────────────────────
  { category: 'health.record', words: ['diagnosis', 'medical history', 'medical record', 'allergy', 'allergy history', 'allergies', 'disease', 'illness', 'symptom', 'symptoms', 'prescription', 'medication', 'medicine', 'drug', 'treatment', 'surgery', 'sick', 'sick cert', 'sick note', 'sick leave', 'exam result', 'test result', 'lab result', 'outpatient no', 'inpatient no', 'admission no', 'medical no', 'pregnant', 'pregnancy', 'health status', 'health', 'vaccination', 'vaccine', 'mental', 'case history', 'chief complaint', 'exam report', 'medical report', 'patient no'], initials: ['jkzk', 'zyh', 'mzhm', 'mzh', 'gms', 'jws'], zh: ['诊断', '病历', '病史', '既往史', '过敏', '过敏史', '疾病', '症状', '处方', '用药', '药品', '治疗', '手术', '病假', '体检结果', '检查结果', '化验', '健康状况', '健康', '门诊号', '住院号', '怀孕', '孕', '妊娠', '疫苗', '接种', '心理', '主诉', '医嘱', '体检报告', '检查报告', '就诊'] },
  // Words of a medical report that mean something else elsewhere (异常信息 of a job log, 处理建议 of a ticket).
  { category: 'health.record', contextual: true, words: ['abnormal', 'conclusion', 'advice', 'result value'], zh: ['异常', '结论', '建议'] },
  { category: 'health.physiology', words: ['blood type', 'blood group', 'blood pressure', 'bmi', 'heart rate', 'systolic', 'diastolic', 'systolic bp', 'diastolic bp', 'body temperature', 'body weight', 'body height', 'blood sugar', 'glucose', 'shengao', 'tizhong'], zh: ['身高', '体重', '血型', '血压', '心率', '收缩压', '舒张压', '脉搏', '体温', '视力', '血糖', '腰围', '体征'] },
  // Parcels, products and images have a height and a weight too: a body's only on a person.
  { category: 'health.physiology', contextual: true, words: ['height', 'weight', 'pulse', 'vision', 'temperature'] },

  // ── education / work ─────────────────────────────────────────────────────
  { category: 'education.record', words: ['student no', 'student number', 'enrollment date', 'enrolment date', 'admission date', 'gpa', 'education', 'education level', 'degree', 'school', 'university', 'college', 'major', 'graduation', 'graduate', 'graduation date', 'diploma', 'academic', 'edu', 'degree cert', 'education history', 'xueli'], initials: ['xl', 'xw', 'whcd', 'byyx', 'byxx', 'sxzy'], zh: ['学号', '入学日期', '入学时间', '绩点', '成绩单', '学籍', '学历', '学位', '毕业院校', '毕业学校', '学校', '专业', '毕业时间', '文化程度', '学历证书', '学位证', '毕业证', '教育经历'] },
  { category: 'work.record', words: ['job title', 'occupation', 'profession', 'employer', 'work unit', 'emp no', 'employee no', 'employee number', 'staff no', 'work no', 'job number', 'job no', 'hire date', 'entry date', 'onboard date', 'join date', 'resign date', 'leave date', 'work experience', 'work history', 'career', 'agent no', 'employee id', 'buyer emp no', 'gonghao'], initials: ['gh', 'zw', 'zc', 'gzdw', 'gw', 'rzrq', 'lzrq', 'zy', 'ygbh'], zh: ['工号', '职业', '职位', '职务', '职称', '工作单位', '岗位', '入职日期', '入职时间', '离职日期', '工作经历', '任职', '员工编号', '雇主', '履历'] },
  { category: 'work.record', owned: true, words: ['dept name', 'department name', 'dept'] },
  { category: 'work.record', contextual: true, words: ['job', 'title', 'position', 'post', 'rank', 'company', 'company name', 'department', 'start date', 'end date'], zh: ['部门', '单位', '公司'] },

  // ── property ─────────────────────────────────────────────────────────────
  { category: 'property.bank_account', words: ['bank card', 'bank card no', 'bankcard', 'bank account', 'bank account no', 'bank no', 'iban', 'payee account', 'card no cipher', 'salary card', 'deposit bank', 'opening bank', 'bank branch', 'refund card', 'refund card no', 'yinhangka'], initials: ['yhkh', 'yhk', 'gzkh', 'khh', 'khyh', 'skzh'], zh: ['银行卡', '银行卡号', '银行账户', '银行账号', '银行帐号', '开户行', '开户银行', '开户行账号', '开户行帐号', '开户账号', '开户帐号', '收款账户', '收款账号', '工资卡', '卡号'] },
  { category: 'property.bank_account', contextual: true, words: ['card no', 'card number', 'account no', 'account number', 'bank name', 'bank'], zh: ['银行'] },
  { category: 'property.payment', words: ['pay amount', 'payment', 'paid amount', 'order amount', 'refund amount', 'transaction id', 'transaction no', 'trade no', 'pay trade no', 'payment record', 'payment no', 'pay no', 'out trade no', 'actual amount', 'pay time', 'consumption'], initials: ['zfje', 'tkje', 'ddje', 'jyls', 'sfje'], zh: ['支付金额', '订单金额', '实付', '实付金额', '退款金额', '交易流水', '支付流水', '交易号', '交易单号', '支付单号', '报销金额', '消费', '消费金额', '付款'] },
  { category: 'property.payment', contextual: true, words: ['amount', 'total amount', 'total', 'money', 'fee'], zh: ['金额', '总额'] },
  { category: 'property.income', words: ['salary', 'income', 'wage', 'wages', 'bonus', 'payroll', 'gross pay', 'net pay', 'taxable income', 'income tax', 'iit', 'allowance', 'commission', 'annual income', 'monthly income', 'tax amount', 'gongzi', 'shouru'], initials: ['gz', 'ysr', 'yfhj', 'sfgz', 'nsr', 'gs'], zh: ['工资', '薪资', '收入', '薪酬', '奖金', '月薪', '年薪', '个人所得税', '个税', '应发', '实发', '绩效', '补贴', '津贴', '提成', '应纳税所得额', '税额'] },
  { category: 'property.credit', words: ['credit score', 'credit', 'credit report', 'credit rating', 'credit limit', 'loan', 'loan record', 'loan amount', 'debt', 'overdue', 'zhima score', 'sesame score'], initials: ['zxbg', 'xyf'], zh: ['征信', '信用分', '信用评分', '信贷', '贷款', '逾期', '授信', '信用额度', '负债', '信用'] },
  { category: 'property.assets', words: ['house property', 'real estate', 'property', 'license plate', 'plate no', 'plate number', 'car no', 'car plate', 'vehicle', 'vehicle model', 'vehicle no', 'housing fund', 'provident fund', 'points', 'points balance', 'point balance', 'integral', 'coin balance', 'wallet balance', 'balance', 'virtual currency', 'assets', 'deposit'], initials: ['cph', 'gjjzh', 'jf'], zh: ['房产', '车牌', '车牌号', '车辆', '公积金', '积分', '余额', '虚拟财产', '资产', '车型', '存款', '钱包'] },

  // ── communication / contacts / online ────────────────────────────────────
  { category: 'communication.content', words: ['message content', 'msg content', 'sms body', 'sms content', 'sms text', 'chat text', 'chat content', 'recording', 'recording url', 'record url', 'voice', 'transcript', 'mail body', 'email body', 'mail content'], zh: ['通信内容', '短信内容', '聊天内容', '消息内容', '录音', '通话录音', '邮件正文', '会话内容', '聊天记录', '消息正文'] },
  { category: 'communication.content', contextual: true, words: ['content', 'body', 'text', 'message', 'msg'], zh: ['内容', '正文', '消息'] },
  { category: 'communication.record', words: ['call log', 'call record', 'call duration', 'call time', 'caller', 'callee', 'caller no', 'callee no', 'caller number', 'callee number', 'calling number', 'called number', 'to list', 'tolist', 'msg time', 'message time', 'chat time'], zh: ['通话记录', '主叫', '被叫', '通话时长', '通话时间', '发送时间', '接收人', '发送人', '发送方', '接收方', '消息时间'] },
  { category: 'communication.record', contextual: true, words: ['duration', 'from', 'to', 'sender', 'receiver', 'sent at', 'send time', 'start time', 'end time'], zh: ['时长'] },
  { category: 'contacts.list', words: ['contacts', 'contact list', 'address book', 'friend list', 'friends', 'emergency contact', 'emergency phone', 'emergency name', 'phonebook'], initials: ['jjlxr', 'jjlxrdh', 'txl', 'jjlxdh'], zh: ['通讯录', '好友', '紧急联系人', '联系人列表', '紧急联系电话'] },
  { category: 'online.browsing', words: ['browse history', 'browsing history', 'search history', 'search keyword', 'search keywords', 'search query', 'search word', 'click log', 'click history', 'page url', 'visited url', 'visit url', 'referer', 'http referer', 'view history', 'viewed', 'footprint', 'footprints', 'browse', 'history'], zh: ['浏览记录', '浏览历史', '搜索记录', '搜索关键词', '搜索词', '点击记录', '访问页面', '足迹', '浏览'] },
  { category: 'online.activity', words: ['last login time', 'last login', 'last login at', 'login time', 'login date', 'login at', 'login log', 'oper param', 'operation param', 'oper time', 'operation time', 'operation log', 'last active', 'last active at', 'last seen', 'online time', 'login status', 'request param', 'request params', 'action log'], zh: ['登录时间', '最后登录', '最近登录', '操作日志', '操作时间', '操作参数', '最近活跃', '活跃时间', '请求参数', '登录日志', '上次登录'] },

  // ── location ─────────────────────────────────────────────────────────────
  { category: 'location.precise', words: ['latitude', 'longitude', 'lat', 'lng', 'lon', 'geo point', 'geopoint', 'coordinates', 'coordinate', 'coord', 'gps', 'geo', 'geo location', 'geohash', 'location point', 'position point'], initials: ['jwd', 'wd', 'jd'], zh: ['经纬度', '经度', '纬度', '定位', '坐标', 'GPS', '实时位置', '精确位置'] },
  { category: 'location.trajectory', words: ['track', 'tracks', 'trajectory', 'route points', 'track points', 'track point', 'movement', 'path points', 'route'], zh: ['轨迹', '行踪', '行动轨迹', '行程'] },
  { category: 'location.lodging', words: ['hotel', 'hotel name', 'check in', 'check in date', 'check in time', 'checkin', 'check out', 'check out date', 'lodging', 'accommodation'], zh: ['住宿', '酒店', '入住', '入住日期', '离店', '宾馆'] },
  { category: 'location.coarse', words: ['login location', 'ip location', 'resident city', 'current city', 'home city', 'location'], zh: ['登录地点', '登录地', '所在城市', '常住城市', '常驻城市', '所在地', '归属地', '常住地'] },
  { category: 'location.coarse', contextual: true, words: ['region', 'area'], zh: ['地区', '区域'] },

  // ── other sensitive ──────────────────────────────────────────────────────
  { category: 'other.marital', words: ['marital status', 'marital', 'married', 'marriage', 'marry status'], initials: ['hyzk'], zh: ['婚姻', '婚姻状况', '婚史', '已婚', '婚否'] },
  { category: 'other.religion', words: ['religion', 'religious', 'religious belief', 'faith', 'belief'], initials: ['zjxy'], zh: ['宗教', '宗教信仰', '信仰'] },
  { category: 'other.sexual_orientation', words: ['sexual orientation', 'orientation'], zh: ['性取向'] },
  { category: 'other.criminal', words: ['criminal record', 'criminal', 'crime', 'conviction', 'convicted', 'offence', 'offense', 'violation record'], initials: ['fzjl', 'wfzjl', 'fzlx', 'wfjl'], zh: ['犯罪', '违法犯罪', '犯罪记录', '前科', '违法记录', '刑事'] },
  { category: 'other.minor', words: ['is minor', 'minor', 'guardian', 'guardian name', 'guardian phone', 'guardian mobile', 'under age', 'underage', 'juvenile'], initials: ['sfwcn', 'wcn'], zh: ['未成年', '未成年人', '监护人', '是否未成年', '不满十四周岁', '儿童'] },
];

/** Identifiers of companies (unified social credit code…): recognised so they are never taken for PI. */
export const COMPANY_ID_TERMS: TermEntry = {
  category: 'business.identifier',
  words: ['credit code', 'social credit code', 'uscc', 'tax no', 'taxpayer id', 'tax id', 'business license', 'business license no', 'org code', 'organization code', 'registration no'],
  initials: ['tyshxydm', 'xydm', 'nsrsbh', 'yyzzh'],
  zh: ['统一社会信用代码', '社会信用代码', '信用代码', '纳税人识别号', '营业执照', '组织机构代码', '工商注册号'],
};

/** Business information (trade secrets): reported under `business.secret`, never as PI. */
export const BUSINESS_TERMS: TermEntry = {
  category: 'business.secret',
  words: ['price', 'unit price', 'face value', 'par value', 'denomination', 'cost', 'cost price', 'purchase price', 'discount', 'contract amount', 'margin', 'rebate', 'quote', 'bid', 'settlement price'],
  zh: ['价格', '单价', '面值', '面额', '成本', '进价', '采购价', '折扣', '合同金额', '毛利', '返利', '报价', '结算价', '售价'],
};
