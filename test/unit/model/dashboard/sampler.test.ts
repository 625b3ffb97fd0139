// Sampling while a dashboard is visible: one call at a time, every interval, never paused or hidden, within a small
// share of the limit. Timers are the test's own, so nothing here waits on the clock.
import * as assert from 'node:assert/strict';
import type { Sample } from '../../../../src/model/dashboard/protocol';
import { Sampler, sampleShare } from '../../../../src/model/dashboard/sampler';

function harness() {
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const calls: { resolve: (sample: Sample) => void; reject: (error: unknown) => void; signal: AbortSignal }[] = [];
  let changes = 0;
  const sampler = new Sampler(
    (signal) => new Promise<Sample>((resolve, reject) => calls.push({ resolve, reject, signal })),
    () => changes++,
    {
      everyMs: 2000,
      setTimer: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    },
  );
  const pending = () => timers.filter((timer) => !timer.cancelled);
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return { sampler, timers, calls, pending, flush, changes: () => changes };
}

describe('dashboard: sampling', () => {
  it('samples only while visible, one call at a time, the next an interval after the last answer', async () => {
    const { sampler, calls, pending, flush } = harness();
    assert.equal(calls.length, 0, 'nothing before the panel is visible');
    sampler.setVisible(true);
    sampler.setVisible(true);
    assert.equal(calls.length, 1, 'one call, however often it is shown');
    assert.equal(pending().length, 0, 'the next waits for the answer');
    calls[0].resolve({ time: 1, online: 5 });
    await flush();
    assert.deepEqual(sampler.samples, [{ time: 1, online: 5 }]);
    assert.equal(pending().length, 1);
    assert.equal(pending()[0].ms, 2000);
    pending()[0].run();
    assert.equal(calls.length, 2);
  });

  it('hidden or paused: the call in flight is aborted and nothing more is sent until shown or resumed', async () => {
    const { sampler, calls, pending, flush } = harness();
    sampler.setVisible(true);
    sampler.setVisible(false);
    assert.equal(calls[0].signal.aborted, true);
    calls[0].resolve({ time: 1 });
    await flush();
    assert.deepEqual(sampler.samples, [], 'an answer after hiding is not kept');
    assert.equal(pending().length, 0);
    sampler.setVisible(true);
    sampler.pause();
    assert.equal(calls[1].signal.aborted, true);
    assert.equal(sampler.isRunning, false);
    sampler.resume();
    assert.equal(calls.length, 3);
    sampler.dispose();
    assert.equal(calls[2].signal.aborted, true);
    assert.equal(sampler.isPending, false, 'nothing in flight or scheduled once disposed');
    sampler.setVisible(true);
    assert.equal(calls.length, 3, 'disposed: never again');
  });

  it('a failed sample is said, and sampling goes on', async () => {
    const { sampler, calls, pending, flush, changes } = harness();
    sampler.setVisible(true);
    calls[0].reject(new Error('boom'));
    await flush();
    assert.match(String(sampler.error), /boom/);
    assert.equal(changes(), 1);
    assert.equal(pending().length, 1);
  });

  it("one call every 2 s is a small share of either family's limit", () => {
    assert.equal(sampleShare(100), 0.005);
    assert.equal(sampleShare(50), 0.01);
    assert.ok(sampleShare(10) <= 0.1);
  });
});
