/**
 * Per-line detectors for evidence of PI handling in code. This is a heuristic text search,
 * not parsing: each detector is a simple regular expression over one line (anchored on word
 * boundaries, no nested quantifiers), so the search stays linear in the size of the input.
 */

export type Hit =
  /** TTL index/clause; `names` are identifiers on the line that may name the entity. */
  | { type: 'ttl'; index: number; text: string; names: string[] }
  /**
   * A cascade delete. `child` names the entity whose rows go (absent: the enclosing entity);
   * `parent` the entity whose deletion triggers it (absent: the enclosing entity when `child` is set).
   */
  | { type: 'cascade'; index: number; text: string; child?: string; parent?: string }
  /** A hard delete naming an entity; `orm` deletes become soft under a soft-delete ORM mode unless `forced`. */
  | { type: 'delete'; index: number; text: string; name: string; orm: boolean; forced: boolean }
  /** A soft-delete call naming an entity (`softDelete`, `softRemove`). */
  | { type: 'soft-call'; index: number; text: string; name: string }
  /** An ORM switch that turns deletes into soft deletes (`paranoid: true`, `@TableLogic`, `gorm.DeletedAt`). */
  | { type: 'soft-mode'; index: number; text: string; names: string[] }
  /** A hash, mask or encryption function applied to a column (`sha256(id_card)`). */
  | { type: 'hash'; index: number; text: string; column: string; qualifier?: string }
  /** A job scheduler (cron, `@Scheduled`, `setInterval`…). */
  | { type: 'scheduler'; index: number; text: string }
  /** `UPDATE <table> SET`: opens an update statement whose assignments follow. */
  | { type: 'update'; index: number; text: string; table: string }
  /** `$unset: { column` (MongoDB). */
  | { type: 'unset'; index: number; text: string; column: string };

/** Lines longer than this are searched only up to here (minified files). */
export const MAX_LINE = 2000;

/**
 * A cheap first look: every detector needs one of these words on the line, and most lines of
 * code have none, so the detectors themselves run on few lines.
 */
export const TRIGGER = /delete|remove|destroy|drop|clear|truncate|expire|ttl|time_to_live|cascade|orphan|paranoid|tablelogic|sha|md5|sm[34]|hash|hmac|mask|desensiti|anonymi|pseudonymi|encrypt|redact|tokeni|schedul|cron|xxljob|periodic|setinterval|addfunc|ticker|every|add_job|update|unset/i;
export const HEADER_TRIGGER = /table|class|struct|model|message|schema|define/i;

const IDENT = String.raw`[A-Za-z_$][\w$]*`;
const QUOTED_NAME = String.raw`[\`"\[]?[\w$.]+[\`"\]]?`;

const TTL = [
  /\bexpires\s*:\s*(?:\d+|(['"`])\d+\s*[a-z]*\1)/gi,
  /\bexpireAfterSeconds\b\s*[:=]?\s*\d*/g,
  /\bexpire_after_seconds\b\s*[:=]?\s*\d*/g,
  /@Indexed\s*\([^)\n]{0,200}\bexpireAfter\w*\s*=/g,
  /\bTTL\s*=?\s*[\w`".]+\s*\+\s*(?:toIntervalMonth\(|toIntervalDay\(|INTERVAL\b)/gi,
  /\bdefault_time_to_live\b|\bUSING\s+TTL\b/gi,
];
const INDEX_RECEIVER = new RegExp(String.raw`\b(${IDENT})\s*\.\s*(?:index|createIndex|ensureIndex|create_index)\s*\(`, 'g');
const COLLECTION_NAME = /\bcollection\s*\(\s*['"]([\w.$-]+)['"]\s*\)/g;
const ALTER_TABLE = new RegExp(String.raw`\bALTER\s+TABLE\s+(?:ONLY\s+)?(${QUOTED_NAME})`, 'i');

const SQL_CASCADE = /\bON\s+DELETE\s+CASCADE\b/gi;
const SQL_REFERENCES = new RegExp(String.raw`\bREFERENCES\s+(${QUOTED_NAME})`, 'i');
const DJANGO_CASCADE = /\bon_delete\s*=\s*(?:models\.)?CASCADE\b/g;
const DJANGO_PARENT = /\b(?:ForeignKey|OneToOneField)\s*\(\s*['"]?([\w.]+)/;
/** TypeORM, Sequelize and Prisma (`onDelete: Cascade`); case-sensitive key, so GORM's `OnDelete:CASCADE` tag is not read twice. */
const ORM_CASCADE = /\bonDelete\s*:\s*['"]?(?:CASCADE|Cascade|cascade)\b/g;
const ARROW_TYPE = new RegExp(String.raw`=>\s*(${IDENT})`);
const SEQUELIZE_PARENT_SIDE = new RegExp(String.raw`\b(${IDENT})\s*\.\s*(?:hasMany|hasOne)\s*\(\s*(${IDENT})`);
const SEQUELIZE_CHILD_SIDE = new RegExp(String.raw`\b(${IDENT})\s*\.\s*belongsTo\s*\(\s*(${IDENT})`);
const PRISMA_RELATION = new RegExp(String.raw`^\s*${IDENT}\s+(${IDENT})\??\s+@relation\b`);
const GORM_CASCADE = /\bOnDelete:CASCADE\b/gi;
const GO_FIELD_TYPE = new RegExp(String.raw`^\s*${IDENT}\s+(\[\]\*?|\*)?(?:${IDENT}\.)?(${IDENT})`);
const JPA_CASCADE = /\bcascade\s*=\s*\{?\s*CascadeType\.(?:ALL|REMOVE)\b|\borphanRemoval\s*=\s*true\b/g;
const JAVA_COLLECTION_TYPE = new RegExp(String.raw`\b(?:List|Set|Collection)\s*<\s*(${IDENT})\s*>`);

const SQL_DELETE = new RegExp(String.raw`\bDELETE\s+FROM\s+(${QUOTED_NAME})`, 'gi');
const SQL_TRUNCATE = new RegExp(String.raw`\bTRUNCATE\s+(?:TABLE\s+)?(${QUOTED_NAME})`, 'gi');
const ORM_DELETE = new RegExp(
  String.raw`\b(${IDENT})\s*\.\s*(delete|deleteMany|deleteOne|deleteById|deleteAll|deleteAllById|deleteAllInBatch|deleteInBatch|deleteBy\w+|remove|removeById|removeBy\w+|removeMany|destroy|destroyAll|findByIdAndDelete|findOneAndDelete|findByIdAndRemove|findOneAndRemove|bulkDelete|bulk_delete|delete_all|destroy_all|drop|clear|truncate)\s*\(`,
  'g',
);
/** Method names too common to trust on any receiver (`map.delete(k)`, `list.remove(x)`). */
const GENERIC_METHODS = new Set(['delete', 'remove', 'destroy', 'drop', 'clear', 'truncate']);
/** Receivers that are clearly a model or a store: `Member`, `memberRepository`, `member_dao`. */
const STORE_RECEIVER = /^[A-Z]|(?:Repository|Repo|Model|Dao|DAO|Mapper|Collection|Manager)$|_(?:repository|repo|model|dao|mapper|collection)$/;
const SOFT_CALL = new RegExp(String.raw`\b(${IDENT})\s*\.\s*(?:softDelete|softRemove|soft_delete|logicDelete|logicalDelete)\s*\(`, 'g');
const DJANGO_MANAGER = new RegExp(String.raw`\b(${IDENT})\s*\.\s*objects\b`, 'g');
const SQLALCHEMY_QUERY = new RegExp(String.raw`\bquery\s*\(\s*(${IDENT})\s*\)`, 'g');
const SQLALCHEMY_DELETE = new RegExp(String.raw`(?<![.\w])delete\s*\(\s*([A-Z][\w]*)\s*\)`, 'g');
const GORM_DELETE = new RegExp(String.raw`\.\s*Delete\s*\(\s*&(?:${IDENT}\.)?(${IDENT})`, 'g');
const SESSION_DELETE = new RegExp(String.raw`\b(?:entityManager|em|session|db\.session)\s*\.\s*(?:remove|delete)\s*\(\s*(${IDENT})`, 'g');
const COLLECTION_DELETE = /\bcollection\s*\(\s*['"]([\w.$-]+)['"]\s*\)\s*\.\s*(?:deleteMany|deleteOne|remove|drop)\s*\(/g;
/** Calls that bypass an ORM's soft-delete mode. */
const FORCED = /\bUnscoped\s*\(|\bforce\s*:\s*true\b|\bhardDelete\b|\bforceDelete\b|\bhard\s*=\s*True\b/;

const SOFT_MODE = /@TableLogic\b|\bparanoid\s*:\s*true\b|\bgorm\.DeletedAt\b|\bsoft_delete\.DeletedAt\b|@DeleteDateColumn\b|@SQLDelete\b|@SoftDelete\b|\bSoftDeletes\b|\bacts_as_paranoid\b|\bSoftDeleteModel\b|\bSafeDeleteModel\b/g;

const CALL = new RegExp(String.raw`\b(${IDENT})\s*\(\s*((?:${IDENT}\s*\.\s*)*${IDENT})`, 'g');
const HASHING_FUNCTION = /(?:sha1|sha2|sha256|sha512|md5|sm3|sm4|hash|hmac|mask|desensiti[sz]e|anonymi[sz]e|pseudonymi[sz]e|encrypt|redact|tokeni[sz]e)/i;
const NOT_HASHING = /^(?:hash(?:code|map|set|table|able)|hashlib|mask(?:ed)?input|is\w*|un\w*)$/i;

const SCHEDULER = /@Scheduled\b|@Cron\b|@XxlJob\b|@Schedule\b|@periodic_task\b|\.scheduled_job\b|\bcron\.schedule\s*\(|\bnew\s+CronJob\s*\(|\bscheduleJob\s*\(|\bsetInterval\s*\(|\bschedule\.every\s*\(|\bbeat_schedule\b|\bcrontab\s*\(|\bcron\.New\s*\(|\.AddFunc\s*\(|\btime\.NewTicker\s*\(|\bagenda\.every\s*\(|\badd_job\s*\(|\bCronTrigger\b|\bON\s+SCHEDULE\b/gi;

/** `UPDATE t SET …`, or `UPDATE t` alone on its line with the SET clause below. */
const SQL_UPDATE = new RegExp(String.raw`\bUPDATE\s+(${QUOTED_NAME})(?:(?:\s+(?:AS\s+)?${IDENT})?\s+SET\b|\s*$)`, 'gi');
/** `createHash('sha256').update(member.idCard)`: Node's crypto hashes what `update` gets. */
const NODE_HASH_UPDATE = new RegExp(String.raw`\bcreateHash\s*\([^)\n]{0,40}\)\s*\.\s*update\s*\(\s*((?:${IDENT}\s*\.\s*)*${IDENT})`, 'g');
/** A function declaration, whose parameters are not calls: `function maskPhone(phone`. */
const DECLARATION_BEFORE = /\b(?:function|def|func)\s+$/;
const MONGO_UNSET = /\$unset\s*:\s*\{\s*['"]?([\w$]+)/g;

/** Lines that start a declaration (table, class, struct, model, message, schema): evidence below them belongs to it. */
const DECLARATION_HEADERS: readonly RegExp[] = [
  new RegExp(String.raw`\bCREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QUOTED_NAME})`, 'i'),
  new RegExp(String.raw`^\s*(?:export\s+)?(?:default\s+)?(?:(?:public|private|protected|internal|abstract|final|sealed|static|partial|data)\s+)*class\s+(${IDENT})`),
  new RegExp(String.raw`^\s*type\s+(${IDENT})\s+struct\b`),
  new RegExp(String.raw`^\s*(?:model|message)\s+(${IDENT})\s*\{`),
  new RegExp(String.raw`\b(?:const|let|var)\s+(${IDENT})\s*=\s*new\s+(?:mongoose\s*\.\s*)?Schema\b`),
  /\.define\s*\(\s*['"]([\w$]+)['"]/,
];
/** Nested helper classes that do not start an entity of their own (Django/pydantic `Meta`, `Config`). */
const NOT_A_DECLARATION = /^(?:Meta|Config|Builder|Companion)$/;

/** The name a declaration line introduces, or null. */
export function declarationHeader(line: string): string | null {
  if (!HEADER_TRIGGER.test(line)) return null;
  for (const pattern of DECLARATION_HEADERS) {
    const name = pattern.exec(line)?.[1];
    if (name !== undefined && !NOT_A_DECLARATION.test(name)) return name;
  }
  return null;
}

/** True for lines that are comments as a whole: their words are not code. */
export function isCommentLine(line: string): boolean {
  return /^\s*(?:\/\/|#|--|\*|\/\*|<!--)/.test(line);
}

/** Words each detector group needs on a line: most lines have none, so few detectors run. */
const NEEDS = {
  ttl: /expire|ttl|time_to_live/i,
  cascade: /cascade|orphan/i,
  delete: /delete|remove|destroy|drop|clear|truncate/i,
  softMode: /paranoid|tablelogic|deletedat|deletedatecolumn|sqldelete|softdelete|acts_as|safedelete/i,
  hash: /sha|md5|sm[34]|hash|hmac|mask|desensiti|anonymi|pseudonymi|encrypt|redact|tokeni/i,
  scheduler: /schedul|cron|xxljob|periodic|setinterval|addfunc|ticker|every|add_job/i,
  update: /update/i,
  unset: /\$unset/,
};

/** Every detector's hits on one line. `next` is the following line (for JPA collection types). */
export function detectLine(line: string, next: string): Hit[] {
  const hits: Hit[] = [];
  if (!TRIGGER.test(line)) return hits;
  if (NEEDS.ttl.test(line)) detectTtl(line, hits);
  if (NEEDS.cascade.test(line)) detectCascade(line, next, hits);
  if (NEEDS.delete.test(line)) {
    detectDeletes(line, hits);
    for (const match of line.matchAll(SOFT_CALL)) hits.push({ type: 'soft-call', index: match.index, text: match[0], name: match[1] });
  }
  if (NEEDS.softMode.test(line)) {
    for (const match of line.matchAll(SOFT_MODE)) hits.push({ type: 'soft-mode', index: match.index, text: match[0], names: namesOnLine(line) });
  }
  if (NEEDS.hash.test(line)) detectHashing(line, hits);
  if (NEEDS.scheduler.test(line)) {
    for (const match of line.matchAll(SCHEDULER)) hits.push({ type: 'scheduler', index: match.index, text: match[0] });
  }
  if (NEEDS.update.test(line)) {
    for (const match of line.matchAll(SQL_UPDATE)) hits.push({ type: 'update', index: match.index, text: match[0], table: match[1] });
  }
  if (NEEDS.unset.test(line)) {
    for (const match of line.matchAll(MONGO_UNSET)) hits.push({ type: 'unset', index: match.index, text: match[0], column: match[1] });
  }
  return hits;
}

function detectHashing(line: string, hits: Hit[]): void {
  for (const match of line.matchAll(CALL)) {
    if (!HASHING_FUNCTION.test(match[1]) || NOT_HASHING.test(match[1])) continue;
    if (DECLARATION_BEFORE.test(line.slice(0, match.index))) continue;
    addHashHit(line, match.index, match[0].length, `${match[1]}(${match[2].replace(/\s+/g, '')})`, match[2], hits);
  }
  for (const match of line.matchAll(NODE_HASH_UPDATE)) addHashHit(line, match.index, match[0].length, match[0], match[1], hits);
}

/** The column a hashing call gets: `patient.sfzh` → sfzh; `sfzh.encode()` → sfzh; `c.getIdCardNo()` → idCardNo. */
function addHashHit(line: string, index: number, length: number, text: string, argument: string, hits: Hit[]): void {
  const path = argument.split('.').map((part) => part.trim());
  if (/^\s*\(/.test(line.slice(index + length))) {
    const method = path[path.length - 1];
    const getter = /^get([A-Z]\w*)$/.exec(method);
    if (getter) path[path.length - 1] = getter[1][0].toLowerCase() + getter[1].slice(1);
    else if (path.length > 1) path.pop();
    else return;
  }
  hits.push({ type: 'hash', index, text, column: path[path.length - 1], qualifier: path.length > 1 ? path[path.length - 2] : undefined });
}

function detectTtl(line: string, hits: Hit[]): void {
  for (const pattern of TTL) {
    for (const match of line.matchAll(pattern)) hits.push({ type: 'ttl', index: match.index, text: match[0], names: namesOnLine(line) });
  }
}

/** Identifiers on a line that may name the entity a TTL or soft-delete switch belongs to. */
function namesOnLine(line: string): string[] {
  const names: string[] = [];
  for (const match of line.matchAll(INDEX_RECEIVER)) names.push(match[1]);
  for (const match of line.matchAll(COLLECTION_NAME)) names.push(match[1]);
  const altered = ALTER_TABLE.exec(line);
  if (altered) names.push(altered[1]);
  return names;
}

function detectCascade(line: string, next: string, hits: Hit[]): void {
  for (const match of line.matchAll(SQL_CASCADE)) {
    const parent = SQL_REFERENCES.exec(line)?.[1];
    const child = ALTER_TABLE.exec(line)?.[1];
    hits.push({ type: 'cascade', index: match.index, text: match[0], parent, child });
  }
  for (const match of line.matchAll(DJANGO_CASCADE)) {
    hits.push({ type: 'cascade', index: match.index, text: match[0], parent: DJANGO_PARENT.exec(line)?.[1] });
  }
  for (const match of line.matchAll(ORM_CASCADE)) {
    const parentSide = SEQUELIZE_PARENT_SIDE.exec(line);
    const childSide = SEQUELIZE_CHILD_SIDE.exec(line);
    if (parentSide) hits.push({ type: 'cascade', index: match.index, text: match[0], parent: parentSide[1], child: parentSide[2] });
    else if (childSide) hits.push({ type: 'cascade', index: match.index, text: match[0], parent: childSide[2], child: childSide[1] });
    else hits.push({ type: 'cascade', index: match.index, text: match[0], parent: ARROW_TYPE.exec(line)?.[1] ?? PRISMA_RELATION.exec(line)?.[1] });
  }
  for (const match of line.matchAll(GORM_CASCADE)) {
    const field = GO_FIELD_TYPE.exec(line);
    if (field?.[1]?.startsWith('[]')) hits.push({ type: 'cascade', index: match.index, text: match[0], child: field[2] });
    else hits.push({ type: 'cascade', index: match.index, text: match[0], parent: field?.[2] });
  }
  for (const match of line.matchAll(JPA_CASCADE)) {
    // Parent side: the children are the collection's element type, on this line or the next.
    const child = JAVA_COLLECTION_TYPE.exec(line)?.[1] ?? JAVA_COLLECTION_TYPE.exec(next)?.[1];
    if (child) hits.push({ type: 'cascade', index: match.index, text: match[0], child });
  }
}

function detectDeletes(line: string, hits: Hit[]): void {
  const forced = FORCED.test(line);
  for (const pattern of [SQL_DELETE, SQL_TRUNCATE]) {
    for (const match of line.matchAll(pattern)) hits.push({ type: 'delete', index: match.index, text: match[0], name: match[1], orm: false, forced: true });
  }
  for (const match of line.matchAll(ORM_DELETE)) {
    const [, receiver, method] = match;
    if (/^(?:session|em|entityManager)$/.test(receiver)) continue;
    // A generic method counts on a model or store, or on a property (`prisma.member`, `db.members`).
    if (GENERIC_METHODS.has(method) && !STORE_RECEIVER.test(receiver) && line[match.index - 1] !== '.') continue;
    hits.push({ type: 'delete', index: match.index, text: match[0], name: receiver, orm: true, forced });
  }
  for (const match of line.matchAll(DJANGO_MANAGER)) {
    // `Member.objects.filter(...).delete()`: the delete may come anywhere later on the line.
    const deleteAt = line.indexOf('.delete()', match.index);
    if (deleteAt >= 0) hits.push({ type: 'delete', index: match.index, text: `${match[0]}….delete()`, name: match[1], orm: true, forced });
  }
  for (const match of line.matchAll(SQLALCHEMY_QUERY)) {
    const deleteAt = line.indexOf('.delete(', match.index);
    if (deleteAt >= 0) hits.push({ type: 'delete', index: match.index, text: `${match[0]}….delete()`, name: match[1], orm: true, forced });
  }
  for (const pattern of [SQLALCHEMY_DELETE, GORM_DELETE, SESSION_DELETE]) {
    for (const match of line.matchAll(pattern)) hits.push({ type: 'delete', index: match.index, text: match[0], name: match[1], orm: true, forced });
  }
  for (const match of line.matchAll(COLLECTION_DELETE)) {
    hits.push({ type: 'delete', index: match.index, text: match[0], name: match[1], orm: false, forced: true });
  }
}

/** The end of an UPDATE's SET clause. */
const STATEMENT_END = /;|\bWHERE\b|<\/update>/i;

/** Assignments inside an UPDATE statement that null, hash or mask a column. */
const ANONYMIZING_ASSIGNMENT = /\b(\w+)\s*=\s*(?:NULL\b|''|'\*+'|(?:MD5|SHA1|SHA2|SM3|AES_ENCRYPT|CONCAT|INSERT|LEFT|RIGHT|SUBSTR|SUBSTRING|REPLACE|REGEXP_REPLACE|RPAD|LPAD|OVERLAY|MASK\w*|HASH\w*|ENCRYPT\w*)\s*\()/gi;
/** Assignments that set a soft-delete flag. */
const FLAG_ASSIGNMENT = /\b(\w+)\s*=\s*(?:'?[12]'?|true\b|NOW\s*\(|CURRENT_TIMESTAMP\b|SYSDATE\b|GETDATE\s*\()/gi;

export interface Assignment {
  column: string;
  index: number;
  text: string;
  kind: 'anonymize' | 'flag';
}

/** Column assignments on a line of an UPDATE statement. */
export function assignmentsOn(line: string, from: number): Assignment[] {
  const found: Assignment[] = [];
  const rest = line.slice(from);
  // Only the SET clause: `WHERE del_flag = '2'` tests a flag, it does not set it.
  const stop = rest.search(STATEMENT_END);
  const tail = stop < 0 ? rest : rest.slice(0, stop);
  for (const match of tail.matchAll(ANONYMIZING_ASSIGNMENT)) found.push({ column: match[1], index: from + match.index, text: match[0], kind: 'anonymize' });
  for (const match of tail.matchAll(FLAG_ASSIGNMENT)) found.push({ column: match[1], index: from + match.index, text: match[0], kind: 'flag' });
  return found;
}

/** True when a statement ends (or reaches its WHERE clause) on this line: later assignments are not ours. */
export function endsAssignments(line: string): boolean {
  return STATEMENT_END.test(line);
}
