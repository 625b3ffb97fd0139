// Applying the view's filter to the loaded lists: which rows stay, and how many of the loaded rows match.
// A row stays when it matches, or (filtering everywhere) when something loaded below it matches.
import { filtersLevel, matches, SEARCH_TEXT, type FilterLevel, type TreeFilter } from '../model/filter';
import type { ListStore } from '../model/listStore';
import type { GroupMember, MessageApp, MessageGroup } from '../api/types';

/** What the lists owned by a node of each kind of id segment hold (a LiveMessage app lists its groups directly). */
const LIST_LEVELS: Record<string, FilterLevel> = { profile: 'app', datacenter: 'app', app: 'group', user: 'group', group: 'member' };

/** What the items of the list owned by `ownerId` are, from the last segment of its hierarchical id. */
export function listLevel(ownerId: string): FilterLevel | undefined {
  const kind = /\/([a-z]+)\/[^/]*$/.exec(ownerId)?.[1];
  return kind !== undefined && Object.prototype.hasOwnProperty.call(LIST_LEVELS, kind) ? LIST_LEVELS[kind] : undefined;
}

function itemText(level: FilterLevel, item: unknown): string {
  switch (level) {
    case 'app':
      return SEARCH_TEXT.app(item as MessageApp);
    case 'group':
      return SEARCH_TEXT.group(item as MessageGroup);
    case 'member':
      return SEARCH_TEXT.member(item as GroupMember);
    case 'user':
      return SEARCH_TEXT.user(item as string);
  }
}

/** Whether a loaded row at or below `rowId` (in the lists of the store) matches. */
export function anyMatchAtOrBelow(lists: ListStore, filter: TreeFilter, rowId: string): boolean {
  for (const [ownerId, list] of lists.entries()) {
    if (ownerId !== rowId && !ownerId.startsWith(rowId + '/')) continue;
    const level = listLevel(ownerId);
    if (level && filtersLevel(filter, level) && list.items.some((item) => matches(filter, itemText(level, item)))) return true;
  }
  return false;
}

/** How many loaded rows at or below `rowId` match. */
export function countMatchesAtOrBelow(lists: ListStore, filter: TreeFilter, rowId: string): number {
  let count = 0;
  for (const [ownerId, list] of lists.entries()) {
    if (ownerId !== rowId && !ownerId.startsWith(rowId + '/')) continue;
    const level = listLevel(ownerId);
    if (level && filtersLevel(filter, level)) for (const item of list.items) if (matches(filter, itemText(level, item))) count++;
  }
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
  for (const [ownerId, list] of lists.entries()) {
    const level = listLevel(ownerId);
    if (!level || !filtersLevel(filter, level)) continue;
    loaded += list.items.length;
    for (const item of list.items) if (matches(filter, itemText(level, item))) matching++;
  }
  return { matching, loaded };
}
