// Request and response shapes of the LiveMessage* family (live 2016-11-01, RPC style), spelled exactly as the
// service sends them (from the official SDK models). The inconsistent spellings are real: `Hasmore` beside
// `HasMore`, `NextpageToken` (a string) beside `NextPageToken` (a number), `Createtime`, `Deletatime`, `Disable` a
// string in the app list but a boolean in DescribeLiveMessageApp. Only src/api/liveMessage.ts reads them; callers
// above src/api use its normalized pages.
// Unlike the legacy family, a LiveMessage response is flat: `{ RequestId, ...fields }`, no `Result` object.

/** Where the app was created; a request naming another data center is refused. */
export type DataCenter = 'cn-shanghai' | 'ap-southeast-1';

/** 1: ascending by time, 2: descending. REQUIRED on list calls (the legacy family uses 0 / 1). */
export type LiveMessageSortType = 1 | 2;

/** 0: every group (default), 1: groups not deleted, 2: deleted groups only. */
export type GroupStatusFilter = 0 | 1 | 2;

/**
 * A NextPageToken as the previous page gave it. The service's tokens are longs (a string in ListLiveMessageGroups);
 * an integer beyond 2^53 - 1 arrives as its decimal string (see ApiResponse), so both forms are accepted.
 * Empty or -1 means the first page.
 */
export type PageToken = number | string;

interface InDataCenter {
  DataCenter?: DataCenter;
}

export interface ListLiveMessageAppsRequest extends InDataCenter {
  SortType: LiveMessageSortType;
  NextPageToken?: PageToken;
}

export interface DescribeLiveMessageAppRequest extends InDataCenter {
  AppId: string;
}

export interface ListLiveMessageGroupsRequest extends InDataCenter {
  AppId: string;
  SortType: LiveMessageSortType;
  NextPageToken?: PageToken;
  GroupStatus?: GroupStatusFilter;
}

/** The only page-number list of the family, and the only one sent with GET. */
export interface ListLiveMessageGroupByPageRequest extends InDataCenter {
  AppId: string;
  SortType: LiveMessageSortType;
  /** 1–10000, default 1. */
  PageNumber?: number;
  /** 1–50, default 20. */
  PageSize?: number;
  GroupStatus?: GroupStatusFilter;
}

export interface DescribeLiveMessageGroupRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
}

export interface ListLiveMessageGroupUsersRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** 10–50. */
  PageSize: number;
  /** By join time. */
  SortType: LiveMessageSortType;
  NextPageToken?: PageToken;
}

export interface ListLiveMessageGroupMessagesRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** 10–50. */
  PageSize: number;
  /** By send time. */
  SortType: LiveMessageSortType;
  NextPageToken?: PageToken;
  /** Only messages of this type; absent = all. */
  MsgType?: number;
  /** Unix seconds; absent = the earliest. */
  BeginTime?: number;
  /** Unix seconds; absent = the latest. */
  EndTime?: number;
}

export interface DescribeLiveMessageGroupBandRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
}

export interface CheckLiveMessageUsersInGroupRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** 1–10 user ids; sent comma-joined (the SDK's "simple" style). */
  UserIds: string[];
}

export interface LiveMessageApp {
  AppId: string;
  AppKey: string;
  AppName: string;
  AppSign: string;
  /** Unix seconds. */
  CreateTime: number;
  DataCenter: string;
  /** "true" / "false": a STRING in the list (a boolean in DescribeLiveMessageApp). */
  Disable: string;
  /** Unix seconds. */
  ModifyTime: number;
  /** 0: 30 days (default), 1: 90 days, 2: 180 days. */
  MsgLifeCycle: number;
}

export interface ListLiveMessageAppsResult {
  HasMore: boolean;
  /** Only when HasMore is true. */
  NextPageToken?: number;
  AppList: LiveMessageApp[];
}

export interface DescribeLiveMessageAppResult extends Omit<LiveMessageApp, 'Disable'> {
  /** 0: no review, 1: built-in review, 2: custom review. */
  AuditType: number;
  AuditUrl: string;
  EventCallbackUrl: string;
  Disable: boolean;
}

export interface LiveMessageGroup {
  /** string[] per the SDK model; a sample in the docs shows a nested array, which the adapter flattens. */
  AdminList: string[];
  /** Unix seconds. */
  Createtime: number;
  CreatorId: string;
  Delete: boolean;
  GroupId: string;
  GroupInfo: string;
  GroupName: string;
}

export interface ListLiveMessageGroupsResult {
  Hasmore: boolean;
  /** A STRING here; absent when Hasmore is false. */
  NextpageToken?: string;
  GroupList: LiveMessageGroup[];
}

export interface ListLiveMessageGroupByPageResult {
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
  GroupList: LiveMessageGroup[];
}

export interface DescribeLiveMessageGroupResult extends LiveMessageGroup {
  /** Unix seconds; only for a deleted group. */
  Deletatime?: number;
  /** Only for a deleted group. */
  Deletor?: string;
  /** Message counts by message type. */
  MsgAmount: Record<string, number>;
  OnlineUserCounts: number;
  /** More than 2,000 members: the member list cannot be queried. */
  SuperLargeGroup: boolean;
  TotalTimes: number;
}

export interface LiveMessageUser {
  UserId: string;
  UserInfo: string;
}

export interface ListLiveMessageGroupUsersResult {
  GroupId: string;
  Hasmore: boolean;
  /** 0 = no next page. */
  NextPageToken: number;
  UserList: LiveMessageUser[];
}

export interface LiveMessage {
  /** As sent: often JSON text, sometimes base64 or plain text. */
  Body: string;
  MsgTid: string;
  MsgType: number;
  SeqNumber: number;
  /** Unix seconds. */
  Timestamp: number;
  TotalMessages: number;
  Sender: LiveMessageUser;
}

export interface ListLiveMessageGroupMessagesResult {
  GroupId: string;
  Hasmore: boolean;
  /** 0 = no next page. */
  NextPageToken: number;
  MessageList: LiveMessage[];
}

export interface DescribeLiveMessageGroupBandResult {
  GroupId: string;
  IsbannedAll: boolean;
  BannedUserList: string[];
  UnbannedUserList: string[];
}

export interface CheckLiveMessageUsersInGroupResult {
  Users: { UserId: string; Online: boolean }[];
}

/** The calls of the family, by Action name (merged into `Actions` in types.ts). */
export interface LiveMessageActions {
  ListLiveMessageApps: { request: ListLiveMessageAppsRequest; result: ListLiveMessageAppsResult };
  DescribeLiveMessageApp: { request: DescribeLiveMessageAppRequest; result: DescribeLiveMessageAppResult };
  ListLiveMessageGroups: { request: ListLiveMessageGroupsRequest; result: ListLiveMessageGroupsResult };
  ListLiveMessageGroupByPage: { request: ListLiveMessageGroupByPageRequest; result: ListLiveMessageGroupByPageResult };
  DescribeLiveMessageGroup: { request: DescribeLiveMessageGroupRequest; result: DescribeLiveMessageGroupResult };
  ListLiveMessageGroupUsers: { request: ListLiveMessageGroupUsersRequest; result: ListLiveMessageGroupUsersResult };
  ListLiveMessageGroupMessages: { request: ListLiveMessageGroupMessagesRequest; result: ListLiveMessageGroupMessagesResult };
  DescribeLiveMessageGroupBand: { request: DescribeLiveMessageGroupBandRequest; result: DescribeLiveMessageGroupBandResult };
  CheckLiveMessageUsersInGroup: { request: CheckLiveMessageUsersInGroupRequest; result: CheckLiveMessageUsersInGroupResult };
}
