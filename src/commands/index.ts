// The one place commands are registered. Every handler runs through the same error path: a failure becomes a
// notification with a sentence for a person, and its details go to the log.
import vscode = require('vscode');
import { reportError } from '../errors';
import type { Services } from '../services';
import { accountCommands } from './account';
import { copyCommands } from './copy';
import { lookupCommands } from './lookup';
import { treeCommands } from './tree';

export type CommandHandlers = Record<string, (...args: any[]) => unknown>;

export function registerCommands(services: Services): void {
  const handlers: CommandHandlers = {
    ...accountCommands(services),
    ...treeCommands(services),
    ...copyCommands(services),
    ...lookupCommands(services),
  };
  const contributed: { command: string; title: string }[] = services.context.extension.packageJSON.contributes.commands;
  const titles = new Map(contributed.map(({ command, title }) => [command, title.replace(/…$/, '')]));
  for (const [id, handler] of Object.entries(handlers)) {
    services.context.subscriptions.push(
      vscode.commands.registerCommand(`imExplorer.${id}`, async (...args: unknown[]) => {
        try {
          await services.session.ready(); // a command may be what activated the extension
          return await handler(...args);
        } catch (error) {
          reportError(services.log, titles.get(`imExplorer.${id}`) ?? id, error);
          return undefined;
        }
      }),
    );
  }
}
