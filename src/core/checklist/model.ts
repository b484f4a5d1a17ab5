import type { LegalEntityInfo } from '../config/model';
import type { Disposition, DispositionSource } from '../disposition/model';
import type { FieldFinding } from '../scan/model';

/** Work state of an item or a step, set by people. */
export type ChecklistStatus = 'todo' | 'in-progress' | 'done' | 'verified';

export const CHECKLIST_STATUSES: readonly ChecklistStatus[] = ['todo', 'in-progress', 'done', 'verified'];

/** Closed statuses: the work is finished. */
export function isClosedStatus(status: unknown): boolean {
  return status === 'done' || status === 'verified';
}

/** The seed's three-way classification of information (个人隐私 / 商业秘密 / 其他). */
export type InformationClass = '个人隐私信息' | '商业秘密信息' | '其他信息';

/** What the checklist needs of a finding; a whole `FieldFinding` fits. */
export type ChecklistFinding = Pick<FieldFinding, 'id' | 'file' | 'line' | 'column' | 'entity' | 'field' | 'category' | 'sensitive' | 'isPI'>;

/** One field to list: the finding, the disposition in force (if any) and the evidence seen. */
export interface ChecklistItemInput {
  finding: ChecklistFinding;
  /** Resolved disposition (annotation, checklist or policy), or null while undecided. */
  disposition: Disposition | null;
  /** Short, already masked evidence strings (TTL job, purge statement, anonymizer…). */
  evidence: string[];
  /** Category label in Chinese and English, e.g. 身份证号 / Resident ID number. */
  labelZh?: string;
  labelEn?: string;
}

export interface ChecklistSystemInput {
  /** Workspace folder or repository name. */
  name: string;
  items: ChecklistItemInput[];
}

export interface ChecklistInput {
  legalEntity: LegalEntityInfo;
  /** The systems scanned in this run. A system in the file but not here is left as it is. */
  systems: ChecklistSystemInput[];
}

// --- The file as written (what the schema allows), for reading it back. ---

export interface ChecklistDispositionData {
  action: Disposition['action'];
  period?: string;
  until?: string;
  then?: string;
  basis?: string;
  to?: string;
  contact?: string;
  method?: string;
  mechanism?: string;
  reason?: string;
  owner?: string;
  extra?: Record<string, string | number | boolean>;
  declaredIn?: DispositionSource;
}

export interface ChecklistItemData {
  id: string;
  location?: string;
  entity?: string;
  field?: string;
  category?: string | null;
  label?: string;
  sensitive?: boolean;
  class?: InformationClass;
  disposition?: ChecklistDispositionData | null;
  evidence?: string[];
  status: ChecklistStatus;
  owner?: string | null;
  note?: string | null;
  gone?: boolean;
  manual?: boolean;
}

export interface ChecklistStepData {
  id: string;
  title?: string;
  basis?: string;
  reason?: string;
  needed?: boolean;
  status: ChecklistStatus;
  owner?: string | null;
  note?: string | null;
}

export interface ChecklistData {
  version: 1;
  legalEntity?: Record<string, string | null>;
  summary?: Record<string, number>;
  systems: { name: string; items: ChecklistItemData[] }[];
  steps?: ChecklistStepData[];
}

/** Default file name of the checklist (`checklist` in `.piaudit.yaml` changes it). */
export const CHECKLIST_FILE_NAME = 'pi-disposition.yaml';
