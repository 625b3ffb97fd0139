// What the legacy family's writes changed, kept per emulator instance as overlays on the seeded data (a fresh
// emulator serves the seed's data alone): sets and maps of the users and messages concerned, never copies of a
// member list, so a 100,000-member group stays cheap. The read handlers (actions.ts) see the data through here.
import type { Extension, GroupMember, MemberDetail, Message } from '../api/types';
import type { AppRecord, Dataset, GroupRecord } from './dataset';
import { ApiFailure } from './errors';
import type { ListView } from './listView';
import { skipRemoved } from './listView';
import { alnumId, hashString, hexDigits } from './random';

/** MuteGroupUser without MuteTime (or 0): a day, as documented. */
export const DEFAULT_MUTE_SECONDS = 86_400;

interface GroupOverlay {
  muteAll?: boolean;
  extension?: Extension;
  /** Muted one by one through MuteGroupUser: UserId → until (ms, emulated time), in the order muted. */
  muted: Map<string, number>;
  /** Seeded one-by-one mutes that CancelMuteGroupUser lifted. */
  unmuted: Set<string>;
  /** Joined through JoinMessageGroup (or as a new group's creator), in join order: UserId → JoinTime (s). */
  joined: Map<string, number>;
  /** Seeded members who left through LeaveMessageGroup. */
  left: Set<string>;
  /** Sent through SendMessageToGroup, oldest first. */
  messages: Message[];
}

export class LegacyState {
  private readonly overlays = new Map<GroupRecord, GroupOverlay>();
  /** Groups made by CreateMessageGroup, per AppId: GroupId → record. */
  private readonly created = new Map<string, Map<string, GroupRecord>>();
  private serial = 0;

  constructor(
    readonly dataset: Dataset,
    /** Emulated time in ms. */
    readonly now: () => number,
  ) {}

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  requireApp(appId: string): AppRecord {
    const app = this.dataset.app(appId);
    if (!app) {
      throw new ApiFailure('InvalidAppId.NotFound', `The specified AppId "${appId}" does not exist.`);
    }
    return app;
  }

  requireGroup(appId: string, groupId: string): GroupRecord {
    const app = this.requireApp(appId);
    const group = this.dataset.group(app, groupId) ?? this.created.get(app.AppId)?.get(groupId);
    if (!group) {
      throw new ApiFailure('InvalidGroupId.NotFound', `The specified GroupId "${groupId}" does not exist in app "${appId}".`);
    }
    return group;
  }

  /** The seeded groups of a configured user, then the groups the user created, ascending by CreateTime. */
  groupsOf(app: AppRecord, userId: string): GroupRecord[] {
    const made = [...(this.created.get(app.AppId)?.values() ?? [])].filter((group) => group.CreatorId === userId);
    return [...this.dataset.groupsOf(app, userId), ...made].sort((a, b) => a.CreateTime - b.CreateTime);
  }

  createGroup(app: AppRecord, creatorId: string, extension: Extension): GroupRecord {
    const groups = this.created.get(app.AppId) ?? new Map<string, GroupRecord>();
    this.created.set(app.AppId, groups);
    let groupId: string;
    let hash: number;
    do {
      this.serial++;
      hash = hashString(`created:${app.AppId}:${this.serial}`);
      groupId = `${alnumId(4, hash, 1)}-${alnumId(4, hash, 2)}-${alnumId(4, hash, 3)}`;
    } while (this.dataset.group(app, groupId) || groups.has(groupId));
    const group: GroupRecord = {
      GroupId: groupId,
      AppId: app.AppId,
      CreateTime: this.nowSeconds(),
      Status: 1,
      CreatorId: creatorId,
      Extension: { ...extension },
      IsMuteAll: false,
      size: 0,
      messageCount: 0,
      hash,
      fixedMembers: [],
    };
    groups.set(groupId, group);
    // The emulator's choice: the creator is the new group's first member.
    this.overlay(group).joined.set(creatorId, group.CreateTime);
    return group;
  }

  // --- group settings -------------------------------------------------------------------------------------------

  isMuteAll(group: GroupRecord): boolean {
    return this.overlays.get(group)?.muteAll ?? group.IsMuteAll;
  }

  setMuteAll(group: GroupRecord, muted: boolean): void {
    this.overlay(group).muteAll = muted;
  }

  extension(group: GroupRecord): Extension {
    return { ...(this.overlays.get(group)?.extension ?? group.Extension) };
  }

  setExtension(group: GroupRecord, extension: Extension): void {
    this.overlay(group).extension = { ...extension };
  }

  // --- members --------------------------------------------------------------------------------------------------

  /** The current members in join order: the seeded ones (as the faults moved them) but those who left, then those who joined. */
  members(group: GroupRecord): ListView<GroupMember> {
    const overlay = this.overlays.get(group);
    if (!overlay || (overlay.left.size === 0 && overlay.joined.size === 0)) {
      return { total: this.dataset.memberCount(group), at: (position) => this.dataset.memberAt(group, position) };
    }
    const left = this.leftPositions(group, overlay);
    const seeded = this.dataset.memberCount(group) - left.length;
    const joined = [...overlay.joined];
    return {
      total: seeded + joined.length,
      at: (position) => {
        if (position < seeded) return this.dataset.memberAt(group, skipRemoved(position, left));
        const [UserId, JoinTime] = joined[position - seeded];
        return { UserId, JoinTime };
      },
    };
  }

  isMember(group: GroupRecord, userId: string): boolean {
    return this.seededIndex(group, userId) !== undefined || this.overlays.get(group)?.joined.has(userId) === true;
  }

  /** false when the user is a member already. */
  join(group: GroupRecord, userId: string): boolean {
    if (this.isMember(group, userId)) return false;
    this.overlay(group).joined.set(userId, this.nowSeconds());
    return true;
  }

  /** false when the user is not a member. */
  leave(group: GroupRecord, userId: string): boolean {
    const overlay = this.overlay(group);
    if (overlay.joined.delete(userId)) return true;
    if (this.seededIndex(group, userId) === undefined) return false;
    overlay.left.add(userId);
    return true;
  }

  /** A member's details with the mutes as they are now; undefined for a non-member. */
  memberDetail(group: GroupRecord, userId: string): MemberDetail | undefined {
    const index = this.dataset.findMember(group, userId);
    const joined = this.overlays.get(group)?.joined.has(userId) === true;
    if (index === undefined && !joined) return undefined;
    if (index !== undefined && !joined && this.overlays.get(group)?.left.has(userId)) return undefined;
    const detail: MemberDetail =
      index !== undefined
        ? this.dataset.memberDetail(group, index)
        : { UserId: userId, UserNick: '', UserAvatar: '', UserExtension: '', IsMute: false, MuteBy: [] };
    const byGroup = this.isMuteAll(group);
    const byUser = this.isMutedOneByOne(group, userId, index);
    return { ...detail, IsMute: byGroup || byUser, MuteBy: [...(byGroup ? ['group'] : []), ...(byUser ? ['user'] : [])] };
  }

  /** Online (BatchGetOnlineUsers): seeded members as the seed says; members who joined through the API are not. */
  onlineState(group: GroupRecord, userId: string): { Online: boolean; JoinTime: number } {
    const index = this.seededIndex(group, userId);
    if (index !== undefined) {
      const position = this.dataset.memberPosition(group, index);
      return { Online: this.dataset.isOnline(group, index), JoinTime: this.dataset.memberAt(group, position).JoinTime * 1000 };
    }
    const joinTime = this.overlays.get(group)?.joined.get(userId);
    return { Online: false, JoinTime: joinTime === undefined ? 0 : joinTime * 1000 };
  }

  // --- mutes ----------------------------------------------------------------------------------------------------

  mute(group: GroupRecord, userIds: readonly string[], seconds: number): void {
    const overlay = this.overlay(group);
    const until = this.now() + seconds * 1000;
    for (const userId of userIds) {
      overlay.muted.delete(userId); // re-muting moves the user to the end of the list
      overlay.muted.set(userId, until);
    }
  }

  cancelMute(group: GroupRecord, userIds: readonly string[]): void {
    const overlay = this.overlay(group);
    for (const userId of userIds) {
      overlay.muted.delete(userId);
      overlay.unmuted.add(userId);
    }
  }

  /** ListMuteGroupUser: the seeded members muted one by one (in join order), then those muted since (in mute order). */
  mutedUsers(group: GroupRecord): string[] {
    const overlay = this.overlays.get(group);
    const users: string[] = [];
    const count = this.dataset.memberCount(group);
    for (let position = 0; position < count; position++) {
      if (!this.dataset.isMutedByUser(group, this.dataset.memberIndexAt(group, position))) continue;
      const { UserId } = this.dataset.memberAt(group, position);
      if (!overlay?.unmuted.has(UserId) && !overlay?.left.has(UserId)) users.push(UserId);
    }
    const listed = new Set(users);
    const now = this.now();
    for (const [userId, until] of overlay?.muted ?? []) {
      if (until > now && !listed.has(userId)) users.push(userId);
    }
    return users;
  }

  // --- messages -------------------------------------------------------------------------------------------------

  messages(group: GroupRecord): ListView<Message> {
    const sent = this.overlays.get(group)?.messages ?? [];
    return {
      total: group.messageCount + sent.length,
      at: (position) => (position < group.messageCount ? this.dataset.messageAt(group, position) : sent[position - group.messageCount]),
    };
  }

  addMessage(group: GroupRecord, senderId: string, type: number, data: string): Message {
    const overlay = this.overlay(group);
    this.serial++;
    const message: Message = {
      MessageId: hexDigits(32, hashString(`message:${group.GroupId}:${this.serial}`), this.serial).toUpperCase(),
      GroupId: group.GroupId,
      SenderId: senderId,
      Type: type,
      Data: data,
    };
    overlay.messages.push(message);
    return message;
  }

  /** A fresh message id for a message that is not listed (SendMessageToGroupUsers). */
  newMessageId(group: GroupRecord): string {
    this.serial++;
    return hexDigits(32, hashString(`direct:${group.GroupId}:${this.serial}`), this.serial).toUpperCase();
  }

  // --- internals ------------------------------------------------------------------------------------------------

  private overlay(group: GroupRecord): GroupOverlay {
    let overlay = this.overlays.get(group);
    if (!overlay) {
      overlay = { muted: new Map(), unmuted: new Set(), joined: new Map(), left: new Set(), messages: [] };
      this.overlays.set(group, overlay);
    }
    return overlay;
  }

  /** The member index of a seeded member still in the group (not departed through churn, not left). */
  private seededIndex(group: GroupRecord, userId: string): number | undefined {
    if (this.overlays.get(group)?.left.has(userId)) return undefined;
    return this.dataset.findMember(group, userId);
  }

  private isMutedOneByOne(group: GroupRecord, userId: string, index: number | undefined): boolean {
    const overlay = this.overlays.get(group);
    const until = overlay?.muted.get(userId);
    if (until !== undefined && until > this.now()) return true;
    return index !== undefined && !overlay?.unmuted.has(userId) && this.dataset.isMutedByUser(group, index);
  }

  /** The member index at position 0 (churn moves it). */

  /** Positions (ascending) of the seeded members who left and have not departed through churn since. */
  private leftPositions(group: GroupRecord, overlay: GroupOverlay): number[] {
    const positions: number[] = [];
    for (const userId of overlay.left) {
      const index = this.dataset.findMember(group, userId);
      if (index !== undefined) positions.push(this.dataset.memberPosition(group, index));
    }
    return positions.sort((a, b) => a - b);
  }
}
