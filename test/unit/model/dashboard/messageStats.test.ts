import * as assert from 'node:assert/strict';
import { messageStats, TOP_SENDERS } from '../../../../src/model/dashboard/messageStats';

describe('dashboard: the newest messages', () => {
  it('counts per minute and type, by type, and the top senders', () => {
    const minute = 1_800_000_000 - (1_800_000_000 % 60);
    const stats = messageStats([
      { type: 1, sender: 'b', time: minute + 1 },
      { type: 2, sender: 'a', time: minute + 59 },
      { type: 1, sender: 'a', time: minute + 60 },
      { type: 1, sender: 'c', time: minute + 61 },
    ]);
    assert.equal(stats.total, 4);
    assert.equal(stats.timed, true);
    assert.deepEqual(stats.byType, [
      { type: 1, count: 3 },
      { type: 2, count: 1 },
    ]);
    assert.deepEqual(stats.perMinute, [
      { minute, type: 1, count: 1 },
      { minute, type: 2, count: 1 },
      { minute: minute + 60, type: 1, count: 2 },
    ]);
    assert.deepEqual(stats.topSenders, [
      { sender: 'a', count: 2 },
      { sender: 'b', count: 1 },
      { sender: 'c', count: 1 },
    ]);
  });

  it('messages without a time (the legacy ListMessage) give counts only', () => {
    const stats = messageStats([
      { type: 7, sender: 'x' },
      { type: 7, sender: 'y' },
    ]);
    assert.equal(stats.timed, false);
    assert.deepEqual(stats.perMinute, []);
    assert.deepEqual(stats.byType, [{ type: 7, count: 2 }]);
  });

  it(`keeps the ${TOP_SENDERS} busiest senders, most first`, () => {
    const messages = Array.from({ length: 30 }, (_, i) => Array.from({ length: i + 1 }, () => ({ type: 1, sender: `u${i}` }))).flat();
    const top = messageStats(messages).topSenders;
    assert.equal(top.length, TOP_SENDERS);
    assert.deepEqual(top[0], { sender: 'u29', count: 30 });
    assert.ok(top.every((entry, index) => index === 0 || top[index - 1].count >= entry.count));
  });
});
