import type { ChecklistDispositionData, ChecklistItemData } from './model';

/** What the summary and the steps need to know about each item after the merge. */
export interface ItemView {
  sensitive: boolean;
  personal: boolean;
  disposition: ChecklistDispositionData | null;
  status: unknown;
  gone: boolean;
}

/** The view of an item as written in the file (items of systems not scanned, gone and manual items). */
export function viewOf(item: ChecklistItemData): ItemView {
  return {
    sensitive: item.sensitive === true,
    personal: item.class === undefined ? true : item.class === '个人隐私信息',
    disposition: item.disposition ?? null,
    status: item.status,
    gone: item.gone === true,
  };
}
