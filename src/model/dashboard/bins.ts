// Members over time: join times (Unix seconds) counted per interval, with the running total. The interval follows
// the span of the times, from a minute to a month, so that a curve has at most MAX_BINS points however long the
// group has existed. Plain Node: the extension host computes the bins; the dashboard only draws them.

export interface BinInterval {
  /** Seconds per bin (a month counts as 30 days). */
  seconds: number;
  /** For labels: 'minute', '5 minutes', … */
  name: IntervalName;
}

export type IntervalName = 'minute' | '5 minutes' | '15 minutes' | 'hour' | '6 hours' | 'day' | 'week' | 'month';

export const INTERVALS: readonly BinInterval[] = [
  { seconds: 60, name: 'minute' },
  { seconds: 300, name: '5 minutes' },
  { seconds: 900, name: '15 minutes' },
  { seconds: 3600, name: 'hour' },
  { seconds: 6 * 3600, name: '6 hours' },
  { seconds: 86_400, name: 'day' },
  { seconds: 7 * 86_400, name: 'week' },
  { seconds: 30 * 86_400, name: 'month' },
];

/** The most bins a curve has (a longer span takes a longer interval). */
export const MAX_BINS = 120;

export interface Bin {
  /** Unix seconds at the start of the bin. */
  start: number;
  /** Joins in the bin. */
  count: number;
  /** Joins up to the end of the bin. */
  cumulative: number;
}

export interface JoinBins {
  interval: BinInterval;
  bins: Bin[];
  /** Times counted (finite ones; others are skipped and counted in `skipped`). */
  counted: number;
  skipped: number;
}

/** The shortest interval that keeps the span within MAX_BINS bins (a span of years still takes months). */
export function intervalFor(spanSeconds: number): BinInterval {
  return INTERVALS.find((interval) => Math.floor(spanSeconds / interval.seconds) + 2 <= MAX_BINS) ?? INTERVALS[INTERVALS.length - 1];
}

/** Join times per interval; `times` in any order. Bins without joins are kept, so the curve has no gaps. */
export function joinBins(times: Iterable<number>): JoinBins {
  let min = Infinity;
  let max = -Infinity;
  let counted = 0;
  let skipped = 0;
  const finite: number[] = [];
  for (const time of times) {
    if (!Number.isFinite(time)) {
      skipped++;
      continue;
    }
    finite.push(time);
    if (time < min) min = time;
    if (time > max) max = time;
    counted++;
  }
  if (counted === 0) return { interval: INTERVALS[0], bins: [], counted, skipped };
  const interval = intervalFor(max - min);
  const first = Math.floor(min / interval.seconds) * interval.seconds;
  const counts = new Array<number>(Math.floor((max - first) / interval.seconds) + 1).fill(0);
  for (const time of finite) counts[Math.floor((time - first) / interval.seconds)]++;
  let cumulative = 0;
  const bins = counts.map((count, index) => {
    cumulative += count;
    return { start: first + index * interval.seconds, count, cumulative };
  });
  return { interval, bins, counted, skipped };
}
