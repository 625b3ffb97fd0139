// Find Group: an app (of either family) and a GroupId; the app reads the group and says where the tree would list
// it, and the group is revealed there, loading pages as needed. Not listed anywhere: its data in a document, the
// reason when a choice of the app hides it, and, where groups are listed per user, an offer to add its creator.
// Either way the message that ends it offers Pin, which pins the group as read (no row of it needs to be loaded).
import vscode = require('vscode');
import { l10n } from 'vscode';
import { askId } from '../../input';
import { reportError } from '../../errors';
import type { Services } from '../../services';
import type { AppRow, GroupLookup } from '../../tree/concepts';
import type { Command } from '../registry';
import { addUserToApp } from '../legacy/configured';
import { pinToProfile } from '../pins';
import { chooseApp, revealNode } from './apps';

export interface FindGroupOutcome {
  /** The group as the app's family read it. */
  group: GroupLookup['group'];
  /** The tree id the group was revealed at, if it was. */
  revealedAt?: string;
}

/** Reveals the group at the first place that lists it, loading those lists' pages as needed. */
async function revealGroup(services: Services, lookup: GroupLookup): Promise<string | undefined> {
  if (lookup.places.length === 0) return undefined;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: l10n.t('Finding {0} in the tree', lookup.groupId), cancellable: true },
    async (_progress, token) => {
      for (const id of lookup.places) {
        const node = await services.tree.findNode(id, { loadMore: true, maxPagesPerList: lookup.pagesPerPlace, token });
        if (node) {
          await revealNode(services, node);
          return id;
        }
      }
      return undefined;
    },
  );
}

/**
 * Says how the find ended, with Pin (the group as read) and any other action; runs the one chosen. Not awaited by
 * Find Group: the message stays while the user goes on.
 */
function endWith(services: Services, message: string, lookup: GroupLookup, other?: { title: string; run: () => Promise<unknown> }): void {
  const pin = l10n.t('Pin');
  const actions = other ? [pin, other.title] : [pin];
  void services.input
    .showMessage('info', message, ...actions)
    .then(async (choice) => {
      if (choice === pin) await pinToProfile(services, lookup.pin);
      else if (choice !== undefined && choice === other?.title) await other.run();
    })
    .catch((error: unknown) => reportError(services.log, services.input, l10n.t('Find Group'), error));
}

/** Where groups are listed per user: offers to add the creator as a user, and reveals the group under them. */
function offerCreator(services: Services, app: AppRow, lookup: GroupLookup): void {
  endWith(
    services,
    l10n.t('Group {0} is not listed under any configured user of {1}. Its creator is {2}.', lookup.groupId, app.appId, lookup.creatorId),
    lookup,
    {
      title: l10n.t('Add Creator as User'),
      run: async () => {
        await addUserToApp(services, app.appId, lookup.creatorId);
        const shown = (await services.tree.getChildren()).find((node) => node.id === app.id);
        if (shown?.kind === 'app') await revealGroup(services, await (shown as AppRow).lookUpGroup(lookup.groupId));
      },
    },
  );
}

/** Find Group's prompts and lookup; `prefilled` fills the GroupId box (Find in Explorer passes the selected text). */
export async function findGroupFlow(services: Services, prefilled?: string): Promise<FindGroupOutcome> {
  const app = await chooseApp(services, l10n.t('Find group: app'));
  const groupId = await askId(services.input, 'GroupId', { title: l10n.t('Find group: GroupId'), value: prefilled });
  const lookup = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Finding group…') }, () => app.lookUpGroup(groupId));
  const revealedAt = await revealGroup(services, lookup);
  if (revealedAt) {
    endWith(services, l10n.t('Group {0} of {1} is selected in the view.', lookup.groupId, app.label), lookup);
    return { group: lookup.group, revealedAt };
  }
  await services.jsonDocuments.open(`group-${lookup.groupId}`, lookup.document);
  if (lookup.hiddenBecause) endWith(services, lookup.hiddenBecause, lookup);
  else if (app.listsGroupsPerUser && services.tree.holds(app)) offerCreator(services, app, lookup);
  else endWith(services, l10n.t('Group {0} of {1} is not listed in the view: its data is in the document.', lookup.groupId, app.label), lookup);
  return { group: lookup.group };
}

export const findGroup: Command = {
  id: 'findGroup',
  run: (services) => findGroupFlow(services),
};
