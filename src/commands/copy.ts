// Carrying ids into code: copy an id, copy a ready API call as code, insert an id at the cursor, open a node's
// raw API data as JSON.
import vscode = require('vscode');
import { UserInputError } from '../errors';
import type { Services } from '../services';
import { buildSnippet, SNIPPET_LANGUAGES, SnippetLanguage } from '../snippets';
import type { ExplorerNode, NodeIds } from '../tree/node';
import type { CommandHandlers } from './index';
import { isNode } from './tree';

const ID_NAMES: Record<keyof NodeIds, string> = { appId: 'AppId', groupId: 'GroupId', userId: 'UserId' };

export function copyCommands(services: Services): CommandHandlers {
  function target(node: unknown): ExplorerNode {
    const selected = isNode(node) ? node : services.treeView.selection[0];
    if (!selected || selected.call() === undefined) {
      throw new UserInputError('Select an app, user, group or member in the Interactive Messages view first.');
    }
    return selected;
  }

  async function copyId(node: unknown, key: keyof NodeIds): Promise<string> {
    const value = target(node).ids()[key];
    if (value === undefined) {
      throw new UserInputError(`This item has no ${ID_NAMES[key]}.`);
    }
    await vscode.env.clipboard.writeText(value);
    vscode.window.setStatusBarMessage(`$(check) Copied ${ID_NAMES[key]} ${value}`, 4000);
    return value;
  }

  /** The id a node is named by: a member's or user's UserId, a group's GroupId, an app's AppId. */
  function ownId(node: ExplorerNode): string {
    const ids = node.ids();
    if (node.kind === 'group') return ids.groupId!;
    if (node.kind === 'app') return ids.appId!;
    return ids.userId!;
  }

  return {
    copyAppId: (node?: unknown) => copyId(node, 'appId'),
    copyGroupId: (node?: unknown) => copyId(node, 'groupId'),
    copyUserId: (node?: unknown) => copyId(node, 'userId'),

    async copyAsCode(node?: unknown, language?: unknown): Promise<string | undefined> {
      const selected = target(node);
      let chosen = SNIPPET_LANGUAGES.find((entry) => entry.language === language)?.language;
      if (!chosen) {
        const pick = await vscode.window.showQuickPick(
          SNIPPET_LANGUAGES.map((entry) => ({ label: entry.label, description: entry.detail, language: entry.language })),
          { title: 'Copy as code', placeHolder: 'Language of the snippet' },
        );
        if (!pick) return undefined;
        chosen = pick.language as SnippetLanguage;
      }
      const call = selected.call()!;
      const text = buildSnippet(chosen, {
        ...call,
        endpoint: services.session.settings.endpoint,
        sts: services.session.profile?.sts ?? false,
      });
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`$(check) Copied ${call.action} as ${SNIPPET_LANGUAGES.find((entry) => entry.language === chosen)!.label}`, 4000);
      return text;
    },

    async insertId(node?: unknown): Promise<string> {
      const value = ownId(target(node));
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        throw new UserInputError('Open a file and place the cursor where the id should go.');
      }
      const done = await editor.edit((edit) => {
        for (const selection of editor.selections) edit.replace(selection, value);
      });
      if (!done) {
        throw new UserInputError('The editor did not accept the edit (is the file read-only?).');
      }
      return value;
    },

    async openJson(node?: unknown): Promise<vscode.Uri> {
      const selected = target(node);
      const editor = await services.jsonDocuments.open(`${selected.kind}-${ownId(selected)}`, selected.json());
      return editor.document.uri;
    },
  };
}
