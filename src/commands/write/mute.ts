// Muting, both families: the whole group (MuteAllGroupUser / BanLiveMessageGroup with exceptions, and back), some
// members (MuteGroupUser for a time / AddLiveMessageGroupBand, and back): on a member row that member, on a
// group row the UserIds typed. Show Muted Members reads who is muted now (a read: always on).
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { MutedMembers } from '../../tree/concepts';
import { onRow } from '../registry';
import { onWrite } from './gate';
import { performWrite } from './perform';
import { groupOf } from './rows';

const groups = () => l10n.t('a group');
const membersOrGroups = () => l10n.t('a member or a group');

export const muteAll = onWrite('muteAll', { kinds: ['group'], without: ['deleted'], noun: groups }, (services, group) =>
  performWrite(services, group, group.writes.muteAll()),
);

export const unmuteAll = onWrite('unmuteAll', { kinds: ['group'], without: ['deleted'], noun: groups }, (services, group) =>
  performWrite(services, group, group.writes.unmuteAll()),
);

export const muteMember = onWrite('muteMember', { kinds: ['member', 'group'], without: ['deleted'], noun: membersOrGroups }, (services, row) =>
  performWrite(services, row, groupOf(row).writes.muteMembers(row.kind === 'member' ? [row.userId] : undefined)),
);

export const unmuteMember = onWrite('unmuteMember', { kinds: ['member', 'group'], without: ['deleted'], noun: membersOrGroups }, (services, row) =>
  performWrite(services, row, groupOf(row).writes.unmuteMembers(row.kind === 'member' ? [row.userId] : undefined)),
);

/** The pick's rows: everyone muted (with the exceptions), then each member muted one by one. */
function mutedItems(muted: MutedMembers): (vscode.QuickPickItem & { userId?: string })[] {
  const items: (vscode.QuickPickItem & { userId?: string })[] = [];
  if (muted.all) {
    items.push({
      label: `$(mute) ${l10n.t('Everyone is muted')}`,
      description: muted.except.length ? l10n.t('except {0}', muted.except.join(', ')) : undefined,
    });
  }
  items.push(...muted.users.map((userId) => ({ label: userId, description: l10n.t('muted'), userId })));
  if (muted.more) items.push({ label: l10n.t('More are muted than were read ({0} shown)', muted.users.length) });
  if (items.length === 0) items.push({ label: l10n.t('Nobody is muted') });
  return items;
}

export const showMutedMembers = onRow('showMutedMembers', { kinds: ['group'], without: ['deleted'], noun: groups }, async (services, group) => {
  const muted = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Reading who is muted…') }, () =>
    group.writes.mutedMembers(),
  );
  services.tree.redraw(group);
  const chosen = await services.input.showQuickPick(mutedItems(muted), {
    title: l10n.t('Muted in {0} ({1}: {2} one by one)', group.groupId, muted.action, muted.users.length),
    placeHolder: l10n.t('A member loaded in the tree is revealed'),
  });
  if (chosen?.userId) {
    const member = await services.tree.findNode(group.childId(chosen.userId));
    if (member) await services.treeView.reveal(member, { select: true, focus: false });
  }
  return muted;
});
