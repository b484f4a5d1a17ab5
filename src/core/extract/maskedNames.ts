import { redactValues } from '../values/redactValues';
import type { ExtractionResult, Extractor } from './model';

/**
 * An extractor whose entity and field names never carry a PI value whole. Names come from the
 * data as often as from a schema (a JSON fixture keyed by ID number, a YAML map of phone numbers),
 * and a name is shown everywhere: reports, finding ids, the checklist. A value in a name is masked
 * the same way every time, so ids stay stable from run to run.
 */
export function withMaskedNames(extractor: Extractor): Extractor {
  return {
    format: extractor.format,
    accepts: (filePath, head) => extractor.accepts(filePath, head),
    extract: async (text, filePath) => maskNames(await extractor.extract(text, filePath)),
  };
}

function maskNames(result: ExtractionResult): ExtractionResult {
  for (const entity of result.entities) {
    entity.name = redactValues(entity.name);
    entity.aliases = entity.aliases.map(redactValues);
    if (entity.parent !== undefined) entity.parent = redactValues(entity.parent);
    for (const field of entity.fields) {
      field.name = redactValues(field.name);
      field.aliases = field.aliases.map(redactValues);
    }
  }
  return result;
}
