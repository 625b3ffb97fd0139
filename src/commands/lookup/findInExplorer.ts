// Find in Explorer: the id selected in an editor (or the token at the cursor) revealed in the view. An id the
// explorer has loaded is revealed at once (several rows named by it: the user picks one); any other goes to
// Find Group with the text filled in. Text that cannot be one id gets a warning and changes nothing.
import { l10n } from 'vscode';
import vscode = require('vscode');
import { UserInputError } from '../../errors';
import { candidatesAt } from '../../hover/tokens';
import { pick } from '../../input';
import { findTextProblem } from '../../model/ids';
import type { Services } from '../../services';
import { KIND_ORDER } from '../../tree/concepts';
import type { ExplorerNode } from '../../tree/node';
import type { Command } from '../registry';
import { revealNode } from './apps';
import { findGroupFlow, type FindGroupOutcome } from './findGroup';

export interface FindInExplorerOutcome {
  text: string;
  /** The tree id revealed, when the text named a loaded node. */
  revealed?: string;
  /** When it did not: what Find Group answered. */
  findGroup?: FindGroupOutcome;
}

/** The selected text, or at the cursor the widest token that names a loaded node, else the word there. */
function textToFind(services: Services, editor: vscode.TextEditor): string {
  const { selection, document } = editor;
  if (!selection.isEmpty) return document.getText(selection).trim();
  const candidates = candidatesAt(document.lineAt(selection.active.line).text, selection.active.character);
  const loaded = candidates.find((candidate) => services.tree.nodesNamed(candidate.text).length > 0);
  return (loaded ?? candidates[candidates.length - 1])?.text.trim() ?? '';
}

async function chooseNode(services: Services, text: string, nodes: ExplorerNode[]): Promise<ExplorerNode> {
  const sorted = [...nodes].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  if (sorted.length === 1) return sorted[0];
  const items = sorted.map((node) => ({ label: `${node.kind} ${text}`, description: [node.family, node.id].filter(Boolean).join(' · '), node }));
  return (
    await pick(services.input, items, { title: l10n.t('Find in Explorer: {0} loaded rows are named {1}', sorted.length, text), matchOnDescription: true })
  ).node;
}

export const findInExplorer: Command = {
  id: 'findInExplorer',
  async run(services): Promise<FindInExplorerOutcome> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new UserInputError(l10n.t('Open a file and select an AppId, GroupId or UserId first.'));
    const text = textToFind(services, editor);
    const problem = findTextProblem(text);
    if (problem) throw new UserInputError(problem);
    const nodes = services.tree.nodesNamed(text);
    if (nodes.length === 0) return { text, findGroup: await findGroupFlow(services, text) };
    const node = await chooseNode(services, text, nodes);
    await revealNode(services, node);
    return { text, revealed: node.id };
  },
};
