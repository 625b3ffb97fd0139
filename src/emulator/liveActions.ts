// One handler per LiveMessage* action: validated request in, the flat body's fields out (the gateway adds
// RequestId). Errors are the family's documented codes: 400 InputInvalid, 404 ResourceNotExist (see README.md).
import type { LiveMessageActionName, LiveMessageActions, LiveMessageGroup } from '../api/types';
import { ApiFailure } from './errors';
import type { LiveAppRecord, LiveGroupRecord, LiveMessageDataset } from './liveDataset';
import { inputInvalid } from './liveParams';
import { mix } from './random';

export interface LiveActionContext {
  /** Fault: every token-paged answer repeats the token it was asked with (or the first one it gave). */
  repeatToken: boolean;
}

type Handler<A extends LiveMessageActionName> = (
  dataset: LiveMessageDataset,
  request: LiveMessageActions[A]['request'],
  context: LiveActionContext,
) => LiveMessageActions[A]['result'];

/** Without DataCenter a request addresses cn-shanghai, the data center of live.aliyuncs.com. */
const DEFAULT_DATA_CENTER = 'cn-shanghai';
/** The service chooses the page size of these lists (they take no PageSize). */
export const APPS_PER_PAGE = 2;
export const GROUPS_PER_PAGE = 20;
export const SUPER_GROUP_MEMBERS = 2000;
const TOKEN_SPAN = 1_000_000;

function notFound(message: string): ApiFailure {
  return new ApiFailure('ResourceNotExist', message);
}

function requireApp(dataset: LiveMessageDataset, appId: string, dataCenter: string | undefined): LiveAppRecord {
  const record = dataset.app(appId);
  const center = dataCenter ?? DEFAULT_DATA_CENTER;
  if (!record || record.app.DataCenter !== center) {
    throw notFound(`The app ${appId} does not exist in data center ${center}.`);
  }
  return record;
}

function requireGroup(dataset: LiveMessageDataset, request: { AppId: string; GroupId: string; DataCenter?: string }, alive = false): LiveGroupRecord {
  const group = requireApp(dataset, request.AppId, request.DataCenter).groupsById.get(request.GroupId);
  if (!group) throw notFound(`The group ${request.GroupId} does not exist in app ${request.AppId}.`);
  if (alive && group.deleted) throw notFound(`The group ${request.GroupId} was deleted.`);
  return group;
}

/**
 * Tokens are salt * 1,000,000 + the position of the next item in the requested order; the salt depends on the
 * seed, the list and the sort order, so a token is stable across calls and a token of another list is refused.
 */
function tokenSalt(dataset: LiveMessageDataset, list: number, sortType: number): number {
  return 1000 + (mix(dataset.seedHash, list, sortType) % 9000);
}

interface TokenPage<T> {
  items: T[];
  /** The position after the last item, when there is one. */
  next?: number;
}

function tokenPage<T>(total: number, start: number, size: number, at: (position: number) => T): TokenPage<T> {
  const end = Math.min(total, start + size);
  const items: T[] = [];
  for (let p = start; p < end; p++) items.push(at(p));
  return end < total ? { items, next: end } : { items };
}

function startOf(token: string | number | undefined, salt: number, total: number): number {
  if (token === undefined) return 0;
  const value = Number(token);
  const position = value - salt * TOKEN_SPAN;
  if (position < 1 || position >= Math.max(total, 1))
    throw inputInvalid('NextPageToken', String(token), 'It is not a token of this list, or the list has changed');
  return position;
}

/** The token to answer with: the next position's, or (fault) the one asked with. */
function nextToken(page: TokenPage<unknown>, salt: number, asked: string | number | undefined, context: LiveActionContext): number | undefined {
  if (page.next === undefined) return undefined;
  if (context.repeatToken && asked !== undefined) return Number(asked);
  return salt * TOKEN_SPAN + page.next;
}

function sortedGroups(record: LiveAppRecord, status: number, sortType: number): LiveGroupRecord[] {
  const groups = record.groups.filter((group) => status === 0 || (status === 1 ? !group.deleted : group.deleted !== undefined));
  return sortType === 2 ? groups.reverse() : groups;
}

const HANDLERS: { [A in LiveMessageActionName]: Handler<A> } = {
  ListLiveMessageApps(dataset, request, context) {
    const apps = dataset.apps.filter((record) => request.DataCenter === undefined || record.app.DataCenter === request.DataCenter);
    if (request.SortType === 2) apps.reverse();
    const salt = tokenSalt(dataset, 1, request.SortType);
    const page = tokenPage(apps.length, startOf(request.NextPageToken, salt, apps.length), APPS_PER_PAGE, (p) => ({ ...apps[p].app }));
    const token = nextToken(page, salt, request.NextPageToken, context);
    return token === undefined ? { HasMore: false, AppList: page.items } : { HasMore: true, NextPageToken: token, AppList: page.items };
  },

  DescribeLiveMessageApp(dataset, request) {
    const record = requireApp(dataset, request.AppId, request.DataCenter);
    return {
      ...record.app,
      Disable: record.app.Disable === 'true',
      AuditType: record.AuditType,
      AuditUrl: record.AuditUrl,
      EventCallbackUrl: record.EventCallbackUrl,
    };
  },

  ListLiveMessageGroups(dataset, request, context) {
    const record = requireApp(dataset, request.AppId, request.DataCenter);
    const groups = sortedGroups(record, request.GroupStatus ?? 0, request.SortType);
    const salt = tokenSalt(dataset, mix(2, record.app.CreateTime, request.GroupStatus ?? 0), request.SortType);
    const page = tokenPage<LiveMessageGroup>(groups.length, startOf(request.NextPageToken, salt, groups.length), GROUPS_PER_PAGE, (p) =>
      dataset.groupView(groups[p]),
    );
    const token = nextToken(page, salt, request.NextPageToken, context);
    // The one list whose token is a string, spelled NextpageToken, and absent on the last page.
    return token === undefined ? { Hasmore: false, GroupList: page.items } : { Hasmore: true, NextpageToken: String(token), GroupList: page.items };
  },

  ListLiveMessageGroupByPage(dataset, request) {
    const record = requireApp(dataset, request.AppId, request.DataCenter);
    const groups = sortedGroups(record, request.GroupStatus ?? 0, request.SortType);
    const pageNumber = request.PageNumber ?? 1;
    const pageSize = request.PageSize ?? 20;
    const start = (pageNumber - 1) * pageSize;
    return {
      TotalCount: groups.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      GroupList: groups.slice(start, start + pageSize).map((group) => dataset.groupView(group)),
    };
  },

  DescribeLiveMessageGroup(dataset, request) {
    return dataset.describeGroup(requireGroup(dataset, request));
  },

  ListLiveMessageGroupUsers(dataset, request, context) {
    const group = requireGroup(dataset, request, true);
    if (group.SuperLargeGroup) {
      throw inputInvalid(
        'GroupId',
        group.GroupId,
        `The group is a super group (more than ${SUPER_GROUP_MEMBERS} members): its member list cannot be queried; DescribeLiveMessageGroup gives OnlineUserCounts`,
      );
    }
    const salt = tokenSalt(dataset, mix(3, group.hash), request.SortType);
    const at = (p: number) => dataset.memberAt(group, request.SortType === 2 ? group.size - 1 - p : p);
    const page = tokenPage(group.size, startOf(request.NextPageToken, salt, group.size), request.PageSize, at);
    const token = nextToken(page, salt, request.NextPageToken, context);
    return { GroupId: group.GroupId, Hasmore: token !== undefined, NextPageToken: token ?? 0, UserList: page.items };
  },

  ListLiveMessageGroupMessages(dataset, request, context) {
    const group = requireGroup(dataset, request, true);
    const begin = request.BeginTime ?? 0;
    const end = request.EndTime ?? Number.MAX_SAFE_INTEGER;
    if (begin > end) throw inputInvalid('EndTime', String(end), `It must not be before BeginTime (${begin})`);
    const positions: number[] = [];
    for (let j = 0; j < group.messageCount; j++) {
      const time = dataset.messageTime(group, j);
      if (time >= begin && time <= end && (request.MsgType === undefined || dataset.messageType(group, j) === request.MsgType)) positions.push(j);
    }
    if (request.SortType === 2) positions.reverse();
    const filters = mix(4, group.hash, request.MsgType ?? -1, begin % 2 ** 31, end % 2 ** 31);
    const salt = tokenSalt(dataset, filters, request.SortType);
    const page = tokenPage(positions.length, startOf(request.NextPageToken, salt, positions.length), request.PageSize, (p) =>
      dataset.messageAt(group, positions[p]),
    );
    const token = nextToken(page, salt, request.NextPageToken, context);
    return { GroupId: group.GroupId, Hasmore: token !== undefined, NextPageToken: token ?? 0, MessageList: page.items };
  },

  DescribeLiveMessageGroupBand(dataset, request) {
    const group = requireGroup(dataset, request, true);
    const banned: string[] = [];
    const unbanned: string[] = [];
    // Computed over the first members only: a band list of a huge group is its first 2,000 members' entries.
    for (let i = 0; i < Math.min(group.size, SUPER_GROUP_MEMBERS); i++) {
      if (group.IsbannedAll ? group.AdminList.includes(dataset.memberAt(group, i).UserId) : dataset.isBanned(group, i)) {
        (group.IsbannedAll ? unbanned : banned).push(dataset.memberAt(group, i).UserId);
      }
    }
    return { GroupId: group.GroupId, IsbannedAll: group.IsbannedAll, BannedUserList: banned, UnbannedUserList: unbanned };
  },

  CheckLiveMessageUsersInGroup(dataset, request) {
    const group = requireGroup(dataset, request, true);
    return {
      Users: request.UserIds.map((userId) => {
        const index = dataset.memberIndex(group, userId);
        return { UserId: userId, Online: index !== undefined && dataset.isOnline(group, index) };
      }),
    };
  },
};

export function runLiveMessageAction<A extends LiveMessageActionName>(
  action: A,
  dataset: LiveMessageDataset,
  request: LiveMessageActions[A]['request'],
  context: LiveActionContext,
): LiveMessageActions[A]['result'] {
  return (HANDLERS[action] as Handler<A>)(dataset, request, context);
}
