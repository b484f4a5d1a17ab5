import { CSharpExtractor } from './csharp/csharpExtractor';
import { CsvDictionaryExtractor } from './csvDictionary';
import { GraphqlExtractor } from './graphql';
import { GoExtractor } from './go/goExtractor';
import { JavaExtractor } from './java/javaExtractor';
import { withMaskedNames } from './maskedNames';
import type { Extractor } from './model';
import { MyBatisXmlExtractor } from './mybatisXml';
import { PrismaExtractor } from './prisma';
import { ProtobufExtractor } from './protobuf';
import { PythonExtractor } from './python/pythonExtractor';
import { SqlExtractor } from './sql/sqlExtractor';
import { JsonDataExtractor } from './schemaTree/jsonData';
import { JsonSchemaExtractor } from './schemaTree/jsonSchema';
import { OpenApiExtractor } from './schemaTree/openapi';
import type { GrammarLoader } from './treeSitter/grammarLoader';
import { TypeScriptExtractor } from './typescript/typescriptExtractor';

/**
 * Every extractor, in the order they are asked whether they accept a file: specific formats
 * first (OpenAPI before JSON Schema before plain JSON data). Names they read are masked where
 * they hold a PI value (`withMaskedNames`).
 */
export function createExtractors(grammars: GrammarLoader): Extractor[] {
  const extractors: Extractor[] = [
    new SqlExtractor({ entitiesFromInserts: true }),
    new MyBatisXmlExtractor(),
    new CsvDictionaryExtractor(),
    new PrismaExtractor(),
    new ProtobufExtractor(),
    new GraphqlExtractor(),
    new OpenApiExtractor(),
    new JsonSchemaExtractor(),
    new JsonDataExtractor(),
    new TypeScriptExtractor(grammars),
    new PythonExtractor(grammars),
    new JavaExtractor(grammars),
    new GoExtractor(grammars),
    new CSharpExtractor(grammars),
  ];
  return extractors.map(withMaskedNames);
}
