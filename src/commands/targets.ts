// The rows commands act on, by concept: each set is named once and shared by the commands that take it.
import { l10n } from 'vscode';
import { API_ROW_KINDS } from '../tree/concepts';
import type { NodeTarget } from './registry';

/** Every row that stands for an API object. */
export const API_ROWS: NodeTarget<(typeof API_ROW_KINDS)[number]> = { kinds: API_ROW_KINDS, noun: () => l10n.t('an app, user, group or member') };

/** Rows whose children are a paged list (a LiveMessage app's groups; a legacy app's users are settings). */
export const LIST_OWNERS: NodeTarget<'root' | 'app' | 'user' | 'group' | 'messages'> = {
  kinds: ['root', 'app', 'user', 'group', 'messages'],
  families: { app: ['live'] },
  without: ['deleted'],
  noun: () => l10n.t('a user (for its groups) or a group (for its members)'),
  ownerOfRow: true,
};

/** Groups that have members (a deleted LiveMessage group's are gone). */
export const GROUPS_WITH_MEMBERS: NodeTarget<'group'> = { kinds: ['group'], without: ['deleted'], noun: () => l10n.t('a group') };
