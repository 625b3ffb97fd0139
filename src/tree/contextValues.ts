// Every contextValue a tree row can carry, in one table: package.json's `view/item/context` menus match these
// (`viewItem =~ /^group/`), and a unit test checks that each menu's pattern matches one of them.

export const CONTEXT_VALUES = {
  app: 'app',
  /** An app added by AppId in imExplorer.apps (it can be removed from there). */
  configuredApp: 'app.configured',
  user: 'user',
  group: 'group',
  member: 'member',
  loadMore: 'loadMore',
  /** A load-all that stopped on a failing page: Resume continues it. */
  stoppedLoad: 'incomplete.stopped',
  /** A load-all during which the list changed: Refresh catches up. */
  changedLoad: 'incomplete.changed',
  /** The LiveMessage family: an app (its groups listed directly), a group, a member, a group's messages and one message. */
  liveApp: 'liveApp',
  liveGroup: 'liveGroup',
  /** A deleted LiveMessage group (listed, described; its members and messages are gone). */
  liveGroupDeleted: 'liveGroup.deleted',
  liveMember: 'liveMember',
  liveMessages: 'liveMessages',
  liveMessage: 'liveMessage',
  error: 'error',
  message: 'message',
} as const;

export type ContextValue = (typeof CONTEXT_VALUES)[keyof typeof CONTEXT_VALUES];
