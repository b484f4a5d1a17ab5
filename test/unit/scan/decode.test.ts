import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { decodeText } from '../../../src/core/scan/decode';

const encodings = join(__dirname, '../../fixtures/values/encodings');
const original = readFileSync(join(encodings, 'customers.utf8.csv'), 'utf8');

function bytes(...parts: Array<number[] | Uint8Array>): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => Array.from(p)));
}

describe('decodeText', () => {
  it('reads UTF-8 without a mark', () => {
    assert.deepEqual(decodeText(readFileSync(join(encodings, 'customers.utf8.csv'))), { text: original, encoding: 'utf-8' });
  });

  it('reads a GBK export of the same text to the same string, as gb18030', () => {
    const gbk = readFileSync(join(encodings, 'customers.gbk.csv'));
    assert.notDeepEqual(Uint8Array.from(gbk), Uint8Array.from(Buffer.from(original, 'utf8')));
    assert.deepEqual(decodeText(gbk), { text: original, encoding: 'gb18030' });
  });

  it('reads GB18030 four-byte sequences (characters outside GBK)', () => {
    const text = '姓名：李𠮷，民族：维吾尔族，备注：€';
    assert.deepEqual(decodeText(iconv.encode(text, 'gb18030')), { text, encoding: 'gb18030' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const result = decodeText(bytes([0xef, 0xbb, 0xbf], Buffer.from(original, 'utf8')));
    assert.deepEqual(result, { text: original, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 little- and big-endian with a mark', () => {
    const le = Buffer.from(original, 'utf16le');
    assert.deepEqual(decodeText(bytes([0xff, 0xfe], le)), { text: original, encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    assert.deepEqual(decodeText(bytes([0xfe, 0xff], be)), { text: original, encoding: 'utf-16be' });
  });

  it('recognises unmarked UTF-16 of mostly-ASCII text (SQL Server style exports)', () => {
    const sql = "INSERT INTO kh (xm, sjhm) VALUES (N'张伟', N'13812345678');\r\n".repeat(20);
    assert.deepEqual(decodeText(Buffer.from(sql, 'utf16le')), { text: sql, encoding: 'utf-16le' });
    assert.deepEqual(decodeText(Buffer.from(sql, 'utf16le').swap16()), { text: sql, encoding: 'utf-16be' });
  });

  it('does not take an array of small 16-bit numbers for unmarked UTF-16', () => {
    const samples = Uint16Array.from({ length: 2048 }, (_, i) => i % 32);
    const raw = new Uint8Array(samples.buffer);
    assert.deepEqual(decodeText(raw.map((b, i) => (i % 2 === 0 ? b + 1 : b))), { binary: true, reason: 'binary' });
  });

  it('says how much was replaced when a marked file is damaged', () => {
    const damaged = bytes([0xef, 0xbb, 0xbf], Buffer.from('姓名,手机\n张伟,13812345678\n'.repeat(20), 'utf8'), [0xe5, 0xbc]);
    const result = decodeText(damaged);
    assert.ok('text' in result);
    assert.equal(result.encoding, 'utf-8-bom');
    assert.equal(result.replaced, 1);
    const oddUtf16 = bytes([0xff, 0xfe], Buffer.from('张伟,13812345678', 'utf16le'), [0x41]);
    const odd = decodeText(oddUtf16);
    assert.ok('text' in odd && odd.replaced === 1 && odd.text.startsWith('张伟,138'));
  });

  it('keeps a UTF-8 file with a few bad bytes as UTF-8 rather than re-reading it as GB18030', () => {
    const cut = Buffer.from(original, 'utf8').subarray(0, Buffer.byteLength(original) - 2);
    const result = decodeText(cut);
    assert.ok('text' in result);
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.replaced, 1);
    assert.equal(result.text.slice(0, -1), original.slice(0, original.length - 2));
  });

  it('treats NUL bytes, control bytes, UTF-32 and undecodable bytes as binary', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    assert.deepEqual(decodeText(png), { binary: true, reason: 'binary' });
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 26)));
    assert.deepEqual(decodeText(controls), { binary: true, reason: 'binary-control-characters' });
    assert.deepEqual(decodeText(bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), { binary: true, reason: 'unsupported-encoding-utf-32' });
    assert.deepEqual(decodeText(bytes([0, 0, 0xfe, 0xff, 0, 0, 0, 0x41])), { binary: true, reason: 'unsupported-encoding-utf-32' });
    // GB18030 reads almost any high byte pair; 0xFF is never a valid lead byte in it.
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? 0xff : 0x41 + (i % 26)));
    assert.deepEqual(decodeText(noise), { binary: true, reason: 'undecodable' });
  });

  it('keeps text with tabs, form feeds, ESC colour codes and a DOS end-of-file byte', () => {
    const log = '\x1b[32mINFO\x1b[0m\tlogin ok\f\r\n'.repeat(10) + '\x1a';
    assert.deepEqual(decodeText(Buffer.from(log)), { text: log, encoding: 'utf-8' });
  });

  it('returns an empty string for an empty file', () => {
    assert.deepEqual(decodeText(new Uint8Array(0)), { text: '', encoding: 'utf-8' });
  });
});
