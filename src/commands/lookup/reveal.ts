// Reveal in Explorer: selects a loaded row in the view, its parents expanded. The target of the hover's link
// (which passes the row's hierarchical id); from the palette it acts on a loaded row the user picks.
import { onRow } from '../registry';
import { API_ROWS } from '../targets';
import { revealNode } from './apps';

export const revealInExplorer = onRow('revealInExplorer', API_ROWS, async (services, node): Promise<string> => {
  await revealNode(services, node);
  return node.id;
});
