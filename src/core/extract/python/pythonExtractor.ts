/** Python model files: Django, SQLAlchemy (declarative and Core), pydantic / SQLModel, dataclasses, attrs, marshmallow. */
import type { ExtractionResult, Extractor } from '../model';
import type { GrammarLoader } from '../treeSitter/grammarLoader';
import { extractWithTreeSitter } from '../treeSitter/syntaxHelpers';
import { CLASS_DEFINITIONS, readPythonClasses } from './pythonModelReader';
import { readCoreTables, TABLE_CALLS } from './sqlalchemyTables';

/** Words whose presence in the head of a .py file suggests it declares models. */
const MODEL_MARKERS = [
  'models.Model', 'django', 'sqlalchemy', 'Column(', 'mapped_column', 'declarative_base', 'BaseModel',
  'dataclass', 'pydantic', 'SQLModel', 'marshmallow', 'mongoengine', 'peewee', 'TypedDict', 'attrs',
];

export class PythonExtractor implements Extractor {
  readonly format = 'python' as const;

  constructor(private readonly loader: GrammarLoader) {}

  accepts(filePath: string, head: string): boolean {
    return /\.pyi?$/i.test(filePath) && MODEL_MARKERS.some((marker) => head.includes(marker));
  }

  extract(text: string, _filePath: string): Promise<ExtractionResult> {
    // Core tables need every call of the file: only worth finding when the text can hold one.
    const coreTables = text.includes('Table(');
    const nodeTypes = [...CLASS_DEFINITIONS, ...(coreTables ? TABLE_CALLS : [])];
    const setup = { loader: this.loader, grammar: 'python', format: this.format, commentTypes: ['comment'], nodeTypes } as const;
    return extractWithTreeSitter(setup, text, (context) =>
      [...readPythonClasses(context), ...(coreTables ? readCoreTables(context) : [])].sort(
        (a, b) => a.line - b.line || a.column - b.column,
      ),
    );
  }
}
