import { isMap, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EditedDocument } from './editedDocument';
import { isAbroad } from './itemContent';
import type { ItemView } from './itemView';
import type { ChecklistStepData } from './model';
import { STEP_DEFINITIONS, type StepFieldView } from './steps';
import { appendItem, deleteKey, reorderSeq, scalarValue, setScalar, sortAnchored, valueNode } from './yamlNodes';

/**
 * Brings the process steps in line with the items: needed steps are added (or refreshed), steps
 * no longer needed are kept and marked `needed: false`, steps people added stay where they put
 * them. People's status, owner and note are never touched.
 */
export function mergeSteps(edited: EditedDocument, seq: YAMLSeq, existing: readonly ChecklistStepData[], views: readonly ItemView[]): void {
  const fields: StepFieldView[] = views
    .filter((v) => !v.gone)
    .map((v) => ({ personal: v.personal && v.disposition?.action !== 'ignore', sensitive: v.sensitive, action: v.disposition?.action, abroad: isAbroad(v.disposition) }));
  const byId = new Map<string, YAMLMap>();
  seq.items.forEach((node, index) => {
    if (isMap(node)) byId.set(existing[index].id, node);
  });
  for (const step of STEP_DEFINITIONS) {
    const reason = step.needed(fields);
    const title = `${step.titleZh} / ${step.titleEn}`;
    const node = byId.get(step.id);
    if (reason !== undefined) {
      if (node) {
        setScalar(edited, node, 'title', title);
        setScalar(edited, node, 'basis', step.basis);
        setScalar(edited, node, 'reason', reason);
        if (valueNode(node, 'needed') !== undefined) deleteKey(edited, node, 'needed');
      } else {
        appendItem(edited, seq, edited.doc.createNode({ id: step.id, title, basis: step.basis, reason, status: 'todo', owner: '', note: '' }));
      }
    } else if (node) {
      // No longer needed for what was found; kept with its status, never dropped.
      setScalar(edited, node, 'title', title);
      setScalar(edited, node, 'basis', step.basis);
      setScalar(edited, node, 'reason', '当前发现的字段不需要此步骤 / not needed for the fields found now');
      setScalar(edited, node, 'needed', false);
    }
  }
  const rank = new Map(STEP_DEFINITIONS.map((step, index) => [step.id, index]));
  const order = sortAnchored(seq.items, (node) => (isMap(node) ? rank.get(String(scalarValue(node, 'id'))) : undefined), (a, b) => a - b);
  reorderSeq(edited, seq, order);
}
