import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cliHarness';
import { residentId } from '../values/valueBuilders';

const EXAMPLE = path.join(__dirname, '../../../examples/subsidiary');

function copyExample(): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-demo-'));
  fs.cpSync(EXAMPLE, target, { recursive: true, filter: (source) => path.basename(source) !== 'pi-disposition.yaml' });
  return target;
}

describe('pi-audit checklist on the example subsidiary', function () {
  this.timeout(60_000);

  it('writes the checklist, and --check then lists exactly the fields still undecided', async () => {
    const root = copyExample();
    const scan = JSON.parse((await runCli(['scan', root, '--format', 'json'])).stdout) as { fields: { entity: string; field: string; disposition: unknown }[] };
    const undecided = scan.fields.filter((f) => f.disposition === null).map((f) => `${f.entity}.${f.field}`).sort();
    assert.ok(undecided.length > 0 && undecided.length < scan.fields.length, 'the example has decided and undecided fields');

    const write = await runCli(['checklist', root]);
    assert.equal(write.code, 0, write.stderr);
    assert.ok(fs.existsSync(path.join(root, 'pi-disposition.yaml')));

    const check = await runCli(['checklist', root, '--check']);
    assert.equal(check.code, 1);
    const reported = check.stdout.trim().split('\n').map((line) => /PI field (\S+) has no disposition/.exec(line)?.[1]);
    assert.ok(reported.every((name) => name !== undefined), check.stdout);
    assert.deepEqual(reported.sort(), undecided);
  });

  it('keeps a decision taken in the checklist, uses it as a declaration, and passes --check when all are decided', async () => {
    const root = copyExample();
    await runCli(['checklist', root]);
    const file = path.join(root, 'pi-disposition.yaml');
    // The compliance team decides every open item in the file, with a comment of their own.
    const edited = fs.readFileSync(file, 'utf8').replace(/disposition: null #[^\n]*/g, 'disposition: { action: delete, declaredIn: checklist } # 法务确认 2026-11');
    fs.writeFileSync(file, edited);

    const rewrite = await runCli(['checklist', root]);
    assert.equal(rewrite.code, 0, rewrite.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.includes('# 法务确认 2026-11'), 'the human comment survives re-generation');
    assert.doesNotMatch(after, /disposition: null/);

    const scan = JSON.parse((await runCli(['scan', root, '--format', 'json'])).stdout) as { fields: { disposition: { action: string; source: string } | null }[] };
    assert.ok(scan.fields.every((f) => f.disposition !== null));
    assert.ok(scan.fields.some((f) => f.disposition?.source === 'checklist'));
    const check = await runCli(['checklist', root, '--check']);
    assert.equal(check.code, 0, check.stdout);
  });

  it('masks a PI value in the checklist\'s own file name when it names the file', async () => {
    const root = copyExample();
    const id = residentId('310104', '19850612', '033');
    const output = path.join(root, `处置清单_${id}.yaml`);
    const write = await runCli(['checklist', root, '--output', output]);
    assert.equal(write.code, 0, write.stderr);
    assert.ok(fs.existsSync(output), 'the checklist is written under the name given');
    assert.match(write.stderr, /处置清单_310\*+\d{2}\.yaml/);
    assert.ok(!write.stderr.includes(id) && !write.stdout.includes(id), write.stderr);
  });

  it('reports an unparsable checklist with file and line, exits 2 and leaves it untouched', async () => {
    const root = copyExample();
    const file = path.join(root, 'pi-disposition.yaml');
    const broken = 'version: 1\nsystems:\n  - name: [unclosed\n';
    fs.writeFileSync(file, broken);
    const run = await runCli(['checklist', root]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pi-disposition\.yaml:\d+/);
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
  });
});
