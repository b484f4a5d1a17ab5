import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity } from '../model';
import { failureProblem, recoverDeclarations, type RecoveredDeclaration, type RecoveryPattern, type TreeSitterRead } from './syntaxHelpers';

/** What a language's reader keeps of one type declaration, intact or rebuilt from an ERROR node. */
export interface DeclarationParts {
  nameNode: Node;
}

/** How one language finds and reads its type declarations (Java classes, C# classes and records…). */
export interface DeclarationReading<P extends DeclarationParts> {
  /** Node types of the declarations the parser closed. */
  declarationTypes: readonly string[];
  /** How a declaration the parser could not close is found inside ERROR nodes. */
  recovery: RecoveryPattern;
  /** The word problems use for a declaration (`class Member`, `type Member`). */
  noun: string;
  declared(declaration: Node, nameNode: Node): P;
  recovered(recovered: RecoveredDeclaration): P;
  read(parts: P): ExtractedEntity | undefined;
}

/**
 * Reads every type declaration of a file, the parser's and the recovered ones. One that fails to
 * read is reported as a problem at its name and the others are still read; entities come back in
 * source order.
 */
export function readTypeDeclarations<P extends DeclarationParts>(context: TreeSitterRead, reading: DeclarationReading<P>): ExtractedEntity[] {
  const parts: P[] = [];
  for (const declaration of context.nodes.of(reading.declarationTypes)) {
    const nameNode = declaration.childForFieldName('name');
    if (nameNode) parts.push(reading.declared(declaration, nameNode));
  }
  parts.push(...recoverDeclarations(context.nodes, reading.recovery).map((recovered) => reading.recovered(recovered)));
  const entities: ExtractedEntity[] = [];
  for (const part of parts) {
    try {
      const entity = reading.read(part);
      if (entity) entities.push(entity);
    } catch (error) {
      context.problems.push(failureProblem(`${reading.noun} ${part.nameNode.text}`, error, context.doc.at(part.nameNode)));
    }
  }
  return entities.sort((a, b) => a.line - b.line || a.column - b.column);
}
