// Refresh a node or the whole view; show the log.
import type { Command } from '../registry';

export const refresh: Command = {
  id: 'refresh',
  run(services, node): void {
    services.tree.refresh(node?.kind === 'notice' || node?.kind === 'more' ? node.listOwner() : node);
  },
};

export const showLog: Command = {
  id: 'showLog',
  run(services): void {
    services.log.show();
  },
};
