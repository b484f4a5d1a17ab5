import { strict as assert } from 'node:assert';
import { SqlTokenizer, type SqlToken } from '../../../src/core/extract/sql/sqlTokenizer';

function tokenize(text: string): SqlToken[] {
  const tokenizer = new SqlTokenizer(text);
  const tokens: SqlToken[] = [];
  for (let token = tokenizer.next(); token.kind !== 'eof'; token = tokenizer.next()) tokens.push(token);
  return tokens;
}

function kindsAndValues(text: string): string[] {
  return tokenize(text).map((token) => `${token.kind}:${token.value}`);
}

describe('SqlTokenizer', () => {
  it('reads strings with doubled quotes, backslash escapes and prefixes', () => {
    assert.deepEqual(kindsAndValues(`'O''Brien' 'it\\'s' N'员工' E'a\\nb' _utf8mb4'姓名' ''`), [
      "string:O'Brien",
      "string:it's",
      'string:员工',
      'string:a\nb',
      'string:姓名',
      'string:',
    ]);
  });

  it('reads backtick, double-quoted and bracketed identifiers without their quotes', () => {
    assert.deepEqual(kindsAndValues('`sfzh` "xingMing" [Id Card] `a``b` "c""d"'), [
      'quoted:sfzh',
      'quoted:xingMing',
      'quoted:Id Card',
      'quoted:a`b',
      'quoted:c"d',
    ]);
  });

  it('keeps a PostgreSQL array suffix as punctuation rather than a bracketed name', () => {
    assert.deepEqual(kindsAndValues('tags text[\n]'), ['word:tags', 'word:text', 'punct:[', 'punct:]']);
  });

  it('reads --, # and /* */ comments with their markers stripped', () => {
    const tokens = tokenize("a -- 姓名\n# @pi delete\n/**\n * 身份证号\n */ b /*!40101 SET x=1 */");
    assert.deepEqual(
      tokens.map((token) => [token.kind, token.value, token.executable ?? false]),
      [
        ['word', 'a', false],
        ['comment', '姓名', false],
        ['comment', '@pi delete', false],
        ['comment', '身份证号', false],
        ['word', 'b', false],
        ['comment', 'SET x=1', true],
      ],
    );
  });

  it('does not read # inside a name or after a table keyword as a comment', () => {
    assert.deepEqual(kindsAndValues('a#b CREATE TABLE #tmp'), ['word:a#b', 'word:CREATE', 'word:TABLE', 'punct:#', 'word:tmp']);
  });

  it('reads dollar-quoted strings, tagged or not, and leaves $1 parameters alone', () => {
    assert.deepEqual(kindsAndValues("$$it's; -- x$$ $fn$ body $$ $fn$ $1"), ["string:it's; -- x", 'string: body $$ ', 'punct:$', 'number:1']);
  });

  it('gives 0-based offsets and marks tokens that start a line', () => {
    const text = 'CREATE TABLE t (\n  xm varchar(20)\n);';
    const tokens = tokenize(text);
    const xm = tokens.find((token) => token.value === 'xm')!;
    assert.equal(text.slice(xm.start, xm.end), 'xm');
    assert.equal(xm.atLineStart, true);
    assert.equal(tokens.find((token) => token.value === 'varchar')!.atLineStart, false);
    assert.equal(tokens[tokens.length - 1].kind, 'terminator');
  });

  it('switches the terminator with DELIMITER and reads SQL Server GO lines as terminators', () => {
    const values = kindsAndValues('DELIMITER $$\nBEGIN SELECT 1; END$$\nDELIMITER ;\nSELECT 2;\nGO\n');
    assert.deepEqual(values, [
      'terminator:DELIMITER $$',
      'word:BEGIN',
      'word:SELECT',
      'number:1',
      'punct:;',
      'word:END',
      'terminator:$$',
      'terminator:DELIMITER ;',
      'word:SELECT',
      'number:2',
      'terminator:;',
      'terminator:GO',
    ]);
  });

  it('skips a statement without tokenizing its strings, comments or semicolons in them', () => {
    const text = "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`), ('-- x', /* ; */ 1);\nCREATE TABLE u (x int);";
    const tokenizer = new SqlTokenizer(text);
    tokenizer.next();
    const end = tokenizer.skipStatement();
    assert.equal(text.slice(end - 3, end), '1);');
    assert.equal(tokenizer.next().value, 'CREATE');
  });

  it('stops skipping at a line that starts a new statement when a semicolon is missing', () => {
    const tokenizer = new SqlTokenizer("INSERT INTO t VALUES (1)\nCREATE TABLE u (x int);");
    tokenizer.next();
    tokenizer.skipStatement();
    const next = tokenizer.next();
    assert.equal(next.value, 'CREATE');
    assert.equal(next.atLineStart, true);
  });

  it('reports unterminated strings and comments instead of failing', () => {
    const tokenizer = new SqlTokenizer("SELECT 'abc\n/* open");
    const tokens: SqlToken[] = [];
    for (let token = tokenizer.next(); token.kind !== 'eof'; token = tokenizer.next()) tokens.push(token);
    assert.deepEqual(tokens.map((token) => token.kind), ['word', 'string']);
    assert.equal(tokens[1].value, 'abc\n/* open');
    assert.equal(tokenizer.problems.length, 1);
    assert.match(tokenizer.problems[0].message, /Unterminated string/);
    assert.equal(tokenizer.problems[0].offset, 7);
  });

  it('skips PostgreSQL COPY data up to the \\. line', () => {
    const tokenizer = new SqlTokenizer("COPY t (a) FROM stdin;\n1\tO'Brien -- x\n\\.\nSELECT 1;");
    while (tokenizer.next().kind !== 'terminator');
    tokenizer.skipCopyData();
    assert.equal(tokenizer.next().value, 'SELECT');
    assert.deepEqual(tokenizer.problems, []);
  });
});
