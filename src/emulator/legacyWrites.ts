// One handler per write of the legacy family: validated request in, Result out; the change goes into LegacyState
// (overlays on the seeded data). Where the service's documentation is silent the choice made is in README.md.
import type { LegacyActionName, LegacyActions } from '../api/types';
import { ApiFailure } from './errors';
import { DEFAULT_MUTE_SECONDS, type LegacyState } from './legacyState';

export type LegacyWriteAction =
  | 'SendMessageToGroup'
  | 'SendMessageToGroupUsers'
  | 'MuteAllGroupUser'
  | 'CancelMuteAllGroupUser'
  | 'MuteGroupUser'
  | 'CancelMuteGroupUser'
  | 'CreateMessageGroup'
  | 'UpdateMessageGroup'
  | 'JoinMessageGroup'
  | 'LeaveMessageGroup';

type Handler<A extends LegacyActionName> = (state: LegacyState, request: LegacyActions[A]['request']) => LegacyActions[A]['result'];

/** The emulator's choice: a message sent without Type is listed with Type 1 (text), like most seeded messages. */
const DEFAULT_MESSAGE_TYPE = 1;

export const LEGACY_WRITE_HANDLERS: { [A in LegacyWriteAction]: Handler<A> } = {
  SendMessageToGroup(state, request) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    const message = state.addMessage(group, request.OperatorUserId, request.Type ?? DEFAULT_MESSAGE_TYPE, request.Data);
    return { MessageId: message.MessageId };
  },

  SendMessageToGroupUsers(state, request) {
    // Goes to the given members only: not one of the group's messages (ListMessage).
    return { MessageId: state.newMessageId(state.requireGroup(request.AppId, request.GroupId)) };
  },

  MuteAllGroupUser(state, request) {
    state.setMuteAll(state.requireGroup(request.AppId, request.GroupId), true);
    return { Success: true };
  },

  CancelMuteAllGroupUser(state, request) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    // Documented: "the user must be the creator of the group".
    if (request.OperatorUserId !== group.CreatorId) {
      throw new ApiFailure('Forbidden', `Only the creator of group "${group.GroupId}" can cancel its mute; OperatorUserId "${request.OperatorUserId}" is not.`);
    }
    state.setMuteAll(group, false);
    return { Success: true };
  },

  MuteGroupUser(state, request) {
    const seconds = request.MuteTime ? request.MuteTime : DEFAULT_MUTE_SECONDS;
    state.mute(state.requireGroup(request.AppId, request.GroupId), request.MuteUserList, seconds);
    return { Success: true };
  },

  CancelMuteGroupUser(state, request) {
    state.cancelMute(state.requireGroup(request.AppId, request.GroupId), request.CancelMuteUserList);
    return { Success: true };
  },

  CreateMessageGroup(state, request) {
    const group = state.createGroup(state.requireApp(request.AppId), request.CreatorId, request.Extension ?? {});
    return { GroupId: group.GroupId, Extension: state.extension(group) };
  },

  UpdateMessageGroup(state, request) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    if (request.Extension !== undefined) state.setExtension(group, request.Extension);
    return { Success: true };
  },

  // The emulator's choice: joining as a member, or leaving as a non-member, changes nothing and answers Success false.
  JoinMessageGroup(state, request) {
    return { Success: state.join(state.requireGroup(request.AppId, request.GroupId), request.UserId) };
  },

  LeaveMessageGroup(state, request) {
    return { Success: state.leave(state.requireGroup(request.AppId, request.GroupId), request.UserId) };
  },
};
