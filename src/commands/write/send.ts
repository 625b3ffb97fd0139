// Send Test Message…: to a group (both families), or to one member where the family has it (LiveMessage's
// SendLiveMessageUser, which delivers only to a member online: checked first).
import { l10n } from 'vscode';
import { onWrite } from './gate';
import { performWrite } from './perform';
import { groupOf } from './rows';

export const sendTestMessage = onWrite(
  'sendTestMessage',
  { kinds: ['group', 'member'], families: { member: ['live'] }, without: ['deleted'], noun: () => l10n.t('a group (or a LiveMessage member)') },
  (services, row) => {
    const group = groupOf(row);
    if (row.kind === 'group') return performWrite(services, row, group.writes.sendTestMessage());
    const toMember = group.writes.sendToMember;
    if (!toMember) throw new Error(`${group.id} cannot send to one member`);
    return performWrite(services, row, toMember(row.userId));
  },
);
