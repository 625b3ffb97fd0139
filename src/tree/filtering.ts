// Applying the view's filter to the loaded lists: which rows stay, and how many of the loaded rows match.
// A row stays when it matches, or (filtering everywhere) when something loaded below it matches. Each list says
// how its items are matched (ListStore's filterAs); nothing is read back from ids.
import { filtersLevel, matches, type FilterLevel, type TreeFilter } from '../model/filter';
import type { ListStore, StoredList } from '../model/listStore';

function isAtOrBelow(ownerId: string, rowId: string): boolean {
  return ownerId === rowId || ownerId.startsWith(rowId + '/');
}

function matchingItems({ list, filterAs }: StoredList, filter: TreeFilter): number | undefined {
  if (!filterAs || !filtersLevel(filter, filterAs.level)) return undefined;
  let count = 0;
  for (const item of list.items) if (matches(filter, filterAs.text(item))) count++;
  return count;
}

/** Whether a loaded row at or below `rowId` (in the lists of the store) matches. */
export function anyMatchAtOrBelow(lists: ListStore, filter: TreeFilter, rowId: string): boolean {
  for (const stored of lists.entries()) {
    if (!isAtOrBelow(stored.ownerId, rowId) || !stored.filterAs || !filtersLevel(filter, stored.filterAs.level)) continue;
    const { text } = stored.filterAs;
    if (stored.list.items.some((item) => matches(filter, text(item)))) return true;
  }
  return false;
}

/** How many loaded rows at or below `rowId` match. */
export function countMatchesAtOrBelow(lists: ListStore, filter: TreeFilter, rowId: string): number {
  let count = 0;
  for (const stored of lists.entries()) if (isAtOrBelow(stored.ownerId, rowId)) count += matchingItems(stored, filter) ?? 0;
  return count;
}

/** Whether a row of `level` stays visible under the filter. */
export function keepsRow(lists: ListStore, filter: TreeFilter, level: FilterLevel, text: string, rowId: string): boolean {
  if (!filtersLevel(filter, level) || matches(filter, text)) return true;
  return filter.level === undefined && level !== 'member' && anyMatchAtOrBelow(lists, filter, rowId);
}

/** Rows loaded at the filtered levels, and how many of them match. */
export function filterSummary(lists: ListStore, filter: TreeFilter): { matching: number; loaded: number } {
  let matching = 0;
  let loaded = 0;
  for (const stored of lists.entries()) {
    const count = matchingItems(stored, filter);
    if (count === undefined) continue;
    loaded += stored.list.items.length;
    matching += count;
  }
  return { matching, loaded };
}

/** Whether the list owned by `ownerId` is one the filter reads (Search Further looks further into it). */
export function isFilteredList(lists: ListStore, ownerId: string): boolean {
  for (const stored of lists.entries()) if (stored.ownerId === ownerId) return stored.filterAs !== undefined;
  return false;
}
