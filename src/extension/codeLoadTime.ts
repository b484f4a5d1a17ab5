/** A performance mark as VS Code's extension host records them (`vs/base/common/performance`). */
interface PerformanceMark {
  name: string;
  startTime: number;
}

/**
 * How long the extension host took to load this extension's code (read the bundle, compile and
 * run it), from the marks it sets around the `require` (`code/extHost/willLoadExtensionCode/<id>`
 * and `didLoadExtensionCode`). Those marks live in an internal global of the extension host, not
 * in the API: undefined wherever they are missing. For the activation benchmark's log line.
 */
export function codeLoadTime(extensionId: string, host: object = globalThis): number | undefined {
  const marks = (host as { MonacoPerformanceMarks?: { getMarks?: () => PerformanceMark[] } }).MonacoPerformanceMarks?.getMarks?.();
  if (!Array.isArray(marks)) return undefined;
  const at = (name: string): number | undefined => marks.find((mark) => mark.name === `code/extHost/${name}/${extensionId}`)?.startTime;
  const will = at('willLoadExtensionCode');
  const did = at('didLoadExtensionCode');
  return will === undefined || did === undefined ? undefined : did - will;
}
