// Reveal in Explorer: selects a loaded node in the view, its parents expanded. The target of the hover's link
// (which passes the node's hierarchical id); from the palette it acts on a loaded node the user picks.
import type { Services } from '../../services';
import type { ExplorerNode } from '../../tree/node';
import { targetNode, type Command } from '../registry';
import { revealNode } from './apps';

export const revealInExplorer: Command = {
  id: 'revealInExplorer',
  async run(services: Services, given: ExplorerNode | undefined): Promise<string> {
    const node = await targetNode(services, given, { kinds: ['app', 'user', 'group', 'member'], noun: 'an app, user, group or member' });
    await revealNode(services, node);
    return node.id;
  },
};
