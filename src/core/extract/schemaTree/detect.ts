/**
 * Cheap tests on a file's path and first few KB deciding which schema extractor reads it.
 * An OpenAPI document is read by the OpenAPI extractor only, even though it holds JSON Schemas.
 */

/** `openapi: 3.0.3`, `swagger: "2.0"`, `{"openapi": "3.1.0"` as a top-level key with a version. */
const OPENAPI_HEAD = /(^|[{,]\s*)["']?(openapi|swagger)["']?\s*:\s*["']?\d/m;
const JSON_SCHEMA_KEY_JSON = /"\$schema"\s*:/;
const JSON_SCHEMA_KEY_YAML = /^["']?\$schema["']?\s*:/m;

export function isJsonOrYamlPath(filePath: string): boolean {
  return /\.(jsonc?|ya?ml)$/i.test(filePath);
}

export function looksLikeOpenApi(filePath: string, head: string): boolean {
  return isJsonOrYamlPath(filePath) && OPENAPI_HEAD.test(head);
}

/**
 * `*.schema.json` / `*.schema.yaml`, or JSON whose head has `"$schema"` or both `"properties"`
 * and `"type"`, or YAML with a top-level `$schema:`.
 */
export function looksLikeJsonSchema(filePath: string, head: string): boolean {
  if (!isJsonOrYamlPath(filePath) || looksLikeOpenApi(filePath, head)) return false;
  if (/\.schema\.(jsonc?|ya?ml)$/i.test(filePath)) return true;
  if (/\.jsonc?$/i.test(filePath)) {
    return JSON_SCHEMA_KEY_JSON.test(head) || (head.includes('"properties"') && head.includes('"type"'));
  }
  return JSON_SCHEMA_KEY_YAML.test(head);
}
