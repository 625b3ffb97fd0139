// The concepts of the tree, whatever the family: one interface per kind of row that both families implement, with
// data operations only (details, a group lookup, a member search, an export plan). Commands, hovers and reveal are
// written once against these; prompts, progress and reveal stay in the commands, so the tree never climbs into
// the UI. The families' own classes are in tree/legacy/ and tree/live/.
import type { DataCenter, Family } from '../api/types';
import type { ExportPlan } from '../export/exportList';
import type { DashboardMessage } from '../model/dashboard/messageStats';
import type { HeaderField, Sample } from '../model/dashboard/protocol';
import type { PagedList } from '../model/pagedList';
import type { Pin, PinTarget } from '../model/pins';
import type { WriteForm } from '../model/writeForm';
import type { ExplorerNode, NodeKind, TreeServices } from './node';
import type { MoreNode } from './moreNode';
import type { NoticeNode } from './noticeNode';
import type { RangeNode } from './rangeNode';

export type { Family };

/** Where ids of rows below a row come from: the row's own id and its children's (`childId`). */
export interface IdScope {
  readonly id: string;
  childId(key: string): string;
}

/** What a row knows of where it is, handed down by its parent (never the parent itself). */
export interface RowContext {
  readonly family: Family;
  readonly appId: string;
  /** LiveMessage rows: the data center every call about them names. */
  readonly dataCenter?: DataCenter;
  /** Legacy rows below a configured user: that user. */
  readonly userId?: string;
  readonly groupId?: string;
  /** The app row, for ids of rows elsewhere under it (the groups of a member, as a user of the app). */
  readonly app: IdScope;
  /** The group row's id, for what was read about the group (its details). */
  readonly groupRowId?: string;
}

/** A row that stands for an API object. */
export interface ApiRow extends ExplorerNode {
  readonly family: Family;
}

/** What a row whose children are a paged list adds. */
export interface ListOwnerRow extends IdScope {
  /** What the list holds, for messages ('member': "Loading all members"). */
  readonly childNoun: string;
}

/** An app, of either family. */
export interface AppRow extends ApiRow, ListOwnerRow {
  readonly kind: 'app';
  readonly appId: string;
  readonly label: string;
  readonly dataCenter?: DataCenter;
  /** Said beside the app in picks ("LiveMessage · cn-shanghai", "configured in settings"). */
  readonly pickDetail: string | undefined;
  /** Whether the app's groups are listed per configured user (adding a user shows more of them). */
  readonly listsGroupsPerUser: boolean;
  /** Reads the app's details (kept for its tooltip). */
  readDetails(): Promise<unknown>;
  /** Reads one group of the app by GroupId, and says where the tree would list it. */
  lookUpGroup(groupId: string, signal?: AbortSignal): Promise<GroupLookup>;
  /** The app's groups, to export. */
  exportPlan(): ExportPlan;
  /** The changes the family offers on the app. */
  readonly writes: AppWrites;
}

/** Changes to an app, as forms to ask, confirm and send (model/writeForm.ts). */
export interface AppWrites {
  createGroup(): WriteForm;
  /** Where the family has it (LiveMessage): disables the app for every client, or enables it again. */
  setDisabled?(disable: boolean): WriteForm;
}

/** Changes to a group and its members, as forms; the optional ones are those of one family. */
export interface GroupWrites {
  sendTestMessage(): WriteForm;
  /** A message to one member (LiveMessage: only to a member online). */
  sendToMember?(userId: string): WriteForm;
  muteAll(): WriteForm;
  unmuteAll(): WriteForm;
  /** The given members, or those the form asks for. */
  muteMembers(userIds?: string[]): WriteForm;
  unmuteMembers(userIds?: string[]): WriteForm;
  kick?(userId: string): WriteForm;
  delete?(): WriteForm;
  recover?(): WriteForm;
  deleteMessage?(message: { messageId: string; sentAt: number }): WriteForm;
  /** Who is muted now, as the family says it. */
  mutedMembers(signal?: AbortSignal): Promise<MutedMembers>;
}

export interface MutedMembers {
  /** The call that read it. */
  readonly action: string;
  /** Everyone muted (MuteAll, Ban). */
  readonly all: boolean;
  /** Muted one by one. */
  readonly users: readonly string[];
  /** Not muted while everyone is (LiveMessage exceptions). */
  readonly except: readonly string[];
  /** More are muted than were read. */
  readonly more: boolean;
}

/** A group read by GroupId (Find Group, a hover over an id the tree has not loaded). */
export interface GroupLookup {
  readonly groupId: string;
  readonly creatorId: string;
  /** The API object as read. */
  readonly group: { GroupId: string };
  /** The action that read it, for "Read with …". */
  readonly action: string;
  readonly title: string;
  readonly facts: [string, string][];
  readonly sections: [string, Record<string, string> | undefined][];
  /** For a document: the answer with the app (and data center) it belongs to. */
  readonly document: unknown;
  /** Tree ids where the group would be listed, in the order to look. */
  readonly places: readonly string[];
  /** Pages of each place's list to read while looking. */
  readonly pagesPerPlace: number;
  /** Why the tree does not list the group (a choice of the app's hides it), if so. */
  readonly hiddenBecause?: string;
  /** What pinning the group keeps. */
  readonly pin: Pin;
}

export interface UserRow extends ApiRow, ListOwnerRow {
  readonly kind: 'user';
  readonly appId: string;
  readonly userId: string;
  exportPlan(): ExportPlan;
  /** A group the user creates. */
  readonly writes: Pick<AppWrites, 'createGroup'>;
}

/** A member as a list holds it. */
export interface MemberItem {
  UserId: string;
}

/** A member found by an exact lookup (not from the list). */
export interface MemberHit {
  userId: string;
  description: string;
  data: unknown;
}

export interface GroupRow extends ApiRow, ListOwnerRow {
  readonly kind: 'group';
  readonly appId: string;
  readonly groupId: string;
  readonly creatorId: string;
  /** The members' list, or undefined when the group has none to list (deleted, or a super group). */
  memberList(): PagedList<MemberItem> | undefined;
  /** What a search pick says beside a member's UserId. */
  memberDescription(member: MemberItem): string;
  /** The family's lookup of members by UserId, when it has one. */
  readonly lookUpMembers?: (userIds: string[], signal: AbortSignal) => Promise<MemberHit[]>;
  /** What a member who cannot be shown in the tree is opened as. */
  memberDocument(member: MemberItem | MemberHit): Promise<unknown>;
  readDetails(): Promise<unknown>;
  exportPlan(): ExportPlan;
  /** What a dashboard of the group shows and reads. */
  readonly dashboard: DashboardSource;
  readonly writes: GroupWrites;
  /** What pinning the group keeps. */
  asPin(): Pin;
}

/** A group's figures for its dashboard, as its family gives them. */
export interface DashboardSource {
  /** The header: GroupId, name, family, app, creator, created, status, members, online. */
  header(latest?: Sample): HeaderField[];
  /** When each loaded member joined (Unix seconds), where the family says it; undefined where it does not. */
  joinTimes(): number[] | undefined;
  /** The call one sample makes, its rate limit now (calls per second), and the sample. */
  readonly sampleAction: string;
  sampleCallsPerSecond(): number;
  sample(signal: AbortSignal): Promise<Sample>;
  /** The call that reads the newest messages, and up to `max` of them. */
  readonly messagesAction: string;
  recentMessages(max: number, signal: AbortSignal): Promise<{ messages: DashboardMessage[]; more: boolean }>;
}

export interface MemberRow extends ApiRow {
  readonly kind: 'member';
  readonly userId: string;
  /** The family's details of one member, when it has them. */
  readonly readDetails?: () => Promise<unknown>;
  /** What pinning the member keeps. */
  asPin(): Pin;
}

export interface MessagesRow extends ApiRow, ListOwnerRow {
  readonly kind: 'messages';
}

export interface MessageRow extends ApiRow {
  readonly kind: 'message';
  /** The id the message was sent with (its MsgTid), and when (Unix seconds). */
  readonly messageId: string;
  readonly sentAt: number;
}

export interface RootRow extends ExplorerNode, ListOwnerRow {
  readonly kind: 'root';
  readonly profileName: string;
  /** Forgets the app lists that failed, so that the next look loads them again. */
  forgetFailedLists(): void;
  /**
   * A legacy app by its AppId, whether or not the tree shows it (typed in, or the app of a row shown under Pinned): the
   * legacy family is the one named by AppId alone. Its id and childId are those of the app's row in the tree.
   */
  appNotInTree(appId: string): AppRow;
}

/** The Pinned section: the active profile's pins, each read fresh as a row of its concept. */
export interface PinnedRow extends ExplorerNode {
  readonly kind: 'pinned';
  /** The active profile's pins, in the order they were pinned. */
  pins(): Pin[];
  /** The id a pin's row has in the section (never the id of the same group's row under its app). */
  rowId(target: PinTarget): string;
  /** The pin a row of the section stands for. */
  pinOf(rowId: string): Pin | undefined;
  /** Forgets the pins that could not be read, so that the next look reads them again (Retry on their row). */
  forgetFailedReads(): void;
}

/** Where the Pinned section puts the row of one pin, for the family that reads it. */
export interface PinPlace {
  readonly parent: ExplorerNode;
  readonly services: TreeServices;
  readonly pin: Pin;
  /** The row's id in the section. */
  readonly id: string;
  readonly context: RowContext;
  /** The id the group's own row has in the section (what was read about the group is kept by it). */
  readonly groupRowId: string;
}

/** A pin read: its row, or, when its group or member no longer exists, what the row says instead. */
export type PinRead = { row: ExplorerNode } | { gone: { short: string; reason: string } };

export interface NodesByKind {
  root: RootRow;
  pinned: PinnedRow;
  app: AppRow;
  user: UserRow;
  group: GroupRow;
  member: MemberRow;
  messages: MessagesRow;
  message: MessageRow;
  range: RangeNode;
  more: MoreNode;
  notice: NoticeNode;
}

/** The rows that stand for API objects. */
export const API_ROW_KINDS = ['app', 'user', 'group', 'member', 'messages', 'message'] as const satisfies readonly NodeKind[];

/** The order rows named by one id are offered in (a hover, Find in Explorer). */
export const KIND_ORDER: readonly NodeKind[] = ['app', 'group', 'user', 'member', 'message', 'messages'];

export function isKind<K extends NodeKind>(node: ExplorerNode | undefined, kinds: readonly K[]): node is NodesByKind[K] {
  return node !== undefined && (kinds as readonly NodeKind[]).includes(node.kind);
}

export function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value && 'treeItem' in value;
}
