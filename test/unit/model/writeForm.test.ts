// The fields of a write form: what each accepts before anything is sent (the client checks the request again),
// the answers a form falls back to, and our own message ids.
import * as assert from 'node:assert/strict';
import { LIMITS } from '../../../src/api/types';
import { answerOf, answersProblem, choiceField, idField, idsField, idsOf, integerField, newMessageTid, textField } from '../../../src/model/writeForm';

describe('write forms', () => {
  it('an id field takes one id within its byte limit and pattern', () => {
    const field = idField('sender', 'Sender', 'SenderId', { maxBytes: 64 });
    assert.equal(field.problem('lin'), undefined);
    assert.match(field.problem('') ?? '', /SenderId is required/);
    assert.match(field.problem('a'.repeat(65)) ?? '', /at most 64 bytes/);
    assert.match(field.problem('é'.repeat(33)) ?? '', /at most 64 bytes/, 'bytes, not characters');
    assert.match(field.problem('a\tb') ?? '', /control characters/);
    const groupId = idField('groupId', 'GroupId', 'GroupId', { pattern: { test: LIMITS.liveMessage.newGroupId, rule: 'letters and digits' } });
    assert.equal(groupId.problem('room7'), undefined);
    assert.match(groupId.problem('room-7') ?? '', /GroupId must be letters and digits/);
  });

  it('an ids field counts the ids between commas, and checks each', () => {
    const some = idsField('users', 'UserIds', 'UserId', { min: 1, max: 3 });
    assert.equal(some.problem('a, b ,c'), undefined);
    assert.match(some.problem(' , ') ?? '', /at least one UserId/);
    assert.match(some.problem('a,b,c,d') ?? '', /At most 3 \(4 typed\)/);
    const none = idsField('except', 'ExceptUsers', 'UserId', { min: 0 });
    assert.equal(none.problem(''), undefined, 'nothing is an answer when none are needed');
    assert.deepEqual(idsOf('a, b,a,,c'), ['a', 'b', 'c']);
  });

  it('a text field keeps to its byte limit, and a JSON one must parse', () => {
    const body = textField('body', 'Body', 'The body', { maxBytes: 10, required: true });
    assert.equal(body.problem('0123456789'), undefined);
    assert.match(body.problem('01234567890') ?? '', /At most 10 bytes \(11 typed\)/);
    assert.match(body.problem('') ?? '', /Body is required/);
    const data = textField('data', 'Data', 'JSON', { json: true });
    assert.equal(data.problem('{"text":"hi"}'), undefined);
    assert.match(data.problem('{text: hi}') ?? '', /Data must be JSON/);
    assert.equal(data.problem(''), undefined, 'an optional JSON field may stay empty');
  });

  it('an integer field takes whole numbers in its range only', () => {
    const muteTime = integerField('muteTime', 'MuteTime', 'Seconds', LIMITS.muteTime, 86_400);
    assert.equal(muteTime.value, '86400');
    for (const good of ['0', '600', String(LIMITS.muteTime.max)]) assert.equal(muteTime.problem(good), undefined, good);
    for (const bad of ['-1', '1.5', '1e3', '', 'ten', String(LIMITS.muteTime.max + 1)]) assert.ok(muteTime.problem(bad), bad);
  });

  it('an unanswered field falls back to its opening value or first choice; answers are checked in order', () => {
    const sender = idField('sender', 'Sender', 'SenderId', { value: 'creator1' });
    const storage = choiceField('storage', 'Storage', [
      { label: 'Stored', value: 'stored' },
      { label: 'Not stored', value: 'none' },
    ]);
    assert.equal(answerOf(sender, {}), 'creator1');
    assert.equal(answerOf(storage, {}), 'stored');
    assert.equal(answerOf(storage, { storage: 'none' }), 'none');
    assert.equal(answersProblem([sender, storage], { sender: 'lin', storage: 'none' }), undefined);
    assert.match(answersProblem([sender, storage], { sender: '', storage: 'none' }) ?? '', /SenderId is required/);
    assert.match(answersProblem([sender, storage], { storage: 'elsewhere' }) ?? '', /Storage: not one of the choices/);
  });

  it('our message ids are 32 hexadecimal digits, a new one each time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newMessageTid()));
    assert.equal(ids.size, 100);
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
  });
});
