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

/** Whether users are online anywhere in the app (no group). */
export interface CheckLiveMessageUsersOnlineRequest extends InDataCenter {
  AppId: string;
  /** 1–10 user ids; sent comma-joined. */
  UserIds: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Writes. Every one is sent with POST; DataCenter as for the reads.

export interface SendLiveMessageGroupRequest extends InDataCenter {
  AppId: string;
  /** The group must exist (else ResourceNotExist) and have members. */
  GroupId: string;
  /** At most 64 bytes. */
  SenderId: string;
  /** At most 15 KB. */
  Body?: string;
  MsgType?: number;
  /** The message's own id (at most 64 bytes), to delete it later; the service makes one up when absent. */
  MsgTid?: string;
  /** At most 512 bytes. */
  SenderMetaInfo?: string;
  /** true: not added to the group's recent-message cache. */
  NoCache?: boolean;
  /** true: not stored (by default a message is kept for 30 days and listed by ListLiveMessageGroupMessages). */
  NoStorage?: boolean;
  /** What the message adds to the count of its type (default 1). */
  StaticsIncrease?: number;
  /** Priority: 1 (default) to 1000000 (the highest). */
  Weight?: number;
}

export interface SendLiveMessageUserRequest extends InDataCenter {
  AppId: string;
  /** At most 64 bytes. */
  SenderId: string;
  /** Must be online (CheckLiveMessageUsersOnline). At most 64 bytes. */
  ReceiverId: string;
  /** At most 15 KB. */
  Body?: string;
  MsgType?: number;
  MsgTid?: string;
  /** At most 512 bytes. */
  SenderInfo?: string;
  /** true: success only once the receiver acknowledged it (within 3 s). */
  HighReliability?: boolean;
  /** true: stored (default false). */
  Storage?: boolean;
}

export interface DeleteLiveMessageGroupMessageRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** The MsgTid the message was sent with. */
  MessageId: string;
  DeleterId?: string;
  /** At most 512 bytes. */
  DeleterInfo?: string;
}

/** Mutes the whole group except ExceptUsers. */
export interface BanLiveMessageGroupRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** Sent comma-joined. */
  ExceptUsers?: string[];
}

/** Users muted one by one (AddLiveMessageGroupBand) stay muted. */
export interface UnbanLiveMessageGroupRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
}

export interface AddLiveMessageGroupBandRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** Sent comma-joined. */
  BannedUsers: string[];
}

export interface RemoveLiveMessageGroupBandRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** Sent comma-joined. */
  UnbannedUsers: string[];
}

export interface ModifyLiveMessageGroupBandRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  BannedAll?: boolean;
  /** Spelled with three n's, as the service spells it; at most 30, sent comma-joined. */
  BannnedUsers?: string[];
  /** Not muted while BannedAll is true; at most 30, sent comma-joined. */
  ExceptUsers?: string[];
}

export interface KickLiveMessageGroupUserRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  KickoffUser: string;
}

export interface CreateLiveMessageGroupRequest extends InDataCenter {
  AppId: string;
  /** 1 to 64 letters and digits, unique in the app. */
  GroupId: string;
  /** At most 128 bytes. */
  GroupName?: string;
  /** At most 32 KB. */
  GroupInfo?: string;
  /** At most 3, sent comma-joined. */
  Administrators?: string[];
  CreatorId?: string;
}

export interface ModifyLiveMessageGroupRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  /** true: AdminList replaces the administrators. */
  ModifyAdmin?: boolean;
  /** At most 3, sent comma-joined; only with ModifyAdmin. */
  AdminList?: string[];
  /** true: GroupInfo replaces the group's information. */
  ModifyInfo?: boolean;
  /** At most 32 KB; only with ModifyInfo. */
  GroupInfo?: string;
}

/** The members are told; the messages are kept for 30 days, the group can be recovered within them. */
export interface DeleteLiveMessageGroupRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
  OperatorId?: string;
}

export interface RecoverLiveMessageDeletedGroupRequest extends InDataCenter {
  AppId: string;
  GroupId: string;
}

/** Affects every client of the app. */
export interface ModifyLiveMessageAppDisableRequest extends InDataCenter {
  AppId: string;
  Disable: boolean;
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

export interface CheckLiveMessageUsersOnlineResult {
  UserList: { UserId: string; Online: boolean }[];
}

export interface MsgTidResult {
  MsgTid: string;
}

export interface DeleteLiveMessageGroupMessageResult {
  GroupId: string;
  /** The deleted message's id, or the id asked for when there was no such message. */
  MessageId: string;
}

/** The writes that answer with their RequestId only. */
export type NoFields = Record<never, never>;

export interface CreateLiveMessageGroupResult {
  GroupId: string;
  /** true: a group of this id existed already (nothing was created). */
  AlreadyExists: boolean;
  /** true: it existed and was deleted: its id cannot be used again. */
  AlreadyDelete: boolean;
}

export interface GroupIdResult {
  GroupId: string;
}

export interface ModifyLiveMessageAppDisableResult {
  AppId: string;
  /** The app's signature for the client SDK, the same value ListLiveMessageApps gives. */
  AppSign: string;
  Disable: boolean;
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
  CheckLiveMessageUsersOnline: { request: CheckLiveMessageUsersOnlineRequest; result: CheckLiveMessageUsersOnlineResult };
  SendLiveMessageGroup: { request: SendLiveMessageGroupRequest; result: MsgTidResult };
  SendLiveMessageUser: { request: SendLiveMessageUserRequest; result: MsgTidResult };
  DeleteLiveMessageGroupMessage: { request: DeleteLiveMessageGroupMessageRequest; result: DeleteLiveMessageGroupMessageResult };
  BanLiveMessageGroup: { request: BanLiveMessageGroupRequest; result: NoFields };
  UnbanLiveMessageGroup: { request: UnbanLiveMessageGroupRequest; result: NoFields };
  AddLiveMessageGroupBand: { request: AddLiveMessageGroupBandRequest; result: NoFields };
  RemoveLiveMessageGroupBand: { request: RemoveLiveMessageGroupBandRequest; result: NoFields };
  ModifyLiveMessageGroupBand: { request: ModifyLiveMessageGroupBandRequest; result: NoFields };
  KickLiveMessageGroupUser: { request: KickLiveMessageGroupUserRequest; result: NoFields };
  CreateLiveMessageGroup: { request: CreateLiveMessageGroupRequest; result: CreateLiveMessageGroupResult };
  ModifyLiveMessageGroup: { request: ModifyLiveMessageGroupRequest; result: NoFields };
  DeleteLiveMessageGroup: { request: DeleteLiveMessageGroupRequest; result: GroupIdResult };
  RecoverLiveMessageDeletedGroup: { request: RecoverLiveMessageDeletedGroupRequest; result: GroupIdResult };
  ModifyLiveMessageAppDisable: { request: ModifyLiveMessageAppDisableRequest; result: ModifyLiveMessageAppDisableResult };
}
