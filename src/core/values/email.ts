import type { ValueMatch } from './model';

/**
 * E-mail addresses. Found by expanding around each `@` with bounded loops instead of a regex
 * with unbounded repetition on both sides, which backtracks quadratically on long runs of word
 * characters (base64 blobs in a dump) — this stays linear in the text length.
 */

export const EMAIL: ValueMatch = { kind: 'basic.email', detector: 'email' };

export interface TextSpan {
  start: number;
  end: number;
}

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
/**
 * File extensions that are not top-level domains: `icon@2x.png`, `logo@3x.webp`, `pkg@next.js`
 * are asset and package names, not addresses.
 */
const FILE_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'avif', 'tif', 'tiff',
  'css', 'scss', 'sass', 'less', 'js', 'mjs', 'cjs', 'jsx', 'tsx', 'ts', 'map', 'json', 'vue',
  'html', 'htm', 'lock', 'wasm', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'webm',
]);
/** Pixel-density suffixes of image names, `@2x`, `@1.5x`. */
const DENSITY_SUFFIX = /^\d+x$/;

// Character tests are local rather than shared helpers because they run for every character
// around every `@`, and a cross-module call is a property lookup per call in transpiled CommonJS.
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLocalChar(c: number): boolean {
  return isWordChar(c) || c === 46 /* . */ || c === 95 /* _ */ || c === 37 /* % */ || c === 43 /* + */ || c === 45 /* - */;
}

function isDomainChar(c: number): boolean {
  return isWordChar(c) || c === 46 /* . */ || c === 45 /* - */;
}

/** Spans of the e-mail addresses in `text`, in order of position. */
export function findEmails(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    const span = emailAround(text, at);
    if (span) spans.push(span);
    at = text.indexOf('@', span ? span.end : at + 1);
  }
  return spans;
}

function emailAround(text: string, at: number): TextSpan | undefined {
  // Domain first: most `@` in code (decorators, npm specifiers, `a@b`) fail here cheaply.
  let end = at + 1;
  let dots = 0;
  while (end < text.length && isDomainChar(text.charCodeAt(end))) {
    if (text.charCodeAt(end) === 46 /* . */) dots++;
    end++;
    if (end - at - 1 > MAX_DOMAIN) return undefined;
  }
  // A sentence may end right after the address: "请联系 a@b.com." — drop trailing dots/hyphens.
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) {
    if (text[end - 1] === '.') dots--;
    end--;
  }
  if (dots === 0 || !isPlausibleDomain(text.slice(at + 1, end))) return undefined;

  let start = at;
  while (start > 0 && isLocalChar(text.charCodeAt(start - 1))) {
    start--;
    if (at - start > MAX_LOCAL) return undefined;
  }
  while (start < at && text.charCodeAt(start) === 46 /* . */) start++;
  const local = text.slice(start, at);
  if (local.length === 0 || local.endsWith('.') || local.includes('..')) return undefined;
  return { start, end };
}

function isPlausibleDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (labels.some((l) => l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) return false;
  const tld = labels[labels.length - 1];
  if (tld.length < 2 || !/^[A-Za-z]+$/.test(tld)) return false;
  if (FILE_EXTENSIONS.has(tld.toLowerCase())) return false;
  return !DENSITY_SUFFIX.test(labels[0]);
}
