/**
 * Masks a value for display: at most the first 3 and last 2 characters stay visible, and never
 * more than half of the value, so no output can carry the whole value. Works on code points, so
 * a Chinese name is masked per character (`张三丰` → `张**`).
 */
export function mask(value: string): string {
  const chars = Array.from(value);
  const n = chars.length;
  const [head, tail] = n >= 11 ? [3, 2] : n >= 7 ? [2, 1] : n >= 2 ? [1, 0] : [0, 0];
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}
