// What Mute Member… and Unmute Member… ask and say in both families; each family adds its action, its parameters and
// the check of its own state.
import { l10n } from 'vscode';
import { answerOf, idsField, idsOf, type Answers, type WriteForm } from '../model/writeForm';

export interface MemberMuteForm extends Pick<WriteForm, 'summary' | 'verb' | 'busy' | 'fields'> {
  /** The UserIds muted or unmuted: the member the command was run on, or those typed. */
  usersOf(answers: Answers): string[];
  done(answers: Answers): string;
}

export function memberMuteForm(groupId: string, mute: boolean, given: string[] | undefined): MemberMuteForm {
  const users = idsField('users', mute ? l10n.t('Mute in {0}: UserIds', groupId) : l10n.t('Unmute in {0}: UserIds', groupId), 'UserId', { min: 1 });
  const usersOf = (answers: Answers) => given ?? idsOf(answerOf(users, answers));
  return {
    usersOf,
    fields: given ? [] : [users],
    summary: mute
      ? l10n.t('Mute {0} in group {1}', given?.join(', ') ?? 'UserIds', groupId)
      : l10n.t('Unmute {0} in group {1}', given?.join(', ') ?? 'UserIds', groupId),
    verb: mute ? l10n.t('Mute') : l10n.t('Unmute'),
    busy: mute ? l10n.t('Muting…') : l10n.t('Unmuting…'),
    done: (answers) =>
      mute
        ? l10n.t('Muted {0} in group {1}.', usersOf(answers).join(', '), groupId)
        : l10n.t('Unmuted {0} in group {1}.', usersOf(answers).join(', '), groupId),
  };
}
