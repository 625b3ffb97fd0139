// Suggested export file names (src/export/fileName.ts) in plain Node.
import * as assert from 'node:assert/strict';
import { fileNameSafe, suggestedFileName } from '../../../src/export/fileName';

describe('export file names', () => {
  it('keeps letters, digits, "-", "_" and "."; anything else becomes "_"', () => {
    assert.equal(fileNameSafe('abc-12_x.y'), 'abc-12_x.y');
    assert.equal(fileNameSafe('grp 群/🎉 a:b'), 'grp______a_b', 'the emoji is two UTF-16 units, so two "_"');
    assert.equal(fileNameSafe('a/b\\c:d*e?f"g<h>i|j'), 'a_b_c_d_e_f_g_h_i_j');
  });

  it('never starts with a dot, is never empty, and stays short', () => {
    assert.equal(fileNameSafe('..hidden'), '_hidden');
    assert.equal(fileNameSafe(''), '_');
    assert.equal(fileNameSafe('x'.repeat(200)).length, 80);
  });

  it('names what was exported, the ids and the local day, with the format as extension', () => {
    const day = new Date(2026, 0, 5, 23, 59);
    assert.equal(suggestedFileName('members', ['A1', 'G/1'], 'csv', day), 'members-A1-G_1-2026-01-05.csv');
    assert.equal(suggestedFileName('groups', ['A1'], 'json', day), 'groups-A1-2026-01-05.json');
  });
});
