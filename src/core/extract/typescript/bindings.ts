import type { Node } from 'web-tree-sitter';

/** A name declared in the file: `const x = …`, `let x = …`, `class X …`. */
export interface Binding {
  name: string;
  nameNode: Node;
  /** The initializer of a variable, or the class node itself. */
  value?: Node;
}

export const CLASS_NODE_TYPES = ['class_declaration', 'abstract_class_declaration', 'class'];
const CLASS_TYPES = new Set(CLASS_NODE_TYPES);

/**
 * The file's declared names, so that `sequelize.define('M', attributes)`, `new Schema(definition)`
 * and `{ ...common }` can follow an identifier to the object literal it names. Scopes are not
 * modelled: the first declaration of a name wins, which is right for model files in practice.
 */
export class Bindings {
  private readonly byName = new Map<string, Binding>();

  /** `declarations`: variable declarators and class nodes, in document order. */
  constructor(declarations: Node[]) {
    for (const node of declarations) {
      const name = node.childForFieldName('name');
      if (node.type === 'variable_declarator') {
        if (name?.type === 'identifier') this.remember({ name: name.text, nameNode: name, value: node.childForFieldName('value') ?? undefined });
      } else if (name) {
        this.remember({ name: name.text, nameNode: name, value: node });
      }
    }
  }

  get(name: string): Binding | undefined {
    return this.byName.get(name);
  }

  /** The object literal an expression stands for: itself, or the initializer of the variable it names. */
  objectLiteral(node: Node | undefined): Node | undefined {
    const seen = new Set<string>();
    let current = node;
    while (current?.type === 'identifier' && !seen.has(current.text)) {
      seen.add(current.text);
      current = this.byName.get(current.text)?.value;
    }
    return current?.type === 'object' ? current : undefined;
  }

  /** The class declared under `name`, if any. */
  classNamed(name: string): Node | undefined {
    const value = this.byName.get(name)?.value;
    return value && CLASS_TYPES.has(value.type) ? value : undefined;
  }

  private remember(binding: Binding): void {
    if (!this.byName.has(binding.name)) this.byName.set(binding.name, binding);
  }
}
