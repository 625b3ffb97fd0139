// Carrying ids into code: copy an id, copy the row's API request as code, insert an id at the cursor, open a
// row's raw API data as JSON. From the palette they act on the selection, or on a loaded row the user picks.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { wireParamsOf } from '../api/requests';
import { UserInputError } from '../errors';
import { pick } from '../input';
import type { Services } from '../services';
import type * as Snippets from '../snippets';
import type { ExplorerNode, NodeIds } from '../tree/node';
import { onRow, type Command, type NodeTarget } from './registry';
import { API_ROWS } from './targets';

const ID_TARGETS: Record<keyof NodeIds, { name: string; target: NodeTarget }> = {
  appId: { name: 'AppId', target: API_ROWS },
  groupId: { name: 'GroupId', target: { kinds: ['group', 'member', 'messages', 'message'], noun: () => l10n.t('a group or member') } },
  userId: { name: 'UserId', target: { kinds: ['user', 'member', 'message'], noun: () => l10n.t('a user or member') } },
};

function copyIdCommand(id: string, key: keyof NodeIds): Command {
  const { name, target } = ID_TARGETS[key];
  return onRow(id, target, async (_services, node: ExplorerNode) => {
    const value = node.ids()[key];
    if (value === undefined) throw new UserInputError(l10n.t('This item has no {0}.', name));
    await vscode.env.clipboard.writeText(value);
    vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied {0} {1}', name, value)}`, 4000);
    return value;
  });
}

export const copyAppId = copyIdCommand('copyAppId', 'appId');
export const copyGroupId = copyIdCommand('copyGroupId', 'groupId');
export const copyUserId = copyIdCommand('copyUserId', 'userId');

export const copyAsCode = onRow(
  'copyAsCode',
  { ...API_ROWS, kinds: ['app', 'user', 'group', 'member', 'messages'] },
  async (services: Services, node): Promise<string> => {
    const request = node.request();
    if (!request) throw new UserInputError(l10n.t('This item stands for no API request.'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, from its own file (esbuild.js: lazy modules)
    const { buildSnippet, SNIPPET_LANGUAGES } = require('../snippets') as typeof Snippets;
    const chosen = await pick(
      services.input,
      SNIPPET_LANGUAGES.map((entry) => ({ label: entry.label, description: entry.detail, language: entry.language })),
      { title: l10n.t('Copy {0} as code', request.action), placeHolder: l10n.t('Language of the snippet') },
    );
    const text = buildSnippet(chosen.language, {
      action: request.action,
      params: wireParamsOf(request, services.session.settings.pageSize),
      endpoint: services.session.settings.endpoint,
      sts: services.session.profile?.sts ?? false,
    });
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied {0} as {1}', request.action, chosen.label)}`, 4000);
    return text;
  },
);

export const insertId = onRow('insertId', { ...API_ROWS, kinds: ['app', 'user', 'group', 'member', 'message'] }, async (_services, node): Promise<string> => {
  const value = node.ownId();
  const editor = vscode.window.activeTextEditor;
  if (value === undefined) throw new UserInputError(l10n.t('This item has no id.'));
  if (!editor) throw new UserInputError(l10n.t('Open a file and place the cursor where the id should go.'));
  const done = await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, value);
  });
  if (!done) throw new UserInputError(l10n.t('The editor did not accept the edit (is the file read-only?).'));
  return value;
});

export const openJson = onRow('openJson', API_ROWS, async (services, node): Promise<vscode.Uri> => {
  const editor = await services.jsonDocuments.open(`${node.kind}-${node.ownId() ?? ''}`, node.json());
  return editor.document.uri;
});
