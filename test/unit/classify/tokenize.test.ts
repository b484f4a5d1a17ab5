import { strict as assert } from 'node:assert';
import { segmentCompound, splitIdentifier } from '../../../src/core/classify/tokenize';
import { TermIndex } from '../../../src/core/classify/termIndex';

describe('tokenize', () => {
  it('splits camelCase, PascalCase acronyms, snake_case, kebab-case and digits', () => {
    assert.deepEqual(splitIdentifier('IDCardNo'), ['id', 'card', 'no']);
    assert.deepEqual(splitIdentifier('receiver_phone2'), ['receiver', 'phone', '2']);
    assert.deepEqual(splitIdentifier('lastLoginIP'), ['last', 'login', 'ip']);
    assert.deepEqual(splitIdentifier('x-user-email'), ['x', 'user', 'email']);
    assert.deepEqual(splitIdentifier('ipv4Addr'), ['ipv', '4', 'addr']);
  });

  it('splits run-together words against the vocabulary and leaves unknown words alone', () => {
    const vocabulary = new Set(['phone', 'number', 'ip', 'addr']);
    assert.deepEqual(segmentCompound('phonenumber', vocabulary), ['phone', 'number']);
    assert.deepEqual(segmentCompound('ipaddr', vocabulary), ['ip', 'addr']);
    assert.deepEqual(segmentCompound('sfzh', vocabulary), ['sfzh']);
  });

  it('uses the lexicon vocabulary so compounds of PI words become phrases', () => {
    const index = new TermIndex();
    assert.deepEqual(index.tokens('detailaddressno'), ['detail', 'address', 'no']);
    const hits = index.phraseHits(index.tokens('homeAddress'));
    assert.ok(hits.some((h) => h.entry.category === 'basic.address' && h.term === 'home address'));
  });

  it('finds pinyin initials whole, as a suffix of three letters, and after a known role', () => {
    const index = new TermIndex();
    const roles = new Set(['ljr']);
    assert.equal(index.initialsHits(['sfzh'], roles)[0]?.entry.category, 'identity.id_number');
    assert.equal(index.initialsHits(['cysfzh'], roles)[0]?.entry.category, 'identity.id_number');
    assert.equal(index.initialsHits(['ljrxm'], roles)[0]?.entry.category, 'basic.name');
    assert.equal(index.initialsHits(['abxm'], roles).length, 0, 'a two-letter abbreviation needs a known role before it');
  });

  it('matches the longest Chinese word first', () => {
    const index = new TermIndex();
    const hits = index.zhHits('紧急联系人电话');
    assert.equal(hits[0].term, '紧急联系人');
    assert.equal(hits[0].entry.category, 'contacts.list');
  });
});
