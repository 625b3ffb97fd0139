// The pins kept per profile: in order, each once, bounded, dropped with their profile, changed one after another (so
// that globalState's answer to a write does not undo the next), and only what names a group or member is kept (a
// damaged or foreign entry in the state is skipped, never trusted).
import * as assert from 'node:assert/strict';
import type { MementoLike } from '../../../src/model/memento';
import { MAX_PINS, PinStore, type Pin } from '../../../src/model/pins';
import { MemoryState } from '../memoryState';

/**
 * globalState as VS Code runs it: an update applies at once; a flush sends the whole state to the workbench, which
 * answers with the whole state as it stored it (replacing what the extension host holds), then the update resolves.
 */
class EchoingState implements MementoLike {
  private local: Record<string, string> = {};
  private unsent: (() => void)[] = [];
  private readonly sent: { stored: Record<string, string>; done: (() => void)[] }[] = [];

  get<T>(key: string): T | undefined {
    return key in this.local ? (JSON.parse(this.local[key]) as T) : undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.local[key];
    else this.local[key] = JSON.stringify(value);
    return new Promise((resolve) => this.unsent.push(resolve));
  }

  /** Updates applied and not sent yet. */
  get unflushed(): number {
    return this.unsent.length;
  }

  flush(): void {
    this.sent.push({ stored: { ...this.local }, done: this.unsent });
    this.unsent = [];
  }

  /** The workbench's answer to the oldest flush. */
  answer(): void {
    const flushed = this.sent.shift()!;
    this.local = { ...flushed.stored };
    for (const done of flushed.done) done();
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const group: Pin = { family: 'legacy', appId: 'app-1', groupId: 'g-1', label: 'g-1' };
const liveGroup: Pin = { family: 'live', dataCenter: 'ap-southeast-1', appId: 'app-2', groupId: 'g-1', label: 'Room' };
const member: Pin = { family: 'legacy', appId: 'app-1', groupId: 'g-1', userId: 'u-1', label: 'u-1' };

describe('pins kept per profile', () => {
  it('keeps pins in the order they were pinned, each target once, apart per profile', async () => {
    const state = new MemoryState();
    const store = new PinStore(state);
    assert.equal(await store.add('a', group), 'added');
    assert.equal(await store.add('a', liveGroup), 'added');
    assert.equal(await store.add('a', member), 'added');
    assert.equal(await store.add('a', { ...group, label: 'another label' }), 'pinned already');
    assert.deepEqual(store.list('a'), [group, liveGroup, member]);
    assert.deepEqual(store.list('b'), []);
    assert.ok(store.has('a', { family: 'legacy', appId: 'app-1', groupId: 'g-1' }));
    assert.ok(!store.has('a', { family: 'live', dataCenter: 'cn-shanghai', appId: 'app-2', groupId: 'g-1' }), 'the data center tells two pins apart');
    // A store made afresh over the same state (a restart) reads the same pins.
    assert.deepEqual(new PinStore(state).list('a'), [group, liveGroup, member]);
  });

  it('removes one pin, relabels one, and forgets a profile whole', async () => {
    const state = new MemoryState();
    const store = new PinStore(state);
    await store.add('a', group);
    await store.add('a', member);
    await store.add('b', group);
    assert.equal(await store.remove('a', { family: 'legacy', appId: 'app-1', groupId: 'g-1' }), true);
    assert.equal(await store.remove('a', group), false, 'not pinned any more');
    assert.deepEqual(store.list('a'), [member]);
    await store.relabel('a', member, 'Lin');
    assert.equal(store.list('a')[0].label, 'Lin');
    await store.forget('a');
    assert.deepEqual(store.list('a'), []);
    assert.deepEqual(store.list('b'), [group], "another profile's pins stay");
    await store.remove('b', group);
    assert.deepEqual([...state.values.keys()], [], 'a profile without pins leaves no key behind');
  });

  it(`holds at most ${MAX_PINS} pins per profile`, async () => {
    const store = new PinStore(new MemoryState());
    for (let i = 0; i < MAX_PINS; i++) assert.equal(await store.add('a', { ...group, groupId: `g-${i}` }), 'added');
    assert.equal(await store.add('a', { ...group, groupId: 'one-too-many' }), 'full');
    assert.equal(store.list('a').length, MAX_PINS);
    assert.equal(await store.add('b', group), 'added', 'the bound is per profile');
  });

  it("a change waits until the one before is stored: the workbench's answer to it does not undo the next", async () => {
    const state = new EchoingState();
    const store = new PinStore(state);
    const adding = store.add('a', group);
    await until(() => state.unflushed === 1, 'the pin added');
    state.flush();
    const removing = store.remove('a', group); // unpinned at once, before the workbench answered the pin
    assert.equal(state.unflushed, 0, 'the removal waits for the pin to be stored');
    state.answer();
    assert.equal(await adding, 'added');
    await until(() => state.unflushed === 1, 'the pin removed');
    state.flush();
    state.answer();
    assert.equal(await removing, true);
    assert.deepEqual(store.list('a'), []);
  });

  it('keeps only the fields that name a pin, and skips stored entries that are not pins', async () => {
    const state = new MemoryState();
    const store = new PinStore(state);
    await store.add('a', { ...group, secret: 'never kept' } as Pin);
    assert.deepEqual(store.list('a'), [group]);
    assert.ok(!JSON.stringify([...state.values.values()]).includes('never kept'));
    await state.update('imExplorer.pins.a', [
      group,
      { family: 'live', appId: 'app-2', groupId: 'g-1', label: 'no data center' },
      { family: 'legacy', dataCenter: 'cn-shanghai', appId: 'app-1', groupId: 'g-2', label: 'legacy with a data center' },
      { family: 'other', appId: 'x', groupId: 'y', label: 'z' },
      { family: 'legacy', appId: '', groupId: 'g', label: 'empty AppId' },
      { family: 'legacy', appId: 'a', groupId: 'g', userId: 7, label: 'numeric UserId' },
      'text',
      null,
      liveGroup,
    ]);
    assert.deepEqual(store.list('a'), [group, liveGroup]);
    await state.update('imExplorer.pins.a', { not: 'a list' });
    assert.deepEqual(store.list('a'), []);
  });
});
