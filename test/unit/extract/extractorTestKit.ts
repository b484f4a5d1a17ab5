import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractedEntity, ExtractedField, ExtractionResult, Extractor } from '../../../src/core/extract/model';

/** Shared helpers of the extractor tests: read a fixture, find an entity or a field or fail clearly. */
export function fixtureExtractor(extractor: Extractor, folder: string): (name: string) => Promise<ExtractionResult> {
  const dir = path.join(__dirname, '../../fixtures/extract', folder);
  return (name) => {
    const file = path.join(dir, name);
    return extractor.extract(fs.readFileSync(file, 'utf8'), file);
  };
}

export function entityNamed(result: ExtractionResult, name: string): ExtractedEntity {
  const found = result.entities.find((e) => e.name === name);
  assert.ok(found, `entity ${name} not found among ${result.entities.map((e) => e.name).join(', ')}`);
  return found;
}

export function fieldNamed(owner: ExtractedEntity, name: string): ExtractedField {
  const found = owner.fields.find((f) => f.name === name);
  assert.ok(found, `field ${owner.name}.${name} not found among ${owner.fields.map((f) => f.name).join(', ')}`);
  return found;
}
