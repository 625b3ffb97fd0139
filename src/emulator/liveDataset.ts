// Deterministic data of the LiveMessage* family, generated from the seed like dataset.ts: apps in both data
// centers, groups (some deleted, one super group), members and messages computed on demand from (seed, group,
// index), so the 100,000-member group costs no memory. Separate from the legacy apps: the families do not mix.
import type { DescribeLiveMessageGroupResult, LiveMessage, LiveMessageApp, LiveMessageGroup, LiveMessageUser } from '../api/types';
import { DATASET_NOW } from './dataset';
import { alnumId, hashString, hexDigits, mix, pick } from './random';

const DAY = 86_400;

export interface LiveGroupRecord {
  GroupId: string;
  GroupName: string;
  GroupInfo: string;
  CreatorId: string;
  Createtime: number;
  AdminList: string[];
  deleted?: { Deletatime: number; Deletor: string };
  SuperLargeGroup: boolean;
  size: number;
  messageCount: number;
  IsbannedAll: boolean;
  hash: number;
}

export interface LiveAppRecord {
  app: LiveMessageApp;
  AuditType: number;
  AuditUrl: string;
  EventCallbackUrl: string;
  /** Ascending by Createtime. */
  groups: LiveGroupRecord[];
  groupsById: Map<string, LiveGroupRecord>;
}

/** Named groups of the LiveMessage demo app, for tests, benchmarks and the demo. */
export interface LiveMessageFixtures {
  appId: string;
  /** In cn-shanghai. */
  dataCenter: string;
  /** An app in the other data center (ap-southeast-1). */
  singaporeAppId: string;
  emptyGroupId: string;
  smallGroupId: string;
  /** 123 members: three pages of 50. */
  pagedGroupId: string;
  /** 100,000 members, not a super group: the token pager's benchmark. */
  bigGroupId: string;
  bigGroupTotal: number;
  /** More than 2,000 members and SuperLargeGroup true: its member list is refused. */
  superGroupId: string;
  /** Deleted (Delete true, Deletatime, Deletor). */
  deletedGroupId: string;
  /** IsbannedAll true, with unbanned exceptions. */
  bannedGroupId: string;
  /** 240 messages of several types and body encodings. */
  messagesGroupId: string;
  /** The message types used: 1 text (JSON), 2 image (JSON), 3 custom (base64 of text), 4 notice (plain text). */
  msgTypes: number[];
  /** A group meant for trying the write actions (12 members, a few messages), named so. */
  sandboxGroupId: string;
}

export interface LiveMessageInfo {
  apps: { AppId: string; AppName: string; DataCenter: string; groups: { GroupId: string; members: number; messages: number; deleted: boolean }[] }[];
  fixtures: LiveMessageFixtures;
}

type Role = 'empty' | 'small' | 'paged' | 'big' | 'super' | 'deleted' | 'banned' | 'messages' | 'sandbox';
interface GroupPlan {
  size: number;
  /** Instead of a name made of two words. */
  name?: string;
  role?: Role;
  messages?: number;
  deleted?: boolean;
  superGroup?: boolean;
  bannedAll?: boolean;
}

const sizes = (count: number, f: (j: number) => number): GroupPlan[] => Array.from({ length: count }, (_, j) => ({ size: f(j), deleted: j % 9 === 4 }));

const PLAN: { name: string; dataCenter: string; disabled?: boolean; groups: GroupPlan[] }[] = [
  {
    name: 'Live Lecture Hall',
    dataCenter: 'cn-shanghai',
    groups: [
      { size: 0, role: 'empty' },
      { size: 4, role: 'small' },
      { size: 123, role: 'paged' },
      { size: 100_000, role: 'big', messages: 60 },
      { size: 5_000, role: 'super', superGroup: true },
      { size: 17, role: 'deleted', deleted: true },
      { size: 30, role: 'banned', bannedAll: true },
      { size: 25, role: 'messages', messages: 240 },
      ...sizes(48, (j) => (j * 11 + 2) % 40),
      // Last, so that every other group keeps its id.
      { size: 12, role: 'sandbox', name: 'Sandbox: try changes here', messages: 5 },
    ],
  },
  { name: 'Flash Sale Room', dataCenter: 'cn-shanghai', groups: sizes(6, (j) => 3 + j * 5) },
  { name: 'SEA Gaming Live', dataCenter: 'ap-southeast-1', groups: sizes(5, (j) => 10 + j) },
  { name: 'Old Pilot (disabled)', dataCenter: 'ap-southeast-1', disabled: true, groups: sizes(2, () => 2) },
];

export const MSG_TYPES = [1, 2, 3, 4];
const WORDS = ['hello', 'welcome', 'question', 'thanks', 'price', 'link', 'replay', 'slides', 'gift', 'vote'];
const NICKS = ['mei', 'wei', 'jun', 'anna', 'omar', 'lucas', 'sofia', 'ken', 'aiko', 'raj', 'nora', 'lin'];

export class LiveMessageDataset {
  /** Ascending by CreateTime. */
  readonly apps: LiveAppRecord[] = [];
  readonly info: LiveMessageInfo;
  private readonly byId = new Map<string, LiveAppRecord>();
  private readonly onlineCounts = new Map<LiveGroupRecord, number>();
  readonly seedHash: number;

  constructor(seed: number | string = 1) {
    this.seedHash = hashString(`livemessage:${String(seed)}`);
    const fixtures: Partial<LiveMessageFixtures> = { msgTypes: [...MSG_TYPES] };
    PLAN.forEach((plan, a) => {
      const h = mix(this.seedHash, 1, a);
      const created = DATASET_NOW - (200 + (h % 300)) * DAY - (mix(h, 2) % DAY);
      const appId = `${alnumId(2, h, 1).toLowerCase()}${hexDigits(6, h, 2)}`;
      const record: LiveAppRecord = {
        app: {
          AppId: appId,
          AppKey: hexDigits(16, h, 3),
          AppName: plan.name,
          AppSign: hexDigits(32, h, 4),
          CreateTime: created,
          DataCenter: plan.dataCenter,
          Disable: plan.disabled ? 'true' : 'false',
          ModifyTime: created + (mix(h, 5) % (100 * DAY)),
          MsgLifeCycle: h % 3,
        },
        AuditType: h % 3,
        AuditUrl: h % 3 === 2 ? `https://audit.example.com/${appId}` : '',
        EventCallbackUrl: `https://im-events.example.com/${appId}/callback`,
        groups: [],
        groupsById: new Map(),
      };
      plan.groups.forEach((groupPlan, g) => {
        const gh = mix(this.seedHash, 2, a, g);
        const createtime = created + DAY + (gh % (DATASET_NOW - 3 * DAY - created - DAY));
        const creator = this.userAt(gh, 0);
        const group: LiveGroupRecord = {
          GroupId: `${alnumId(4, gh, 1)}${hexDigits(8, gh, 2)}`,
          GroupName: groupPlan.name ?? `${pick(WORDS, gh >>> 3)}-${pick(WORDS, gh >>> 9)} ${g}`,
          GroupInfo: JSON.stringify({ topic: pick(WORDS, gh >>> 5), level: 1 + (gh % 5) }),
          CreatorId: creator,
          Createtime: createtime,
          AdminList: groupPlan.size > 1 ? [creator, this.userAt(gh, 1)] : [creator],
          SuperLargeGroup: groupPlan.superGroup ?? false,
          size: groupPlan.size,
          messageCount: groupPlan.messages ?? (groupPlan.size === 0 ? 0 : 3 + (mix(gh, 7) % 12)),
          IsbannedAll: groupPlan.bannedAll ?? false,
          hash: gh,
          ...(groupPlan.deleted ? { deleted: { Deletatime: createtime + DAY + (gh % DAY), Deletor: creator } } : {}),
        };
        record.groups.push(group);
        record.groupsById.set(group.GroupId, group);
        if (groupPlan.role) fixtures[`${groupPlan.role}GroupId` as 'emptyGroupId'] = group.GroupId;
        if (groupPlan.role === 'big') fixtures.bigGroupTotal = group.size;
      });
      record.groups.sort((x, y) => x.Createtime - y.Createtime || (x.GroupId < y.GroupId ? -1 : 1));
      if (a === 0) {
        fixtures.appId = appId;
        fixtures.dataCenter = plan.dataCenter;
      }
      if (a === 2) fixtures.singaporeAppId = appId;
      this.apps.push(record);
      this.byId.set(appId, record);
    });
    this.apps.sort((x, y) => x.app.CreateTime - y.app.CreateTime || (x.app.AppId < y.app.AppId ? -1 : 1));
    this.info = {
      apps: this.apps.map((record) => ({
        AppId: record.app.AppId,
        AppName: record.app.AppName,
        DataCenter: record.app.DataCenter,
        groups: record.groups.map((group) => ({
          GroupId: group.GroupId,
          members: group.size,
          messages: group.messageCount,
          deleted: group.deleted !== undefined,
        })),
      })),
      fixtures: fixtures as LiveMessageFixtures,
    };
  }

  app(appId: string): LiveAppRecord | undefined {
    return this.byId.get(appId);
  }

  groupView(group: LiveGroupRecord): LiveMessageGroup {
    return {
      AdminList: [...group.AdminList],
      Createtime: group.Createtime,
      CreatorId: group.CreatorId,
      Delete: group.deleted !== undefined,
      GroupId: group.GroupId,
      GroupInfo: group.GroupInfo,
      GroupName: group.GroupName,
    };
  }

  describeGroup(group: LiveGroupRecord): Omit<DescribeLiveMessageGroupResult, never> {
    const amounts: Record<string, number> = {};
    for (let j = 0; j < group.messageCount; j++) {
      const type = String(this.messageType(group, j));
      amounts[type] = (amounts[type] ?? 0) + 1;
    }
    return {
      ...this.groupView(group),
      ...(group.deleted ?? {}),
      MsgAmount: amounts,
      OnlineUserCounts: group.deleted ? 0 : this.onlineCount(group),
      SuperLargeGroup: group.SuperLargeGroup,
      TotalTimes: 1 + (group.hash % 40),
    };
  }

  /** Member `index` in join order (0 = the creator). */
  memberAt(group: LiveGroupRecord, index: number): LiveMessageUser {
    const h = mix(group.hash, index, 3);
    return { UserId: this.userAt(group.hash, index), UserInfo: JSON.stringify({ nick: pick(NICKS, h >>> 4), level: 1 + (h % 9) }) };
  }

  /** The index of `userId` in the group, or undefined when it is not a member. */
  memberIndex(group: LiveGroupRecord, userId: string): number | undefined {
    const match = /^uid_([0-9a-z]+)_[0-9a-f]{4}$/.exec(userId);
    if (!match) return undefined;
    const index = parseInt(match[1], 36);
    return index < group.size && this.userAt(group.hash, index) === userId ? index : undefined;
  }

  isOnline(group: LiveGroupRecord, index: number): boolean {
    return !group.deleted && mix(group.hash, index, 11) % 10 < 3;
  }

  /** Banned individually (in a group without IsbannedAll). */
  isBanned(group: LiveGroupRecord, index: number): boolean {
    return mix(group.hash, index, 13) % 29 === 5;
  }

  messageType(group: LiveGroupRecord, j: number): number {
    return MSG_TYPES[mix(group.hash, j, 21) % MSG_TYPES.length];
  }

  /** Message `j` in sending order (0 = the oldest); timestamps strictly increase with j. */
  messageAt(group: LiveGroupRecord, j: number): LiveMessage {
    const h = mix(group.hash, j, 23);
    const type = this.messageType(group, j);
    const sender = group.size === 0 ? this.memberAt(group, 0) : this.memberAt(group, (h >>> 6) % group.size);
    const word = pick(WORDS, h >>> 3);
    const bodies: Record<number, string> = {
      1: JSON.stringify({ text: `${word} #${j}` }),
      2: JSON.stringify({ url: `https://cdn.example.com/lm/${hexDigits(10, h, j)}.jpg`, width: 720, height: 1280 }),
      3: Buffer.from(`custom:${word}:${j}`, 'utf8').toString('base64'),
      4: `notice ${j}: ${word}`,
    };
    return {
      Body: bodies[type],
      MsgTid: `${group.GroupId.slice(0, 4)}-${hexDigits(12, group.hash, 5000 + j)}`,
      MsgType: type,
      SeqNumber: j + 1,
      Timestamp: this.messageTime(group, j),
      TotalMessages: group.messageCount,
      Sender: sender,
    };
  }

  messageTime(group: LiveGroupRecord, j: number): number {
    return group.Createtime + 60 + j * 45 + (mix(group.hash, j, 29) % 30);
  }

  private onlineCount(group: LiveGroupRecord): number {
    let count = this.onlineCounts.get(group);
    if (count === undefined) {
      count = 0;
      for (let i = 0; i < group.size; i++) if (this.isOnline(group, i)) count++;
      this.onlineCounts.set(group, count);
    }
    return count;
  }

  private userAt(groupHash: number, index: number): string {
    return `uid_${index.toString(36)}_${hexDigits(4, groupHash, index)}`;
  }
}
