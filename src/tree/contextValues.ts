// The context values of tree rows, as tokens: `kind;family;modifier…` (`group;live;deleted`), so that a menu
// entry for every group is one pattern (`viewItem =~ /^group;/`) and one for a family or a fact adds a token
// (`/^member;legacy/`, `/^group;(?!.*;deleted)/`). ROW_CONTEXTS lists every value a row can carry: a unit test
// checks each menu's pattern against it, and a host test the real tree's values.
import type { Family } from '../api/types';

/** Facts about a row that menus tell apart. */
export type Modifier =
  /** An app added by AppId in imExplorer.apps (it can be removed from there). */
  | 'configured'
  /** A deleted LiveMessage group (listed, described; its members and messages are gone). */
  | 'deleted'
  /** A LiveMessage app disabled for its clients (ModifyLiveMessageAppDisable). */
  | 'disabled'
  /** An error row (Retry, Show Log). */
  | 'error'
  /** A load-all that stopped on a failing page: Resume continues it. */
  | 'stopped'
  /** A load-all during which the list changed: Refresh catches up. */
  | 'changed'
  /** A pinned group or member that no longer exists (its row says so and keeps Unpin). */
  | 'gone'
  /** A row of the Pinned section (Unpin); always the last token. */
  | 'pinned';

export function contextValue(kind: string, family: Family | undefined, modifiers: readonly Modifier[]): string | undefined {
  if (kind === 'root' || kind === 'range') return undefined; // nothing to act on: commands act on a list's owner or its rows
  return [kind, family, ...modifiers].filter(Boolean).join(';');
}

/** Every context value a row can carry. */
export const ROW_CONTEXTS: readonly string[] = [
  'app;legacy',
  'app;legacy;configured',
  'app;live',
  'app;live;disabled',
  'user;legacy',
  'group;legacy',
  'group;live',
  'group;live;deleted',
  'member;legacy',
  'member;live',
  'messages;live',
  'message;live',
  'more',
  'notice',
  'notice;error',
  'notice;stopped',
  'notice;changed',
  'pinned',
  'group;legacy;pinned',
  'group;live;pinned',
  'group;live;deleted;pinned',
  'member;legacy;pinned',
  'member;live;pinned',
  'notice;gone;pinned',
  'notice;error;pinned',
];

/** A row's context value, read back: what a command's target is checked against. */
export interface RowTokens {
  kind: string;
  family: Family | undefined;
  modifiers: readonly string[];
}

export function tokensOf(kind: string, value: string | undefined): RowTokens {
  const [, second, ...rest] = (value ?? kind).split(';');
  const family = second === 'legacy' || second === 'live' ? second : undefined;
  return { kind, family, modifiers: family ? rest : [second, ...rest].filter((token): token is string => token !== undefined) };
}
