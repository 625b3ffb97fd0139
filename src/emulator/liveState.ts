// What the LiveMessage family's writes changed, kept per emulator instance as overlays on the seeded data (a fresh
// emulator serves the seed's data alone): sets and maps of the users and messages concerned, never copies of a
// member list, so a 100,000-member group stays cheap. The read handlers (liveActions.ts) and the write handlers
// (liveWrites.ts) see the data through here: one notion of who is a member, who is online, what is deleted.
import type {
  DescribeLiveMessageGroupBandResult,
  DescribeLiveMessageGroupResult,
  LiveMessage,
  LiveMessageApp,
  LiveMessageGroup,
  LiveMessageUser,
} from '../api/types';
import { ApiFailure } from './errors';
import type { LiveAppRecord, LiveGroupRecord, LiveMessageDataset } from './liveDataset';
import { skipRemoved, type ListView } from './listView';
import { hashString, hexDigits } from './random';

/** Without DataCenter a request addresses cn-shanghai, the data center of live.aliyuncs.com. */
export const DEFAULT_DATA_CENTER = 'cn-shanghai';
/** Documented: a deleted group can be recovered within 30 days. */
export const RECOVERY_DAYS = 30;
/** Documented: at most 5,000 groups in an app at a time. */
export const MAX_GROUPS_PER_APP = 5000;
/** Band lists are computed over a group's first members only. */
const BAND_SCAN = 2000;

export interface Deletion {
  /** Unix seconds. */
  Deletatime: number;
  Deletor: string;
}

interface GroupOverlay {
  /** Deleted through DeleteLiveMessageGroup; null: recovered; absent: as seeded. */
  deletion?: Deletion | null;
  /** The members were told the group closed and are gone (a recovered group starts without members). */
  membersGone?: boolean;
  /** Member indexes removed by KickLiveMessageGroupUser. */
  kicked: Set<number>;
  /** Messages sent and stored, oldest first. */
  sent: LiveMessage[];
  /** Every MsgTid sent to the group (stored or not). */
  tids: Set<string>;
  /** MsgTids removed by DeleteLiveMessageGroupMessage (seeded or sent). */
  deletedTids: Set<string>;
  /** What sends added to MsgAmount, by message type. */
  amounts: Map<number, number>;
  bannedAll?: boolean;
  /** Not muted while the whole group is; absent: as seeded. */
  exceptUsers?: string[];
  /** Muted one by one (AddLiveMessageGroupBand, ModifyLiveMessageGroupBand). */
  banned: Set<string>;
  /** Seeded one-by-one mutes lifted. */
  unbanned: Set<string>;
  adminList?: string[];
  groupInfo?: string;
}

export interface GroupAddress {
  AppId: string;
  GroupId: string;
  DataCenter?: string;
}

/** A message of a group by position in sending order: seeded (below the group's messageCount) or sent. */
export type MessageRef = number;

export class LiveMessageState {
  private readonly overlays = new Map<LiveGroupRecord, GroupOverlay>();
  private readonly created = new Map<LiveAppRecord, Map<string, LiveGroupRecord>>();
  private readonly disabled = new Map<LiveAppRecord, { Disable: boolean; ModifyTime: number }>();
  private serial = 0;

  constructor(
    readonly dataset: LiveMessageDataset,
    /** Emulated time in ms. */
    readonly now: () => number,
  ) {}

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  // --- apps -----------------------------------------------------------------------------------------------------

  requireApp(appId: string, dataCenter: string | undefined): LiveAppRecord {
    const record = this.dataset.app(appId);
    const center = dataCenter ?? DEFAULT_DATA_CENTER;
    if (!record || record.app.DataCenter !== center) {
      throw new ApiFailure('ResourceNotExist', `The app ${appId} does not exist in data center ${center}.`);
    }
    return record;
  }

  appView(record: LiveAppRecord): LiveMessageApp {
    const changed = this.disabled.get(record);
    return changed ? { ...record.app, Disable: String(changed.Disable), ModifyTime: changed.ModifyTime } : { ...record.app };
  }

  setDisable(record: LiveAppRecord, disable: boolean): void {
    this.disabled.set(record, { Disable: disable, ModifyTime: this.nowSeconds() });
  }

  // --- groups ---------------------------------------------------------------------------------------------------

  /** The app's groups, seeded and created, ascending by Createtime. */
  groups(record: LiveAppRecord): LiveGroupRecord[] {
    const made = this.created.get(record);
    if (!made) return [...record.groups];
    return [...record.groups, ...made.values()].sort((x, y) => x.Createtime - y.Createtime);
  }

  group(record: LiveAppRecord, groupId: string): LiveGroupRecord | undefined {
    return record.groupsById.get(groupId) ?? this.created.get(record)?.get(groupId);
  }

  requireGroup(request: GroupAddress, alive = false): LiveGroupRecord {
    const group = this.group(this.requireApp(request.AppId, request.DataCenter), request.GroupId);
    if (!group) throw new ApiFailure('ResourceNotExist', `The group ${request.GroupId} does not exist in app ${request.AppId}.`);
    if (alive && this.isDeleted(group)) throw new ApiFailure('ResourceNotExist', `The group ${request.GroupId} was deleted.`);
    return group;
  }

  deletion(group: LiveGroupRecord): Deletion | undefined {
    const overlay = this.overlays.get(group);
    if (overlay?.deletion !== undefined) return overlay.deletion ?? undefined;
    return group.deleted;
  }

  isDeleted(group: LiveGroupRecord): boolean {
    return this.deletion(group) !== undefined;
  }

  aliveGroupCount(record: LiveAppRecord): number {
    return this.groups(record).filter((group) => !this.isDeleted(group)).length;
  }

  createGroup(
    record: LiveAppRecord,
    fields: { GroupId: string; GroupName: string; GroupInfo: string; CreatorId: string; AdminList: string[] },
  ): LiveGroupRecord {
    const made = this.created.get(record) ?? new Map<string, LiveGroupRecord>();
    this.created.set(record, made);
    const group: LiveGroupRecord = {
      ...fields,
      Createtime: this.nowSeconds(),
      SuperLargeGroup: false,
      size: 0,
      messageCount: 0,
      IsbannedAll: false,
      hash: hashString(`created:${record.app.AppId}:${fields.GroupId}`),
    };
    made.set(group.GroupId, group);
    return group;
  }

  deleteGroup(group: LiveGroupRecord, deletor: string): void {
    const overlay = this.overlay(group);
    overlay.deletion = { Deletatime: this.nowSeconds(), Deletor: deletor };
    overlay.membersGone = true;
  }

  recoverGroup(group: LiveGroupRecord): void {
    const overlay = this.overlay(group);
    overlay.deletion = null;
    // A seeded deleted group recovered has no members either: they were told it closed.
    overlay.membersGone = true;
  }

  modifyGroup(group: LiveGroupRecord, change: { adminList?: string[]; groupInfo?: string }): void {
    const overlay = this.overlay(group);
    if (change.adminList !== undefined) overlay.adminList = [...change.adminList];
    if (change.groupInfo !== undefined) overlay.groupInfo = change.groupInfo;
  }

  groupView(group: LiveGroupRecord): LiveMessageGroup {
    const overlay = this.overlays.get(group);
    const view = this.dataset.groupView(group);
    if (!overlay) return view;
    return {
      ...view,
      AdminList: [...(overlay.adminList ?? view.AdminList)],
      GroupInfo: overlay.groupInfo ?? view.GroupInfo,
      Delete: this.isDeleted(group),
    };
  }

  describeGroup(group: LiveGroupRecord): DescribeLiveMessageGroupResult {
    const overlay = this.overlays.get(group);
    const seeded = this.dataset.describeGroup(group);
    if (!overlay) return seeded;
    const deletion = this.deletion(group);
    const amounts: Record<string, number> = { ...seeded.MsgAmount };
    for (const [type, added] of overlay.amounts) amounts[String(type)] = (amounts[String(type)] ?? 0) + added;
    const described: DescribeLiveMessageGroupResult = {
      ...seeded,
      ...this.groupView(group),
      MsgAmount: amounts,
      OnlineUserCounts: deletion || overlay.membersGone ? 0 : seeded.OnlineUserCounts - this.kickedOnline(group, overlay),
    };
    delete described.Deletatime;
    delete described.Deletor;
    return deletion ? { ...described, ...deletion } : described;
  }

  // --- members --------------------------------------------------------------------------------------------------

  /** The current members in join order (the seeded ones but those kicked; none once the group was deleted). */
  members(group: LiveGroupRecord): ListView<LiveMessageUser> {
    const overlay = this.overlays.get(group);
    if (!overlay) return { total: group.size, at: (position) => this.dataset.memberAt(group, position) };
    if (overlay.membersGone) return { total: 0, at: () => undefined as never };
    const kicked = [...overlay.kicked].sort((a, b) => a - b);
    return { total: group.size - kicked.length, at: (position) => this.dataset.memberAt(group, skipRemoved(position, kicked)) };
  }

  /** The member index of a current member of a group that is not deleted, else undefined. */
  memberIndex(group: LiveGroupRecord, userId: string): number | undefined {
    if (this.isDeleted(group)) return undefined;
    const overlay = this.overlays.get(group);
    if (overlay?.membersGone) return undefined;
    const index = this.dataset.memberIndex(group, userId);
    return index !== undefined && !overlay?.kicked.has(index) ? index : undefined;
  }

  /** Online in this group: a current member whose client is connected (fixed per seed). */
  isOnline(group: LiveGroupRecord, userId: string): boolean {
    const index = this.memberIndex(group, userId);
    return index !== undefined && this.dataset.isOnline(group, index);
  }

  /** Online anywhere in the app (CheckLiveMessageUsersOnline, SendLiveMessageUser's receiver). */
  isOnlineInApp(record: LiveAppRecord, userId: string): boolean {
    return this.groups(record).some((group) => this.isOnline(group, userId));
  }

  /** false when the user was not a member. */
  kick(group: LiveGroupRecord, userId: string): boolean {
    const index = this.memberIndex(group, userId);
    if (index === undefined) return false;
    this.overlay(group).kicked.add(index);
    return true;
  }

  // --- messages -------------------------------------------------------------------------------------------------

  /** The group's messages not deleted, in sending order. */
  messageRefs(group: LiveGroupRecord): MessageRef[] {
    const overlay = this.overlays.get(group);
    const total = group.messageCount + (overlay?.sent.length ?? 0);
    const refs: MessageRef[] = [];
    for (let ref = 0; ref < total; ref++) {
      if (overlay?.deletedTids.size && overlay.deletedTids.has(this.tidOf(group, ref))) continue;
      refs.push(ref);
    }
    return refs;
  }

  messageTime(group: LiveGroupRecord, ref: MessageRef): number {
    return ref < group.messageCount ? this.dataset.messageTime(group, ref) : this.sentAt(group, ref).Timestamp;
  }

  messageType(group: LiveGroupRecord, ref: MessageRef): number {
    return ref < group.messageCount ? this.dataset.messageType(group, ref) : this.sentAt(group, ref).MsgType;
  }

  /** The message with TotalMessages as it is now. */
  messageAt(group: LiveGroupRecord, ref: MessageRef, totalMessages: number): LiveMessage {
    const message = ref < group.messageCount ? this.dataset.messageAt(group, ref) : { ...this.sentAt(group, ref) };
    return this.overlays.has(group) ? { ...message, TotalMessages: totalMessages } : message;
  }

  hasTid(group: LiveGroupRecord, tid: string): boolean {
    if (this.overlays.get(group)?.tids.has(tid)) return true;
    for (let j = 0; j < group.messageCount; j++) if (this.dataset.messageAt(group, j).MsgTid === tid) return true;
    return false;
  }

  newTid(): string {
    this.serial++;
    return hexDigits(32, hashString(`tid:${this.serial}`), this.serial);
  }

  /** Records a message sent to the group; `stored`: listed by ListLiveMessageGroupMessages. */
  addMessage(group: LiveGroupRecord, message: Omit<LiveMessage, 'SeqNumber' | 'TotalMessages' | 'Timestamp'>, stored: boolean, staticsIncrease: number): void {
    const overlay = this.overlay(group);
    overlay.tids.add(message.MsgTid);
    overlay.amounts.set(message.MsgType, (overlay.amounts.get(message.MsgType) ?? 0) + staticsIncrease);
    if (!stored) return;
    overlay.sent.push({ ...message, SeqNumber: group.messageCount + overlay.sent.length + 1, Timestamp: this.nowSeconds(), TotalMessages: 0 });
  }

  /** Removes the message if there is one (a message that does not exist is no error: the service says so). */
  deleteMessage(group: LiveGroupRecord, tid: string): void {
    this.overlay(group).deletedTids.add(tid);
  }

  // --- band -----------------------------------------------------------------------------------------------------

  band(group: LiveGroupRecord): Omit<DescribeLiveMessageGroupBandResult, 'GroupId'> {
    const overlay = this.overlays.get(group);
    const bannedAll = overlay?.bannedAll ?? group.IsbannedAll;
    const seededBanned = this.seededBanned(group).filter((userId) => !overlay?.unbanned.has(userId));
    const banned = [...new Set([...seededBanned, ...(overlay?.banned ?? [])])];
    const exceptions = bannedAll ? (overlay?.exceptUsers ?? (group.IsbannedAll ? this.seededExceptions(group) : [])) : [];
    return { IsbannedAll: bannedAll, BannedUserList: banned, UnbannedUserList: [...exceptions] };
  }

  /** BanLiveMessageGroup: everyone muted but `except`. */
  banAll(group: LiveGroupRecord, except: string[]): void {
    const overlay = this.overlay(group);
    overlay.bannedAll = true;
    overlay.exceptUsers = [...new Set(except)];
  }

  /** UnbanLiveMessageGroup: users muted one by one stay muted (documented). */
  unbanAll(group: LiveGroupRecord): void {
    const overlay = this.overlay(group);
    overlay.bannedAll = false;
    overlay.exceptUsers = [];
  }

  banUsers(group: LiveGroupRecord, userIds: readonly string[]): void {
    const overlay = this.overlay(group);
    for (const userId of userIds) {
      overlay.banned.add(userId);
      overlay.unbanned.delete(userId);
      if (overlay.exceptUsers) overlay.exceptUsers = overlay.exceptUsers.filter((except) => except !== userId);
    }
  }

  /** RemoveLiveMessageGroupBand: no longer muted one by one, and (while the whole group is muted) an exception. */
  unbanUsers(group: LiveGroupRecord, userIds: readonly string[]): void {
    const overlay = this.overlay(group);
    const { IsbannedAll, UnbannedUserList } = this.band(group);
    for (const userId of userIds) {
      overlay.banned.delete(userId);
      overlay.unbanned.add(userId);
    }
    if (IsbannedAll) overlay.exceptUsers = [...new Set([...UnbannedUserList, ...userIds])];
  }

  /** ModifyLiveMessageGroupBand: each part given replaces that part of the band. */
  modifyBand(group: LiveGroupRecord, change: { bannedAll?: boolean; bannedUsers?: string[]; exceptUsers?: string[] }): void {
    const overlay = this.overlay(group);
    if (change.bannedAll !== undefined) {
      overlay.bannedAll = change.bannedAll;
      if (!change.bannedAll) overlay.exceptUsers = [];
    }
    if (change.bannedUsers !== undefined) {
      overlay.unbanned = new Set(this.seededBanned(group));
      overlay.banned = new Set(change.bannedUsers);
    }
    if (change.exceptUsers !== undefined) overlay.exceptUsers = [...new Set(change.exceptUsers)];
  }

  // --- internals ------------------------------------------------------------------------------------------------

  private overlay(group: LiveGroupRecord): GroupOverlay {
    let overlay = this.overlays.get(group);
    if (!overlay) {
      overlay = { kicked: new Set(), sent: [], tids: new Set(), deletedTids: new Set(), amounts: new Map(), banned: new Set(), unbanned: new Set() };
      this.overlays.set(group, overlay);
    }
    return overlay;
  }

  private sentAt(group: LiveGroupRecord, ref: MessageRef): LiveMessage {
    return this.overlays.get(group)!.sent[ref - group.messageCount];
  }

  private tidOf(group: LiveGroupRecord, ref: MessageRef): string {
    return ref < group.messageCount ? this.dataset.messageAt(group, ref).MsgTid : this.sentAt(group, ref).MsgTid;
  }

  /** The seed's one-by-one mutes (a group muted as a whole has none). */
  private seededBanned(group: LiveGroupRecord): string[] {
    const banned: string[] = [];
    if (group.IsbannedAll) return banned;
    for (let i = 0; i < Math.min(group.size, BAND_SCAN); i++) if (this.dataset.isBanned(group, i)) banned.push(this.dataset.memberAt(group, i).UserId);
    return banned;
  }

  /** The seed's exceptions of a group muted as a whole: its administrators among its first members. */
  private seededExceptions(group: LiveGroupRecord): string[] {
    const exceptions: string[] = [];
    for (let i = 0; i < Math.min(group.size, BAND_SCAN); i++) {
      const { UserId } = this.dataset.memberAt(group, i);
      if (group.AdminList.includes(UserId)) exceptions.push(UserId);
    }
    return exceptions;
  }

  private kickedOnline(group: LiveGroupRecord, overlay: GroupOverlay): number {
    let count = 0;
    for (const index of overlay.kicked) if (this.dataset.isOnline(group, index)) count++;
    return count;
  }
}
