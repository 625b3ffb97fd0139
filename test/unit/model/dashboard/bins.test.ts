import * as assert from 'node:assert/strict';
import { intervalFor, joinBins, MAX_BINS } from '../../../../src/model/dashboard/bins';

describe('dashboard: members over time', () => {
  it('the interval follows the span: minutes for an hour, days for months, months for years', () => {
    assert.equal(intervalFor(0).name, 'minute');
    assert.equal(intervalFor(60 * 60).name, 'minute');
    assert.equal(intervalFor(6 * 60 * 60).name, '5 minutes');
    assert.equal(intervalFor(2 * 86_400).name, 'hour');
    assert.equal(intervalFor(90 * 86_400).name, 'day');
    assert.equal(intervalFor(2 * 365 * 86_400).name, 'week');
    assert.equal(intervalFor(20 * 365 * 86_400).name, 'month');
  });

  it('counts joins per interval with the running total, empty intervals kept, in any order', () => {
    const start = 1_800_000_000 - (1_800_000_000 % 60);
    const times = [start + 130, start + 5, start + 10, start + 125, start + 61];
    const { interval, bins, counted, skipped } = joinBins(times);
    assert.equal(interval.name, 'minute');
    assert.deepEqual(bins, [
      { start, count: 2, cumulative: 2 },
      { start: start + 60, count: 1, cumulative: 3 },
      { start: start + 120, count: 2, cumulative: 5 },
    ]);
    assert.deepEqual([counted, skipped], [5, 0]);
  });

  it('never draws more than MAX_BINS points, and the last cumulative is every join', () => {
    const times = Array.from({ length: 100_000 }, (_, i) => 1_700_000_000 + Math.floor(i * 317.3));
    const { bins } = joinBins(times);
    assert.ok(bins.length <= MAX_BINS && bins.length > 10, `${bins.length} bins`);
    assert.equal(bins.at(-1)?.cumulative, 100_000);
    assert.equal(
      bins.reduce((sum, bin) => sum + bin.count, 0),
      100_000,
    );
  });

  it('skips times that are not numbers, and has no bins without any', () => {
    assert.deepEqual(joinBins([]).bins, []);
    const result = joinBins([Number.NaN, 1_800_000_000, Number.POSITIVE_INFINITY]);
    assert.deepEqual([result.counted, result.skipped, result.bins.length], [1, 2, 1]);
  });
});
