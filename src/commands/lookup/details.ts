// Show Details: what the family tells of a row beyond its listing (an app's settings; a group's mute state, online
// and message counts; a legacy member's nick, avatar and mute state), read on demand, shown in a document and,
// from then on, in the row's tooltip.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { onRow } from '../registry';

export const showDetails = onRow(
  'showDetails',
  { kinds: ['app', 'group', 'member'], families: { member: ['legacy'] }, noun: () => l10n.t('a group or member') },
  async (services, target): Promise<unknown> => {
    const readDetails = target.readDetails;
    if (!readDetails) throw new Error(`${target.id} has no details`);
    const detail = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Reading details…') }, () =>
      readDetails.call(target),
    );
    services.tree.redraw(target);
    await services.jsonDocuments.open(`${target.kind}-detail-${target.ownId()}`, detail);
    return detail;
  },
);
