import { strict as assert } from 'node:assert';
import { annotationProblemMessage } from '../../../src/core/disposition/annotationMessages';
import { AnnotationReader, mentionsAnnotation, parseAnnotations, withoutAnnotations } from '../../../src/core/disposition/annotation';
import type { AnnotationParse } from '../../../src/core/disposition/model';
import { parsePeriod } from '../../../src/core/disposition/period';

type Ok = Extract<AnnotationParse, { ok: true }>;
type Failed = Extract<AnnotationParse, { ok: false }>;

function only(text: string, line = 7, column = 1, exact = true): AnnotationParse {
  const parses = parseAnnotations({ text, line, column }, exact);
  assert.equal(parses.length, 1, `one annotation in ${JSON.stringify(text)}: ${JSON.stringify(parses)}`);
  return parses[0];
}

function ok(text: string, line = 7, column = 1): Ok {
  const parse = only(text, line, column);
  assert.ok(parse.ok, `expected ${JSON.stringify(text)} to parse: ${parse.ok ? '' : parse.message}`);
  return parse;
}

function failed(text: string, line = 7, column = 1): Failed {
  const parse = only(text, line, column);
  assert.ok(!parse.ok, `expected ${JSON.stringify(text)} to be rejected`);
  return parse;
}

describe('@pi annotation grammar', () => {
  describe('valid annotations', () => {
    it('reads retain with a period, a quoted Chinese basis and then=destroy', () => {
      const { disposition } = ok('@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy');
      assert.deepEqual(disposition, {
        action: 'retain',
        period: { text: '30y', months: 360 },
        basis: '会计档案管理办法 第十四条',
        then: 'destroy',
        extra: {},
      });
    });

    it('reads a transfer to a successor with contact and basis', () => {
      const { disposition } = ok('@pi transfer to="上海某某集团有限公司" contact="dpo@example.com" basis="个人信息保护法 第二十二条"');
      assert.equal(disposition.action, 'transfer');
      assert.equal(disposition.to, '上海某某集团有限公司');
      assert.equal(disposition.contact, 'dpo@example.com');
      assert.equal(disposition.basis, '个人信息保护法 第二十二条');
    });

    it('reads unquoted values, every key, x- keys and an Art. 38 mechanism in Chinese', () => {
      const { disposition } = ok(
        '@pi transfer to=ACME-HK contact=dpo@acme.hk mechanism=标准合同 method=sftp reason=successor owner=张伟 basis=PIPL-22 x-ticket=COMP-118',
      );
      assert.equal(disposition.mechanism, 'standard-contract');
      assert.equal(disposition.method, 'sftp');
      assert.equal(disposition.reason, 'successor');
      assert.equal(disposition.owner, '张伟');
      assert.deepEqual(disposition.extra, { 'x-ticket': 'COMP-118' });
    });

    it('reads until dates, Chinese periods and curly quotes', () => {
      assert.deepEqual(ok('@pi retain 6个月 basis=“网络安全法 第二十一条”').disposition.period, { text: '6个月', months: 6 });
      assert.equal(ok('@pi retain 6个月 basis=“网络安全法 第二十一条”').disposition.basis, '网络安全法 第二十一条');
      assert.deepEqual(ok('@pi retain 30年 basis=会计档案管理办法').disposition.period, { text: '30年', months: 360 });
      assert.equal(ok('@pi retain until=2054-12-31 basis="会计档案管理办法 第十四条"').disposition.until, '2054-12-31');
    });

    it('accepts escaped quotes inside a double-quoted value', () => {
      assert.equal(ok('@pi ignore reason="the \\"总机\\" number of the company"').disposition.reason, 'the "总机" number of the company');
    });

    it('is case-insensitive on actions and keys', () => {
      const { disposition } = ok('@PI Delete Reason=closing');
      assert.equal(disposition.action, 'delete');
      assert.equal(disposition.reason, 'closing');
    });

    it('ends at ";" so that free text may follow', () => {
      const parse = ok('@pi delete; 离职员工数据随系统下线删除');
      assert.equal(parse.disposition.action, 'delete');
      assert.equal(parse.comment.text, '@pi delete');
    });

    it('ignores words that only look like annotations', () => {
      assert.deepEqual(parseAnnotations({ text: '联系 dpo@pi.example.com 或 @pipeline 负责人', line: 1, column: 1 }), []);
      assert.equal(mentionsAnnotation('see @pi docs'), true);
      assert.equal(mentionsAnnotation('dpo@pi.example'), false);
    });
  });

  describe('every comment style', () => {
    it('SQL line comment: -- @pi retain …, column of @pi', () => {
      const parse = ok('-- @pi retain 30y basis="会计档案管理办法 第十四条" then=destroy', 12, 40);
      assert.deepEqual([parse.comment.line, parse.comment.column], [12, 43]);
    });

    it('C-style line comment: // @pi transfer …', () => {
      const parse = ok('// @pi transfer to="上海某某集团有限公司" contact="dpo@example.com" basis="个人信息保护法 第二十二条"', 3, 5);
      assert.equal(parse.disposition.action, 'transfer');
      assert.equal(parse.comment.column, 8);
    });

    it('hash comment: # @pi anonymize method=hash', () => {
      assert.equal(ok('# @pi anonymize method=hash').disposition.method, 'hash');
    });

    it('block comment: /* @pi ignore reason="…" */ stops at the closer', () => {
      const parse = ok('/* @pi ignore reason="company switchboard, not a person" */');
      assert.equal(parse.disposition.reason, 'company switchboard, not a person');
      assert.equal(parse.comment.text, '@pi ignore reason="company switchboard, not a person"');
    });

    it('XML comment: <!-- @pi delete --> (MyBatis mappers)', () => {
      const parse = ok('<!-- @pi delete reason="离职满两年" -->');
      assert.equal(parse.disposition.action, 'delete');
      assert.equal(parse.disposition.reason, '离职满两年');
    });

    it('marker-stripped text as extractors hand it over', () => {
      const parse = ok('@pi anonymize method=hash', 21, 6);
      assert.deepEqual([parse.comment.line, parse.comment.column], [21, 6]);
    });

    it('multi-line block comments: the annotation is placed on its own line', () => {
      const parses = parseAnnotations({ text: '会员手机号\n * 注销后统一处理\n * @pi delete reason="注销"', line: 30, column: 4 });
      assert.equal(parses.length, 1);
      assert.ok(parses[0].ok);
      assert.equal(parses[0].comment.line, 32);
      assert.equal(parses[0].comment.column, 4);
    });

    it('SQL COMMENT string (the field description): no position of its own', () => {
      const parse = only("身份证号 @pi retain 10y basis='税收征收管理法实施细则 第二十九条'", 14, 3, false);
      assert.ok(parse.ok);
      assert.equal(parse.disposition.basis, '税收征收管理法实施细则 第二十九条');
      assert.deepEqual([parse.comment.line, parse.comment.column], [14, 3]);
    });

    it('""" docstring description, closed on the same line', () => {
      const parse = only('"""患者诊断 @pi retain 30y basis="医疗机构病历管理规定" then=destroy"""', 40, 9, false);
      assert.ok(parse.ok);
      assert.equal(parse.disposition.then, 'destroy');
    });
  });

  describe('malformed annotations: precise message and column, never a throw', () => {
    const cases: { text: string; code: string; column: number; message: RegExp }[] = [
      { text: '@pi delet', code: 'unknown-action', column: 5, message: /unknown action "delet".*did you mean "delete"/ },
      { text: '@pi keep 30y', code: 'unknown-action', column: 5, message: /unknown action "keep"/ },
      { text: '@pi', code: 'missing-action', column: 4, message: /needs an action/ },
      { text: '@pi basis=x', code: 'key-before-action', column: 5, message: /action before "basis="/ },
      { text: '@pi delete foo=bar', code: 'unknown-key', column: 12, message: /unknown key "foo"/ },
      { text: '@pi transfer contcat=dpo@example.com', code: 'unknown-key', column: 14, message: /did you mean "contact"/ },
      { text: '@pi ignore reason="公司总机', code: 'unterminated-quote', column: 19, message: /unterminated quote in reason=/ },
      { text: '@pi retain 30x basis=x', code: 'bad-period', column: 12, message: /bad period "30x"/ },
      { text: '@pi retain 30 years basis=x', code: 'bad-period', column: 12, message: /bad period "30"/ },
      { text: '@pi retain 30y 会计档案', code: 'unexpected-token', column: 16, message: /unexpected "会计档案".*quote values/ },
      { text: '@pi retain 0y basis=x', code: 'bad-period', column: 12, message: /bad period "0y"/ },
      { text: '@pi delete 30y', code: 'period-not-retain', column: 12, message: /only allowed after "retain", not after "delete"/ },
      { text: '@pi anonymize 6m method=hash', code: 'period-not-retain', column: 15, message: /not after "anonymize"/ },
      { text: '@pi delete reason=a reason=b', code: 'duplicate-key', column: 21, message: /duplicate key "reason"/ },
      { text: '@pi retain 10y basis= then=destroy', code: 'empty-value', column: 22, message: /empty value for "basis"/ },
      { text: '@pi retain 10y basis=x until=2035-02-30', code: 'bad-until', column: 30, message: /"until" must be a date/ },
      { text: '@pi retain 10y basis=x then=keep', code: 'bad-then', column: 29, message: /"then" must be one of/ },
      { text: '@pi transfer to="ACME Pte. Ltd." mechanism=consent', code: 'bad-mechanism', column: 44, message: /Art\. 38 mechanism/ },
      { text: '@pi retain 10y basis="税法"then=destroy', code: 'space-after-quote', column: 26, message: /space after the closing quote/ },
      { text: '@pi retain 10y =x', code: 'missing-key', column: 16, message: /"=" without a key/ },
    ];
    for (const { text, code, column, message } of cases) {
      it(`${code}: ${text}`, () => {
        const parse = failed(text, 9, 1);
        assert.equal(parse.problem?.code, code);
        assert.match(parse.message, message);
        assert.equal(parse.column, column);
        assert.equal(parse.comment.line, 9);
      });
    }

    it('offsets the column by where the comment text starts', () => {
      const parse = failed('-- @pi retain 30x', 4, 20);
      assert.equal(parse.column, 20 + '-- @pi retain '.length);
    });

    it('renders the problem in Chinese', () => {
      const parse = failed('@pi delete 30y');
      assert.ok(parse.problem);
      assert.equal(annotationProblemMessage(parse.problem, 'zh-CN'), '保存期限（"30y"）只能写在 "retain" 之后，不能用于 "delete"');
    });

    it('finds each of two annotations in one comment (resolution reports the second)', () => {
      const parses = parseAnnotations({ text: '@pi delete @pi retain', line: 1, column: 1 });
      assert.equal(parses.length, 2);
      assert.equal(parses[0].ok, true);
      assert.equal(parses[1].ok, true);
    });

    it('never throws on junk', () => {
      for (const text of ['@pi "', '@pi delete to="', '@pi =', '@pi retain 9999999y', '@pi \u0000', '@pi retain 30y basis="a\\', '@pi'.repeat(50)]) {
        assert.doesNotThrow(() => parseAnnotations({ text, line: 1, column: 1 }));
      }
    });
  });

  it('an AnnotationReader reads every comment as parseAnnotations does, each result a copy of its own', () => {
    const reader = new AnnotationReader();
    const comments = [
      { text: '// @pi retain 30y basis="会计档案管理办法 第十四条" then=destroy x-team=fin', line: 3, column: 5 },
      { text: '/* @pi retain 30y basis="会计档案管理办法 第十四条" then=destroy x-team=fin */', line: 9, column: 1 },
      { text: '@pi delet', line: 4, column: 2 },
      { text: '/**\n * 经办人 @pi delet\n */', line: 12, column: 3 },
      { text: '@pi delete; @pi anonymize method=hash', line: 20, column: 7 },
      { text: '经办人姓名', line: 1, column: 1 },
    ];
    for (const exact of [true, false]) {
      for (const comment of [...comments, ...comments]) assert.deepEqual(reader.read(comment, exact), parseAnnotations(comment, exact), comment.text);
    }
    const [first] = reader.read(comments[0]) as Ok[];
    const [second] = reader.read(comments[1]) as Ok[];
    assert.notEqual(first.disposition, second.disposition);
    first.disposition.extra['x-team'] = 'changed';
    if (first.disposition.period) first.disposition.period.months = 1;
    assert.deepEqual([second.disposition.extra, second.disposition.period], [{ 'x-team': 'fin' }, { text: '30y', months: 360 }]);
    const [rejected] = reader.read(comments[2]) as Failed[];
    const [again] = reader.read(comments[2]) as Failed[];
    assert.notEqual(rejected.problem, again.problem);
    assert.notEqual(rejected.problem?.params, again.problem?.params);
  });

  it('withoutAnnotations drops the annotation, keeps the prose', () => {
    assert.equal(withoutAnnotations('发票号码 @pi retain 10y basis="税收征收管理法实施细则 第二十九条"'), '发票号码 ');
  });
});

describe('retention periods', () => {
  it('parses years, months and days in English and Chinese, days rounded up to months', () => {
    assert.deepEqual(parsePeriod('30y'), { text: '30y', months: 360 });
    assert.deepEqual(parsePeriod('6m'), { text: '6m', months: 6 });
    assert.deepEqual(parsePeriod('90d'), { text: '90d', months: 3 });
    assert.deepEqual(parsePeriod('365d'), { text: '365d', months: 12 });
    assert.deepEqual(parsePeriod('31d'), { text: '31d', months: 2 });
    assert.deepEqual(parsePeriod('10年'), { text: '10年', months: 120 });
    assert.deepEqual(parsePeriod('6个月'), { text: '6个月', months: 6 });
    assert.deepEqual(parsePeriod('180天'), { text: '180天', months: 6 });
  });

  it('rejects what is not a period', () => {
    for (const text of ['', 'y', '30', '30x', '1.5y', '-3y', '0d', '30 years', '三十年']) assert.equal(parsePeriod(text), null, text);
  });
});
