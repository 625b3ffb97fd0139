// Carrying ids into code: copy an id, copy the node's API request as code, insert an id at the cursor, open a
// node's raw API data as JSON. From the palette they act on the selection, or on a loaded node the user picks.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { liveMessageWireParams, wireParams, type LiveMessageNodeRequest, type NodeRequest } from '../api/requests';
import { isLiveMessageAction } from '../api/types';
import { UserInputError } from '../errors';
import { pick } from '../input';
import type { Services } from '../services';
import { buildSnippet, SNIPPET_LANGUAGES } from '../snippets';
import type { ExplorerNode, NodeIds, NodeKind } from '../tree/node';
import { targetNode, type Command } from './registry';

const API_OBJECTS = {
  kinds: ['app', 'user', 'group', 'member', 'liveApp', 'liveGroup', 'liveMember', 'liveMessages', 'liveMessage'] as const,
  get noun() {
    return l10n.t('an app, user, group or member');
  },
};

const ID_TARGETS: Record<keyof NodeIds, { name: string; kinds: readonly NodeKind[]; noun: () => string }> = {
  appId: { name: 'AppId', kinds: API_OBJECTS.kinds, noun: () => API_OBJECTS.noun },
  groupId: { name: 'GroupId', kinds: ['group', 'member', 'liveGroup', 'liveMember', 'liveMessages', 'liveMessage'], noun: () => l10n.t('a group or member') },
  userId: { name: 'UserId', kinds: ['user', 'member', 'liveMember', 'liveMessage'], noun: () => l10n.t('a user or member') },
};

/** The parameters as sent: each family's own wire form (a LiveMessage UserIds is one JSON array text). */
function paramsOf(request: NodeRequest | LiveMessageNodeRequest, pageSize: number): Record<string, string | number> {
  return isLiveMessageAction(request.action)
    ? liveMessageWireParams(request as LiveMessageNodeRequest, pageSize)
    : wireParams(request as NodeRequest, pageSize);
}

async function copyId(services: Services, given: ExplorerNode | undefined, key: keyof NodeIds): Promise<string> {
  const { name, kinds, noun } = ID_TARGETS[key];
  const node = await targetNode(services, given, { kinds, noun: noun() });
  const value = node.ids()[key];
  if (value === undefined) throw new UserInputError(l10n.t('This item has no {0}.', name));
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied {0} {1}', name, value)}`, 4000);
  return value;
}

export const copyAppId: Command = { id: 'copyAppId', run: (services, node) => copyId(services, node, 'appId') };
export const copyGroupId: Command = { id: 'copyGroupId', run: (services, node) => copyId(services, node, 'groupId') };
export const copyUserId: Command = { id: 'copyUserId', run: (services, node) => copyId(services, node, 'userId') };

export const copyAsCode: Command = {
  id: 'copyAsCode',
  async run(services, given): Promise<string> {
    const node = await targetNode(services, given, API_OBJECTS);
    const request = node.request();
    if (!request) throw new UserInputError(l10n.t('This item stands for no API request.'));
    const chosen = await pick(
      services.input,
      SNIPPET_LANGUAGES.map((entry) => ({ label: entry.label, description: entry.detail, language: entry.language })),
      { title: l10n.t('Copy {0} as code', request.action), placeHolder: l10n.t('Language of the snippet') },
    );
    const text = buildSnippet(chosen.language, {
      action: request.action,
      params: paramsOf(request, services.session.settings.pageSize),
      endpoint: services.session.settings.endpoint,
      sts: services.session.profile?.sts ?? false,
    });
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied {0} as {1}', request.action, chosen.label)}`, 4000);
    return text;
  },
};

export const insertId: Command = {
  id: 'insertId',
  async run(services, given): Promise<string> {
    const node = await targetNode(services, given, API_OBJECTS);
    const value = node.ownId();
    const editor = vscode.window.activeTextEditor;
    if (value === undefined) throw new UserInputError(l10n.t('This item has no id.'));
    if (!editor) throw new UserInputError(l10n.t('Open a file and place the cursor where the id should go.'));
    const done = await editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, value);
    });
    if (!done) throw new UserInputError(l10n.t('The editor did not accept the edit (is the file read-only?).'));
    return value;
  },
};

export const openJson: Command = {
  id: 'openJson',
  async run(services, given): Promise<vscode.Uri> {
    const node = await targetNode(services, given, API_OBJECTS);
    const editor = await services.jsonDocuments.open(`${node.kind}-${node.ownId() ?? ''}`, node.json());
    return editor.document.uri;
  },
};
