// Synthetic personal-information values that pass the engine's checks (GB 11643 check
// character, Luhn, mobile prefixes) but belong to nobody: every name, number and address is
// drawn from small made-up lists by the seeded generator.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const REGIONS = ['310101', '310104', '310105', '310110', '310112', '310115', '320102', '330106', '110105', '440305'];
const MOBILE_PREFIXES = ['135', '136', '138', '139', '150', '158', '177', '186', '189', '199'];
const CARD_BINS = ['622202', '622848', '621700', '622588', '623668'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '杰', '娟', '涛', '明', '超', '霞', '平'];
const PINYIN = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun'];
const DISTRICTS = ['徐汇区示例路', '浦东新区样板路', '静安区测试路', '闵行区演示路', '长宁区虚构路'];

/** An 18-character resident ID with a real birth date before 2006 and a valid check character. */
export function residentId(random) {
  const birth = `${random.int(1960, 2005)}${pad(random.int(1, 12))}${pad(random.int(1, 28))}`;
  const first17 = `${random.pick(REGIONS)}${birth}${random.digits(3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return first17 + ID_CHECK[sum % 11];
}

export function mobile(random) {
  return `${random.pick(MOBILE_PREFIXES)}${random.digits(8)}`;
}

/** A 16- or 19-digit card number with a valid Luhn check digit. */
export function bankCard(random) {
  const body = `${random.pick(CARD_BINS)}${random.digits(random.chance(0.7) ? 9 : 12)}`;
  return body + luhnDigit(body);
}

export function email(random) {
  return `${random.pick(PINYIN)}.${random.pick(PINYIN)}${random.int(1, 999)}@example.com`;
}

export function personName(random) {
  return `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.6) ? random.pick(GIVEN) : ''}`;
}

export function address(random) {
  return `上海市${random.pick(DISTRICTS)}${random.int(1, 999)}号`;
}

export function date(random) {
  return `${random.int(1965, 2005)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
}

function luhnDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function pad(n) {
  return String(n).padStart(2, '0');
}
