/** Reading Python expressions from the tree-sitter-python syntax tree: names, calls, literals. */
import type { Node } from 'web-tree-sitter';
import { namedChildrenOf, unquoteStringLiteral } from '../treeSitter/syntaxHelpers';

/** Translation wrappers around display strings: `_("姓名")`, `gettext_lazy("姓名")`. */
const GETTEXT_FUNCTIONS = new Set(['_', 'N_', 'gettext', 'gettext_lazy', 'ugettext', 'ugettext_lazy', 'lazy_gettext', 'gettext_noop']);
/** Context-taking variants: the message is the second argument. */
const PGETTEXT_FUNCTIONS = new Set(['pgettext', 'pgettext_lazy']);

/** `models.CharField` → ['models', 'CharField']; undefined when the expression is not a dotted name. */
export function dottedName(node: Node | null): string[] | undefined {
  if (!node) return undefined;
  // Reading a node's type is a call into WebAssembly: once per node.
  const type = node.type;
  if (type === 'identifier') return [node.text];
  if (type === 'attribute') {
    const object = dottedName(node.childForFieldName('object'));
    const attribute = node.childForFieldName('attribute');
    return object && attribute ? [...object, attribute.text] : undefined;
  }
  return undefined;
}

/** Last segment of a call's callee (`sa.Column(...)` → `Column`). */
export function calleeName(call: Node): string[] | undefined {
  return call.type === 'call' ? dottedName(call.childForFieldName('function')) : undefined;
}

export interface CallArguments {
  positional: Node[];
  keywords: Map<string, Node>;
}

/** Positional and keyword arguments of a call; splats and comments are left out. */
export function callArguments(call: Node): CallArguments {
  const result: CallArguments = { positional: [], keywords: new Map() };
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return result;
  for (const argument of namedChildrenOf(list)) {
    const type = argument.type;
    if (type === 'comment' || type === 'list_splat' || type === 'dictionary_splat') continue;
    if (type === 'keyword_argument') {
      const name = argument.childForFieldName('name');
      const value = argument.childForFieldName('value');
      if (name && value) result.keywords.set(name.text, value);
    } else {
      result.positional.push(argument);
    }
  }
  return result;
}

/**
 * The text of a string expression: a literal, implicitly concatenated literals, or a literal
 * inside a translation call such as `_("姓名")`. Undefined for anything computed.
 */
export function pythonString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string':
      return namedChildrenOf(node).some((child) => child.type === 'interpolation') ? undefined : unquoteStringLiteral(node.text);
    case 'concatenated_string': {
      const parts = namedChildrenOf(node).filter((child) => child.type !== 'comment').map((part) => pythonString(part));
      return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
    }
    case 'parenthesized_expression':
      return pythonString(namedChildrenOf(node).find((child) => child.type !== 'comment'));
    case 'call': {
      const name = calleeName(node)?.at(-1);
      const args = callArguments(node);
      if (name && GETTEXT_FUNCTIONS.has(name)) return pythonString(args.positional[0]);
      if (name && PGETTEXT_FUNCTIONS.has(name)) return pythonString(args.positional[1]);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A literal default value as source-level text: strings unquoted, numbers and booleans as written. */
export function pythonLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string':
    case 'concatenated_string':
      return pythonString(node);
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
      return node.text;
    case 'unary_operator': {
      const operand = node.childForFieldName('argument');
      return operand && (operand.type === 'integer' || operand.type === 'float') ? node.text.replace(/\s+/g, '') : undefined;
    }
    default:
      return undefined;
  }
}

/** String-keyed entries of a `{...}` literal or a `dict(key=...)` call. */
export function dictionaryEntries(node: Node | null | undefined): Map<string, Node> {
  const entries = new Map<string, Node>();
  if (!node) return entries;
  if (node.type === 'dictionary') {
    for (const pair of namedChildrenOf(node)) {
      if (pair.type !== 'pair') continue;
      const key = pythonString(pair.childForFieldName('key'));
      const value = pair.childForFieldName('value');
      if (key !== undefined && value) entries.set(key, value);
    }
  } else if (node.type === 'call' && calleeName(node)?.join('.') === 'dict') {
    return callArguments(node).keywords;
  }
  return entries;
}

/** The docstring of a block: a string expression as its first statement. */
export function blockDocstring(block: Node | null): string | undefined {
  const first = block ? namedChildrenOf(block).find((child) => child.type !== 'comment') : undefined;
  return first ? statementString(first) : undefined;
}

/** The string of an expression statement that holds nothing but a string. */
export function statementString(statement: Node): string | undefined {
  if (statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return undefined;
  const expression = statement.namedChild(0);
  return expression && (expression.type === 'string' || expression.type === 'concatenated_string') ? pythonString(expression) : undefined;
}

/** A docstring as a one-line description: the first paragraph, lines folded, indentation dropped. */
export function docstringSummary(docstring: string | undefined): string | undefined {
  if (!docstring) return undefined;
  const paragraphs = docstring.trim().split(/\n\s*\n/);
  const summary = paragraphs[0].split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  return summary === '' ? undefined : summary;
}
