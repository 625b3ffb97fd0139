// The writes of the legacy family, as forms (model/writeForm.ts): a test message (SendMessageToGroup), muting
// the whole group or some users (MuteAllGroupUser, MuteGroupUser and their Cancel…), creating a group
// (CreateMessageGroup), and the read behind Show Muted Members (ListMuteGroupUser). Each reads back what it
// changed: GetMessageGroup's IsMuteAll, ListMuteGroupUser, the newest messages of ListMessage.
import { l10n } from 'vscode';
import type { InteractiveMessagesClient } from '../../api/client';
import { LIMITS, type Extension, type GetMessageGroupResult, type MessageIdResult } from '../../api/types';
import { answerOf, choiceField, idField, integerField, textField, type Answers, type WriteCheck, type WriteForm } from '../../model/writeForm';
import type { AppWrites, GroupWrites, MutedMembers } from '../concepts';
import { memberMuteForm } from '../memberMuteForm';

/** What a legacy group's writes need of its row. */
export interface LegacyGroupScope {
  readonly id: string;
  readonly appId: string;
  readonly groupId: string;
  readonly creatorId: string;
  /** The configured user whose list holds the group. */
  readonly userId: string | undefined;
  client(): InteractiveMessagesClient;
  /** Reads GetMessageGroup, and keeps it for the row's tooltip. */
  readDetails(): Promise<GetMessageGroupResult>;
  /** Forgets what was read of every member (everyone's IsMute changed). */
  forgetMemberDetails(): void;
  /** Reads the members' details again (their IsMute changed). */
  rereadMembers(userIds: readonly string[], signal?: AbortSignal): Promise<void>;
}

const TEST_DATA = '{"text":"Test message from Interactive Messages Explorer"}';
/** Above 10000: a custom message, which clients pass to the application rather than act on. */
const TEST_TYPE = 10001;
/** ListMuteGroupUser pages read by Show Muted Members and the checks: 50 each. */
const MUTE_PAGES = 20;
const MUTE_PAGE_SIZE = LIMITS.pageSize.max;
const CREATOR_ID = new RegExp(`^[A-Za-z0-9]{1,${LIMITS.creatorId.maxLength}}$`);

/** The UserIds muted one by one, up to MUTE_PAGES pages; `more` when there are further pages. */
async function mutedUsers(group: LegacyGroupScope, signal?: AbortSignal): Promise<{ users: string[]; more: boolean }> {
  const users: string[] = [];
  for (let page = 1; page <= MUTE_PAGES; page++) {
    const { Result } = await group
      .client()
      .listMuteGroupUser({ AppId: group.appId, GroupId: group.groupId, PageNum: page, PageSize: MUTE_PAGE_SIZE }, { signal });
    users.push(...Result.UserList.map((user) => user.UserId));
    if (!Result.HasMore) return { users, more: false };
  }
  return { users, more: true };
}

function muteCheck(group: LegacyGroupScope, userIds: string[], muted: boolean, signal?: AbortSignal): Promise<WriteCheck> {
  return mutedUsers(group, signal).then(({ users, more }) => {
    const listed = new Set(users);
    const wrong = userIds.filter((userId) => listed.has(userId) !== muted);
    if (wrong.length === 0) {
      return {
        done: true,
        said: muted ? l10n.t('ListMuteGroupUser lists {0}.', userIds.join(', ')) : l10n.t('ListMuteGroupUser no longer lists {0}.', userIds.join(', ')),
      };
    }
    if (muted && more)
      return { done: undefined, said: l10n.t('ListMuteGroupUser has more than {0} muted users; {1} not among them.', users.length, wrong.join(', ')) };
    return {
      done: false,
      said: muted ? l10n.t('ListMuteGroupUser does not list {0}.', wrong.join(', ')) : l10n.t('ListMuteGroupUser still lists {0}.', wrong.join(', ')),
    };
  });
}

function where(group: LegacyGroupScope): [string, string][] {
  return [
    ['AppId', group.appId],
    ['GroupId', group.groupId],
  ];
}

function muteAllForm(group: LegacyGroupScope, mute: boolean): WriteForm {
  const action = mute ? 'MuteAllGroupUser' : 'CancelMuteAllGroupUser';
  return {
    action,
    summary: mute ? l10n.t('Mute everyone in group {0}', group.groupId) : l10n.t('Unmute everyone in group {0}', group.groupId),
    verb: mute ? l10n.t('Mute All') : l10n.t('Unmute All'),
    busy: mute ? l10n.t('Muting…') : l10n.t('Unmuting…'),
    where: where(group),
    fields: [
      idField('operator', l10n.t('Operator (OperatorUserId)'), 'OperatorUserId', {
        value: mute ? (group.userId ?? group.creatorId) : group.creatorId,
      }),
    ],
    request: (answers) => ({
      action,
      params: { AppId: group.appId, GroupId: group.groupId, OperatorUserId: answers.operator ?? group.creatorId },
    }),
    done: () => (mute ? l10n.t('Muted everyone in group {0}.', group.groupId) : l10n.t('Unmuted everyone in group {0}.', group.groupId)),
    check: async () => {
      group.forgetMemberDetails();
      const { IsMuteAll } = await group.readDetails();
      return { done: IsMuteAll === mute, said: l10n.t('GetMessageGroup says IsMuteAll {0}.', String(IsMuteAll)) };
    },
    changedLists: () => [],
  };
}

function muteUsersForm(group: LegacyGroupScope, mute: boolean, given: string[] | undefined): WriteForm {
  const { usersOf, ...texts } = memberMuteForm(group.groupId, mute, given);
  const muteTime = integerField(
    'muteTime',
    l10n.t('Mute for (MuteTime, seconds)'),
    l10n.t('Seconds; 0 is the service’s default of a day (86,400).'),
    LIMITS.muteTime,
    86_400,
  );
  return {
    ...texts,
    action: mute ? 'MuteGroupUser' : 'CancelMuteGroupUser',
    where: where(group),
    fields: [...texts.fields, ...(mute ? [muteTime] : [])],
    request: (answers) =>
      mute
        ? {
            action: 'MuteGroupUser',
            params: { AppId: group.appId, GroupId: group.groupId, MuteUserList: usersOf(answers), MuteTime: Number(answerOf(muteTime, answers)) },
          }
        : { action: 'CancelMuteGroupUser', params: { AppId: group.appId, GroupId: group.groupId, CancelMuteUserList: usersOf(answers) } },
    check: async (answers, _result, signal) => {
      // The rows' own state (IsMute) is a convenience: the check is ListMuteGroupUser's.
      const [check] = await Promise.all([
        muteCheck(group, usersOf(answers), mute, signal),
        group.rereadMembers(usersOf(answers), signal).catch(() => undefined),
      ]);
      return check;
    },
    changedLists: () => [],
  };
}

function sendForm(group: LegacyGroupScope): WriteForm {
  const fields = [
    idField('operator', l10n.t('Sender (OperatorUserId)'), 'OperatorUserId', { value: group.userId ?? group.creatorId }),
    textField('data', l10n.t('Message (Data, JSON)'), l10n.t('The message body: JSON text.'), { value: TEST_DATA, required: true, json: true }),
    integerField('type', l10n.t('Message type (Type)'), l10n.t('Up to 10000: a system message; above: a custom one.'), LIMITS.messageType, TEST_TYPE),
    choiceField('skipAudit', l10n.t('Moderation (SkipAudit)'), [
      { label: l10n.t('Moderated'), detail: l10n.t('SkipAudit false, the default: the content is reviewed'), value: 'false' },
      { label: l10n.t('Not moderated'), detail: l10n.t('SkipAudit true: no content review'), value: 'true' },
    ]),
  ] as const;
  const request = (answers: Answers) =>
    ({
      action: 'SendMessageToGroup',
      params: {
        AppId: group.appId,
        GroupId: group.groupId,
        OperatorUserId: answerOf(fields[0], answers),
        Data: answerOf(fields[1], answers),
        Type: Number(answerOf(fields[2], answers)),
        SkipAudit: answerOf(fields[3], answers) === 'true',
      },
    }) as const;
  return {
    action: 'SendMessageToGroup',
    summary: l10n.t('Send a test message to group {0}', group.groupId),
    verb: l10n.t('Send'),
    busy: l10n.t('Sending…'),
    where: where(group),
    fields,
    request,
    done: (_answers, result) => l10n.t('Sent message {0} to group {1}.', (result as MessageIdResult | undefined)?.MessageId ?? '?', group.groupId),
    check: async (answers, result, signal) => {
      const sent = request(answers).params;
      const messageId = (result as MessageIdResult | undefined)?.MessageId;
      const { Result } = await group
        .client()
        .listMessage({ AppId: group.appId, GroupId: group.groupId, PageNum: 1, PageSize: LIMITS.pageSize.max, SortType: 1 }, { signal });
      const found = Result.MessageList.find((message) =>
        messageId ? message.MessageId === messageId : message.SenderId === sent.OperatorUserId && message.Data === sent.Data && message.Type === sent.Type,
      );
      return found
        ? { done: true, said: l10n.t('ListMessage lists it among the newest messages ({0}).', found.MessageId) }
        : { done: false, said: l10n.t('ListMessage does not list it among the newest {0} messages.', Result.MessageList.length) };
    },
    changedLists: () => [],
  };
}

export function legacyGroupWrites(group: LegacyGroupScope): GroupWrites {
  return {
    sendTestMessage: () => sendForm(group),
    muteAll: () => muteAllForm(group, true),
    unmuteAll: () => muteAllForm(group, false),
    muteMembers: (userIds) => muteUsersForm(group, true, userIds),
    unmuteMembers: (userIds) => muteUsersForm(group, false, userIds),
    mutedMembers: async (signal): Promise<MutedMembers> => {
      const [detail, { users, more }] = await Promise.all([group.readDetails(), mutedUsers(group, signal)]);
      return { action: 'ListMuteGroupUser', all: detail.IsMuteAll, users, except: [], more };
    },
  };
}

/** What a legacy app's writes need of its row. */
export interface LegacyAppScope {
  readonly appId: string;
  client(): InteractiveMessagesClient;
  /** The configured users, the first the creator suggested. */
  userIds(): string[];
  /** The id of a configured user's row (where a group the user created is listed). */
  childId(userId: string): string;
}

function extensionOf(text: string): Extension | undefined {
  return text.trim() ? (JSON.parse(text) as Extension) : undefined;
}

export function legacyAppWrites(app: LegacyAppScope, creator?: string): AppWrites {
  return {
    createGroup: (): WriteForm => {
      const fields = [
        idField('creator', l10n.t('Creator (CreatorId)'), 'CreatorId', {
          // A configured user the service takes as a creator (letters and digits), if any.
          value: [creator, ...app.userIds()].find((userId) => userId !== undefined && CREATOR_ID.test(userId)),
          pattern: { test: CREATOR_ID, rule: l10n.t('1 to {0} letters and digits', LIMITS.creatorId.maxLength) },
        }),
        {
          ...textField('extension', l10n.t('Extension (JSON object of strings, optional)'), l10n.t('Such as {0}; empty for none.', '{"topic":"test"}'), {
            json: true,
          }),
          problem: (text: string) => extensionProblem(text),
        },
      ] as const;
      const creatorOf = (answers: Answers) => answerOf(fields[0], answers);
      return {
        action: 'CreateMessageGroup',
        summary: l10n.t('Create a message group in app {0}', app.appId),
        verb: l10n.t('Create'),
        busy: l10n.t('Creating a group…'),
        where: [['AppId', app.appId]],
        fields,
        request: (answers) => ({
          action: 'CreateMessageGroup',
          params: { AppId: app.appId, CreatorId: creatorOf(answers), Extension: extensionOf(answerOf(fields[1], answers)) },
        }),
        done: (answers, result) => {
          const groupId = (result as { GroupId?: string } | undefined)?.GroupId ?? '?';
          return app.userIds().includes(creatorOf(answers))
            ? l10n.t('Created group {0}; it is listed under user {1}.', groupId, creatorOf(answers))
            : l10n.t('Created group {0}. Add user {1} to see it in the tree.', groupId, creatorOf(answers));
        },
        check: async (answers, result, signal) => {
          const groupId = (result as { GroupId?: string } | undefined)?.GroupId;
          if (groupId) {
            const { Result } = await app.client().getMessageGroup({ AppId: app.appId, GroupId: groupId }, { signal });
            return { done: true, said: l10n.t('GetMessageGroup reads group {0} (creator {1}).', Result.GroupId, Result.CreatorId) };
          }
          // No GroupId without an answer: the newest groups of the creator tell.
          const { Result } = await app
            .client()
            .listMessageGroup({ AppId: app.appId, UserId: creatorOf(answers), PageNum: 1, PageSize: LIMITS.pageSize.max, SortType: 1 }, { signal });
          const newest = Result.GroupList[0];
          return {
            done: undefined,
            said: newest
              ? l10n.t('The newest group of {0} is {1}; see whether it is the one.', creatorOf(answers), newest.GroupId)
              : l10n.t('ListMessageGroup lists no group of {0}.', creatorOf(answers)),
          };
        },
        changedLists: (answers) => (app.userIds().includes(creatorOf(answers)) ? [app.childId(creatorOf(answers))] : []),
      };
    },
  };
}

function extensionProblem(text: string): string | undefined {
  if (!text.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return l10n.t('The Extension must be a JSON object, such as {0}.', '{"topic":"test"}');
  }
  const isMap = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
  return isMap ? undefined : l10n.t('The Extension must be a JSON object whose values are strings.');
}
