// Export a group's members, a user's groups or an app's groups (of its configured users) to CSV or JSON:
// streamed page by page at the rate limit into a file that appears only when complete.
import * as os from 'node:os';
import * as path from 'node:path';
import vscode = require('vscode');
import { l10n } from 'vscode';
import { pagerFor, tokenPagerFor } from '../api/requests';
import { UserInputError, isCancellation } from '../errors';
import { exportToFile, type ExportPart, type ExportResult } from '../export/exportList';
import { suggestedFileName, type ExportFormat } from '../export/fileName';
import { groupRows, LIVE_GROUP_ROWS, LIVE_MEMBER_ROWS, MEMBER_ROWS, type ExportedGroup } from '../export/rows';
import { writerFor } from '../export/writers';
import { pick } from '../input';
import { formatNumber } from '../model/display';
import { plural, pluralNoun } from '../tree/format';
import type { Services } from '../services';
import type { GroupMember } from '../api/types';
import type { AppNode } from '../tree/appNode';
import type { GroupNode } from '../tree/groupNode';
import type { LiveAppNode } from '../tree/liveAppNode';
import type { LiveGroupNode } from '../tree/liveGroupNode';
import type { UserNode } from '../tree/userNode';
import { targetNode, type Command } from './registry';

interface FormatItem {
  label: string;
  detail: string;
  format: ExportFormat;
  bom: boolean;
}

function formats(): FormatItem[] {
  return [
    { label: 'CSV', detail: l10n.t('UTF-8, RFC 4180; Extension as one JSON column'), format: 'csv', bom: false },
    {
      label: l10n.t('CSV for Excel'),
      detail: l10n.t('The same with a UTF-8 byte order mark, so that Excel reads non-ASCII ids correctly'),
      format: 'csv',
      bom: true,
    },
    { label: 'JSON', detail: l10n.t('An array of the raw API objects, one per line'), format: 'json', bom: false },
  ];
}

export interface ExportOutcome extends ExportResult {
  file: string;
}

interface Plan {
  what: 'members' | 'groups';
  ids: string[];
  run(file: string, format: FormatItem, options: Parameters<typeof exportToFile>[3]): Promise<ExportResult>;
}

/** A LiveMessage group's members or app's groups: token lists, read page after page. */
function livePlanFor(services: Services, node: LiveGroupNode | LiveAppNode): Plan {
  const { client, settings } = services.session;
  if (node.kind === 'liveGroup') {
    const pager = tokenPagerFor(client, node.request(), settings.pageSize);
    return {
      what: 'members',
      ids: [node.app.appId, node.group.GroupId],
      run: (file, format, options) =>
        exportToFile(
          file,
          [{ source: { tokens: pager.source }, pageSize: pager.pageSize }],
          writerFor(format.format, LIVE_MEMBER_ROWS, { bom: format.bom }),
          options,
        ),
    };
  }
  const pager = tokenPagerFor(client, node.request(), settings.pageSize);
  return {
    what: 'groups',
    ids: [node.appId],
    run: (file, format, options) =>
      exportToFile(
        file,
        [{ source: { tokens: pager.source }, pageSize: pager.pageSize }],
        writerFor(format.format, LIVE_GROUP_ROWS, { bom: format.bom }),
        options,
      ),
  };
}

function planFor(services: Services, node: GroupNode | UserNode | AppNode | LiveGroupNode | LiveAppNode): Plan {
  if (node.kind === 'liveGroup' || node.kind === 'liveApp') return livePlanFor(services, node);
  const { client, settings } = services.session;
  const source = <R extends Parameters<typeof pagerFor>[1]>(request: R) => pagerFor(client, request, settings.pageSize).source;
  if (node.kind === 'group') {
    const part: ExportPart<GroupMember> = { source: source(node.request()), pageSize: settings.pageSize };
    return {
      what: 'members',
      ids: [node.group.AppId, node.group.GroupId],
      run: (file, format, options) => exportToFile(file, [part], writerFor(format.format, MEMBER_ROWS, { bom: format.bom }), options),
    };
  }
  const appId = node.kind === 'user' ? node.app.appId : node.appId;
  const users =
    node.kind === 'user'
      ? [node]
      : node.userIds().map((userId) => ({
          userId,
          request: () => ({ action: 'ListMessageGroup' as const, params: { AppId: appId, UserId: userId, SortType: settings.sortType } }),
        }));
  if (users.length === 0) throw new UserInputError(l10n.t('App {0} has no configured users: add one with Add User… to export their groups.', appId));
  const listingUser = node.kind === 'app';
  const parts: ExportPart<ExportedGroup>[] = users.map((user) => ({
    source: source(user.request()),
    pageSize: settings.pageSize,
    row: (group) => (listingUser ? { ...group, ListedByUserId: user.userId } : group),
  }));
  return {
    what: 'groups',
    ids: node.kind === 'user' ? [appId, node.userId] : [appId],
    run: (file, format, options) => exportToFile(file, parts, writerFor(format.format, groupRows(listingUser), { bom: format.bom }), options),
  };
}

function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

export const exportList: Command = {
  id: 'export',
  async run(services, node): Promise<ExportOutcome | undefined> {
    const target = await targetNode(services, node, {
      kinds: ['group', 'user', 'app', 'liveGroup', 'liveApp'],
      noun: l10n.t('a group (for its members), a user or an app (for their groups)'),
    });
    const plan = planFor(services, target);
    const what = pluralNoun(plan.what === 'members' ? 'member' : 'group');
    const format = await pick(services.input, formats(), { title: l10n.t('Export {0}: format', what) });
    const uri = await services.input.showSaveDialog({
      title: l10n.t('Export {0}', what),
      defaultUri: vscode.Uri.joinPath(defaultFolder(), suggestedFileName(plan.what, plan.ids, format.format)),
      filters: format.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    });
    if (!uri) return undefined;
    const file = uri.fsPath;
    const controller = new AbortController();
    // A profile switch (or settings change) during the export ends it: its pages would come from another key.
    const changed = services.session.onDidChange(() => controller.abort());
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: l10n.t('Exporting {0}', what), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          const started = Date.now();
          let reported = 0;
          return plan.run(file, format, {
            signal: controller.signal,
            onProgress: ({ written, total }) => {
              const perSecond = Math.round(written / Math.max(0.001, (Date.now() - started) / 1000));
              const increment = total ? ((written - reported) / total) * 100 : undefined;
              reported = written;
              progress.report({
                message:
                  total !== undefined
                    ? l10n.t('{0} of {1} · {2}/s', formatNumber(written), formatNumber(total), formatNumber(perSecond))
                    : l10n.t('{0} · {1}/s', formatNumber(written), formatNumber(perSecond)),
                increment,
              });
            },
          });
        },
      );
      services.log.info(`Exported ${result.written} ${plan.what} to ${file} in ${Math.round(result.durationMs)} ms (${result.pagesFetched} pages)`);
      const exported = plural(result.written, plan.what === 'members' ? 'member' : 'group');
      const done = l10n.t('Exported {0} to {1}.', exported, path.basename(file));
      if (result.status === 'changed') {
        void services.input.showMessage('warning', `${done} ${l10n.t('The list changed while it was read: some may be missing; export again to catch up.')}`);
      } else {
        void services.input.showMessage('info', done);
      }
      return { ...result, file };
    } catch (error) {
      if (isCancellation(error) || controller.signal.aborted) {
        void services.input.showMessage('info', l10n.t('Export cancelled: no file was written.'));
        return undefined;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EISDIR') {
        throw new UserInputError(l10n.t('Cannot write {0} ({1}): choose a folder you can write to. Nothing was written.', file, code));
      }
      throw error;
    } finally {
      changed.dispose();
    }
  },
};
