// Deterministic data generated from a seed. Apps, users and groups are few and built up front;
// members and messages are computed on demand from (seed, group, index), so a 100,000-member group
// costs no memory. Sizes are fixed by the plan below; ids, names and times depend on the seed.
import type { Extension, GroupMember, MemberDetail, Message } from '../api/types';
import { Membership, type MembershipMove } from './membership';
import { alnumId, hashString, hexDigits, mix, pick } from './random';

/** 2026-11-01T00:00:00Z. Fixed rather than "now" so a seed gives the same data on any day. */
export const DATASET_NOW = 1_793_491_200;
const DAY = 86_400;

// ---------------------------------------------------------------------------------------------
// Public description of the data, for tests and tools (also served at GET /__emulator/dataset).

export interface DatasetUser {
  UserId: string;
  /** In ListMessageGroup order for SortType 0 (ascending CreateTime). */
  groupIds: string[];
}

export interface DatasetApp {
  AppId: string;
  AppName: string;
  users: DatasetUser[];
}

export interface DatasetGroup {
  GroupId: string;
  AppId: string;
  /** Member total (ListMessageGroupUser Total). */
  members: number;
  /** Number of messages ListMessage returns without a Type filter. */
  messages: number;
}

export interface DatasetFixtures {
  /** The app a demo would open; all the groups below except the special one are in it. */
  appId: string;
  /** Owns emptyGroupId ... bigGroupId. */
  userId: string;
  /** A user of the demo app with more than 50 groups. */
  manyGroupsUserId: string;
  manyGroupsCount: number;
  /** A configured user of the demo app without any group. */
  noGroupsUserId: string;
  emptyGroupId: string;
  oneMemberGroupId: string;
  smallGroupId: string;
  pagedGroupId: string;
  thousandGroupId: string;
  bigGroupId: string;
  /** IsMuteAll true: every member detail has IsMute true and MuteBy containing "group". */
  mutedGroupId: string;
  /** A group whose Status is not 1. */
  inactiveGroupId: string;
  /** Ids with spaces, unicode, * ~ / + = & % and more, to prove encoding end to end. */
  specialAppId: string;
  specialUserId: string;
  specialGroupId: string;
  /** Members of the special group whose ids carry the same kind of characters. */
  specialMemberIds: string[];
  /** Member totals of the named groups (also in DatasetInfo.groups). */
  emptyGroupTotal: number;
  oneMemberGroupTotal: number;
  smallGroupTotal: number;
  pagedGroupTotal: number;
  thousandGroupTotal: number;
  bigGroupTotal: number;
  mutedGroupTotal: number;
  inactiveGroupTotal: number;
  specialGroupTotal: number;
}

export interface DatasetInfo {
  seed: string;
  apps: DatasetApp[];
  /** By GroupId (GroupIds are unique across apps). */
  groups: Record<string, DatasetGroup>;
  fixtures: DatasetFixtures;
}

// ---------------------------------------------------------------------------------------------
// The plan: what exists, independent of the seed.

type IdStyle = 'name' | 'numeric' | 'uuid';
type GroupRole = 'empty' | 'oneMember' | 'small' | 'paged' | 'thousand' | 'big' | 'muted' | 'inactive' | 'special';
type UserRole = 'demo' | 'manyGroups' | 'noGroups' | 'special';

interface GroupPlan {
  size: number;
  role?: GroupRole;
  status?: number;
  muteAll?: boolean;
  messages?: number;
}

interface UserPlan {
  style: IdStyle;
  role?: UserRole;
  groups: GroupPlan[];
}

interface AppPlan {
  name: string;
  status: number;
  special?: boolean;
  users: UserPlan[];
}

export const SPECIAL_APP_ID = "Ünï app/测试 *~+=&%20!'()";
export const SPECIAL_USER_ID = 'zoë+ops=1&x/y*z~ 用户 100%';
export const SPECIAL_GROUP_ID = 'grp 群/🎉 a+b=c&d*e~f 50%';
const SPECIAL_MEMBERS = ['amélie & bob', 'x+y=z', "o'brien (ops)", '~tilde*star/slash', '百分之百%'];

const sizes = (count: number, f: (j: number) => number): GroupPlan[] => Array.from({ length: count }, (_, j) => ({ size: f(j) }));

const PLAN: AppPlan[] = [
  {
    name: 'Live Classroom',
    status: 1,
    users: [
      {
        style: 'name',
        role: 'demo',
        groups: [
          { size: 0, role: 'empty', status: 1 },
          { size: 1, role: 'oneMember', status: 1 },
          { size: 3, role: 'small', status: 1 },
          { size: 123, role: 'paged', status: 1 },
          { size: 1000, role: 'thousand', status: 1 },
          { size: 100_000, role: 'big', status: 1, messages: 120 },
          { size: 42, role: 'muted', status: 1, muteAll: true },
          { size: 8, role: 'inactive', status: 2 },
        ],
      },
      { style: 'numeric', role: 'manyGroups', groups: sizes(57, (j) => (j * 7 + 3) % 26) },
      { style: 'uuid', groups: [{ size: 5 }, { size: 17 }, { size: 64 }, { size: 2 }] },
      { style: 'name', role: 'noGroups', groups: [] },
    ],
  },
  {
    name: 'Shopping Live',
    status: 1,
    users: [
      { style: 'name', groups: [{ size: 12 }, { size: 250 }, { size: 3 }] },
      { style: 'numeric', groups: [{ size: 48 }, { size: 7 }] },
      { style: 'uuid', groups: [{ size: 0 }, { size: 19 }, { size: 5 }, { size: 88 }] },
    ],
  },
  {
    name: 'Esports Arena (staging)',
    status: 2,
    users: [{ style: 'name', groups: [{ size: 6 }, { size: 30 }] }],
  },
  {
    name: 'Ünïcode & Sons — 测试 *~/+=%',
    status: 1,
    special: true,
    users: [{ style: 'name', role: 'special', groups: [{ size: 8, role: 'special', status: 1 }, { size: 4 }] }],
  },
];

// ---------------------------------------------------------------------------------------------
// Word pools for realistic-looking values.

const FIRST = ['mei', 'wei', 'jun', 'li', 'hao', 'yan', 'anna', 'omar', 'lucas', 'sofia', 'ken', 'aiko', 'raj', 'nora', 'tom', 'lin'];
const LAST = ['chen', 'wang', 'zhang', 'liu', 'zhao', 'sato', 'khan', 'silva', 'meyer', 'novak', 'park', 'ito', 'garcia', 'lee'];
const TOPICS = ['math-101', 'live-sale', 'q&a', 'launch', 'weekly-sync', 'esports', 'book-club', 'flash-deal', 'vip'];
const LEVELS = ['basic', 'gold', 'platinum', 'internal'];
const LANGS = ['zh-CN', 'en-US', 'ja-JP', 'id-ID'];
const REGIONS = ['cn-shanghai', 'cn-hangzhou', 'ap-southeast-1', 'eu-central-1'];
const CITIES = ['Hangzhou', 'Shanghai', 'Singapore', 'Jakarta', 'Frankfurt', 'Tokyo'];
const SENTENCES = [
  'hello everyone',
  'can you hear me?',
  'slides are up',
  '👍',
  'price drops at 8pm',
  'great stream!',
  'brb',
  'see you next week',
  '请问链接在哪里',
];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function uuidLike(first8: string, base: number, salt: number): string {
  const h = hexDigits(24, base, salt);
  return `${first8}-${h.slice(0, 4)}-4${h.slice(4, 7)}-${'89ab'[mix(base, salt) % 4]}${h.slice(7, 10)}-${h.slice(10, 22)}`;
}

// ---------------------------------------------------------------------------------------------
// Member index <-> id. Generated ids embed a bijective scramble of the member index, so a
// membership check (ListMessageGroupUserById) inverts the id instead of scanning 100,000 members.

const INDEX_MASK = (1 << 27) - 1;
const MUL_A = 0x2c1b3c6d;
const MUL_B = 0x297a2d39;

function inverseOdd(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) {
    x = Math.imul(x, 2 - Math.imul(a, x));
  }
  return x;
}
const INV_A = inverseOdd(MUL_A);
const INV_B = inverseOdd(MUL_B);

function scramble(index: number, key: number): number {
  let y = (Math.imul(index, MUL_A) + key) & INDEX_MASK;
  y ^= y >>> 11;
  return Math.imul(y, MUL_B) & INDEX_MASK;
}

function unscramble(x: number, key: number): number {
  let y = Math.imul(x, INV_B) & INDEX_MASK;
  y ^= (y >>> 11) ^ (y >>> 22);
  return Math.imul((y - key) & INDEX_MASK, INV_A) & INDEX_MASK;
}

// ---------------------------------------------------------------------------------------------
// Records.

export interface GroupRecord {
  GroupId: string;
  AppId: string;
  CreateTime: number;
  Status: number;
  CreatorId: string;
  Extension: Extension;
  IsMuteAll: boolean;
  /** Members before any churn (Dataset.memberCount: now). */
  size: number;
  messageCount: number;
  hash: number;
  /** The first member indexes: the owner, then the creator (and the special fixture's members). */
  fixedMembers: string[];
}

export interface AppRecord {
  AppId: string;
  AppName: string;
  CreateTime: number;
  Status: number;
  AppConfig: Record<string, string>;
  Extension: Extension;
  /** Groups of each configured user, ascending by CreateTime. */
  userGroups: Map<string, GroupRecord[]>;
  groups: Map<string, GroupRecord>;
}

class Unique {
  private readonly used = new Set<string>();

  take(make: (attempt: number) => string): string {
    for (let attempt = 0; ; attempt++) {
      const id = make(attempt);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

/** Ascending CreateTime, ties broken by id so the order never depends on insertion. */
function byCreateTime<T extends { CreateTime: number }>(id: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => a.CreateTime - b.CreateTime || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
}

export class Dataset {
  readonly info: DatasetInfo;
  /** Ascending by CreateTime. */
  readonly apps: readonly AppRecord[];
  private readonly appsById = new Map<string, AppRecord>();
  /** Groups whose members have moved (or whose member pages were counted), created on the first page served. */
  private readonly memberships = new Map<GroupRecord, Membership>();
  private readonly seedHash: number;

  constructor(seed: number | string = 1) {
    this.seedHash = hashString(String(seed));
    const fixtures: Partial<DatasetFixtures> = {};
    const appIds = new Unique();
    const groupIds = new Unique();
    const apps: AppRecord[] = [];
    const appInfos = new Map<AppRecord, DatasetApp>();

    PLAN.forEach((appPlan, a) => {
      const h = mix(this.seedHash, 1, a);
      const app: AppRecord = {
        AppId: appPlan.special ? appIds.take(() => SPECIAL_APP_ID) : appIds.take((attempt) => alnumId(6, this.seedHash, 100 + a * 31 + attempt * 1000)),
        AppName: appPlan.name,
        CreateTime: DATASET_NOW - (540 + (h % 300)) * DAY - (mix(h, 2) % DAY),
        Status: appPlan.status,
        AppConfig: {
          msgLifeCycle: String(1 + (h % 30)),
          maxGroupSize: '100000',
          callbackUrl: `https://im-callback.example.com/${a}/events`,
        },
        Extension: { team: pick(['edu', 'commerce', 'games', 'platform'], h >>> 3), env: appPlan.status === 1 ? 'prod' : 'staging' },
        userGroups: new Map(),
        groups: new Map(),
      };
      const userIds = new Unique();
      const appInfo: DatasetApp = { AppId: app.AppId, AppName: app.AppName, users: [] };

      appPlan.users.forEach((userPlan, u) => {
        const uh = mix(this.seedHash, 2, a, u);
        const userId =
          userPlan.role === 'special' ? userIds.take(() => SPECIAL_USER_ID) : userIds.take((attempt) => this.userId(userPlan.style, mix(uh, attempt)));
        const groups: GroupRecord[] = userPlan.groups.map((groupPlan, g) => {
          const gh = mix(this.seedHash, 3, a, u, g);
          const span = DATASET_NOW - 8 * DAY - (app.CreateTime + DAY);
          const createTime = app.CreateTime + DAY + (gh % span);
          const creator = groupPlan.role === 'special' || gh % 10 < 7 ? userId : this.userId('name', mix(gh, 17));
          const fixed = groupPlan.role === 'special' ? [userId, ...SPECIAL_MEMBERS] : creator === userId ? [userId] : [userId, creator];
          const group: GroupRecord = {
            GroupId:
              groupPlan.role === 'special'
                ? groupIds.take(() => SPECIAL_GROUP_ID)
                : groupIds.take((attempt) => `${alnumId(4, gh, 1 + attempt)}-${alnumId(4, gh, 100 + attempt)}-${alnumId(4, gh, 200 + attempt)}`),
            AppId: app.AppId,
            CreateTime: createTime,
            Status: groupPlan.status ?? (gh % 11 === 5 ? 2 : 1),
            CreatorId: creator,
            Extension: this.groupExtension(gh, groupPlan.role !== undefined),
            IsMuteAll: groupPlan.muteAll ?? (groupPlan.role === undefined && gh % 13 === 4),
            size: groupPlan.size,
            messageCount: groupPlan.messages ?? (groupPlan.size === 0 ? 0 : 2 + (mix(gh, 3) % 9)),
            hash: gh,
            fixedMembers: fixed.slice(0, groupPlan.size),
          };
          app.groups.set(group.GroupId, group);
          if (groupPlan.role) {
            fixtures[`${groupPlan.role}GroupId` as 'emptyGroupId'] = group.GroupId;
            fixtures[`${groupPlan.role}GroupTotal` as 'emptyGroupTotal'] = group.size;
          }
          if (groupPlan.role === 'special') {
            fixtures.specialMemberIds = [...SPECIAL_MEMBERS];
          }
          return group;
        });
        groups.sort(byCreateTime((group) => group.GroupId));
        app.userGroups.set(userId, groups);
        appInfo.users.push({ UserId: userId, groupIds: groups.map((group) => group.GroupId) });

        if (userPlan.role === 'demo') {
          fixtures.appId = app.AppId;
          fixtures.userId = userId;
        } else if (userPlan.role === 'manyGroups') {
          fixtures.manyGroupsUserId = userId;
          fixtures.manyGroupsCount = groups.length;
        } else if (userPlan.role === 'noGroups') {
          fixtures.noGroupsUserId = userId;
        } else if (userPlan.role === 'special') {
          fixtures.specialAppId = app.AppId;
          fixtures.specialUserId = userId;
        }
      });
      apps.push(app);
      appInfos.set(app, appInfo);
    });

    apps.sort(byCreateTime((app) => app.AppId));
    this.apps = apps;
    const groups: Record<string, DatasetGroup> = {};
    for (const app of apps) {
      this.appsById.set(app.AppId, app);
      for (const group of app.groups.values()) {
        groups[group.GroupId] = { GroupId: group.GroupId, AppId: app.AppId, members: group.size, messages: group.messageCount };
      }
    }
    this.info = {
      seed: String(seed),
      apps: apps.map((app) => appInfos.get(app) as DatasetApp),
      groups,
      fixtures: fixtures as DatasetFixtures,
    };
  }

  app(appId: string): AppRecord | undefined {
    return this.appsById.get(appId);
  }

  group(app: AppRecord, groupId: string): GroupRecord | undefined {
    return app.groups.get(groupId);
  }

  /** A group of any app (GroupIds are unique across apps). */
  groupById(groupId: string): GroupRecord | undefined {
    const info = Object.hasOwn(this.info.groups, groupId) ? this.info.groups[groupId] : undefined;
    return info && this.appsById.get(info.AppId)?.groups.get(groupId);
  }

  /** A user that is not configured simply has no groups. */
  groupsOf(app: AppRecord, userId: string): readonly GroupRecord[] {
    return app.userGroups.get(userId) ?? [];
  }

  /** Current members, position 0 = the longest-standing. */
  memberAt(group: GroupRecord, position: number): GroupMember {
    const index = this.memberIndexAt(group, position);
    return { UserId: this.memberId(group, index), JoinTime: this.joinTime(group, index) };
  }

  /** The member index (join order) of the member at `position` now. */
  memberIndexAt(group: GroupRecord, position: number): number {
    return this.memberships.get(group)?.indexAt(position) ?? position;
  }

  /** The position now of a current member's index. */
  memberPosition(group: GroupRecord, index: number): number {
    return this.memberships.get(group)?.positionOf(index) ?? index;
  }

  memberCount(group: GroupRecord): number {
    return this.memberships.get(group)?.count ?? group.size;
  }

  /** Member index of `userId` if it is currently in the group. */
  findMember(group: GroupRecord, userId: string): number | undefined {
    const index = this.memberIndexOf(group, userId);
    if (index === undefined) return undefined;
    const membership = this.memberships.get(group);
    return (membership ? membership.isPresent(index) : index < group.size) ? index : undefined;
  }

  /** A page of the group's members was served: it is counted, and the members move as the faults say. */
  memberPageServed(group: GroupRecord, move: MembershipMove): void {
    let membership = this.memberships.get(group);
    if (!membership) {
      membership = new Membership(group.size, mix(this.seedHash, group.hash, 41));
      this.memberships.set(group, membership);
    }
    membership.pageServed(move);
  }

  /** Pages of the group's members served so far (1 = the first). */
  memberPagesServed(group: GroupRecord): number {
    return this.memberships.get(group)?.served ?? 0;
  }

  /**
   * The UserIds of those present while every page from `from` to `to` was served, and of those present for some
   * (pages served so far: 1 <= from <= to <= memberPagesServed).
   */
  presence(group: GroupRecord, from: number, to: number): { throughout: string[]; partly: string[] } {
    const membership = this.memberships.get(group);
    if (!membership) throw new RangeError(`no page of group ${group.GroupId} was served`);
    const record = membership.presence(from, to);
    const ids = (indexes: number[]) => indexes.map((index) => this.memberId(group, index));
    return { throughout: ids(record.throughout), partly: ids(record.partly) };
  }

  /** Muted one by one in the seeded data (MuteBy "user"). */
  isMutedByUser(group: GroupRecord, index: number): boolean {
    return mix(group.hash, index, 55) % 17 === 3;
  }

  /** About 30 % of the members are online (BatchGetOnlineUsers), fixed per seed. */
  isOnline(group: GroupRecord, index: number): boolean {
    return mix(group.hash, index, 11) % 10 < 3;
  }

  memberDetail(group: GroupRecord, index: number): MemberDetail {
    const h = mix(group.hash, index, 55);
    const mutedByUser = this.isMutedByUser(group, index);
    return {
      UserId: this.memberId(group, index),
      UserNick: `${capitalize(pick(FIRST, h >>> 3))} ${capitalize(pick(LAST, h >>> 9))}`,
      UserAvatar: `https://cdn.example.com/im/avatars/${hexDigits(16, group.hash, index)}.png`,
      UserExtension: JSON.stringify({ level: String(1 + (h % 9)), city: pick(CITIES, h >>> 14) }),
      IsMute: group.IsMuteAll || mutedByUser,
      MuteBy: [...(group.IsMuteAll ? ['group'] : []), ...(mutedByUser ? ['user'] : [])],
    };
  }

  /** Message `j` in sending order (0 = oldest). */
  messageAt(group: GroupRecord, j: number): Message {
    const h = mix(group.hash, j, 99);
    const type = h % 5 === 0 ? 2 : 1;
    const data =
      type === 1 ? { text: pick(SENTENCES, h >>> 4) } : { url: `https://cdn.example.com/im/images/${hexDigits(12, h, j)}.jpg`, width: 640, height: 480 };
    return {
      MessageId: hexDigits(32, group.hash, 10_000 + j).toUpperCase(),
      GroupId: group.GroupId,
      SenderId: this.memberId(group, (h >>> 8) % Math.max(1, group.size)),
      Type: type,
      Data: JSON.stringify(data),
    };
  }

  private userId(style: IdStyle, h: number): string {
    switch (style) {
      case 'numeric':
        // 2xxxxxxxxx: never collides with generated member ids (1000000000-1134217727).
        return String(2_000_000_000 + (h % 999_999_999));
      case 'uuid':
        return uuidLike(hexDigits(8, h, 1), h, 2);
      case 'name':
        return `${pick(FIRST, h)}.${pick(LAST, h >>> 8)}${String(h % 100).padStart(2, '0')}`;
    }
  }

  private groupExtension(h: number, fixture: boolean): Extension {
    const count = fixture ? 2 + (h % 2) : (h >>> 5) % 4;
    const all: Extension = {
      topic: pick(TOPICS, h >>> 7),
      level: pick(LEVELS, h >>> 11),
      lang: pick(LANGS, h >>> 13),
      region: pick(REGIONS, h >>> 17),
    };
    return Object.fromEntries(Object.entries(all).slice(0, count));
  }

  private memberId(group: GroupRecord, index: number): string {
    if (index < group.fixedMembers.length) {
      return group.fixedMembers[index];
    }
    const x = scramble(index, group.hash & INDEX_MASK);
    const h = mix(group.hash, index);
    const style = h % 10;
    if (style < 5) {
      return String(1_000_000_000 + x);
    }
    if (style < 8) {
      return `${pick(FIRST, h >>> 4)}${pick(['.', '-', ''], h >>> 8)}${pick(LAST, h >>> 12)}_${x.toString(36)}`;
    }
    return uuidLike(((x ^ group.hash) >>> 0).toString(16).padStart(8, '0'), h, index);
  }

  private memberIndexOf(group: GroupRecord, userId: string): number | undefined {
    const fixed = group.fixedMembers.indexOf(userId);
    if (fixed >= 0) {
      return fixed;
    }
    let x: number | undefined;
    if (/^1[0-9]{9}$/.test(userId)) {
      x = Number(userId) - 1_000_000_000;
    } else if (/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(userId)) {
      x = (parseInt(userId.slice(0, 8), 16) ^ group.hash) >>> 0;
    } else {
      const match = /_([0-9a-z]{1,6})$/.exec(userId);
      x = match ? parseInt(match[1], 36) : undefined;
    }
    if (x === undefined || x > INDEX_MASK) {
      return undefined;
    }
    const index = unscramble(x, group.hash & INDEX_MASK);
    return this.memberId(group, index) === userId ? index : undefined;
  }

  /** Strictly increasing with the index: the initial members spread between the group's creation and a day
   * before DATASET_NOW; members who joined through churn come after DATASET_NOW, 37 s apart. */
  private joinTime(group: GroupRecord, index: number): number {
    const size = group.size;
    if (index >= size) {
      return DATASET_NOW + (index - size + 1) * 37;
    }
    const span = DATASET_NOW - DAY - group.CreateTime - 60;
    const step = span / size;
    const jitterRange = Math.max(1, Math.floor(step) - 1);
    return group.CreateTime + 60 + Math.floor(step * index) + (mix(group.hash, index, 7) % jitterRange);
  }
}
