import { strict as assert } from 'node:assert';
import { detectValues } from '../../../src/core/values/detectValues';
import { findEmails } from '../../../src/core/values/email';

function emails(text: string): string[] {
  return findEmails(text).map((s) => text.slice(s.start, s.end));
}

describe('e-mail addresses', () => {
  it('finds ordinary addresses with dots, plus tags, hyphens and subdomains', () => {
    assert.deepEqual(emails("('zhangwei@example.com', 'li.na+crm@mail.example.cn', 'ops-team@sub.corp-mail.com.cn')"), [
      'zhangwei@example.com',
      'li.na+crm@mail.example.cn',
      'ops-team@sub.corp-mail.com.cn',
    ]);
  });

  it('stops at Chinese text and sentence punctuation', () => {
    assert.deepEqual(emails('请发送至wangfang@example.com。谢谢'), ['wangfang@example.com']);
    assert.deepEqual(emails('Contact: a.b@example.org.'), ['a.b@example.org']);
    assert.deepEqual(emails('<mailto:hr@example.com>'), ['hr@example.com']);
  });

  it('still reports placeholder-looking addresses (they may be real)', () => {
    assert.deepEqual(emails('git@github.com test@test.com noreply@example.com'), [
      'git@github.com',
      'test@test.com',
      'noreply@example.com',
    ]);
  });

  it('skips asset names, package versions, decorators and hosts without a TLD', () => {
    assert.deepEqual(
      emails('logo@2x.png icon@3x.webp bg@1.5x.jpg vue@3.4.21 @types/node @Override user@localhost a@b x@y.1'),
      [],
    );
  });

  it('rejects local parts that start or end badly and over-long parts', () => {
    assert.deepEqual(emails('a..b@example.com'), []);
    assert.deepEqual(emails(`${'a'.repeat(65)}@example.com`), []);
    assert.deepEqual(emails(`x@${'a'.repeat(250)}.com`), []);
    assert.deepEqual(emails('.lead@example.com'), ['lead@example.com']);
  });

  it('reports an address once, not also the phone number that forms its local part', () => {
    const hits = detectValues("'13812345678@qq.com'");
    assert.deepEqual(hits.map((h) => [h.detector, h.kind, h.column, h.masked]), [['email', 'basic.email', 2, '138*************om']]);
  });
});
