import type { Language, Node } from 'web-tree-sitter';

/**
 * Every named node of the given types under `root`, in document order (matches inside matches
 * too). An intact tree is walked by the grammar runtime's own walk (`descendantsOfType`, in
 * WebAssembly), which builds JS objects only for the nodes it returns: stepping a tree cursor
 * from JS costs a round trip per node and was the largest cost of reading Java, Python, Go and
 * C# files. A tree with errors, or an empty one, takes the cursor walk: the runtime's walk skips
 * empty nodes at the very start of the file, which only those have (grammar rules other than the
 * root cannot match nothing). (A query capture would give the
 * same nodes, but its cursor is quadratic in the children of one node: a damaged file that
 * parses into one error node with 10,000 children took 1 s per query; found by the fuzzer.)
 */
export function descendantsOfTypes(root: Node, types: readonly string[]): Node[] {
  return typedDescendantsOfTypes(root, types).map((found) => found.node);
}

/** A node with its type, which costs a call into WebAssembly to read. */
export interface TypedNode {
  type: string;
  node: Node;
}

/** `descendantsOfTypes`, each node with its type. */
export function typedDescendantsOfTypes(root: Node, types: readonly string[]): TypedNode[] {
  if (root.hasError || root.endIndex === root.startIndex) return cursorWalk(root, types);
  // An intact tree has no ERROR node, and the runtime expects its type ids in ascending order,
  // which `ERROR` (id 65535, listed first) would break.
  const found = root.descendantsOfType(types.filter((type) => type !== 'ERROR'));
  // The runtime matches names, and a few grammars use one name for a node and a keyword (`class`).
  const ambiguous = namesOfAnonymousNodes(root.tree.language, types);
  const named: TypedNode[] = [];
  for (const node of found) {
    if (!node) continue;
    const type = node.type;
    if (!ambiguous.has(type) || node.isNamed) named.push({ type, node });
  }
  return named;
}

/**
 * Which of `types` also name an anonymous node (a keyword or punctuation): the names for which
 * `language.idForNodeType(type, false)` is not null. Read from the language's table of names,
 * because `idForNodeType` compares the name with every symbol inside WebAssembly, which cost
 * more than the walk itself on small files. Only visible symbols have a name in the table,
 * and a visible symbol that is not named is anonymous.
 */
function namesOfAnonymousNodes(language: Language, types: readonly string[]): Set<string> {
  const wanted = new Set(types);
  const anonymous = new Set<string>();
  language.types.forEach((name, id) => {
    if (wanted.has(name) && !language.nodeTypeIsNamed(id)) anonymous.add(name);
  });
  return anonymous;
}

/** `descendantsOfTypes` by a tree cursor stepped from JS: one pass, only the nodes kept are built. */
function cursorWalk(root: Node, types: readonly string[]): TypedNode[] {
  const wanted = new Set(types);
  const found: TypedNode[] = [];
  const cursor = root.walk();
  try {
    for (;;) {
      // Each read is a call into WebAssembly: the type first, which rules out most nodes.
      const type = cursor.nodeType;
      if (wanted.has(type) && cursor.nodeIsNamed) found.push({ type, node: cursor.currentNode });
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return found;
      }
    }
  } finally {
    cursor.delete();
  }
}
