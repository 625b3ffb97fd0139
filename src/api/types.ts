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

export interface ActionInfo {
  family: Family;
  /** The HTTP method the action must be sent with; absent: the client's `method` option (the legacy gateway takes both). */
  method?: HttpMethod;
}

/** Every action's family and method: the one place that knows them. */
export const ACTION_INFO: Readonly<Record<ActionName, ActionInfo>> = {
  ListMessageApp: { family: 'legacy' },
  ListMessageGroup: { family: 'legacy' },
  ListMessageGroupUser: { family: 'legacy' },
  GetMessageApp: { family: 'legacy' },
  GetMessageGroup: { family: 'legacy' },
  ListMessageGroupUserById: { family: 'legacy' },
  ListMessage: { family: 'legacy' },
  ListLiveMessageApps: { family: 'live', method: 'POST' },
  DescribeLiveMessageApp: { family: 'live', method: 'POST' },
  ListLiveMessageGroups: { family: 'live', method: 'POST' },
  ListLiveMessageGroupByPage: { family: 'live', method: 'GET' },
  DescribeLiveMessageGroup: { family: 'live', method: 'POST' },
  ListLiveMessageGroupUsers: { family: 'live', method: 'POST' },
  ListLiveMessageGroupMessages: { family: 'live', method: 'POST' },
  DescribeLiveMessageGroupBand: { family: 'live', method: 'POST' },
  CheckLiveMessageUsersInGroup: { family: 'live', method: 'POST' },
};

export function isLiveMessageAction(action: string): action is LiveMessageActionName {
  return Object.prototype.hasOwnProperty.call(ACTION_INFO, action) && ACTION_INFO[action as ActionName].family === 'live';
}

/** Parameter ranges shared by the client's validation and the emulator's checks. */
export const LIMITS = {
  pageNum: { min: 1, max: 100000 },
  pageSize: { min: 1, max: 50 },
  sortTypes: [0, 1] as const,
  /** Documented per-user QPS limit of the legacy Interactive Messages family, per action. */
  callsPerSecond: 100,
  liveMessage: {
    /** Documented limit per action and user (the account: its AccessKeys share it). */
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
    /** CheckLiveMessageUsersInGroup. */
    userIds: { min: 1, max: 10 },
    /** A group with more members is a super group: its member list cannot be queried. */
    superGroupMembers: 2000,
  },
} as const;

/** The documented per-action limit of each family. */
export const CALLS_PER_SECOND: Readonly<Record<Family, number>> = { legacy: LIMITS.callsPerSecond, live: LIMITS.liveMessage.callsPerSecond };

/** ListLiveMessageGroupByPage's PageSize when none is given. */
export const DEFAULT_GROUP_BY_PAGE_SIZE = 20;

export const API_VERSION = '2016-11-01';
export const DEFAULT_ENDPOINT = 'https://live.aliyuncs.com';
