// The rows left expanded, kept in the workspace's state: what one window remembers the next reads, a collapse forgets,
// the oldest expansion goes first past the bound, and a damaged entry in the state is skipped.
import * as assert from 'node:assert/strict';
import { ExpansionMemory, MAX_REMEMBERED_EXPANSIONS } from '../../../src/model/expansion';
import { MemoryState } from '../memoryState';

describe('expansion memory', () => {
  it('remembers an expanded row for the next window and forgets it once collapsed', async () => {
    const state = new MemoryState();
    const memory = new ExpansionMemory(state);
    memory.expanded('/profile/a/app/1');
    memory.expanded('/profile/a/app/1/users/u');
    await memory.stored();
    const next = new ExpansionMemory(state);
    assert.ok(next.isExpanded('/profile/a/app/1'));
    assert.ok(next.isExpanded('/profile/a/app/1/users/u'));
    assert.ok(!next.isExpanded('/profile/a/app/2'));
    next.collapsed('/profile/a/app/1');
    await next.stored();
    const third = new ExpansionMemory(state);
    assert.ok(!third.isExpanded('/profile/a/app/1'));
    assert.ok(third.isExpanded('/profile/a/app/1/users/u'));
  });

  it('keeps the most recent expansions, forgetting the oldest past the bound', async () => {
    const state = new MemoryState();
    const memory = new ExpansionMemory(state);
    for (let index = 0; index <= MAX_REMEMBERED_EXPANSIONS; index++) memory.expanded(`/row/${index}`);
    memory.expanded('/row/1'); // expanded again: now the most recent
    memory.expanded('/row/new');
    await memory.stored();
    const next = new ExpansionMemory(state);
    assert.ok(!next.isExpanded('/row/0'));
    assert.ok(!next.isExpanded('/row/2'));
    assert.ok(next.isExpanded('/row/1'));
    assert.ok(next.isExpanded('/row/new'));
    assert.ok(next.isExpanded(`/row/${MAX_REMEMBERED_EXPANSIONS}`));
    assert.equal((state.get<string[]>('imExplorer.expandedRows') ?? []).length, MAX_REMEMBERED_EXPANSIONS);
  });

  it('forgets a row and every row under it, not a row whose id only begins the same', async () => {
    const state = new MemoryState();
    const memory = new ExpansionMemory(state);
    for (const id of ['/profile/a', '/profile/a/app/1', '/profile/ab/app/1', '/profile/b/app/1']) memory.expanded(id);
    await memory.forgetUnder('/profile/a');
    const next = new ExpansionMemory(state);
    assert.deepEqual(
      ['/profile/a', '/profile/a/app/1', '/profile/ab/app/1', '/profile/b/app/1'].map((id) => next.isExpanded(id)),
      [false, false, true, true],
    );
  });

  it('skips what is not a row id in a damaged state', () => {
    const state = new MemoryState();
    void state.update('imExplorer.expandedRows', ['/row/ok', 3, null, '', { id: '/row/x' }]);
    const memory = new ExpansionMemory(state);
    assert.ok(memory.isExpanded('/row/ok'));
    assert.ok(!memory.isExpanded('/row/x'));
    void state.update('imExplorer.expandedRows', 'not a list');
    assert.ok(!new ExpansionMemory(state).isExpanded('/row/ok'));
  });
});
