import type { ExtractedEntity } from '../extract/model';
import { PERSON_ENTITY_WORDS, PERSON_ENTITY_ZH, THING_ENTITY_WORDS, THING_ENTITY_ZH } from './lexicon/context';
import type { TermIndex } from './termIndex';
import { mainClause } from './commentEvidence';

/**
 * What an entity describes: a natural person (member, employee, patient…), a thing or an
 * organisation (product, store, config…), or a record of something people did (order, call, log).
 */
export type EntityKindOfSubject = 'person' | 'thing' | 'record';

/** Special subjects that change the category of a person's generic fields. */
export type EntityRole = 'emergency-contact' | 'guardian' | 'family' | 'communication' | 'lodging' | 'address' | 'bank-card' | 'medical' | null;

export interface EntityContext {
  subject: EntityKindOfSubject;
  role: EntityRole;
  /** Why, for `reasons`. */
  because: string;
  /** Names of the entity chain (the entity and its parents) as tokens. */
  tokens: string[];
}

const PERSON = new Set(PERSON_ENTITY_WORDS);
const THING = new Set(THING_ENTITY_WORDS);

const ROLE_WORDS: readonly [EntityRole, ReadonlySet<string>, readonly string[]][] = ([
  ['emergency-contact', ['emergency'], ['紧急联系人']],
  ['guardian', ['guardian', 'jhr'], ['监护人']],
  ['family', ['family', 'relative', 'relatives', 'kinship', 'jtcy', 'spouse'], ['家庭成员', '亲属', '家属']],
  ['communication', ['call', 'calls', 'sms', 'chat', 'msg', 'message', 'messages', 'wecom', 'im', 'conversation', 'voip', 'mail', 'dialog'], ['通话', '短信', '聊天', '消息', '会话', '通信']],
  ['lodging', ['hotel', 'lodging', 'accommodation', 'checkin'], ['住宿', '酒店']],
  ['address', ['address', 'addresses', 'addr', 'receiver', 'shipping', 'consignee'], ['地址', '收货']],
  ['bank-card', ['bank', 'bankcard', 'bankcards'], ['银行卡', '银行账户']],
  ['medical', ['exam', 'medical', 'clinic', 'diagnosis', 'health', 'physical', 'sign', 'signs', 'lab', 'report'], ['体检', '病历', '诊疗', '体征', '健康']],
] as const).map(([role, words, zh]) => [role, new Set<string>(words), zh]);

/** Decides an entity's subject from its names, its parents' names and its description. */
export function entityContext(entity: ExtractedEntity, parents: readonly ExtractedEntity[], index: TermIndex): EntityContext {
  // Each name as tokens (the entity's own, then its parents'), and all of them in one list.
  const ownNames = namesAsTokens(entity, index);
  const ownTokens = concatenated(ownNames);
  const parentTokens = concatenated(parents.flatMap((p) => namesAsTokens(p, index)));
  const description = [entity.description ?? '', ...entity.comments.map((c) => c.text)].join(' ');
  const head = lastMeaningful(ownNames[0]);

  let subject: EntityKindOfSubject = 'record';
  let because = 'no person or thing word in the entity name';
  // Only the description's main clause names the subject; its parenthesis may mention anything.
  const mainDescription = description.split(/[(（,，;；:：\s]/)[0] ?? '';
  const personZh = PERSON_ENTITY_ZH.find((w) => mainDescription.includes(w));
  const thingZh = THING_ENTITY_ZH.find((w) => mainDescription.includes(w));
  if (head && PERSON.has(head)) {
    subject = 'person';
    because = `entity "${entity.name}" names a person (${head})`;
  } else if (head && THING.has(head) && !personZh) {
    subject = 'thing';
    because = `entity "${entity.name}" names a thing or organisation (${head})`;
  } else if (ownTokens.some((t) => PERSON.has(t))) {
    subject = 'person';
    because = `entity "${entity.name}" belongs to a person (${ownTokens.find((t) => PERSON.has(t))})`;
  } else if (personZh && !(thingZh && description.indexOf(thingZh) > description.indexOf(personZh))) {
    subject = 'person';
    because = `entity description mentions ${personZh}`;
  } else if (ownTokens.some((t) => THING.has(t)) || thingZh) {
    subject = 'thing';
    because = `entity "${entity.name}" describes a thing or organisation (${ownTokens.find((t) => THING.has(t)) ?? thingZh})`;
  } else if (parentTokens.some((t) => PERSON.has(t))) {
    subject = 'person';
    because = `nested in a person entity (${parents.map((p) => p.name).join(' › ')})`;
  } else {
    const named = ownNameColumn(entity, ownTokens, index);
    if (named) {
      subject = 'thing';
      because = `its own name column ${named.field} is the ${named.thing}名称`;
    }
  }

  let role: EntityRole = null;
  for (const [candidate, words, zh] of ROLE_WORDS) {
    const named = ownNames.some((tokens) => {
      const at = tokens.findIndex((t) => words.has(t));
      return at >= 0 && (candidate !== 'communication' || tokens.slice(at + 1).every((t) => RECORD_TAIL.has(t)));
    });
    if (named || (candidate !== 'communication' && zh.some((w) => mainDescription.includes(w)))) {
      role = candidate;
      break;
    }
  }
  return { subject, role, because, tokens: [...ownTokens, ...parentTokens] };
}

/** The entity's name and aliases, each as tokens, in that order. */
function namesAsTokens(entity: ExtractedEntity, index: TermIndex): (readonly string[])[] {
  const lists = [index.tokens(entity.name)];
  for (const alias of entity.aliases) lists.push(index.tokens(alias));
  return lists;
}

/** The lists one after the other, as one new list (a loop: `flatMap` costs more per entity, profiled). */
function concatenated(lists: readonly (readonly string[])[]): string[] {
  const all: string[] = [];
  for (const list of lists) for (const item of list) all.push(item);
  return all;
}

/** What may follow a communication word in the name of a communication record (SmsArchive, CallHistory). */
const RECORD_TAIL = new Set(['log', 'logs', 'record', 'records', 'archive', 'archives', 'history', 'detail', 'details', 'message', 'messages', 'msg', 'content', 't', 'tb', 'item', 'items', 'entry', 'entries']);

const GENERIC_TAIL = new Set(['schema', 'schemas', 'info', 'infos', 'record', 'records', 'detail', 'details', 'data', 'entity', 'model', 'dto', 'vo', 'po', 'do', 'bo', 'table', 'schema', 'result', 'req', 'request', 'response', 'resp', 'list', 't', 'tb', 'tbl', 'jbxx', 'xx', 'brief', 'form', 'log', 'logs', 'mx']);

function lastMeaningful(tokens: readonly string[]): string | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (!GENERIC_TAIL.has(tokens[i]) && !/^\d+$/.test(tokens[i])) return tokens[i];
  }
  return undefined;
}

/**
 * A column named after the entity that holds a thing's name says what the entity is, when its
 * name does not: T_JG_XX.JGMC '机构名称' is an institution, whose 联系电话 is not a person's.
 */
function ownNameColumn(entity: ExtractedEntity, ownTokens: readonly string[], index: TermIndex): { field: string; thing: string } | undefined {
  const stems = ownTokens.filter((t) => t.length >= 2 && !GENERIC_TAIL.has(t));
  for (const field of entity.fields) {
    const description = mainClause(field.description?.trim() ?? '');
    const thing = THING_ENTITY_ZH.find((w) => description === `${w}名称`);
    const first = index.tokens(field.name)[0];
    if (thing && first && stems.some((stem) => first.startsWith(stem))) return { field: field.name, thing };
  }
  return undefined;
}
