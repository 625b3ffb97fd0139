// Commands that change what the tree shows: refresh, paging, sort order, page size, configured apps and users.
import vscode = require('vscode');
import { updateSetting } from '../config';
import { UserInputError } from '../errors';
import type { Services } from '../services';
import { AppNode } from '../tree/appNode';
import { LoadMoreNode } from '../tree/loadMoreNode';
import { MessageNode } from '../tree/messageNode';
import type { ExplorerNode } from '../tree/node';
import { UserNode } from '../tree/userNode';
import type { CommandHandlers } from './index';
import { askId, idProblem } from './input';

export interface LoadAllOutcome {
  loaded: number;
  total: number | undefined;
  cancelled: boolean;
}

export function treeCommands(services: Services): CommandHandlers {
  const { tree, session, log } = services;

  /** The node a command was run on: its argument, else the view's selection. */
  function target(node: unknown): ExplorerNode | undefined {
    return isNode(node) ? node : services.treeView.selection[0];
  }

  /** The node whose children a paging command acts on (a Load more node acts on its parent). */
  function listOwner(node: ExplorerNode | undefined): ExplorerNode | undefined {
    if (node instanceof LoadMoreNode || node instanceof MessageNode) return node.parent;
    return node;
  }

  async function addToSetting(key: 'apps', value: string): Promise<void> {
    const current = session.settings.apps;
    if (current.includes(value)) return;
    await updateSetting(session, key, [...current, value]);
  }

  return {
    refresh(node?: unknown): void {
      tree.refresh(isNode(node) ? node : undefined);
    },

    async loadMore(node?: unknown): Promise<number> {
      const owner = listOwner(target(node)) ?? tree.rootNode();
      const list = owner?.pagedChildren();
      if (!owner || !list) throw new UserInputError('Select a list with more items to load.');
      const loading = list.loadMore();
      tree.redraw(owner); // shows "Loading…"
      try {
        await loading;
      } finally {
        tree.redraw(owner);
      }
      return list.items.length;
    },

    async loadAll(node?: unknown): Promise<LoadAllOutcome> {
      const owner = listOwner(target(node));
      const list = owner?.pagedChildren();
      if (!owner || !list) throw new UserInputError('Select a user (to load all groups) or a group (to load all members).');
      const noun = owner instanceof UserNode ? 'groups' : owner instanceof AppNode ? 'users' : owner.kind === 'group' ? 'members' : 'apps';
      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Loading all ${noun}`, cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          let reported = 0;
          const started = Date.now();
          try {
            const result = await list.loadAll(controller.signal, (loaded, total) => {
              const increment = total ? ((loaded - reported) / total) * 100 : undefined;
              reported = loaded;
              progress.report({ message: total !== undefined ? `${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` : `${loaded.toLocaleString('en-US')}`, increment });
            });
            log.info(`Load all ${noun} of ${owner.id}: ${result.items.length} in ${Date.now() - started} ms, ${result.pagesFetched} pages, ${result.duplicatesDropped} duplicates dropped, stopped: ${result.stoppedBecause}`);
            return { loaded: result.items.length, total: result.total, cancelled: false };
          } catch (error) {
            if (controller.signal.aborted) {
              log.info(`Load all ${noun} of ${owner.id}: cancelled; the pages loaded before stay`);
              return { loaded: list.items.length, total: list.total, cancelled: true };
            }
            throw error;
          } finally {
            tree.redraw(owner);
          }
        },
      );
    },

    async retry(node?: unknown): Promise<void> {
      const owner = listOwner(target(node)) ?? tree.rootNode();
      const list = owner?.pagedChildren();
      if (!owner) return;
      if (!list || services.session.configurationProblem) {
        await session.reload();
        return;
      }
      const retrying = list.retry().catch(() => undefined); // a new failure shows as an error node again
      tree.redraw(owner);
      await retrying;
      tree.redraw(owner);
    },

    sortAscending: () => updateSetting(session, 'sortOrder', 'ascending'),
    sortDescending: () => updateSetting(session, 'sortOrder', 'descending'),

    async setPageSize(value?: unknown): Promise<number | undefined> {
      const text =
        value !== undefined
          ? String(value)
          : await vscode.window.showInputBox({
              title: 'Page size',
              prompt: 'Items per page when listing apps, groups and members (1–50).',
              value: String(session.settings.pageSize),
              validateInput: (input) => pageSizeProblem(input),
            });
      if (text === undefined) return undefined;
      const problem = pageSizeProblem(text);
      if (problem) throw new UserInputError(problem);
      await updateSetting(session, 'pageSize', Number(text));
      return Number(text);
    },

    async addApp(appId?: unknown): Promise<string | undefined> {
      const value = typeof appId === 'string' ? appId : await askId('AppId', { title: 'Add app', prompt: 'The AppId of an Interactive Messages app.' });
      if (value === undefined) return undefined;
      const problem = idProblem(value, 'AppId');
      if (problem) throw new UserInputError(problem);
      await addToSetting('apps', value);
      return value;
    },

    async removeApp(node?: unknown): Promise<void> {
      const app = target(node);
      if (!(app instanceof AppNode) || !app.configured) throw new UserInputError('Select an app added by AppId to remove it.');
      await updateSetting(session, 'apps', session.settings.apps.filter((id) => id !== app.appId));
    },

    async addUser(node?: unknown, userId?: unknown): Promise<string | undefined> {
      const app = target(node);
      if (!(app instanceof AppNode)) throw new UserInputError('Select an app to add a user to.');
      const value =
        typeof userId === 'string'
          ? userId
          : await askId('UserId', { title: `Add user to ${app.app?.AppName || app.appId}`, prompt: 'A UserId whose message groups you want to browse.' });
      if (value === undefined) return undefined;
      const problem = idProblem(value, 'UserId');
      if (problem) throw new UserInputError(problem);
      const users = { ...session.settings.users };
      const current = users[app.appId] ?? [];
      if (!current.includes(value)) {
        users[app.appId] = [...current, value];
        await updateSetting(session, 'users', users);
      }
      return value;
    },

    async removeUser(node?: unknown): Promise<void> {
      const user = target(node);
      if (!(user instanceof UserNode)) throw new UserInputError('Select a user to remove.');
      const users = { ...session.settings.users };
      users[user.app.appId] = (users[user.app.appId] ?? []).filter((id) => id !== user.userId);
      if (users[user.app.appId].length === 0) delete users[user.app.appId];
      await updateSetting(session, 'users', users);
    },

    showLog(): void {
      log.show();
    },
  };
}

export function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'treeItem' in value;
}

function pageSizeProblem(input: string): string | undefined {
  const value = Number(input.trim());
  return input.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 50 ? undefined : 'PageSize must be a whole number from 1 to 50.';
}
