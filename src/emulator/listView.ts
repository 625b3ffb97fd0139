// A list computed on demand (nothing proportional to its length is kept), and the position arithmetic of a list
// that some items left.

/** Its length and its item at a position (0 = the oldest). */
export interface ListView<T> {
  total: number;
  at(position: number): T;
}

/** The `position`-th of the positions left once the `removed` ones (ascending) are taken out. */
export function skipRemoved(position: number, removed: readonly number[]): number {
  let result = position;
  for (const gone of removed) {
    if (gone > result) break;
    result++;
  }
  return result;
}
