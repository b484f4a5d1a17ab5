import * as iconv from 'iconv-lite';

/**
 * Turns a file's bytes into text, or says why it is not text. Order matters: a byte-order mark
 * decides outright; then the first 8 KB are sniffed for binary content; then strict UTF-8; and
 * only bytes that are not valid UTF-8 are read as GB18030 (the superset of GB2312 and GBK that
 * older Chinese systems export), so a UTF-8 file is never mis-read as GBK.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /**
   * How many undecodable byte sequences were replaced by U+FFFD (a damaged or truncated file);
   * absent when the bytes decoded cleanly. Callers should record it as a problem.
   */
  replaced?: number;
}

/**
 * Why bytes were not taken for text; used as the skip reason as is. `binary`: NUL bytes;
 * `binary-control-characters`: too many other control bytes; `unsupported-encoding-utf-32`;
 * `undecodable`: neither UTF-8 nor GB18030 (nor the encoding a byte-order mark announced).
 */
export type BinaryReason = 'binary' | 'binary-control-characters' | 'unsupported-encoding-utf-32' | 'undecodable';

export interface BinaryContent {
  binary: true;
  reason: BinaryReason;
}

const SNIFF_BYTES = 8192;
/** Share of C0 control bytes (other than whitespace, ESC and SUB) above which bytes are binary. */
const MAX_CONTROL_SHARE = 0.1;
/** Share of U+FFFD in a GB18030 reading above which the bytes are not GB18030 text either. */
const MAX_REPLACED_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): DecodedText | BinaryContent {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-32') return { binary: true, reason: 'unsupported-encoding-utf-32' };
  if (bom === 'utf-8') return decodeUtf8(bytes.subarray(3), 'utf-8-bom');
  if (bom === 'utf-16le') return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bom === 'utf-16be') return decodeUtf16(bytes.subarray(2), 'utf-16be');

  const sample = bytes.subarray(0, SNIFF_BYTES);
  // Most files have no NUL byte at all: one native search settles both NUL tests.
  if (sample.indexOf(0) >= 0) {
    const unmarkedUtf16 = guessUnmarkedUtf16(sample);
    if (!unmarkedUtf16) return { binary: true, reason: 'binary' };
    // Arrays of small 16-bit numbers have the same NUL pattern: keep it only if it reads as text.
    const decoded = decodeUtf16(bytes, unmarkedUtf16);
    if ('text' in decoded && textControlShare(decoded.text.slice(0, SNIFF_BYTES / 2)) <= MAX_CONTROL_SHARE) return decoded;
    return { binary: true, reason: 'binary' };
  }
  if (byteControlShare(sample) > MAX_CONTROL_SHARE) return { binary: true, reason: 'binary-control-characters' };

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const damagedUtf8 = mostlyUtf8(bytes);
  if (damagedUtf8) return damagedUtf8;
  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const replaced = countReplacements(gb);
  if (replaced > Math.max(1, gb.length * MAX_REPLACED_SHARE)) return { binary: true, reason: 'undecodable' };
  return replaced > 0 ? { text: gb, encoding: 'gb18030', replaced } : { text: gb, encoding: 'gb18030' };
}

/**
 * A UTF-8 file with a few bad bytes (cut off mid-character, one stray Latin-1 byte) is still
 * UTF-8: read as GB18030 every Chinese character in it would turn to nonsense. GBK text read as
 * UTF-8 is the opposite: almost every non-ASCII byte pair fails, and valid sequences are rare.
 */
function mostlyUtf8(bytes: Uint8Array): DecodedText | undefined {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let valid = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0xfffd) replaced++;
    else if (unit >= 0x80) valid++;
  }
  return valid >= 4 * replaced ? { text, encoding: 'utf-8', replaced } : undefined;
}

function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32' | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  // FF FE 00 00 is the UTF-32LE mark; as UTF-16 it would be a mark followed by a NUL character.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0 && bytes.length % 4 === 0) return 'utf-32';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'utf-32';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without a mark (some Windows exports): mostly-ASCII text then has a NUL in every
 * other byte and none in the others. Without that clear pattern, NUL bytes mean binary (and
 * without any NUL byte there is no pattern).
 */
function guessUnmarkedUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (sample.length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const pairs = sample.length / 2;
  if (evenNuls === 0 && oddNuls >= pairs * 0.4) return 'utf-16le';
  if (oddNuls === 0 && evenNuls >= pairs * 0.4) return 'utf-16be';
  return undefined;
}

/**
 * Share of C0 control characters other than whitespace, SUB (DOS end of file) and ESC (colours).
 * One function for bytes and one for text, so that each loop reads one kind of sequence (it runs
 * over the first 8 KB of every file).
 */
function byteControlShare(sample: Uint8Array): number {
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (isControl(sample[i])) controls++;
  }
  return controls / sample.length;
}

function textControlShare(sample: string): number {
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (isControl(sample.charCodeAt(i))) controls++;
  }
  return controls / sample.length;
}

function isControl(unit: number): boolean {
  return unit < 0x20 && !(unit >= 0x09 && unit <= 0x0d) && unit !== 0x1a && unit !== 0x1b;
}

function decodeUtf8(bytes: Uint8Array, encoding: 'utf-8-bom'): DecodedText | BinaryContent {
  const strict = tryDecode('utf-8', bytes);
  if (strict !== undefined) return { text: strict, encoding };
  // The mark says UTF-8: keep the text and say how much was damaged rather than guess again.
  return lenient('utf-8', bytes, encoding);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText | BinaryContent {
  // Swap big-endian pairs and decode as little-endian, which every Node build supports.
  const littleEndian = encoding === 'utf-16be' ? swapPairs(bytes) : bytes;
  const strict = tryDecode('utf-16le', littleEndian);
  if (strict !== undefined) return { text: strict, encoding };
  return lenient('utf-16le', littleEndian, encoding);
}

function lenient(label: 'utf-8' | 'utf-16le', bytes: Uint8Array, encoding: TextEncoding): DecodedText | BinaryContent {
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  const replaced = countReplacements(text);
  if (replaced > Math.max(1, text.length * MAX_REPLACED_SHARE)) return { binary: true, reason: 'undecodable' };
  return { text, encoding, replaced };
}

function tryDecode(label: 'utf-8' | 'utf-16le', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return undefined; // not valid in this encoding: try the next
    throw error;
  }
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1];
  return swapped;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}
