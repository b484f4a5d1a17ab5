/**
 * The three PIPL Art. 38 mechanisms for sending personal information abroad, with the spellings
 * an annotation may use for each (English, Chinese, short forms).
 */
export const ART38_MECHANISMS = ['security-assessment', 'certification', 'standard-contract'] as const;

export type Art38Mechanism = (typeof ART38_MECHANISMS)[number];

const SPELLINGS: Record<string, Art38Mechanism> = {
  'security-assessment': 'security-assessment',
  'security assessment': 'security-assessment',
  'cac-assessment': 'security-assessment',
  assessment: 'security-assessment',
  安全评估: 'security-assessment',
  数据出境安全评估: 'security-assessment',
  certification: 'certification',
  认证: 'certification',
  个人信息保护认证: 'certification',
  'standard-contract': 'standard-contract',
  'standard contract': 'standard-contract',
  scc: 'standard-contract',
  标准合同: 'standard-contract',
  个人信息出境标准合同: 'standard-contract',
};

/** The canonical mechanism for a spelling (`标准合同` → `standard-contract`), or null. */
export function normalizeMechanism(value: string): Art38Mechanism | null {
  const key = value.trim().toLowerCase().replace(/_/g, '-');
  return SPELLINGS[key] ?? null;
}
