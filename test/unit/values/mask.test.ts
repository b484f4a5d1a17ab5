import { strict as assert } from 'node:assert';
import { mask } from '../../../src/core/values/mask';
import { residentId, withLuhn } from './valueBuilders';

describe('mask', () => {
  it('shows the first 3 and last 2 characters of long values', () => {
    assert.equal(mask(residentId('310104', '19850317', '123')), '310*************32');
    assert.equal(mask('13812345678'), '138******78');
    assert.equal(mask('zhangwei@example.com'), 'zha***************om');
  });

  it('shows less of shorter values: 2 + 1 for 7–10 characters, only the first for 2–6', () => {
    assert.equal(mask('E12345678'), 'E1******8');
    assert.equal(mask('1234567'), '12****7');
    assert.equal(mask('123456'), '1*****');
    assert.equal(mask('张三'), '张*');
    assert.equal(mask('欧阳娜娜'), '欧***');
    assert.equal(mask('x'), '*');
    assert.equal(mask(''), '');
  });

  it('masks per code point, so a character outside the BMP is never split', () => {
    assert.equal(mask('𠮷野家'), '𠮷**');
  });

  it('never returns the whole value, and never shows more than half of it', () => {
    const samples = [
      withLuhn('622202100112345678'),
      '6217 0012 3456 7893',
      '+86 139-1234-5678',
      'li.na+crm@mail.example.cn',
    ];
    for (let n = 1; n <= 40; n++) samples.push('abcdefghijklmnopqrstuvwxyz0123456789ABCD'.slice(0, n));
    for (const value of samples) {
      const masked = mask(value);
      assert.notEqual(masked, value, value);
      assert.equal(Array.from(masked).length, Array.from(value).length, value);
      const visible = Array.from(masked).filter((c) => c !== '*').length;
      assert.ok(visible <= Array.from(value).length / 2, `${masked} shows too much of ${value}`);
      assert.ok(visible <= 5, masked);
    }
  });
});
