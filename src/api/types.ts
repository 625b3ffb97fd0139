// Request and response shapes of the Interactive Messages API (live 2016-11-01, RPC style).
// Field names are the wire names, so a Result can be shown to the user exactly as the server sent it.
// The legacy family's shapes are here; the LiveMessage* family's are in liveMessageTypes.ts.
import type { LiveMessageActions } from './liveMessageTypes';

export type * from './liveMessageTypes';

/** Free-form key/value map the API attaches to apps, groups and users. */
export type Extension = Record<string, string>;

/** 0: ascending by time, 1: descending by time. */
export type SortType = 0 | 1;

export interface PageRequest {
  /** 1–100000 */
  PageNum: number;
  /** 1–50 */
  PageSize: number;
  SortType?: SortType;
}

export type ListMessageAppRequest = PageRequest;

export interface ListMessageGroupRequest extends PageRequest {
  AppId: string;
  UserId: string;
}

export interface ListMessageGroupUserRequest extends PageRequest {
  AppId: string;
  GroupId: string;
}

export interface GetMessageAppRequest {
  AppId: string;
}

export interface GetMessageGroupRequest {
  AppId: string;
  GroupId: string;
}

export interface ListMessageGroupUserByIdRequest {
  AppId: string;
  GroupId: string;
  /** Sent comma-joined as UserIdList. */
  UserIdList: string[];
}

export interface ListMessageRequest extends PageRequest {
  AppId: string;
  GroupId: string;
  /** Message type filter. */
  Type?: number;
}

export interface MessageApp {
  AppId: string;
  AppName: string;
  /** Unix seconds, UTC. */
  CreateTime: number;
  Status: number;
  AppConfig: Record<string, string>;
  Extension: Extension;
}

export interface MessageGroup {
  GroupId: string;
  AppId: string;
  /** Unix seconds, UTC. */
  CreateTime: number;
  Status: number;
  CreatorId: string;
  Extension: Extension;
}

export interface GroupMember {
  UserId: string;
  /** Unix seconds, UTC. */
  JoinTime: number;
}

export interface MemberDetail {
  UserId: string;
  UserNick: string;
  UserAvatar: string;
  /** A string the application chose (often JSON). */
  UserExtension: string;
  IsMute: boolean;
  /** "group" (everyone muted) and/or "user" (muted individually). */
  MuteBy: string[];
}

export interface Message {
  MessageId: string;
  GroupId: string;
  SenderId: string;
  Type: number;
  Data: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Writes of the legacy family, and the reads they need. Every one is sent with POST.

/** How the service tells the group about a change: 0 not at all, 1 the given users, 2 the whole group. */
export type BroadCastType = 0 | 1 | 2;

export interface SendMessageToGroupRequest {
  AppId: string;
  GroupId: string;
  OperatorUserId: string;
  /** The message body: JSON text. */
  Data: string;
  /** Up to 10000: a system message; above: a custom message. */
  Type?: number;
  /** true: no content moderation (default false). */
  SkipAudit?: boolean;
}

export interface SendMessageToGroupUsersRequest extends Omit<SendMessageToGroupRequest, 'Type'> {
  Type: number;
  /** Sent comma-joined. */
  ReceiverIdList?: string[];
}

export interface MuteAllGroupUserRequest {
  AppId: string;
  GroupId: string;
  OperatorUserId: string;
  BroadCastType?: BroadCastType;
}

/** OperatorUserId must be the group's creator. */
export type CancelMuteAllGroupUserRequest = MuteAllGroupUserRequest;

export interface MuteGroupUserRequest {
  AppId: string;
  GroupId: string;
  /** Sent comma-joined. */
  MuteUserList: string[];
  /** Seconds; absent or 0: the service's default of 86,400 (a day). */
  MuteTime?: number;
  OperatorUserId?: string;
  BroadCastType?: BroadCastType;
}

export interface CancelMuteGroupUserRequest {
  AppId: string;
  GroupId: string;
  /** Sent comma-joined. */
  CancelMuteUserList: string[];
  OperatorUserId?: string;
  BroadCastType?: BroadCastType;
}

export interface CreateMessageGroupRequest {
  AppId: string;
  /** Up to 36 letters and digits. */
  CreatorId: string;
  /** Sent as one JSON text. */
  Extension?: Extension;
}

export interface UpdateMessageGroupRequest {
  AppId: string;
  GroupId: string;
  /** Replaces the group's Extension; sent as one JSON text. */
  Extension?: Extension;
}

export interface JoinMessageGroupRequest {
  AppId: string;
  GroupId: string;
  UserId: string;
  BroadCastType?: BroadCastType;
  /** true: the group's statistics are broadcast after the change. */
  BroadCastStatistics?: boolean;
}

export type LeaveMessageGroupRequest = JoinMessageGroupRequest;

export interface ListMuteGroupUserRequest {
  AppId: string;
  GroupId: string;
  /** 1–100000 */
  PageNum: number;
  /** 1–50 */
  PageSize: number;
  OperatorUserId?: string;
}

export interface BatchGetOnlineUsersRequest {
  AppId: string;
  GroupId: string;
  /** 1–20 user ids, sent comma-joined. */
  UserIds: string[];
}

export interface MessageIdResult {
  MessageId: string;
}

/** The Result of the legacy writes that answer with a flag only. */
export interface SuccessResult {
  Success: boolean;
}

export interface CreateMessageGroupResult {
  GroupId: string;
  Extension: Extension;
}

export interface MutedMember {
  UserId: string;
}

export interface ListMuteGroupUserResult extends PageResult {
  Total: number;
  UserList: MutedMember[];
}

export interface OnlineUser {
  UserId: string;
  Online: boolean;
  /** Unix MILLISECONDS, UTC (seconds elsewhere in this family). */
  JoinTime: number;
}

export interface BatchGetOnlineUsersResult {
  OnlineUsers: OnlineUser[];
}

/** Every list Result carries these; `Total` is absent on ListMessage. */
export interface PageResult {
  HasMore: boolean;
  Total?: number;
}

export interface ListMessageAppResult extends PageResult {
  Total: number;
  AppList: MessageApp[];
}

export interface ListMessageGroupResult extends PageResult {
  Total: number;
  GroupList: MessageGroup[];
}

export interface ListMessageGroupUserResult extends PageResult {
  Total: number;
  UserList: GroupMember[];
}

export type GetMessageAppResult = MessageApp;

export interface GetMessageGroupResult {
  GroupId: string;
  CreatorId: string;
  CreateTime: number;
  Status: number;
  IsMuteAll: boolean;
  Extension: Extension;
}

export interface ListMessageGroupUserByIdResult extends PageResult {
  Total: number;
  UserList: MemberDetail[];
}

export interface ListMessageResult extends PageResult {
  MessageList: Message[];
}

/**
 * Every successful response: `{ RequestId, Result }`.
 * Numbers: the client (src/api/response.ts) never returns json-bigint's BigNumber objects. Integers up to 2^53 - 1
 * are numbers; an integer beyond that arrives as its exact decimal string (so a `number` field may hold a string
 * if the server ever sends such a value); other long decimals become the nearest number.
 */
export interface ApiResponse<R> {
  RequestId: string;
  Result: R;
}

/** Every error response, with the HTTP status the server chose. */
export interface ApiErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

/** The legacy family's calls, by Action name. */
export interface LegacyActions {
  ListMessageApp: { request: ListMessageAppRequest; result: ListMessageAppResult };
  ListMessageGroup: { request: ListMessageGroupRequest; result: ListMessageGroupResult };
  ListMessageGroupUser: { request: ListMessageGroupUserRequest; result: ListMessageGroupUserResult };
  GetMessageApp: { request: GetMessageAppRequest; result: GetMessageAppResult };
  GetMessageGroup: { request: GetMessageGroupRequest; result: GetMessageGroupResult };
  ListMessageGroupUserById: { request: ListMessageGroupUserByIdRequest; result: ListMessageGroupUserByIdResult };
  ListMessage: { request: ListMessageRequest; result: ListMessageResult };
  ListMuteGroupUser: { request: ListMuteGroupUserRequest; result: ListMuteGroupUserResult };
  BatchGetOnlineUsers: { request: BatchGetOnlineUsersRequest; result: BatchGetOnlineUsersResult };
  SendMessageToGroup: { request: SendMessageToGroupRequest; result: MessageIdResult };
  SendMessageToGroupUsers: { request: SendMessageToGroupUsersRequest; result: MessageIdResult };
  MuteAllGroupUser: { request: MuteAllGroupUserRequest; result: SuccessResult };
  CancelMuteAllGroupUser: { request: CancelMuteAllGroupUserRequest; result: SuccessResult };
  MuteGroupUser: { request: MuteGroupUserRequest; result: SuccessResult };
  CancelMuteGroupUser: { request: CancelMuteGroupUserRequest; result: SuccessResult };
  CreateMessageGroup: { request: CreateMessageGroupRequest; result: CreateMessageGroupResult };
  UpdateMessageGroup: { request: UpdateMessageGroupRequest; result: SuccessResult };
  JoinMessageGroup: { request: JoinMessageGroupRequest; result: SuccessResult };
  LeaveMessageGroup: { request: LeaveMessageGroupRequest; result: SuccessResult };
}

/** The calls this project makes, by Action name: both families. */
export interface Actions extends LegacyActions, LiveMessageActions {}

export type ActionName = keyof Actions;
export type LegacyActionName = keyof LegacyActions;
export type LiveMessageActionName = keyof LiveMessageActions;

/** An app belongs to one family; the two are not interoperable. */
export type Family = 'legacy' | 'live';
export type HttpMethod = 'GET' | 'POST';

/** A LiveMessage response: flat, the RequestId beside the fields. */
export type LiveMessageResponse<R> = { RequestId: string } & R;

/** What `client.call(action)` resolves with: `{ RequestId, Result }` (legacy) or the flat body (LiveMessage). */
export type ResponseOf<A extends ActionName> = A extends LiveMessageActionName ? LiveMessageResponse<Actions[A]['result']> : ApiResponse<Actions[A]['result']>;

/** Parameter ranges shared by the client's validation and the emulator's checks. */
export const LIMITS = {
  pageNum: { min: 1, max: 100000 },
  pageSize: { min: 1, max: 50 },
  sortTypes: [0, 1] as const,
  /** Documented per-user QPS limit of most actions of the legacy Interactive Messages family, per action. */
  callsPerSecond: 100,
  /** BroadCastType of the legacy writes. */
  broadCastTypes: [0, 1, 2] as const,
  /** CreateMessageGroup's CreatorId: letters and digits. */
  creatorId: { maxLength: 36 },
  /** BatchGetOnlineUsers. */
  onlineUserIds: { min: 1, max: 20 },
  /** A message Type (an int32): up to 10000 a system message, above a custom one. */
  messageType: { min: 0, max: 2147483647 },
  /** MuteGroupUser's MuteTime in seconds (0: the service's default of a day). */
  muteTime: { min: 0, max: 2147483647 },
  liveMessage: {
    /** Documented limit per action and user (the account: its AccessKeys share it); the band actions allow 10. */
    callsPerSecond: 50,
    /** 1 ascending, 2 descending; required. */
    sortTypes: [1, 2] as const,
    /** ListLiveMessageGroupUsers and ListLiveMessageGroupMessages. */
    listPageSize: { min: 10, max: 50 },
    /** ListLiveMessageGroupByPage. */
    groupPageSize: { min: 1, max: 50 },
    groupPageNumber: { min: 1, max: 10000 },
    groupStatuses: [0, 1, 2] as const,
    dataCenters: ['cn-shanghai', 'ap-southeast-1'] as const,
    /** CheckLiveMessageUsersInGroup and CheckLiveMessageUsersOnline. */
    userIds: { min: 1, max: 10 },
    /** A group with more members is a super group: its member list cannot be queried. */
    superGroupMembers: 2000,
    /** User ids, MsgTid, OperatorId...: at most 64 bytes. */
    idBytes: 64,
    /** CreateLiveMessageGroup's GroupId: 1 to 64 letters and digits. */
    newGroupId: /^[A-Za-z0-9]{1,64}$/,
    bodyBytes: 15 * 1024,
    senderInfoBytes: 512,
    groupNameBytes: 128,
    groupInfoBytes: 32 * 1024,
    administrators: { max: 3 },
    /** ModifyLiveMessageGroupBand's BannnedUsers and ExceptUsers. */
    bandUsers: { max: 30 },
    /** A message's weight: 1 by default, 1000000 the highest priority. */
    weight: { min: 1, max: 1000000 },
  },
} as const;

/** Whether an action only reads. Only reads are retried freely; a write only when refused before the server acted. */
export type AccessKind = 'read' | 'write';

export interface ActionInfo {
  family: Family;
  kind: AccessKind;
  /** The HTTP method the action must be sent with; absent: the client's `method` option (the legacy gateway takes both). */
  method?: HttpMethod;
  /** The documented limit per action and user ("the single-user QPS limit for this API"). */
  callsPerSecond: number;
}

const legacyRead: ActionInfo = { family: 'legacy', kind: 'read', callsPerSecond: LIMITS.callsPerSecond };
const legacyWrite: ActionInfo = { family: 'legacy', kind: 'write', method: 'POST', callsPerSecond: LIMITS.callsPerSecond };
const liveRead: ActionInfo = { family: 'live', kind: 'read', method: 'POST', callsPerSecond: LIMITS.liveMessage.callsPerSecond };
const liveWrite: ActionInfo = { family: 'live', kind: 'write', method: 'POST', callsPerSecond: LIMITS.liveMessage.callsPerSecond };
/** Muting a LiveMessage group or some of its users: 10 calls/s. */
const bandWrite: ActionInfo = { ...liveWrite, callsPerSecond: 10 };

/** Every action's family, kind, method and documented QPS (from the API reference of each action): the one place that knows them. */
export const ACTION_INFO: Readonly<Record<ActionName, ActionInfo>> = {
  ListMessageApp: legacyRead,
  ListMessageGroup: legacyRead,
  ListMessageGroupUser: legacyRead,
  GetMessageApp: legacyRead,
  GetMessageGroup: legacyRead,
  ListMessageGroupUserById: legacyRead,
  ListMessage: legacyRead,
  ListMuteGroupUser: { ...legacyRead, method: 'POST' },
  BatchGetOnlineUsers: { ...legacyRead, method: 'POST' },
  SendMessageToGroup: legacyWrite,
  SendMessageToGroupUsers: legacyWrite,
  MuteAllGroupUser: legacyWrite,
  CancelMuteAllGroupUser: legacyWrite,
  MuteGroupUser: legacyWrite,
  CancelMuteGroupUser: legacyWrite,
  CreateMessageGroup: legacyWrite,
  UpdateMessageGroup: legacyWrite,
  JoinMessageGroup: { ...legacyWrite, callsPerSecond: 200 },
  LeaveMessageGroup: legacyWrite,
  ListLiveMessageApps: liveRead,
  DescribeLiveMessageApp: liveRead,
  ListLiveMessageGroups: liveRead,
  ListLiveMessageGroupByPage: { ...liveRead, method: 'GET' },
  DescribeLiveMessageGroup: liveRead,
  ListLiveMessageGroupUsers: liveRead,
  ListLiveMessageGroupMessages: liveRead,
  DescribeLiveMessageGroupBand: liveRead,
  CheckLiveMessageUsersInGroup: liveRead,
  CheckLiveMessageUsersOnline: liveRead,
  SendLiveMessageGroup: liveWrite,
  SendLiveMessageUser: liveWrite,
  DeleteLiveMessageGroupMessage: liveWrite,
  BanLiveMessageGroup: bandWrite,
  UnbanLiveMessageGroup: bandWrite,
  AddLiveMessageGroupBand: bandWrite,
  RemoveLiveMessageGroupBand: bandWrite,
  ModifyLiveMessageGroupBand: bandWrite,
  KickLiveMessageGroupUser: liveWrite,
  CreateLiveMessageGroup: liveWrite,
  ModifyLiveMessageGroup: liveWrite,
  DeleteLiveMessageGroup: liveWrite,
  RecoverLiveMessageDeletedGroup: liveWrite,
  ModifyLiveMessageAppDisable: liveWrite,
};

export function isLiveMessageAction(action: string): action is LiveMessageActionName {
  return Object.prototype.hasOwnProperty.call(ACTION_INFO, action) && ACTION_INFO[action as ActionName].family === 'live';
}

/** ListLiveMessageGroupByPage's PageSize when none is given. */
export const DEFAULT_GROUP_BY_PAGE_SIZE = 20;

export const API_VERSION = '2016-11-01';
export const DEFAULT_ENDPOINT = 'https://live.aliyuncs.com';
