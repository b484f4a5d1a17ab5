import { PERSON_ROLE_WORDS, PERSON_ROLE_ZH, THING_QUALIFIER_WORDS, THING_QUALIFIER_ZH, WEAK_PERSON_ROLE_WORDS } from './lexicon/context';

const PERSON_ROLES = new Set(PERSON_ROLE_WORDS);
const WEAK_ROLES = new Set(WEAK_PERSON_ROLE_WORDS);
const THING_QUALIFIERS = new Set(THING_QUALIFIER_WORDS);

/** The person-role word before a term (`receiver_`, `manager_`, 店长, 法定代表人), if any. */
export function personQualifier(tokens: readonly string[], text: string): string | undefined {
  return tokens.find((t) => PERSON_ROLES.has(t)) ?? PERSON_ROLE_ZH.find((w) => text.includes(w));
}

/** The thing or organisation word before a term (`store_`, `company_`, 公司, 门店), if any. */
export function thingQualifier(tokens: readonly string[], text: string): string | undefined {
  return tokens.find((t) => THING_QUALIFIERS.has(t)) ?? THING_QUALIFIER_ZH.find((w) => text.includes(w));
}

/** A role that may as well be an organisation (a supplier is the payee of a supplier payment). */
export function isWeakRole(role: string): boolean {
  return WEAK_ROLES.has(role);
}
