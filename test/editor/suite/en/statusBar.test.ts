import assert from 'node:assert/strict';
import { activatePiAudit } from '../helpers/extensionApi';

describe('status bar', () => {
  it('shows PI fields · undecided · sensitive undecided, matching the inventory', async () => {
    const api = await activatePiAudit();
    await api.whenIdle();
    const text = api.statusText();
    const match = /^\$\(shield\) PI (\d+) · (\d+) undecided · (\d+) sensitive$/.exec(text);
    assert.ok(match, `status text: ${text}`);
    const items = api.inventory();
    const undecided = items.filter((i) => i.state === 'undecided');
    assert.equal(Number(match[1]), items.length, 'PI fields');
    assert.equal(Number(match[2]), undecided.length, 'undecided');
    // Sensitive undecided fields of the fixture: employee.sfzh, employee.hyzk, Patient.id_number, blood_type, allergy_history.
    assert.equal(Number(match[3]), 5, 'sensitive undecided');
  });
});
