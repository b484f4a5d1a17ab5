import type { ExtractionProblem, SourceComment } from '../model';

/**
 * One small tree for JSON and YAML documents, so that JSON Schema and OpenAPI share one walk.
 * Positions are 1-based line/column (UTF-16 code units); a quoted string's position is that of
 * its first character inside the quotes, which is what a user reads as the name.
 */
export interface TreePosition {
  line: number;
  column: number;
}

export interface TreeMember {
  key: string;
  keyPosition: TreePosition;
  value: TreeNode;
  /** Source comments just above the key or trailing on its line (JSONC `//`, YAML `#`). */
  comments: SourceComment[];
}

export type ScalarValue = string | number | boolean | null;

export type TreeNode =
  | { kind: 'object'; position: TreePosition; members: TreeMember[] }
  | { kind: 'array'; position: TreePosition; items: TreeNode[] }
  | { kind: 'scalar'; position: TreePosition; value: ScalarValue };

export type ObjectNode = Extract<TreeNode, { kind: 'object' }>;

/** The documents of one file (YAML may hold several) and what could not be read. */
export interface ParsedTree {
  roots: TreeNode[];
  problems: ExtractionProblem[];
}

export function isObject(node: TreeNode | undefined): node is ObjectNode {
  return node?.kind === 'object';
}

export function memberOf(node: TreeNode | undefined, key: string): TreeMember | undefined {
  return isObject(node) ? node.members.find((m) => m.key === key) : undefined;
}

export function valueOf(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return memberOf(node, key)?.value;
}

/** The string held by `node[key]`, if it is a string. */
export function stringAt(node: TreeNode | undefined, key: string): string | undefined {
  const value = valueOf(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}
