import * as assert from 'node:assert/strict';
import { idProblem, splitIds } from '../../../src/model/ids';

describe('ids typed by the user', () => {
  it('accepts ids with spaces inside, unicode and punctuation', () => {
    for (const id of ['G1', 'a b', '用户-42', 'x*~/+=&%', 'a'.repeat(256)]) assert.equal(idProblem(id, 'GroupId'), undefined, id);
  });

  it('says why an id cannot be one, naming the field', () => {
    assert.equal(idProblem('', 'GroupId'), 'GroupId is required.');
    assert.equal(idProblem('   ', 'UserId'), 'UserId cannot be only spaces.');
    assert.match(idProblem('a'.repeat(257), 'AppId') ?? '', /AppId is too long \(at most 256/);
    assert.match(idProblem('line\nbreak', 'GroupId') ?? '', /control characters/);
    assert.match(idProblem('tab\there', 'GroupId') ?? '', /control characters/);
  });

  it('splits comma-separated ids, trimming and dropping empty entries', () => {
    assert.deepEqual(splitIds(' a, b ,,c ,'), ['a', 'b', 'c']);
    assert.deepEqual(splitIds(' , '), []);
  });
});
