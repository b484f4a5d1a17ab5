import type { Node } from 'web-tree-sitter';
import { collapseWhitespace, lastSegment, stringValue } from './syntax';

/** Namespaces that only hold column types: `DataTypes.STRING(18)` is written `STRING(18)`. */
const TYPE_NAMESPACES = new Set(['DataTypes', 'DataType', 'Sequelize']);

/**
 * The column type as written, without its type namespace: `DataTypes.STRING(18)` → `STRING(18)`,
 * `Sequelize.DataTypes.DATE` → `DATE`, `'varchar'` → `varchar`, `String` → `String`.
 */
export function ormTypeText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  const namespace = typeNamespace(node);
  const text = namespace ? node.text.slice(namespace.endIndex + 1 - node.startIndex) : node.text;
  return collapseWhitespace(text);
}

/** The outermost `X` of `X.TYPE…` along the callee/object chain whose last segment is a type namespace. */
function typeNamespace(node: Node): Node | undefined {
  let current: Node | null = node;
  while (current) {
    if (current.type === 'call_expression') {
      current = current.childForFieldName('function');
    } else if (current.type === 'member_expression') {
      const object = current.childForFieldName('object');
      if (object && TYPE_NAMESPACES.has(lastSegment(object))) return object;
      current = object;
    } else {
      return undefined;
    }
  }
  return undefined;
}
