import { strict as assert } from 'node:assert';
import { isMap, parse, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { dispositionData } from '../../../src/core/checklist/itemContent';
import { mergeChecklist } from '../../../src/core/checklist/mergeChecklist';
import type { ChecklistData, ChecklistDispositionData, ChecklistInput, ChecklistItemData } from '../../../src/core/checklist/model';
import { readChecklistDecisions } from '../../../src/core/checklist/readChecklistDecisions';
import type { Disposition } from '../../../src/core/disposition/model';
import { LABELS, LEGAL_ENTITY, annotated, field, fromPolicy, mergedPrintingWhole, prng, reprinted, schemaErrors } from './helpers';

/**
 * Property: whatever people do to the checklist and however the code changes, regenerating loses
 * no human edit and lists every current field. Random human edits (statuses, owners, notes,
 * decisions, comments, reordering, manual items) and random code changes (fields added, removed,
 * renamed, moved, annotations changed) are applied over many rounds, merging after each.
 * Replay one run with PI_AUDIT_PROPERTY_SEED=<seed>.
 */

interface CodeField {
  system: string;
  file: string;
  line: number;
  entity: string;
  field: string;
  category: string;
  disposition: Disposition | null;
  evidence: string[];
}

interface HumanState {
  status?: string;
  owner?: string;
  note?: string;
  /** A decision taken in the checklist; null when people cleared it. */
  decision?: ChecklistDispositionData | null;
}

const SYSTEMS = ['crm', 'hr-system', 'order-service'];
const ENTITIES = ['t_employee', 't_customer', 'Order', 'UserProfile', 't_salary'];
const FIELD_NAMES = ['xm', 'sfzh', 'sjhm', 'jtdz', 'email', 'bankCardNo', 'csrq', 'gz', 'password', 'zdjg'];
const CATEGORIES = Object.keys(LABELS);
const STATUSES = ['todo', 'in-progress', 'done', 'verified'];
const NOTES = ['已与法务确认', 'needs: review', '# not a comment', '- dash first', 'yes', '123', '第一行\n第二行', '  leading spaces', "it's \"quoted\"", ''];
const OWNERS = ['人事部 李娜', '财务部 王芳', 'IT 赵强', 'legal@example.cn', ''];

const idOf = (f: Pick<CodeField, 'file' | 'entity' | 'field'>): string => `${f.file}#${f.entity}.${f.field}`;
const keyOf = (system: string, id: string): string => `${system}\u0000${id}`;

class World {
  readonly random: () => number;
  readonly code = new Map<string, CodeField>();
  readonly human = new Map<string, HumanState>();
  readonly manual = new Map<string, { system: string; data: Record<string, unknown> }>();
  /** Comment text → the item it sits above (block) or on (inline). */
  readonly comments = new Map<string, { system: string; id: string; inline: boolean }>();
  readonly everListed = new Set<string>();
  private counter = 0;

  constructor(seed: number) {
    this.random = prng(seed);
    for (let i = 0; i < 12; i++) this.addField();
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  next(): number {
    return ++this.counter;
  }

  input(): ChecklistInput {
    const systems = SYSTEMS.map((name) => ({
      name,
      items: [...this.code.entries()]
        .filter(([, f]) => f.system === name)
        .map(([, f]) => field(f.file, f.line, f.entity, f.field, f.category, { disposition: f.disposition, evidence: f.evidence })),
    }));
    return { legalEntity: { ...LEGAL_ENTITY }, systems };
  }

  addField(): void {
    const system = this.pick(SYSTEMS);
    const n = this.next();
    const f: CodeField = {
      system,
      file: this.chance(0.5) ? 'db/schema.sql' : `src/${system}/models/${this.pick(ENTITIES)}.ts`,
      line: 1 + Math.floor(this.random() * 300),
      entity: this.pick(ENTITIES),
      field: `${this.pick(FIELD_NAMES)}_${n}`,
      category: this.pick(CATEGORIES),
      disposition: this.randomCodeDisposition(),
      evidence: this.chance(0.3) ? [`DELETE FROM t_${n} (jobs/purge.sql:${n})`] : [],
    };
    this.code.set(keyOf(system, idOf(f)), f);
  }

  randomCodeDisposition(): Disposition | null {
    const roll = this.random();
    if (roll < 0.5) return null;
    if (roll < 0.8) return annotated(this.pick(['delete', 'retain', 'transfer', 'anonymize'] as const), this.chance(0.5) ? { period: { text: '30y', months: 360 }, basis: '会计档案管理办法 第14条' } : {});
    return fromPolicy('delete');
  }

  /** One round of code changes. */
  changeCode(): void {
    const keys = (): string[] => [...this.code.keys()];
    const changes = 1 + Math.floor(this.random() * 3);
    for (let c = 0; c < changes; c++) {
      const roll = this.random();
      if (roll < 0.3 || this.code.size < 4) {
        this.addField();
      } else if (roll < 0.5) {
        this.code.delete(this.pick(keys()));
      } else if (roll < 0.65) {
        const key = this.pick(keys());
        const old = this.code.get(key) as CodeField;
        this.code.delete(key);
        const renamed = { ...old, field: `${old.field.split('_')[0]}_${this.next()}` };
        this.code.set(keyOf(renamed.system, idOf(renamed)), renamed);
      } else if (roll < 0.8) {
        for (const f of this.code.values()) if (this.chance(0.5)) f.line += 1 + Math.floor(this.random() * 5);
      } else {
        const f = this.code.get(this.pick(keys())) as CodeField;
        f.disposition = this.randomCodeDisposition();
      }
    }
  }

  /** One round of human edits, through the YAML Document API the way an editor changes text. */
  editChecklist(text: string): string {
    const doc = parseDocument(text);
    const systems = doc.get('systems', true) as YAMLSeq;
    const edits = 1 + Math.floor(this.random() * 4);
    for (let e = 0; e < edits; e++) {
      const systemNode = this.pick(systems.items) as YAMLMap | undefined;
      if (!systemNode) break;
      const system = String(systemNode.get('name'));
      const seq = systemNode.get('items', true) as unknown as YAMLSeq;
      const item = this.pick(seq.items) as YAMLMap | undefined;
      const roll = this.random();
      if (roll < 0.1 || !item) {
        this.addManualItem(doc, seq, system);
        continue;
      }
      const id = String(item.get('id'));
      const state = this.human.get(keyOf(system, id)) ?? {};
      if (this.manual.has(keyOf(system, id))) continue; // manual items are checked whole; leave them as written
      if (roll < 0.3) {
        state.status = this.pick(STATUSES);
        item.set('status', state.status);
      } else if (roll < 0.4) {
        state.owner = this.pick(OWNERS);
        item.set('owner', state.owner);
      } else if (roll < 0.5) {
        state.note = this.pick(NOTES);
        item.set('note', state.note);
      } else if (roll < 0.7) {
        const decision: ChecklistDispositionData = { action: this.pick(['delete', 'anonymize', 'retain', 'transfer', 'ignore'] as const) };
        if (decision.action === 'retain') Object.assign(decision, { period: this.pick(['10y', '30年', '6m']), basis: '税收征收管理法实施细则 第29条' });
        if (decision.action === 'transfer') Object.assign(decision, { to: '上海示例集团有限公司', contact: 'privacy@example-group.cn' });
        if (this.chance(0.7)) decision.declaredIn = 'checklist';
        state.decision = decision;
        item.set('disposition', doc.createNode(decision));
      } else if (roll < 0.75) {
        state.decision = null;
        item.set('disposition', null);
      } else if (roll < 0.9) {
        shuffleItems(seq, this.random);
      } else {
        const steps = doc.get('steps', true) as YAMLSeq;
        const step = this.pick(steps.items) as YAMLMap | undefined;
        if (step) {
          const stepState = this.human.get(keyOf('#steps', String(step.get('id')))) ?? {};
          stepState.status = this.pick(STATUSES);
          stepState.owner = this.pick(OWNERS);
          step.set('status', stepState.status);
          step.set('owner', stepState.owner);
          this.human.set(keyOf('#steps', String(step.get('id'))), stepState);
        }
      }
      this.human.set(keyOf(system, id), state);
    }
    return this.addComments(doc.toString());
  }

  addManualItem(doc: Document, seq: YAMLSeq, system: string): void {
    const id = `manual/archive-${this.next()}`;
    const data: Record<string, unknown> = {
      id, manual: true, field: `纸质档案 ${this.counter}`,
      disposition: { action: 'transfer', to: '上海市档案馆', declaredIn: 'checklist' },
      status: this.pick(STATUSES), owner: this.pick(OWNERS), note: this.pick(NOTES),
    };
    attachLeadingComment(seq);
    seq.items.splice(Math.floor(this.random() * (seq.items.length + 1)), 0, doc.createNode(data));
    this.manual.set(keyOf(system, id), { system, data });
  }

  /** People's comments, typed as text: a line above an item, or after its status. */
  addComments(text: string): string {
    const lines = text.split('\n');
    const owners = lineOwners(lines);
    const count = Math.floor(this.random() * 3);
    for (let c = 0; c < count; c++) {
      const itemLines = owners.map((o, index) => ({ o, index })).filter(({ o, index }) => o && /^ {6}- id: /.test(lines[index]));
      if (itemLines.length === 0) return text;
      const { o, index } = this.pick(itemLines);
      if (!o) continue;
      const n = this.next();
      if (this.chance(0.5)) {
        const comment = `[hc-${n}] 评审意见 ${n}`;
        lines.splice(index, 0, `      # ${comment}`);
        owners.splice(index, 0, o);
        this.comments.set(comment, { ...o, inline: false });
      } else {
        let s = index + 1;
        while (s < lines.length && owners[s]?.id === o.id && !/^ {8}status: /.test(lines[s])) s++;
        if (s >= lines.length || owners[s]?.id !== o.id || lines[s].includes('#')) continue;
        const comment = `[ic-${n}]`;
        lines[s] = `${lines[s]} # ${comment}`;
        this.comments.set(comment, { ...o, inline: true });
      }
    }
    return lines.join('\n');
  }
}

/**
 * A comment typed above the first item parses as the list's comment; a person moving or
 * inserting items treats it as the first item's, so attach it there first.
 */
function attachLeadingComment(seq: YAMLSeq): void {
  const first = seq.items[0];
  if (seq.commentBefore && isMap(first)) {
    first.commentBefore = [seq.commentBefore, first.commentBefore].filter(Boolean).join('\n');
    seq.commentBefore = undefined;
  }
}

/** A person moving item blocks around: a comment above an item moves with it. */
function shuffleItems(seq: YAMLSeq, random: () => number): void {
  attachLeadingComment(seq);
  for (let i = seq.items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [seq.items[i], seq.items[j]] = [seq.items[j], seq.items[i]];
  }
}

/** For each line of the checklist, the system and item it belongs to (undefined outside items). */
function lineOwners(lines: readonly string[]): ({ system: string; id: string } | undefined)[] {
  let system: string | undefined;
  let id: string | undefined;
  let inSystems = false;
  return lines.map((line) => {
    if (/^systems:/.test(line)) inSystems = true;
    else if (/^\S/.test(line) && !line.startsWith('#')) inSystems = false;
    if (!inSystems) return undefined;
    const name = /^ {2}- name: (.*)$/.exec(line);
    if (name) {
      system = String(parse(name[1]));
      id = undefined;
      return undefined;
    }
    const item = /^ {6}- id: (.*)$/.exec(line);
    if (item) id = String(parse(item[1]));
    return system && id ? { system, id } : undefined;
  });
}

function checkRound(world: World, text: string, round: number, seed: number): void {
  const where = `seed ${seed}, round ${round}`;
  assert.deepEqual(schemaErrors(text), [], where);
  const data = parse(text) as ChecklistData;
  const listed = new Map<string, ChecklistItemData>();
  for (const system of data.systems) {
    for (const item of system.items) {
      const key = keyOf(system.name, item.id);
      assert.ok(!listed.has(key), `${where}: ${item.id} listed twice`);
      listed.set(key, item);
    }
  }
  // Every current field is there, not gone, with the code's disposition unless people decided.
  for (const [key, f] of world.code) {
    const item = listed.get(key);
    assert.ok(item, `${where}: current field ${key} missing`);
    assert.equal(item.gone, undefined, `${where}: ${key} is current but marked gone`);
    assert.equal(item.location, `${f.file}:${f.line}`, where);
    const decision = world.human.get(key)?.decision;
    if (decision) assert.deepEqual(item.disposition, decision, `${where}: decision on ${key}`);
    else assert.deepEqual(item.disposition ?? null, f.disposition ? dispositionData(f.disposition) : null, `${where}: copied disposition on ${key}`);
  }
  // Nothing ever listed is dropped; what left the code is marked gone.
  for (const key of world.everListed) {
    const item = listed.get(key);
    assert.ok(item, `${where}: ${key} was dropped`);
    if (!world.code.has(key) && !world.manual.has(key)) assert.equal(item.gone, true, `${where}: ${key} should be gone`);
  }
  for (const key of listed.keys()) world.everListed.add(key);
  // Every human edit is still there.
  for (const [key, state] of world.human) {
    if (key.startsWith('#steps')) {
      const step = data.steps?.find((s) => s.id === key.split('\u0000')[1]);
      assert.ok(step, `${where}: step ${key} dropped`);
      assert.equal(step.status, state.status, where);
      assert.equal(step.owner, state.owner, where);
      continue;
    }
    const item = listed.get(key);
    assert.ok(item, `${where}: edited item ${key} dropped`);
    if (state.status !== undefined) assert.equal(item.status, state.status, `${where}: status of ${key}`);
    if (state.owner !== undefined) assert.equal(item.owner, state.owner, `${where}: owner of ${key}`);
    if (state.note !== undefined) assert.equal(item.note, state.note, `${where}: note of ${key}`);
    if (state.decision) assert.deepEqual(item.disposition, state.decision, `${where}: decision of ${key}`);
  }
  for (const [key, manual] of world.manual) assert.deepEqual(listed.get(key), manual.data, `${where}: manual item ${key}`);
  // Every comment is there once, still with its item.
  const lines = text.split('\n');
  const owners = lineOwners(lines);
  for (const [comment, owner] of world.comments) {
    const at = lines.map((line, index) => (line.includes(comment) ? index : -1)).filter((i) => i >= 0);
    assert.equal(at.length, 1, `${where}: comment "${comment}" found ${at.length} times`);
    if (owner.inline) {
      assert.deepEqual(owners[at[0]], { system: owner.system, id: owner.id }, `${where}: inline comment "${comment}" moved`);
    } else {
      let next = at[0] + 1;
      while (/^\s*(#.*)?$/.test(lines[next])) next++;
      assert.deepEqual(owners[next], { system: owner.system, id: owner.id }, `${where}: comment "${comment}" no longer above its item`);
    }
  }
  // The checklist is a declaration source: people's decisions read back with their lines.
  if (round % 5 !== 0) return;
  for (const system of SYSTEMS) {
    const decisions = readChecklistDecisions(text, { system });
    for (const [key, state] of world.human) {
      const [s, id] = key.split('\u0000');
      if (s !== system || !state.decision) continue;
      const read = decisions.get(id);
      assert.equal(read?.action, state.decision.action, `${where}: decision of ${key} not read back`);
      assert.equal(read?.source, 'checklist');
      const declaredAt = read?.declaredAt as { line: number };
      assert.match(lines[declaredAt.line - 1], /^\s+action: |disposition:/, `${where}: declaredAt line of ${key}`);
    }
  }
}

describe('mergeChecklist keeps every human edit (property, seeded)', () => {
  const replay = process.env.PI_AUDIT_PROPERTY_SEED;
  const seeds = replay ? [Number(replay)] : [20251128, 7, 4242, 99991];
  const rounds = replay ? 200 : 50;

  for (const seed of seeds) {
    it(`seed ${seed}: ${rounds} rounds of random edits and code changes`, function () {
      this.timeout(replay ? 600_000 : 120_000); // a replay runs 200 rounds on one growing checklist
      const world = new World(seed);
      let text = mergeChecklist(undefined, world.input());
      checkRound(world, text, 0, seed);
      for (let round = 1; round <= rounds; round++) {
        const edited = world.editChecklist(text);
        world.changeCode();
        text = mergeChecklist(edited, world.input());
        // Values written back in place say what printing the whole document says, comments included.
        assert.equal(reprinted(text), mergedPrintingWhole(edited, world.input()), `seed ${seed}, round ${round}: differs from printing the whole document`);
        checkRound(world, text, round, seed);
        if (round % 10 === 0) assert.equal(mergeChecklist(text, world.input()), text, `seed ${seed}, round ${round}: merge is not idempotent`);
      }
    });
  }

  it('the PRNG is deterministic', () => {
    const a = prng(1);
    const b = prng(1);
    const first = [a(), a(), a()];
    assert.deepEqual(first, [b(), b(), b()]);
    assert.ok(first.every((x) => x >= 0 && x < 1));
  });
});
