import * as iconv from 'iconv-lite';
import type { SeededRandom } from './seededRandom';

/** What a mutation may draw on besides the input itself. */
export interface MutationContext {
  /** Other seed inputs, for splicing. */
  others: readonly Buffer[];
}

export interface Mutation {
  name: string;
  apply(input: Buffer, rng: SeededRandom, context: MutationContext): Buffer;
}

export const GIANT_LINE_BYTES = 10 * 1024 * 1024;
export const GIANT_NESTING_DEPTH = 10_000;

const QUOTES = ['"', "'", '`', '"""', "'''", '\u201c', '\u300c'];
const BRACKETS = ['(', ')', '[', ']', '{', '}', '<', '>', '/*', '*/', '<!--', '-->', '${', '{{'];
/** Byte sequences that are never valid UTF-8: a lone lead byte, a stray continuation, an overlong NUL, a surrogate, 0xFF. */
const INVALID_UTF8 = [[0xc3], [0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xfe], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xbd]];
/** Openers whose 10,000-fold repetition makes a recursive parser or tree walk overflow its stack. */
const NESTING: readonly { open: string; close: string }[] = [
  { open: '(', close: ')' },
  { open: '[', close: ']' },
  { open: '{', close: '}' },
  { open: '{"a":', close: '}' },
  { open: '[{"properties":{"a":', close: '}}]' },
  { open: '<a>', close: '</a>' },
  { open: 'message M {\n', close: '}\n' },
  { open: 'type T { f: ', close: '}' },
  { open: '- ', close: '' },
  { open: 'a:\n ', close: '' },
  { open: '/*', close: '*/' },
  { open: 'class A {\n', close: '}\n' },
  { open: 'f(', close: ')' },
];

/** Bytes at a random offset, optionally snapped to a line start. */
function offsetIn(input: Buffer, rng: SeededRandom): number {
  return rng.int(input.length + 1);
}

function insertAt(input: Buffer, offset: number, insert: Buffer | string): Buffer {
  return Buffer.concat([input.subarray(0, offset), typeof insert === 'string' ? Buffer.from(insert, 'utf8') : insert, input.subarray(offset)]);
}

/** Line ranges as byte offsets [start, end) including the line break. */
function lineRanges(input: Buffer): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] === 0x0a) {
      ranges.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < input.length) ranges.push([start, input.length]);
  return ranges;
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'truncate', apply: (input, rng) => input.subarray(0, offsetIn(input, rng)) },
  {
    name: 'delete-lines',
    apply: (input, rng) => {
      const lines = lineRanges(input);
      if (lines.length === 0) return input;
      const first = rng.int(lines.length);
      const last = Math.min(lines.length - 1, first + rng.int(4));
      return Buffer.concat([input.subarray(0, lines[first][0]), input.subarray(lines[last][1])]);
    },
  },
  {
    name: 'duplicate-lines',
    apply: (input, rng) => {
      const lines = lineRanges(input);
      if (lines.length === 0) return input;
      const first = rng.int(lines.length);
      const last = Math.min(lines.length - 1, first + rng.int(6));
      const block = input.subarray(lines[first][0], lines[last][1]);
      const copies = rng.chance(0.1) ? rng.between(50, 500) : rng.between(1, 3);
      return insertAt(input, lines[rng.int(lines.length)][0], Buffer.concat(Array.from({ length: copies }, () => block)));
    },
  },
  { name: 'unbalanced-quote', apply: (input, rng) => insertAt(input, offsetIn(input, rng), rng.pick(QUOTES)) },
  {
    name: 'drop-quote',
    apply: (input, rng) => {
      const positions: number[] = [];
      for (let i = 0; i < input.length; i++) if (input[i] === 0x22 || input[i] === 0x27 || input[i] === 0x60) positions.push(i);
      if (positions.length === 0) return input;
      const at = rng.pick(positions);
      return Buffer.concat([input.subarray(0, at), input.subarray(at + 1)]);
    },
  },
  { name: 'unbalanced-bracket', apply: (input, rng) => insertAt(input, offsetIn(input, rng), rng.pick(BRACKETS).repeat(rng.between(1, 8))) },
  {
    name: 'drop-bracket',
    apply: (input, rng) => {
      const positions: number[] = [];
      for (let i = 0; i < input.length; i++) if ('()[]{}<>'.includes(String.fromCharCode(input[i]))) positions.push(i);
      if (positions.length === 0) return input;
      const at = rng.pick(positions);
      return Buffer.concat([input.subarray(0, at), input.subarray(at + 1)]);
    },
  },
  { name: 'nul-bytes', apply: (input, rng) => insertAt(input, offsetIn(input, rng), Buffer.alloc(rng.between(1, 16))) },
  { name: 'invalid-utf8', apply: (input, rng) => insertAt(input, offsetIn(input, rng), Buffer.from(rng.pick(INVALID_UTF8))) },
  {
    name: 'flip-bytes',
    apply: (input, rng) => {
      const out = Buffer.from(input);
      const flips = rng.between(1, 12);
      for (let i = 0; i < flips && out.length > 0; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
      return out;
    },
  },
  {
    name: 'splice-other-seed',
    apply: (input, rng, context) => {
      if (context.others.length === 0) return input;
      const other = rng.pick(context.others);
      const start = rng.int(other.length + 1);
      const piece = other.subarray(start, start + rng.between(1, 2000));
      return insertAt(input, offsetIn(input, rng), piece);
    },
  },
  { name: 'random-bytes', apply: (_input, rng) => rng.bytes(rng.between(0, 4096)) },
  { name: 'random-insert', apply: (input, rng) => insertAt(input, offsetIn(input, rng), rng.bytes(rng.between(1, 64))) },
  { name: 'crlf', apply: (input) => Buffer.from(input.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1') },
  { name: 'lone-cr', apply: (input) => Buffer.from(input.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1') },
  {
    name: 're-encode',
    apply: (input, rng) => {
      const text = input.toString('utf8');
      const encoding = rng.pick(['gb18030', 'gbk', 'utf16le-bom', 'utf16be-bom', 'utf8-bom']);
      if (encoding === 'utf16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      if (encoding === 'utf16be-bom') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]);
      return iconv.encode(text, encoding);
    },
  },
  {
    name: 'moderate-nesting',
    apply: (input, rng) => {
      const { open, close } = rng.pick(NESTING);
      const depth = rng.between(50, 600);
      return insertAt(input, offsetIn(input, rng), open.repeat(depth) + (rng.chance(0.5) ? close.repeat(depth) : ''));
    },
  },
];

/** Rare and expensive: a 10 MB single line, or 10,000-deep nesting. Scheduled, not drawn every time. */
export const GIANT_MUTATIONS: readonly Mutation[] = [
  {
    name: 'line-10mb',
    apply: (input, rng) => {
      const flat = input.toString('utf8').replace(/[\r\n]/g, ' ');
      const start = rng.int(Math.max(1, flat.length));
      const unit = rng.chance(0.3) || flat.length === 0 ? rng.pick(['a', "'", '"', '(', '1', '@pi ', '138', '-- ', 'x varchar(10), ']) : flat.slice(start, start + rng.between(1, 300)) || 'a';
      const line = unit.repeat(Math.ceil(GIANT_LINE_BYTES / Buffer.byteLength(unit))).slice(0, GIANT_LINE_BYTES);
      const lines = lineRanges(input);
      const at = lines.length > 0 ? rng.pick(lines)[0] : 0;
      return insertAt(input, at, `${line}\n`);
    },
  },
  {
    name: 'nesting-10000',
    apply: (input, rng) => {
      const { open, close } = rng.pick(NESTING);
      const closed = rng.chance(0.5);
      return insertAt(input, offsetIn(input, rng), open.repeat(GIANT_NESTING_DEPTH) + (closed ? close.repeat(GIANT_NESTING_DEPTH) : ''));
    },
  },
];
