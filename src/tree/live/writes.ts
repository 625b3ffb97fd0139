// The writes of the LiveMessage family, as forms (model/writeForm.ts): test messages to a group or one member
// (SendLiveMessageGroup, SendLiveMessageUser), muting (BanLiveMessageGroup with exceptions, Unban…, Add/Remove…
// GroupBand), kicking, creating, deleting and recovering a group, deleting a message, disabling an app. Each reads
// back what it changed: the newest messages (by our own MsgTid), DescribeLiveMessageGroupBand, DescribeLiveMessageGroup,
// DescribeLiveMessageApp, CheckLiveMessageUsersInGroup.
import { l10n } from 'vscode';
import type { InteractiveMessagesClient } from '../../api/client';
import {
  LIMITS,
  type CreateLiveMessageGroupResult,
  type DataCenter,
  type DescribeLiveMessageAppResult,
  type DescribeLiveMessageGroupBandResult,
  type DescribeLiveMessageGroupResult,
} from '../../api/types';
import {
  answerOf,
  choiceField,
  idField,
  idsField,
  idsOf,
  integerField,
  newMessageTid,
  textField,
  type Answers,
  type WriteCheck,
  type WriteForm,
} from '../../model/writeForm';
import type { AppWrites, GroupWrites, MutedMembers } from '../concepts';
import { memberMuteForm } from '../memberMuteForm';

const LM = LIMITS.liveMessage;
const TEST_BODY = '{"text":"Test message from Interactive Messages Explorer"}';
const PAGE = LM.listPageSize.max;

interface Where {
  AppId: string;
  GroupId: string;
  DataCenter: DataCenter;
}

/** What a LiveMessage group's writes need of its row. */
export interface LiveGroupScope {
  readonly id: string;
  readonly groupId: string;
  readonly creatorId: string;
  readonly where: Where;
  /** The Messages row's id. */
  readonly messagesId: string;
  /** The app row's id (its list holds the group). */
  readonly appRowId: string;
  client(): InteractiveMessagesClient;
  /** Keeps what was read about the group (its tooltip and the mute state of its member rows show it). */
  remember(detail: { describe?: DescribeLiveMessageGroupResult; band?: DescribeLiveMessageGroupBandResult }): void;
}

function where(group: LiveGroupScope): [string, string][] {
  return [
    ['AppId', group.where.AppId],
    ['DataCenter', group.where.DataCenter],
    ['GroupId', group.groupId],
  ];
}

function senderField(group: LiveGroupScope) {
  return idField('sender', l10n.t('Sender (SenderId)'), 'SenderId', { value: group.creatorId, maxBytes: LM.idBytes });
}

function bodyField() {
  return textField('body', l10n.t('Message (Body)'), l10n.t('The message body, at most {0} KB; JSON text is usual.', LM.bodyBytes / 1024), {
    value: TEST_BODY,
    maxBytes: LM.bodyBytes,
    required: true,
  });
}

function typeField() {
  return integerField('msgType', l10n.t('Message type (MsgType)'), l10n.t('The message type your clients read.'), { min: 0, max: Number.MAX_SAFE_INTEGER }, 0);
}

async function band(group: LiveGroupScope, signal?: AbortSignal): Promise<DescribeLiveMessageGroupBandResult> {
  const read = await group.client().call('DescribeLiveMessageGroupBand', group.where, { signal });
  group.remember({ band: read });
  return read;
}

async function describe(group: LiveGroupScope, signal?: AbortSignal): Promise<DescribeLiveMessageGroupResult> {
  const read = await group.client().call('DescribeLiveMessageGroup', group.where, { signal });
  group.remember({ describe: read });
  return read;
}

/** Whether `tid` is among the group's newest messages (a page of 50). */
async function newestHolds(group: LiveGroupScope, tid: string, signal?: AbortSignal): Promise<WriteCheck> {
  const { MessageList } = await group.client().call('ListLiveMessageGroupMessages', { ...group.where, SortType: 2, PageSize: PAGE }, { signal });
  return MessageList.some((message) => message.MsgTid === tid)
    ? { done: true, said: l10n.t('ListLiveMessageGroupMessages lists message {0}.', tid) }
    : { done: false, said: l10n.t('ListLiveMessageGroupMessages does not list message {0} among the newest {1}.', tid, MessageList.length) };
}

const STORAGE_CHOICES = () => [
  { label: l10n.t('Stored and cached'), detail: l10n.t('the defaults: kept for 30 days, listed under Messages'), value: 'stored' },
  { label: l10n.t('Not stored'), detail: l10n.t('NoStorage true: delivered, never listed'), value: 'noStorage' },
  { label: l10n.t('Neither stored nor cached'), detail: l10n.t('NoStorage and NoCache true'), value: 'none' },
];

function sendForm(group: LiveGroupScope): WriteForm {
  const tid = newMessageTid();
  const fields = [senderField(group), bodyField(), typeField(), choiceField('storage', l10n.t('Storage (NoStorage, NoCache)'), STORAGE_CHOICES())] as const;
  const storage = (answers: Answers) => answerOf(fields[3], answers);
  return {
    action: 'SendLiveMessageGroup',
    summary: l10n.t('Send a test message to group {0}', group.groupId),
    verb: l10n.t('Send'),
    busy: l10n.t('Sending…'),
    where: where(group),
    fields,
    request: (answers) => ({
      action: 'SendLiveMessageGroup',
      params: {
        ...group.where,
        SenderId: answerOf(fields[0], answers),
        Body: answerOf(fields[1], answers),
        MsgType: Number(answerOf(fields[2], answers)),
        MsgTid: tid,
        ...(storage(answers) !== 'stored' ? { NoStorage: true } : {}),
        ...(storage(answers) === 'none' ? { NoCache: true } : {}),
      },
    }),
    done: (answers) =>
      storage(answers) === 'stored'
        ? l10n.t('Sent message {0} to group {1}; it is listed under Messages.', tid, group.groupId)
        : l10n.t('Sent message {0} to group {1} (not stored: it is not listed).', tid, group.groupId),
    check: (answers, _result, signal) =>
      storage(answers) === 'stored'
        ? newestHolds(group, tid, signal)
        : Promise.resolve({ done: undefined, said: l10n.t('A message sent with NoStorage is not listed: nothing can tell whether it was sent.') }),
    changedLists: (answers) => (storage(answers) === 'stored' ? [group.messagesId] : []),
  };
}

function sendToMemberForm(group: LiveGroupScope, userId: string): WriteForm {
  const tid = newMessageTid();
  const fields = [
    senderField(group),
    bodyField(),
    typeField(),
    choiceField('storage', l10n.t('Storage'), [
      { label: l10n.t('Not stored'), detail: l10n.t('Storage false, the default'), value: 'false' },
      { label: l10n.t('Stored'), detail: l10n.t('Storage true'), value: 'true' },
    ]),
  ] as const;
  return {
    action: 'SendLiveMessageUser',
    summary: l10n.t('Send a test message to {0}', userId),
    verb: l10n.t('Send'),
    busy: l10n.t('Sending…'),
    where: [
      ['AppId', group.where.AppId],
      ['DataCenter', group.where.DataCenter],
      ['ReceiverId', userId],
    ],
    precondition: async (signal) => {
      const { UserList } = await group
        .client()
        .call('CheckLiveMessageUsersOnline', { AppId: group.where.AppId, DataCenter: group.where.DataCenter, UserIds: [userId] }, { signal });
      return UserList.some((user) => user.UserId === userId && user.Online)
        ? undefined
        : l10n.t('{0} is not online (CheckLiveMessageUsersOnline): SendLiveMessageUser delivers only to a user who is online. Nothing was sent.', userId);
    },
    fields,
    request: (answers) => ({
      action: 'SendLiveMessageUser',
      params: {
        AppId: group.where.AppId,
        DataCenter: group.where.DataCenter,
        SenderId: answerOf(fields[0], answers),
        ReceiverId: userId,
        Body: answerOf(fields[1], answers),
        MsgType: Number(answerOf(fields[2], answers)),
        MsgTid: tid,
        Storage: answerOf(fields[3], answers) === 'true',
      },
    }),
    done: () => l10n.t('Sent message {0} to {1}.', tid, userId),
    check: () => Promise.resolve({ done: undefined, said: l10n.t('A message to one user is not listed anywhere: its receiver’s client is what shows it.') }),
    changedLists: () => [],
  };
}

function banForm(group: LiveGroupScope, mute: boolean): WriteForm {
  const except = idsField('except', l10n.t('Mute all in {0}: exceptions (ExceptUsers)', group.groupId), 'UserId', { min: 0 });
  return {
    action: mute ? 'BanLiveMessageGroup' : 'UnbanLiveMessageGroup',
    summary: mute ? l10n.t('Mute everyone in group {0}', group.groupId) : l10n.t('Unmute everyone in group {0}', group.groupId),
    verb: mute ? l10n.t('Mute All') : l10n.t('Unmute All'),
    busy: mute ? l10n.t('Muting…') : l10n.t('Unmuting…'),
    where: where(group),
    fields: mute ? [except] : [],
    request: (answers) => {
      const exceptions = idsOf(answerOf(except, answers));
      return mute
        ? { action: 'BanLiveMessageGroup', params: { ...group.where, ...(exceptions.length ? { ExceptUsers: exceptions } : {}) } }
        : { action: 'UnbanLiveMessageGroup', params: group.where };
    },
    done: () =>
      mute ? l10n.t('Muted everyone in group {0}.', group.groupId) : l10n.t('Unmuted everyone in group {0}; users muted one by one stay muted.', group.groupId),
    check: async (_answers, _result, signal) => {
      const read = await band(group, signal);
      return { done: read.IsbannedAll === mute, said: l10n.t('DescribeLiveMessageGroupBand says IsbannedAll {0}.', String(read.IsbannedAll)) };
    },
    changedLists: () => [],
  };
}

function bandForm(group: LiveGroupScope, mute: boolean, given: string[] | undefined): WriteForm {
  const { usersOf, ...texts } = memberMuteForm(group.groupId, mute, given);
  return {
    ...texts,
    action: mute ? 'AddLiveMessageGroupBand' : 'RemoveLiveMessageGroupBand',
    where: where(group),
    request: (answers) =>
      mute
        ? { action: 'AddLiveMessageGroupBand', params: { ...group.where, BannedUsers: usersOf(answers) } }
        : { action: 'RemoveLiveMessageGroupBand', params: { ...group.where, UnbannedUsers: usersOf(answers) } },
    check: async (answers, _result, signal) => {
      const read = await band(group, signal);
      const listed = new Set(read.BannedUserList);
      const wrong = usersOf(answers).filter((userId) => listed.has(userId) !== mute);
      if (wrong.length === 0) {
        return {
          done: true,
          said: mute
            ? l10n.t('DescribeLiveMessageGroupBand lists {0} as muted.', usersOf(answers).join(', '))
            : l10n.t('DescribeLiveMessageGroupBand no longer lists {0} as muted.', usersOf(answers).join(', ')),
        };
      }
      return {
        done: false,
        said: mute
          ? l10n.t('DescribeLiveMessageGroupBand does not list {0} as muted.', wrong.join(', '))
          : l10n.t('DescribeLiveMessageGroupBand still lists {0} as muted.', wrong.join(', ')),
      };
    },
    changedLists: () => [],
  };
}

function kickForm(group: LiveGroupScope, userId: string): WriteForm {
  return {
    action: 'KickLiveMessageGroupUser',
    summary: l10n.t('Kick {0} out of group {1}', userId, group.groupId),
    verb: l10n.t('Kick'),
    busy: l10n.t('Kicking…'),
    where: [...where(group), ['KickoffUser', userId]],
    fields: [],
    request: () => ({ action: 'KickLiveMessageGroupUser', params: { ...group.where, KickoffUser: userId } }),
    done: () => l10n.t('Kicked {0} out of group {1}.', userId, group.groupId),
    check: async (_answers, _result, signal) => {
      const { Users } = await group.client().call('CheckLiveMessageUsersInGroup', { ...group.where, UserIds: [userId] }, { signal });
      const online = Users.some((user) => user.UserId === userId && user.Online);
      return {
        done: !online,
        said: online
          ? l10n.t('CheckLiveMessageUsersInGroup says {0} is still online in the group.', userId)
          : l10n.t('CheckLiveMessageUsersInGroup says {0} is not online in the group.', userId),
      };
    },
    changedLists: () => [group.id],
  };
}

function deleteForm(group: LiveGroupScope): WriteForm {
  return {
    action: 'DeleteLiveMessageGroup',
    summary: l10n.t('Delete group {0}', group.groupId),
    verb: l10n.t('Delete'),
    busy: l10n.t('Deleting…'),
    where: where(group),
    typeToConfirm: { name: 'GroupId', value: group.groupId },
    fields: [],
    request: () => ({ action: 'DeleteLiveMessageGroup', params: group.where }),
    done: () => l10n.t('Deleted group {0}: its members were told; it can be recovered within 30 days.', group.groupId),
    check: async (_answers, _result, signal) => {
      const read = await describe(group, signal);
      return { done: read.Delete, said: l10n.t('DescribeLiveMessageGroup says Delete {0}.', String(read.Delete)) };
    },
    changedLists: () => [group.appRowId],
  };
}

function recoverForm(group: LiveGroupScope): WriteForm {
  return {
    action: 'RecoverLiveMessageDeletedGroup',
    summary: l10n.t('Recover deleted group {0}', group.groupId),
    verb: l10n.t('Recover'),
    busy: l10n.t('Recovering…'),
    where: where(group),
    fields: [],
    request: () => ({ action: 'RecoverLiveMessageDeletedGroup', params: group.where }),
    done: () => l10n.t('Recovered group {0} and its messages.', group.groupId),
    check: async (_answers, _result, signal) => {
      const read = await describe(group, signal);
      return { done: !read.Delete, said: l10n.t('DescribeLiveMessageGroup says Delete {0}.', String(read.Delete)) };
    },
    changedLists: () => [group.appRowId],
  };
}

function deleteMessageForm(group: LiveGroupScope, message: { messageId: string; sentAt: number }): WriteForm {
  const tid = message.messageId;
  return {
    action: 'DeleteLiveMessageGroupMessage',
    summary: l10n.t('Delete message {0} of group {1}', tid, group.groupId),
    verb: l10n.t('Delete'),
    busy: l10n.t('Deleting…'),
    where: [...where(group), ['MessageId', tid]],
    fields: [],
    request: () => ({ action: 'DeleteLiveMessageGroupMessage', params: { ...group.where, MessageId: tid } }),
    done: () => l10n.t('Deleted message {0} of group {1}.', tid, group.groupId),
    check: async (_answers, _result, signal) => {
      // The messages of the second the message was sent in: a short list, wherever the message is in the group's.
      const { MessageList } = await group
        .client()
        .call('ListLiveMessageGroupMessages', { ...group.where, SortType: 2, PageSize: PAGE, BeginTime: message.sentAt, EndTime: message.sentAt }, { signal });
      const listed = MessageList.some((listedMessage) => listedMessage.MsgTid === tid);
      return {
        done: !listed,
        said: listed
          ? l10n.t('ListLiveMessageGroupMessages still lists message {0}.', tid)
          : l10n.t('ListLiveMessageGroupMessages no longer lists message {0}.', tid),
      };
    },
    changedLists: () => [group.messagesId],
  };
}

export function liveGroupWrites(group: LiveGroupScope): GroupWrites {
  return {
    sendTestMessage: () => sendForm(group),
    sendToMember: (userId) => sendToMemberForm(group, userId),
    muteAll: () => banForm(group, true),
    unmuteAll: () => banForm(group, false),
    muteMembers: (userIds) => bandForm(group, true, userIds),
    unmuteMembers: (userIds) => bandForm(group, false, userIds),
    kick: (userId) => kickForm(group, userId),
    delete: () => deleteForm(group),
    recover: () => recoverForm(group),
    deleteMessage: (message) => deleteMessageForm(group, message),
    mutedMembers: async (signal): Promise<MutedMembers> => {
      const read = await band(group, signal);
      return { action: 'DescribeLiveMessageGroupBand', all: read.IsbannedAll, users: read.BannedUserList, except: read.UnbannedUserList, more: false };
    },
  };
}

/** What a LiveMessage app's writes need of its row. */
export interface LiveAppScope {
  readonly id: string;
  readonly appId: string;
  readonly dataCenter: DataCenter;
  client(): InteractiveMessagesClient;
  /** Keeps DescribeLiveMessageApp's answer (the row shows its Disable). */
  remember(detail: DescribeLiveMessageAppResult): void;
}

function createForm(app: LiveAppScope): WriteForm {
  const fields = [
    idField('groupId', l10n.t('New group: GroupId'), 'GroupId', {
      pattern: { test: LM.newGroupId, rule: l10n.t('1 to {0} letters and digits, unique in the app', LM.idBytes) },
    }),
    textField('name', l10n.t('New group: GroupName (optional)'), l10n.t('At most {0} bytes.', LM.groupNameBytes), { maxBytes: LM.groupNameBytes }),
    idsField('admins', l10n.t('New group: Administrators (optional)'), 'UserId', { min: 0, max: LM.administrators.max }),
    {
      ...idField('creator', l10n.t('New group: CreatorId (optional)'), 'CreatorId', { maxBytes: LM.idBytes }),
      problem: (text: string) => (text ? idField('creator', '', 'CreatorId', { maxBytes: LM.idBytes }).problem(text) : undefined),
    },
  ] as const;
  const groupIdOf = (answers: Answers) => answerOf(fields[0], answers);
  const where: Where = { AppId: app.appId, DataCenter: app.dataCenter, GroupId: '' };
  return {
    action: 'CreateLiveMessageGroup',
    summary: l10n.t('Create a group in app {0}', app.appId),
    verb: l10n.t('Create'),
    busy: l10n.t('Creating a group…'),
    where: [
      ['AppId', app.appId],
      ['DataCenter', app.dataCenter],
    ],
    fields,
    request: (answers) => {
      const admins = idsOf(answerOf(fields[2], answers));
      const name = answerOf(fields[1], answers);
      const creator = answerOf(fields[3], answers);
      return {
        action: 'CreateLiveMessageGroup',
        params: {
          AppId: app.appId,
          DataCenter: app.dataCenter,
          GroupId: groupIdOf(answers),
          ...(name ? { GroupName: name } : {}),
          ...(admins.length ? { Administrators: admins } : {}),
          ...(creator ? { CreatorId: creator } : {}),
        },
      };
    },
    done: (answers, result) => {
      const created = result as CreateLiveMessageGroupResult | undefined;
      if (created?.AlreadyDelete) return l10n.t('Group {0} exists and is deleted: nothing was created (recover it instead).', groupIdOf(answers));
      if (created?.AlreadyExists) return l10n.t('Group {0} exists already: nothing was created.', groupIdOf(answers));
      return l10n.t('Created group {0}. It takes messages once it has members.', groupIdOf(answers));
    },
    check: async (answers, _result, signal) => {
      const read = await app.client().call('DescribeLiveMessageGroup', { ...where, GroupId: groupIdOf(answers) }, { signal });
      return { done: !read.Delete, said: l10n.t('DescribeLiveMessageGroup reads group {0} (Delete {1}).', read.GroupId, String(read.Delete)) };
    },
    changedLists: () => [app.id],
  };
}

function disableForm(app: LiveAppScope, disable: boolean): WriteForm {
  return {
    action: 'ModifyLiveMessageAppDisable',
    summary: disable ? l10n.t('Disable app {0} for every client', app.appId) : l10n.t('Enable app {0} again', app.appId),
    verb: disable ? l10n.t('Disable') : l10n.t('Enable'),
    busy: disable ? l10n.t('Disabling…') : l10n.t('Enabling…'),
    where: [
      ['AppId', app.appId],
      ['DataCenter', app.dataCenter],
    ],
    ...(disable ? { typeToConfirm: { name: 'AppId', value: app.appId } } : {}),
    fields: [],
    request: () => ({ action: 'ModifyLiveMessageAppDisable', params: { AppId: app.appId, DataCenter: app.dataCenter, Disable: disable } }),
    // The answer holds the app's AppSign: only Disable is read from it.
    done: () => (disable ? l10n.t('Disabled app {0}: its clients cannot use it.', app.appId) : l10n.t('Enabled app {0}.', app.appId)),
    check: async (_answers, _result, signal) => {
      const read = await app.client().call('DescribeLiveMessageApp', { AppId: app.appId, DataCenter: app.dataCenter }, { signal });
      app.remember(read);
      return { done: read.Disable === disable, said: l10n.t('DescribeLiveMessageApp says Disable {0}.', String(read.Disable)) };
    },
    changedLists: () => [],
  };
}

export function liveAppWrites(app: LiveAppScope): AppWrites {
  return {
    createGroup: () => createForm(app),
    setDisabled: (disable) => disableForm(app, disable),
  };
}
