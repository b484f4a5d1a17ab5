import { isAlias, isMap, type YAMLMap } from 'yaml';
import type { ChecklistItemData } from './model';
import { scalarValue, valueNode } from './yamlNodes';

/**
 * A decision people took in the checklist: `declaredIn: checklist`, no `declaredIn`, or an alias
 * to a decision written elsewhere. Anything else is a copy of the code or the policy.
 */
export function isHumanDisposition(item: YAMLMap): boolean {
  const node = valueNode(item, 'disposition');
  if (isAlias(node)) return true;
  if (!isMap(node)) return false;
  const declaredIn = scalarValue(node, 'declaredIn');
  return declaredIn === undefined || declaredIn === null || declaredIn === 'checklist';
}

/** Added by hand: flagged `manual: true`, or an id that is not a finding id (`file#entity.field`). */
export function isManual(item: Pick<ChecklistItemData, 'id' | 'manual'>): boolean {
  return item.manual === true || !item.id.includes('#');
}
