import * as assert from 'node:assert/strict';
import { filterItems, filtersLevel, MAX_FILTER_LENGTH, matches, parseFilter, SEARCH_TEXT, type TreeFilter } from '../../../src/model/filter';

const parsed = (text: string): TreeFilter => {
  const result = parseFilter(text);
  assert.ok(!('problem' in result), `"${text}" is a filter`);
  return result;
};

describe('the view filter', () => {
  it('matches ids, names and creators case-insensitively, everywhere by default', () => {
    const filter = parsed('  Novak ');
    assert.deepEqual(filter, { text: 'Novak', needle: 'novak', level: undefined });
    assert.ok(matches(filter, SEARCH_TEXT.group({ GroupId: 'G-1', CreatorId: 'li.novak31' })));
    assert.ok(matches(filter, SEARCH_TEXT.app({ AppId: 'a1', AppName: 'NOVAK live' })));
    assert.ok(!matches(filter, SEARCH_TEXT.member({ UserId: 'someone' })));
    for (const level of ['app', 'user', 'group', 'member'] as const) assert.ok(filtersLevel(filter, level));
  });

  it('filters one level with a prefix, and leaves the others alone', () => {
    const filter = parsed('group: AB-12');
    assert.equal(filter.level, 'group');
    assert.equal(filter.needle, 'ab-12');
    assert.ok(filtersLevel(filter, 'group'));
    assert.ok(!filtersLevel(filter, 'member'));
    assert.equal(parsed('MEMBER:x').level, 'member');
  });

  it('refuses an empty, prefix-only or overlong filter with a message', () => {
    for (const [text, pattern] of [
      ['', /Type the text/],
      ['   ', /Type the text/],
      ['user:', /after "user:"/],
      ['x'.repeat(10_000), new RegExp(`at most ${MAX_FILTER_LENGTH} characters \\(this one has 10,000\\)`)],
    ] as const) {
      const result = parseFilter(text);
      assert.ok('problem' in result);
      assert.match(result.problem, pattern);
    }
  });

  it('keeps unicode and special characters as typed', () => {
    const filter = parsed('用户 *~');
    assert.deepEqual(
      filterItems(filter, [{ UserId: 'a 用户 *~ b' }, { UserId: '用户' }], SEARCH_TEXT.member).map((member) => member.UserId),
      ['a 用户 *~ b'],
    );
  });
});
