// Which text under the cursor is tried as an id (src/hover/tokens.ts), in plain Node.
import * as assert from 'node:assert/strict';
import { candidatesAt, looksLikeGroupId, MAX_LINE_LENGTH } from '../../../src/hover/tokens';

const texts = (line: string, character: number) => candidatesAt(line, character).map((candidate) => candidate.text);

describe('hover tokens', () => {
  it('offers the quoted string, the run up to delimiters and the word, widest first', () => {
    const line = 'client.get({ GroupId: "ab12-cd34" });';
    const at = line.indexOf('cd34');
    assert.deepEqual(texts(line, at), ['ab12-cd34']);
    const candidates = candidatesAt(line, at);
    assert.equal(line.slice(candidates[0].start, candidates[0].end), 'ab12-cd34');
  });

  it('keeps an id with spaces and unicode whole inside quotes', () => {
    const line = `const g = 'grp 群/🎉 a+b=c';`;
    assert.deepEqual(texts(line, line.indexOf('群')), ['grp 群/🎉 a+b=c', '群/🎉', '群']);
  });

  it('never offers part of a longer word', () => {
    const line = 'prefixAB12CD34suffix and AB12CD34';
    const inside = texts(line, line.indexOf('AB12'));
    assert.deepEqual(inside, ['prefixAB12CD34suffix']);
    assert.deepEqual(texts(line, line.lastIndexOf('AB12')), ['AB12CD34']);
  });

  it('splits words at dots while the run keeps them', () => {
    const line = 'obj.user42.name';
    assert.deepEqual(texts(line, line.indexOf('user42')), ['obj.user42.name', 'user42']);
  });

  it('offers nothing between tokens, past the end, or on a very long line', () => {
    assert.deepEqual(texts('a   b', 2), []);
    assert.deepEqual(texts('abc', 3), []);
    assert.deepEqual(texts('x'.repeat(MAX_LINE_LENGTH + 1), 5), []);
  });

  it('takes 8 to 64 letters, digits, "_" and "-" with a letter and a digit as GroupId-like', () => {
    for (const id of ['ab12-cd34-ef56', 'g_12345678', 'A1B2C3D4']) assert.ok(looksLikeGroupId(id), id);
    for (const word of ['function', '12345678', 'ab12', 'a b12345678', 'x'.repeat(65) + '1', 'grp/12345678']) assert.ok(!looksLikeGroupId(word), word);
  });
});
