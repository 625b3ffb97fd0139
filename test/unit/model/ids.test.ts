import * as assert from 'node:assert/strict';
import { findTextProblem, idProblem, MAX_FIND_TEXT_LENGTH, splitIds } from '../../../src/model/ids';

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

  it('takes one id from an editor for Find in Explorer: unicode yes; empty, spaces inside, too long, control characters no', () => {
    for (const id of ['G1', '用户-42', 'x*~/+=&%', '🎉', 'a'.repeat(MAX_FIND_TEXT_LENGTH)]) assert.equal(findTextProblem(id), undefined, id);
    assert.match(findTextProblem('') ?? '', /Select an AppId, GroupId or UserId/);
    assert.match(findTextProblem('two ids') ?? '', /spaces inside/);
    assert.match(findTextProblem('wide\u3000space') ?? '', /spaces inside/);
    assert.match(findTextProblem('a'.repeat(MAX_FIND_TEXT_LENGTH + 1)) ?? '', /too long .*129 characters; at most 128/);
    assert.match(findTextProblem('line\nbreak') ?? '', /control characters/);
    assert.match(findTextProblem('nul\u0000') ?? '', /control characters/);
  });
});
