// On-demand lookups for hovers (src/hover/lookup.ts, boundedCache.ts): one request per id, bounded, rate-limited.
import * as assert from 'node:assert/strict';
import { BoundedCache } from '../../../src/hover/boundedCache';
import { IdLookups, type LookupLimits } from '../../../src/hover/lookup';

const LIMITS: LookupLimits = { maxEntries: 3, maxPerWindow: 2, windowMs: 1000, delayMs: 5 };

function world(limits = LIMITS) {
  const calls: string[] = [];
  const errors: unknown[] = [];
  let now = 0;
  const lookups = new IdLookups(
    async (appId: string, id: string) => {
      calls.push(`${appId}/${id}`);
      if (id.startsWith('bad')) throw new Error(`no ${id}`);
      return { id };
    },
    (error) => errors.push(error),
    limits,
    () => now,
  );
  return { lookups, calls, errors, advance: (ms: number) => (now += ms) };
}

const never = () => false;

describe('hover lookups', () => {
  it('sends one request per id however many hovers ask, at once or later', async () => {
    const { lookups, calls } = world();
    const answers = await Promise.all([1, 2, 3].map(() => lookups.get('A', 'g1', never)));
    assert.deepEqual(answers, [{ id: 'g1' }, { id: 'g1' }, { id: 'g1' }]);
    assert.deepEqual(await lookups.get('A', 'g1', never), { id: 'g1' });
    assert.deepEqual(calls, ['A/g1']);
  });

  it('sends nothing when the hover is gone before the delay ends', async () => {
    const { lookups, calls } = world();
    assert.equal(await lookups.get('A', 'g1', () => true), undefined);
    assert.deepEqual(calls, []);
  });

  it('starts at most maxPerWindow lookups per window, and more once it has passed', async () => {
    const { lookups, calls, advance } = world();
    await lookups.get('A', 'g1', never);
    await lookups.get('A', 'g2', never);
    assert.equal(await lookups.get('A', 'g3', never), undefined, 'rate-bound: no hover, no request');
    assert.deepEqual(calls, ['A/g1', 'A/g2']);
    advance(1000);
    assert.deepEqual(await lookups.get('A', 'g3', never), { id: 'g3' });
    assert.deepEqual(calls, ['A/g1', 'A/g2', 'A/g3']);
  });

  it('keeps a failure as "nothing" (reported once), not asked again', async () => {
    const { lookups, calls, errors } = world();
    assert.equal(await lookups.get('A', 'bad1', never), undefined);
    assert.equal(await lookups.get('A', 'bad1', never), undefined);
    assert.deepEqual(calls, ['A/bad1']);
    assert.equal(errors.length, 1);
  });

  it('keys answers by app and id, keeps at most maxEntries, and forgets them all on clear', async () => {
    const { lookups, calls, advance } = world({ ...LIMITS, maxPerWindow: 100 });
    for (const id of ['g1', 'g2', 'g3', 'g4']) await lookups.get('A', id, never);
    await lookups.get('B', 'g4', never);
    assert.equal(lookups.cached, 3);
    await lookups.get('A', 'g1', never);
    assert.equal(calls.filter((call) => call === 'A/g1').length, 2, 'the oldest was dropped');
    lookups.clear();
    assert.equal(lookups.cached, 0);
    advance(1);
    await lookups.get('B', 'g4', never);
    assert.equal(calls.filter((call) => call === 'B/g4').length, 2, 'asked again after clear');
  });
});

describe('BoundedCache', () => {
  it('drops the least recently used entry, counting reads as uses', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.deepEqual([cache.has('a'), cache.has('b'), cache.has('c')], [true, false, true]);
    cache.set('a', 10);
    cache.set('d', 4);
    assert.deepEqual([cache.get('a'), cache.has('c'), cache.size], [10, false, 2]);
  });

  it('refuses a size below 1', () => {
    assert.throws(() => new BoundedCache(0), RangeError);
  });
});
