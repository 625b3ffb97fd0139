// Groups and what is in them: Create Group… (CreateMessageGroup on an app or a user; CreateLiveMessageGroup), and
// the LiveMessage family's own: Delete Group (type the GroupId; Recover offered after), Recover Group on a
// deleted one, Kick Member, Delete Message.
import { l10n } from 'vscode';
import { onWrite } from './gate';
import { performWrite } from './perform';
import { groupOf } from './rows';

export const createGroup = onWrite('createGroup', { kinds: ['app', 'user'], noun: () => l10n.t('an app or a user') }, (services, row) =>
  performWrite(services, row, row.writes.createGroup()),
);

export const deleteGroup = onWrite(
  'deleteGroup',
  { kinds: ['group'], families: ['live'], without: ['deleted'], noun: () => l10n.t('a LiveMessage group') },
  async (services, group) => {
    const writes = group.writes;
    if (!writes.delete || !writes.recover) throw new Error(`${group.id} cannot be deleted`);
    const outcome = await performWrite(services, group, writes.delete());
    if (outcome.outcome !== 'done') return outcome;
    const recover = l10n.t('Recover');
    const choice = await services.input.showMessage('info', l10n.t('Group {0} is deleted. Recover it?', group.groupId), recover);
    if (choice === recover) return performWrite(services, group, writes.recover());
    return outcome;
  },
);

export const recoverGroup = onWrite(
  'recoverGroup',
  { kinds: ['group'], families: ['live'], having: ['deleted'], noun: () => l10n.t('a deleted LiveMessage group') },
  (services, group) => {
    const recover = group.writes.recover;
    if (!recover) throw new Error(`${group.id} cannot be recovered`);
    return performWrite(services, group, recover());
  },
);

export const kickMember = onWrite('kickMember', { kinds: ['member'], families: ['live'], noun: () => l10n.t('a LiveMessage member') }, (services, member) => {
  const kick = groupOf(member).writes.kick;
  if (!kick) throw new Error(`${member.id} cannot be kicked`);
  return performWrite(services, member, kick(member.userId));
});

export const deleteMessage = onWrite(
  'deleteMessage',
  { kinds: ['message'], families: ['live'], noun: () => l10n.t('a LiveMessage message') },
  (services, message) => {
    const remove = groupOf(message).writes.deleteMessage;
    if (!remove) throw new Error(`${message.id} cannot be deleted`);
    return performWrite(services, message, remove({ messageId: message.messageId, sentAt: message.sentAt }));
  },
);
