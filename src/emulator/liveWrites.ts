// One handler per write of the LiveMessage family: validated request in, the flat body's fields out (the gateway
// adds RequestId); the change goes into LiveMessageState. Errors are the family's documented codes (400
// InputInvalid, 400 ErrorTooManyGroups, 404 ResourceNotExist); where the documentation is silent the choice made is
// in README.md.
import type { LiveMessageActionName, LiveMessageActions } from '../api/types';
import { ApiFailure } from './errors';
import { inputInvalid } from './liveParams';
import { MAX_GROUPS_PER_APP, RECOVERY_DAYS, type LiveMessageState } from './liveState';

export type LiveWriteAction =
  | 'SendLiveMessageGroup'
  | 'SendLiveMessageUser'
  | 'DeleteLiveMessageGroupMessage'
  | 'BanLiveMessageGroup'
  | 'UnbanLiveMessageGroup'
  | 'AddLiveMessageGroupBand'
  | 'RemoveLiveMessageGroupBand'
  | 'ModifyLiveMessageGroupBand'
  | 'KickLiveMessageGroupUser'
  | 'CreateLiveMessageGroup'
  | 'ModifyLiveMessageGroup'
  | 'DeleteLiveMessageGroup'
  | 'RecoverLiveMessageDeletedGroup'
  | 'ModifyLiveMessageAppDisable';

type Handler<A extends LiveMessageActionName> = (state: LiveMessageState, request: LiveMessageActions[A]['request']) => LiveMessageActions[A]['result'];

const DAY_MS = 86_400_000;
/** The emulator's choice: a message sent without MsgType has type 0. */
const DEFAULT_MSG_TYPE = 0;

function tooManyGroups(appId: string): ApiFailure {
  return new ApiFailure('ErrorTooManyGroups', `The app ${appId} has ${MAX_GROUPS_PER_APP} groups, the most an app can have at a time.`);
}

export const LIVE_WRITE_HANDLERS: { [A in LiveWriteAction]: Handler<A> } = {
  SendLiveMessageGroup(state, request) {
    const group = state.requireGroup(request, true);
    // Documented: a group takes messages only while users are in it.
    if (state.members(group).total === 0) {
      throw inputInvalid('GroupId', request.GroupId, 'The group has no members: a message can be sent to a group only while users are in it');
    }
    const tid = request.MsgTid ?? state.newTid();
    if (request.MsgTid !== undefined && state.hasTid(group, tid)) {
      throw inputInvalid('MsgTid', tid, 'A message with this MsgTid was already sent to the group');
    }
    const message = {
      Body: request.Body ?? '',
      MsgTid: tid,
      MsgType: request.MsgType ?? DEFAULT_MSG_TYPE,
      Sender: { UserId: request.SenderId, UserInfo: request.SenderMetaInfo ?? '' },
    };
    state.addMessage(group, message, request.NoStorage !== true, request.StaticsIncrease ?? 1);
    return { MsgTid: tid };
  },

  SendLiveMessageUser(state, request) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    // Documented: the receiver must be online.
    if (!state.isOnlineInApp(record, request.ReceiverId)) {
      throw inputInvalid('ReceiverId', request.ReceiverId, 'The receiver is not online in the app (CheckLiveMessageUsersOnline)');
    }
    return { MsgTid: request.MsgTid ?? state.newTid() };
  },

  DeleteLiveMessageGroupMessage(state, request) {
    const group = state.requireGroup(request, true);
    state.deleteMessage(group, request.MessageId);
    return { GroupId: group.GroupId, MessageId: request.MessageId };
  },

  BanLiveMessageGroup(state, request) {
    state.banAll(state.requireGroup(request, true), request.ExceptUsers ?? []);
    return {};
  },

  UnbanLiveMessageGroup(state, request) {
    state.unbanAll(state.requireGroup(request, true));
    return {};
  },

  AddLiveMessageGroupBand(state, request) {
    state.banUsers(state.requireGroup(request, true), request.BannedUsers);
    return {};
  },

  RemoveLiveMessageGroupBand(state, request) {
    state.unbanUsers(state.requireGroup(request, true), request.UnbannedUsers);
    return {};
  },

  ModifyLiveMessageGroupBand(state, request) {
    state.modifyBand(state.requireGroup(request, true), {
      bannedAll: request.BannedAll,
      bannedUsers: request.BannnedUsers,
      exceptUsers: request.ExceptUsers,
    });
    return {};
  },

  KickLiveMessageGroupUser(state, request) {
    // The emulator's choice: kicking someone who is not a member changes nothing and is no error.
    state.kick(state.requireGroup(request, true), request.KickoffUser);
    return {};
  },

  CreateLiveMessageGroup(state, request) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    const existing = state.group(record, request.GroupId);
    if (existing) return { GroupId: existing.GroupId, AlreadyExists: true, AlreadyDelete: state.isDeleted(existing) };
    if (state.aliveGroupCount(record) >= MAX_GROUPS_PER_APP) throw tooManyGroups(request.AppId);
    const group = state.createGroup(record, {
      GroupId: request.GroupId,
      GroupName: request.GroupName ?? '',
      GroupInfo: request.GroupInfo ?? '',
      CreatorId: request.CreatorId ?? '',
      AdminList: request.Administrators ?? [],
    });
    return { GroupId: group.GroupId, AlreadyExists: false, AlreadyDelete: false };
  },

  ModifyLiveMessageGroup(state, request) {
    const group = state.requireGroup(request, true);
    state.modifyGroup(group, {
      ...(request.ModifyAdmin ? { adminList: request.AdminList ?? [] } : {}),
      ...(request.ModifyInfo ? { groupInfo: request.GroupInfo ?? '' } : {}),
    });
    return {};
  },

  DeleteLiveMessageGroup(state, request) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    const group = state.group(record, request.GroupId);
    // Documented: the answer names "the deleted or non-existent group": deleting what is not there is no error.
    if (group && !state.isDeleted(group)) state.deleteGroup(group, request.OperatorId ?? '');
    return { GroupId: request.GroupId };
  },

  RecoverLiveMessageDeletedGroup(state, request) {
    const group = state.requireGroup(request);
    const deletion = state.deletion(group);
    // The emulator's choice: recovering a group that is not deleted changes nothing and is no error.
    if (!deletion) return { GroupId: group.GroupId };
    if (state.now() - deletion.Deletatime * 1000 > RECOVERY_DAYS * DAY_MS) {
      throw new ApiFailure('ResourceNotExist', `The group ${group.GroupId} was deleted more than ${RECOVERY_DAYS} days ago: it can no longer be recovered.`);
    }
    const record = state.requireApp(request.AppId, request.DataCenter);
    if (state.aliveGroupCount(record) >= MAX_GROUPS_PER_APP) throw tooManyGroups(request.AppId);
    state.recoverGroup(group);
    return { GroupId: group.GroupId };
  },

  ModifyLiveMessageAppDisable(state, request) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    state.setDisable(record, request.Disable);
    const app = state.appView(record);
    return { AppId: app.AppId, AppSign: app.AppSign, Disable: app.Disable === 'true' };
  },
};
