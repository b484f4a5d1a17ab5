/**
 * Name handling shared by the evidence search and the retention table: how a code identifier
 * (`memberRepository`, `MemberModel`, `db.members`, `` `t_member` ``) is compared with an
 * entity's declared names.
 */

/** Suffixes that name the thing that stores an entity, not the entity itself. */
const STORE_SUFFIX = /(?<=[a-z0-9])(?:Repository|Repo|Model|Schema|Dao|DAO|Mapper|Service|Collection|Entity|Table|Manager|DO|PO)$|_(?:repository|repo|model|schema|dao|mapper|service|collection|entity|table)$/;

/** A name with nothing to strip: ASCII letters and digits only. */
const ALPHANUMERIC = /^[A-Za-z0-9]*$/;

/** Table prefixes that code often leaves out (`t_member` ↔ `Member`). */
const TABLE_PREFIX = /^(?:t|tb|tbl)_/i;

/** Lowercase, without quotes, schema prefix or separators: `` `hr`.`T_Member` `` → `tmember`. */
export function squash(identifier: string): string {
  // Most names are plain ASCII letters and digits (`mobile`, `idCard`): nothing to strip.
  if (ALPHANUMERIC.test(identifier)) return identifier.toLowerCase();
  const bare = identifier.replace(/[`"'[\]]/g, '');
  const last = bare.slice(bare.lastIndexOf('.') + 1);
  return last.toLowerCase().replace(/[_\-$]/g, '');
}

function singular(squashed: string): string {
  if (squashed.length > 4 && squashed.endsWith('ies')) return `${squashed.slice(0, -3)}y`;
  if (squashed.length > 4 && /(?:ses|xes|ches|shes)$/.test(squashed)) return squashed.slice(0, -2);
  if (squashed.length > 3 && squashed.endsWith('s') && !squashed.endsWith('ss')) return squashed.slice(0, -1);
  return squashed;
}

/** The spellings under which an entity's declared name or alias is looked up. */
export function entityNameKeys(declared: string): string[] {
  // A plain name (`Member`, `members`) has no quotes, schema or table prefix to strip.
  if (ALPHANUMERIC.test(declared)) {
    const key = declared.toLowerCase();
    if (key.length < 2) return [];
    const one = singular(key);
    return one === key ? [key] : [key, one];
  }
  const bare = declared.replace(/[`"'[\]]/g, '');
  const last = bare.slice(bare.lastIndexOf('.') + 1);
  const keys = new Set<string>();
  for (const name of [last, last.replace(TABLE_PREFIX, '')]) {
    const key = squash(name);
    if (key.length < 2) continue;
    keys.add(key);
    keys.add(singular(key));
  }
  return [...keys];
}

/** The spellings under which an identifier found in code is looked up: `memberRepository` → `member`. */
export function codeNameKeys(identifier: string): string[] {
  const bare = identifier.replace(/[`"'[\]]/g, '');
  const last = bare.slice(bare.lastIndexOf('.') + 1);
  const keys = new Set<string>();
  for (const name of [last, last.replace(STORE_SUFFIX, '')]) {
    const key = squash(name);
    if (key.length < 2) continue;
    keys.add(key);
    keys.add(singular(key));
  }
  return [...keys];
}

/**
 * Lowercase word tokens of identifiers and free text: `loginLog`, `login_log`, `LOGIN-LOG` →
 * `login`, `log`. Chinese text is kept whole (matched by substring elsewhere).
 */
export function wordTokens(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}
