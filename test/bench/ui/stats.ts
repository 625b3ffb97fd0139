// Small statistics over samples (non-finite values are left out).

const finite = (values: readonly number[]) => values.filter((value) => Number.isFinite(value));

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile, linearly interpolated between the closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const min = (values: readonly number[]) => Math.min(...finite(values));
export const max = (values: readonly number[]) => Math.max(...finite(values));

export function round(value: number, digits = 1): number | null {
  return Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;
}

export function fmt(value: number | undefined, digits = 1): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '-';
}
