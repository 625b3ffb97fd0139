// The view's filter: text matched, case-insensitively, against the ids, names and creators of loaded rows, on
// one level ("group:abc") or everywhere ("abc"). Plain Node: the tree applies it, the benchmark times it.
import * as l10n from '@vscode/l10n';
import type { GroupMember, MessageApp, MessageGroup } from '../api/types';
import { formatNumber } from './display';

export const FILTER_LEVELS = ['app', 'user', 'group', 'member'] as const;
export type FilterLevel = (typeof FILTER_LEVELS)[number];

export const MAX_FILTER_LENGTH = 200;

export interface TreeFilter {
  /** As typed, for the view's message. */
  readonly text: string;
  /** Lower-cased text to look for. */
  readonly needle: string;
  /** Only rows of this level are filtered; undefined = every level. */
  readonly level: FilterLevel | undefined;
}

/** The filter typed, or why it is not one. "group: abc" filters groups only; the text is trimmed. */
export function parseFilter(input: string): TreeFilter | { problem: string } {
  const trimmed = input.trim();
  if (trimmed.length === 0) return { problem: l10n.t('Type the text to look for (or use Clear Filter to show everything).') };
  if (trimmed.length > MAX_FILTER_LENGTH)
    return { problem: l10n.t('A filter has at most {0} characters (this one has {1}).', MAX_FILTER_LENGTH, formatNumber(trimmed.length)) };
  const prefixed = /^(app|user|group|member):\s*(.*)$/i.exec(trimmed);
  const level = prefixed ? (prefixed[1].toLowerCase() as FilterLevel) : undefined;
  const text = prefixed ? prefixed[2].trim() : trimmed;
  if (text.length === 0) return { problem: l10n.t('Type the text to look for after "{0}:".', prefixed?.[1] ?? '') };
  return { text: trimmed, needle: text.toLowerCase(), level };
}

/** The text a row is matched by: its ids, name and creator. */
export const SEARCH_TEXT = {
  app: (app: Pick<MessageApp, 'AppId'> & Partial<Pick<MessageApp, 'AppName'>>) => `${app.AppId}\n${app.AppName ?? ''}`,
  user: (userId: string) => userId,
  group: (group: Pick<MessageGroup, 'GroupId' | 'CreatorId'> & { GroupName?: string }) => `${group.GroupId}\n${group.CreatorId}\n${group.GroupName ?? ''}`,
  member: (member: Pick<GroupMember, 'UserId'>) => member.UserId,
} satisfies Record<FilterLevel, (item: never) => string>;

/** Whether rows of `level` are filtered at all. */
export function filtersLevel(filter: TreeFilter, level: FilterLevel): boolean {
  return filter.level === undefined || filter.level === level;
}

export function matches(filter: TreeFilter, text: string): boolean {
  return text.toLowerCase().includes(filter.needle);
}

/** The items of a list that match, in order; `textOf` gives each item's search text. */
export function filterItems<Item>(filter: TreeFilter, items: readonly Item[], textOf: (item: Item) => string): Item[] {
  const { needle } = filter;
  const kept: Item[] = [];
  for (const item of items) if (textOf(item).toLowerCase().includes(needle)) kept.push(item);
  return kept;
}
