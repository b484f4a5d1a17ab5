import type { Tree } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractionProblem, ExtractionResult, Extractor } from '../model';
import type { GrammarLoader } from '../treeSitter/grammarLoader';
import { readDeclaredTypes } from './classEntities';
import { mayDeclareEntitySchemas, readEntitySchemas } from './entitySchemas';
import { mergeEntity } from './entityParts';
import { grammarFor, headLooksLikeModels, textDeclaresModels } from './fileSelection';
import { mayDeclareMongooseSchemas, readMongooseSchemas } from './mongooseSchemas';
import { mayCallSequelize, readSequelizeModels } from './sequelizeModels';
import { SourceFile } from './sourceFile';
import { reportSyntaxErrors } from './syntaxProblems';
import { stoppedMessage, type GuardedParse } from '../treeSitter/guardedParse';

/**
 * TypeScript and JavaScript models: TypeORM / MikroORM / sequelize-typescript entity classes,
 * TypeORM `EntitySchema`, Sequelize `define` / `Model.init` / migration `createTable`, Mongoose
 * schemas, and plain classes, interfaces and object types with typed properties (DTOs). Reads the tree-sitter syntax tree, never the raw text.
 */
export class TypeScriptExtractor implements Extractor {
  readonly format = 'typescript' as const;

  constructor(private readonly grammars: GrammarLoader) {}

  accepts(filePath: string, head: string): boolean {
    return grammarFor(filePath) !== undefined && headLooksLikeModels(head);
  }

  /**
   * Most source files the head test lets through (services, controllers, utilities) declare no
   * model: a text that cannot hold one (`textDeclaresModels`) is not parsed. The result is the
   * one `readModels` gives (tested on every fixture).
   */
  extract(text: string, filePath: string): Promise<ExtractionResult> {
    if (!textDeclaresModels(text)) return Promise.resolve({ format: this.format, entities: [], problems: [] });
    return this.readModels(text, filePath);
  }

  /** Parses the text and runs every reader over the syntax tree. */
  async readModels(original: string, filePath: string): Promise<ExtractionResult> {
    // tree-sitter ends lines only at \n: a lone \r (classic Mac) would glue a `//` comment to the
    // next line. Same length, so every offset and position stays that of the original text.
    const text = original.replace(/\r(?!\n)/g, '\n');
    const result: ExtractionResult = { format: this.format, entities: [], problems: [] };
    let tree: Tree | null = null;
    let parsed: GuardedParse | undefined;
    try {
      parsed = await this.grammars.parse(grammarFor(filePath) ?? 'typescript', text);
      tree = parsed.tree;
    } catch (error) {
      result.problems.push(failure('The TypeScript/JavaScript parser could not be started or failed', error));
      return result;
    }
    if (!tree) {
      result.problems.push({ message: parsed?.stopped ? stoppedMessage('TypeScript/JavaScript', parsed) : 'The TypeScript/JavaScript parser returned no syntax tree.', line: 1, column: 1 });
      return result;
    }
    try {
      const readers = callReaders(text);
      const file = new SourceFile(text, filePath, tree.rootNode, readers.sequelize || readers.mongoose || readers.entitySchemas);
      reportSyntaxErrors(file);
      result.entities = readAll(file, readers, result.problems);
      result.problems.unshift(...file.problems);
    } catch (error) {
      result.problems.push(failure('Reading the syntax tree failed', error));
    } finally {
      tree.delete();
    }
    return result;
  }
}

/** Which readers of calls run on a text. */
interface CallReaders {
  sequelize: boolean;
  mongoose: boolean;
  entitySchemas: boolean;
}

/**
 * The readers of calls run only on a text that holds a name they look for: they would find
 * nothing in the others (tested on every file of the tests, the sources and the corpus).
 */
function callReaders(text: string): CallReaders {
  return { sequelize: mayCallSequelize(text), mongoose: mayDeclareMongooseSchemas(text), entitySchemas: mayDeclareEntitySchemas(text) };
}

/**
 * Runs every reader; one reader failing on an odd construct costs only its own entities.
 * A Sequelize `Class.init` is folded into the class's own declaration when there is one.
 */
function readAll(file: SourceFile, readers: CallReaders, problems: ExtractionProblem[]): ExtractedEntity[] {
  const declared = guarded('classes, interfaces and types', problems, () => readDeclaredTypes(file)) ?? [];
  const sequelize = readers.sequelize ? guarded('Sequelize models', problems, () => readSequelizeModels(file)) ?? [] : [];
  const mongoose = readers.mongoose ? guarded('Mongoose schemas', problems, () => readMongooseSchemas(file)) ?? [] : [];
  const entitySchemas = readers.entitySchemas ? guarded('TypeORM entity schemas', problems, () => readEntitySchemas(file)) ?? [] : [];

  const entities = [...declared];
  for (const model of sequelize) {
    const declaredClass = model.className
      ? declared.find((e) => e.name === model.className && e.parent === undefined && (e.kind === 'class' || e.kind === 'model'))
      : undefined;
    if (declaredClass) mergeEntity(declaredClass, model.entity);
    else entities.push(model.entity);
  }
  entities.push(...mongoose, ...entitySchemas);
  return entities.sort((a, b) => a.line - b.line || a.column - b.column);
}

function guarded<T>(what: string, problems: ExtractionProblem[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    problems.push(failure(`Reading ${what} failed`, error));
    return undefined;
  }
}

function failure(what: string, error: unknown): ExtractionProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return { message: `${what}: ${reason}`, line: 1, column: 1 };
}
