import { strict as assert } from 'node:assert';
import { codeNameKeys, entityNameKeys, squash } from '../../../src/core/disposition/names';

describe('name squashing', () => {
  it('lowercases and drops quotes, schema prefixes and separators', () => {
    assert.equal(squash('`hr`.`T_Member`'), 'tmember');
    assert.equal(squash('"public"."login-log"'), 'loginlog');
    assert.equal(squash('[dbo].[Member$Card]'), 'membercard');
    assert.equal(squash('del_flag'), 'delflag');
    assert.equal(squash('isDeleted'), 'isdeleted');
    assert.equal(squash('MemberID2'), 'memberid2');
    assert.equal(squash('mobile'), 'mobile');
    assert.equal(squash(''), '');
  });

  it('keeps what is not ASCII, lowercased', () => {
    assert.equal(squash('会员_手机号'), '会员手机号');
    assert.equal(squash('Ärzte.Name'), 'name');
    assert.equal(squash('ÄrzteName'), 'ärztename');
  });

  it('looks entities up under their singular and prefix-less spellings', () => {
    assert.deepEqual(entityNameKeys('t_members'), ['tmembers', 'tmember', 'members', 'member']);
    assert.deepEqual(entityNameKeys('`hr`.`T_Member`'), ['tmember', 'member']);
    assert.deepEqual(entityNameKeys('Members'), ['members', 'member']);
    assert.deepEqual(entityNameKeys('Categories'), ['categories', 'category']);
    assert.deepEqual(entityNameKeys('Address'), ['address']);
    assert.deepEqual(entityNameKeys('X'), []);
    assert.deepEqual(codeNameKeys('memberRepository'), ['memberrepository', 'member']);
  });
});
