/** A path into a YAML/JSON value: map keys and sequence indices. */
export type KeyPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * Readable key path: `rules."pi/missing-disposition"`, `policies[2].action`,
 * `systems[0].items[3].status`. Empty for the top level.
 */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `${out ? '.' : ''}${JSON.stringify(segment)}`;
  }
  return out;
}

/** Splits an ajv `instancePath` (a JSON pointer) into segments; digits are left as strings. */
export function splitJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
