import { CHECKLIST_STATUSES, type ChecklistStatus } from '../checklist/model';
import { categoryLabel } from '../classify/categories';
import { DISPOSITION_ACTIONS, type Disposition } from '../disposition/model';
import { dispositionData } from '../checklist/itemContent';
import { MergeError } from './mergeError';
import type { ChecklistSystemInput, GroupRegister, RegisterItem, RegisterSystem, RegisterTotals, ReportField, ReportInput } from './model';
import type { MergeInputs } from './readInputs';

/**
 * The group-level register: every system (repository) of every report and checklist, each with
 * its PI fields and totals, and the totals of the group. A CI matrix scans the repositories of
 * a group; this is the step that puts their results together.
 *
 * Nothing decided in a checklist is lost: an item of a checklist is taken as written, every key
 * (status, owner, note, a disposition declared in the checklist, `x-` keys, manual items, items
 * of fields gone from the code). A report adds the fields the checklist does not list yet, and
 * the dispositions declared in code (`@pi`) or policy where the checklist has none or an older
 * one from the same source.
 */
export function buildGroupRegister(inputs: MergeInputs): GroupRegister {
  const reports = new Map<string, ReportInput>();
  for (const report of pairWithChecklists(inputs)) {
    const other = reports.get(report.system);
    if (other) throw new MergeError(report.file, `system "${report.system}" is also reported by ${other.file}; merge one report per system`);
    reports.set(report.system, report);
  }
  const checklists = new Map<string, ChecklistSystemInput>();
  for (const checklist of inputs.checklists) {
    const other = checklists.get(checklist.system);
    if (other) throw new MergeError(checklist.file, `system "${checklist.system}" is also in ${other.file}; merge one checklist per system`);
    checklists.set(checklist.system, checklist);
  }

  const names = [...new Set([...reports.keys(), ...checklists.keys()])].sort(compareText);
  const systems = names.map((name) => registerSystem(name, reports.get(name), checklists.get(name)));
  const totals = { systems: systems.length, ...sumTotals(systems.map((s) => s.totals)) };
  return { version: 1, legalEntities: legalEntities(inputs.checklists), totals, systems };
}

/**
 * A report names its system after the scanned folder; a checklist after `system:` in
 * `.piaudit.yaml` when that is set. A report whose name no checklist uses takes the name of the
 * checklist system that lists most of its fields (more than half), so the two are merged.
 */
function pairWithChecklists(inputs: MergeInputs): ReportInput[] {
  const checklistNames = new Set(inputs.checklists.map((c) => c.system));
  const taken = new Set(inputs.reports.map((r) => r.system).filter((name) => checklistNames.has(name)));
  return inputs.reports.map((report) => {
    if (checklistNames.has(report.system) || report.fields.length === 0) return report;
    const ids = new Set(report.fields.map((field) => field.id));
    let best: { system: string; shared: number } | undefined;
    for (const checklist of inputs.checklists) {
      if (taken.has(checklist.system)) continue;
      const shared = checklist.items.filter((item) => ids.has(item.id)).length;
      if (shared * 2 > ids.size && (!best || shared > best.shared)) best = { system: checklist.system, shared };
    }
    if (!best) return report;
    taken.add(best.system);
    return { ...report, system: best.system };
  });
}

function registerSystem(name: string, report: ReportInput | undefined, checklist: ChecklistSystemInput | undefined): RegisterSystem {
  const reported = new Map((report?.fields ?? []).map((field) => [field.id, field]));
  const items: RegisterItem[] = [];
  const listed = new Set<string>();
  for (const written of checklist?.items ?? []) {
    listed.add(written.id);
    const item: RegisterItem = { ...written };
    const field = reported.get(written.id);
    if (field) refreshDisposition(item, field);
    else if (report && !written.gone && !written.manual) item.inReport = false;
    items.push(item);
  }
  for (const field of report?.fields ?? []) {
    if (listed.has(field.id)) continue;
    const item = reportItem(field);
    if (checklist) item.inChecklist = false;
    items.push(item);
  }
  items.sort(compareItems);
  return {
    name,
    sources: { report: report?.file, checklist: checklist?.file, toolVersion: report?.version || undefined },
    totals: systemTotals(items, report),
    items,
  };
}

/**
 * A disposition declared in code or policy is the tool's to keep current: the report's wins over
 * an older copy in the checklist, and fills an undecided item. A decision people wrote in the
 * checklist (`declaredIn: checklist`, or no `declaredIn`) is never replaced.
 */
function refreshDisposition(item: RegisterItem, field: ReportField): void {
  const written = item.disposition;
  const human = written !== null && written !== undefined && (written.declaredIn === undefined || written.declaredIn === 'checklist');
  if (human || !field.disposition || field.disposition.source === 'checklist') return;
  item.disposition = dispositionData(field.disposition as unknown as Disposition);
}

function reportItem(field: ReportField): RegisterItem {
  const label = field.category ? `${categoryLabel(field.category, 'zh-CN')} (${categoryLabel(field.category, 'en')})` : undefined;
  const item: RegisterItem = {
    id: field.id,
    location: `${field.file}:${field.line}`,
    entity: field.entity,
    field: field.field,
    category: field.category,
    sensitive: field.sensitive,
    disposition: field.disposition ? dispositionData(field.disposition as unknown as Disposition) : null,
    evidence: field.evidence ?? [],
    status: 'todo',
    owner: '',
    note: '',
  };
  if (label) item.label = label;
  return item;
}

function systemTotals(items: readonly RegisterItem[], report: ReportInput | undefined): RegisterTotals {
  const totals = emptyTotals();
  for (const item of items) {
    if (item.gone) {
      totals.gone++;
      continue;
    }
    totals.fields++;
    if (item.sensitive) totals.sensitive++;
    const disposition = item.disposition;
    if (disposition) {
      totals.decided++;
      totals.byAction[disposition.action] = (totals.byAction[disposition.action] ?? 0) + 1;
    } else {
      totals.undecided++;
    }
    const status: ChecklistStatus = CHECKLIST_STATUSES.includes(item.status) ? item.status : 'todo';
    totals.byStatus[status]++;
  }
  if (report) {
    totals.values = report.values.filter((value) => value.kind !== null).length;
    totals.diagnostics = {};
    for (const diagnostic of report.diagnostics) totals.diagnostics[diagnostic.severity] = (totals.diagnostics[diagnostic.severity] ?? 0) + 1;
    totals.filesScanned = report.files;
    totals.filesSkipped = report.skipped;
  }
  return totals;
}

function emptyTotals(): RegisterTotals {
  return {
    fields: 0,
    sensitive: 0,
    decided: 0,
    undecided: 0,
    gone: 0,
    byAction: Object.fromEntries(DISPOSITION_ACTIONS.map((action) => [action, 0])),
    byStatus: { todo: 0, 'in-progress': 0, done: 0, verified: 0 },
  };
}

/** The group's totals: the sum of the systems' (report-only figures only over systems with a report). */
function sumTotals(all: readonly RegisterTotals[]): RegisterTotals {
  const sum = emptyTotals();
  for (const t of all) {
    for (const key of ['fields', 'sensitive', 'decided', 'undecided', 'gone'] as const) sum[key] += t[key];
    for (const [action, n] of Object.entries(t.byAction)) sum.byAction[action] = (sum.byAction[action] ?? 0) + n;
    for (const status of CHECKLIST_STATUSES) sum.byStatus[status] += t.byStatus[status];
    if (t.values !== undefined) sum.values = (sum.values ?? 0) + t.values;
    if (t.filesScanned !== undefined) sum.filesScanned = (sum.filesScanned ?? 0) + t.filesScanned;
    if (t.filesSkipped !== undefined) sum.filesSkipped = (sum.filesSkipped ?? 0) + t.filesSkipped;
    for (const [severity, n] of Object.entries(t.diagnostics ?? {})) {
      sum.diagnostics ??= {};
      sum.diagnostics[severity] = (sum.diagnostics[severity] ?? 0) + n;
    }
  }
  return sum;
}

/** The legal entities named by the checklists, once each, with the systems that name them. */
function legalEntities(checklists: readonly ChecklistSystemInput[]): Record<string, string | null>[] {
  const byKey = new Map<string, { entity: Record<string, string | null>; systems: string[] }>();
  for (const checklist of checklists) {
    const entity = checklist.legalEntity;
    if (!entity || !Object.values(entity).some((value) => value)) continue;
    const key = `${entity.name ?? ''}|${entity.creditCode ?? ''}`;
    const entry = byKey.get(key) ?? { entity: { ...entity }, systems: [] };
    entry.systems.push(checklist.system);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ entity, systems }) => ({ ...entity, systems: systems.sort(compareText).join(', ') }));
}

/** By file, line, then id: the order of the checklists (a hand-added item without a location goes last). */
function compareItems(a: RegisterItem, b: RegisterItem): number {
  const la = splitLocation(a.location);
  const lb = splitLocation(b.location);
  return compareText(la.file, lb.file) || la.line - lb.line || compareText(a.id, b.id);
}

function splitLocation(location: unknown): { file: string; line: number } {
  if (typeof location !== 'string') return { file: '\uffff', line: 0 };
  const cut = location.lastIndexOf(':');
  const line = Number(location.slice(cut + 1));
  return cut > 0 && Number.isInteger(line) ? { file: location.slice(0, cut), line } : { file: location, line: 0 };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

