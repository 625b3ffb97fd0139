// Export a group's members, a user's groups or an app's groups to CSV or JSON: streamed page by page at the rate
// limit into a file that appears only when complete. What is exported is the row's own plan (its concept's
// exportPlan); this command asks where and how, shows progress and says how it went.
import * as os from 'node:os';
import * as path from 'node:path';
import vscode = require('vscode');
import { l10n } from 'vscode';
import { UserInputError, isCancellation } from '../errors';
import type { ExportResult } from '../export/exportList';
import { suggestedFileName, type ExportFormat } from '../export/fileName';
import { pick } from '../input';
import { formatNumber } from '../model/display';
import { plural, pluralNoun } from '../tree/format';
import { onRow } from './registry';

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

function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

export const exportList = onRow(
  'export',
  { kinds: ['group', 'user', 'app'], without: ['deleted'], noun: () => l10n.t('a group (for its members), a user or an app (for their groups)') },
  async (services, target): Promise<ExportOutcome | undefined> => {
    const plan = target.exportPlan();
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
    // A profile switch (or a setting the lists depend on) during the export ends it: its pages would come from another key.
    const changed = services.session.onDidChange((change) => change.reloadsLists && controller.abort());
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: l10n.t('Exporting {0}', what), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          const started = Date.now();
          let reported = 0;
          return plan.run(file, format.format, {
            bom: format.bom,
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
);
