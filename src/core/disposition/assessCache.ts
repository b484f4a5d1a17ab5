import type { FieldFinding } from '../scan/model';
import { LineEvidenceCache } from './evidence/lineEvidence';
import { resolveDisposition, type ResolveContext, type ResolvedDisposition } from './resolve';

/**
 * What `assessFields` can keep from one call to the next for a folder whose files change one at
 * a time (an editor's): each file's evidence line scan, kept while its text is the same, and
 * each field's resolved disposition, kept while its finding is the same object (its file was not
 * analysed again) and the checklist, policies and system are the same. Results are identical to
 * an assessment without the cache.
 */
export class AssessCache {
  readonly lines = new LineEvidenceCache();
  private resolved = new WeakMap<FieldFinding, ResolvedDisposition>();
  private context: ResolveContext | undefined;

  /** `resolveDisposition(finding, context)`, remembered for the finding while the context holds. */
  resolve(finding: FieldFinding, context: ResolveContext): ResolvedDisposition {
    if (!this.context || !sameContext(this.context, context)) {
      this.resolved = new WeakMap();
      this.context = { ...context };
    }
    let resolved = this.resolved.get(finding);
    if (!resolved) {
      resolved = resolveDisposition(finding, context);
      this.resolved.set(finding, resolved);
    }
    return resolved;
  }
}

/** The same checklist and policies (the same objects: a reload makes new ones) for the same system. */
function sameContext(a: ResolveContext, b: ResolveContext): boolean {
  return a.checklist === b.checklist && a.policies === b.policies && a.system === b.system;
}
