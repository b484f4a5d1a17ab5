/** Why a `@pi` annotation was rejected, in English and Chinese. `{name}` placeholders. */
export const ANNOTATION_PROBLEMS = {
  'missing-action': {
    en: '@pi needs an action: one of {actions}',
    zh: '@pi 后须写处置动作：{actions} 之一',
  },
  'key-before-action': {
    en: '@pi needs an action before "{key}=": one of {actions}',
    zh: '"{key}=" 之前须先写处置动作：{actions} 之一',
  },
  'unknown-action': {
    en: 'unknown action "{word}": use one of {actions}{hint}',
    zh: '未知的处置动作 "{word}"：请使用 {actions} 之一{hint}',
  },
  'period-not-retain': {
    en: 'a period ("{word}") is only allowed after "retain", not after "{action}"',
    zh: '保存期限（"{word}"）只能写在 "retain" 之后，不能用于 "{action}"',
  },
  'bad-period': {
    en: 'bad period "{word}": write a number and a unit, e.g. 30y, 6m, 90d, 30年, 6个月',
    zh: '保存期限 "{word}" 无效：请写数字加单位，如 30y、6m、90d、30年、6个月',
  },
  'unexpected-token': {
    en: 'unexpected "{word}": expected key=value (quote values with spaces: key="…")',
    zh: '无法识别 "{word}"：应为 key=value（含空格的值须加引号：key="…"）',
  },
  'duplicate-key': {
    en: 'duplicate key "{key}"',
    zh: '键 "{key}" 重复',
  },
  'empty-value': {
    en: 'empty value for "{key}"',
    zh: '"{key}" 的值为空',
  },
  'missing-key': {
    en: '"=" without a key',
    zh: '"=" 前缺少键名',
  },
  'unknown-key': {
    en: 'unknown key "{key}": use {keys} (or x-… for your own){hint}',
    zh: '未知的键 "{key}"：请使用 {keys}（自定义键以 x- 开头）{hint}',
  },
  'bad-until': {
    en: '"until" must be a date YYYY-MM-DD, not "{value}"',
    zh: '"until" 须为 YYYY-MM-DD 格式的日期，而不是 "{value}"',
  },
  'bad-then': {
    en: '"then" must be one of {actions}, not "{value}"',
    zh: '"then" 须为 {actions} 之一，而不是 "{value}"',
  },
  'bad-mechanism': {
    en: '"mechanism" must be a PIPL Art. 38 mechanism: {mechanisms} (安全评估, 认证, 标准合同), not "{value}"',
    zh: '"mechanism" 须为《个人信息保护法》第三十八条规定的条件：{mechanisms}（安全评估、认证、标准合同），而不是 "{value}"',
  },
  'unterminated-quote': {
    en: 'unterminated quote in {key}=: add the closing {quote}',
    zh: '{key}= 的引号未闭合：请补上 {quote}',
  },
  'space-after-quote': {
    en: 'expected a space after the closing quote of {key}=',
    zh: '{key}= 的右引号之后须有空格',
  },
  'second-annotation': {
    en: 'more than one @pi annotation on this {level}: only the first (line {line}) applies',
    zh: '此{level}有多条 @pi 注解：仅第一条（第 {line} 行）生效',
  },
} as const;

export type AnnotationProblemCode = keyof typeof ANNOTATION_PROBLEMS;

export interface AnnotationProblem {
  code: AnnotationProblemCode;
  params: Record<string, string>;
}

/** Words inside params that differ by language (`field` / `字段`). */
const PARAM_WORDS: Record<string, { en: string; zh: string }> = {
  field: { en: 'field', zh: '字段' },
  entity: { en: 'entity', zh: '实体' },
};

/** The problem in the reader's language. */
export function annotationProblemMessage(problem: AnnotationProblem, lang: 'en' | 'zh-CN'): string {
  const template = lang === 'zh-CN' ? ANNOTATION_PROBLEMS[problem.code].zh : ANNOTATION_PROBLEMS[problem.code].en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = problem.params[name];
    if (value === undefined) return whole;
    if (name === 'level') return lang === 'zh-CN' ? (PARAM_WORDS[value]?.zh ?? value) : value;
    if (name === 'hint') return value === '' ? '' : lang === 'zh-CN' ? `；是否想写 "${value}"？` : `; did you mean "${value}"?`;
    return value;
  });
}
