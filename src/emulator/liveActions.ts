// One handler per LiveMessage* action: validated request in, the flat body's fields out (the gateway adds
// RequestId). Errors are the family's documented codes: 400 InputInvalid, 404 ResourceNotExist (see README.md).
// The reads are here, the writes in liveWrites.ts; both see the data through LiveMessageState.
import type { LiveMessageActionName, LiveMessageActions, LiveMessageGroup } from '../api/types';
import type { LiveAppRecord, LiveGroupRecord, LiveMessageDataset } from './liveDataset';
import { inputInvalid } from './liveParams';
import { DEFAULT_DATA_CENTER, LiveMessageState } from './liveState';
import { LIVE_WRITE_HANDLERS, type LiveWriteAction } from './liveWrites';
import { mix } from './random';

export interface LiveActionContext {
  /** Fault: every token-paged answer repeats the token it was asked with (or the first one it gave). */
  repeatToken: boolean;
  /** What writes changed, kept by the emulator instance; absent: the seed's data alone. */
  state?: LiveMessageState;
}

type Handler<A extends LiveMessageActionName> = (
  state: LiveMessageState,
  request: LiveMessageActions[A]['request'],
  context: LiveActionContext,
) => LiveMessageActions[A]['result'];

/** The service chooses the page size of these lists (they take no PageSize); one app per page, so that a data center's two apps take a token walk. */
export const APPS_PER_PAGE = 1;
export const GROUPS_PER_PAGE = 20;
export const SUPER_GROUP_MEMBERS = 2000;
const TOKEN_SPAN = 1_000_000;

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

function sortedGroups(state: LiveMessageState, record: LiveAppRecord, status: number, sortType: number): LiveGroupRecord[] {
  const groups = state.groups(record).filter((group) => status === 0 || (status === 1) !== state.isDeleted(group));
  return sortType === 2 ? groups.reverse() : groups;
}

type ReadAction = Exclude<LiveMessageActionName, LiveWriteAction>;

const READ_HANDLERS: { [A in ReadAction]: Handler<A> } = {
  ListLiveMessageApps(state, request, context) {
    const { dataset } = state;
    // Without DataCenter, like every other action: cn-shanghai's apps only.
    const center = request.DataCenter ?? DEFAULT_DATA_CENTER;
    const apps = dataset.apps.filter((record) => record.app.DataCenter === center);
    if (request.SortType === 2) apps.reverse();
    const salt = tokenSalt(dataset, 1, request.SortType);
    const page = tokenPage(apps.length, startOf(request.NextPageToken, salt, apps.length), APPS_PER_PAGE, (p) => state.appView(apps[p]));
    const token = nextToken(page, salt, request.NextPageToken, context);
    return token === undefined ? { HasMore: false, AppList: page.items } : { HasMore: true, NextPageToken: token, AppList: page.items };
  },

  DescribeLiveMessageApp(state, request) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    const app = state.appView(record);
    return {
      ...app,
      Disable: app.Disable === 'true',
      AuditType: record.AuditType,
      AuditUrl: record.AuditUrl,
      EventCallbackUrl: record.EventCallbackUrl,
    };
  },

  ListLiveMessageGroups(state, request, context) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    const groups = sortedGroups(state, record, request.GroupStatus ?? 0, request.SortType);
    const salt = tokenSalt(state.dataset, mix(2, record.app.CreateTime, request.GroupStatus ?? 0), request.SortType);
    const page = tokenPage<LiveMessageGroup>(groups.length, startOf(request.NextPageToken, salt, groups.length), GROUPS_PER_PAGE, (p) =>
      state.groupView(groups[p]),
    );
    const token = nextToken(page, salt, request.NextPageToken, context);
    // The one list whose token is a string, spelled NextpageToken, and absent on the last page.
    return token === undefined ? { Hasmore: false, GroupList: page.items } : { Hasmore: true, NextpageToken: String(token), GroupList: page.items };
  },

  ListLiveMessageGroupByPage(state, request) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    const groups = sortedGroups(state, record, request.GroupStatus ?? 0, request.SortType);
    const pageNumber = request.PageNumber ?? 1;
    const pageSize = request.PageSize ?? 20;
    const start = (pageNumber - 1) * pageSize;
    return {
      TotalCount: groups.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      GroupList: groups.slice(start, start + pageSize).map((group) => state.groupView(group)),
    };
  },

  DescribeLiveMessageGroup(state, request) {
    return state.describeGroup(state.requireGroup(request));
  },

  ListLiveMessageGroupUsers(state, request, context) {
    const group = state.requireGroup(request, true);
    if (group.SuperLargeGroup) {
      throw inputInvalid(
        'GroupId',
        group.GroupId,
        `The group is a super group (more than ${SUPER_GROUP_MEMBERS} members): its member list cannot be queried; DescribeLiveMessageGroup gives OnlineUserCounts`,
      );
    }
    const members = state.members(group);
    const salt = tokenSalt(state.dataset, mix(3, group.hash), request.SortType);
    const at = (p: number) => members.at(request.SortType === 2 ? members.total - 1 - p : p);
    const page = tokenPage(members.total, startOf(request.NextPageToken, salt, members.total), request.PageSize, at);
    const token = nextToken(page, salt, request.NextPageToken, context);
    return { GroupId: group.GroupId, Hasmore: token !== undefined, NextPageToken: token ?? 0, UserList: page.items };
  },

  ListLiveMessageGroupMessages(state, request, context) {
    const group = state.requireGroup(request, true);
    const begin = request.BeginTime ?? 0;
    const end = request.EndTime ?? Number.MAX_SAFE_INTEGER;
    if (begin > end) throw inputInvalid('EndTime', String(end), `It must not be before BeginTime (${begin})`);
    const refs = state.messageRefs(group);
    const positions = refs.filter((ref) => {
      const time = state.messageTime(group, ref);
      return time >= begin && time <= end && (request.MsgType === undefined || state.messageType(group, ref) === request.MsgType);
    });
    if (request.SortType === 2) positions.reverse();
    const filters = mix(4, group.hash, request.MsgType ?? -1, begin % 2 ** 31, end % 2 ** 31);
    const salt = tokenSalt(state.dataset, filters, request.SortType);
    const page = tokenPage(positions.length, startOf(request.NextPageToken, salt, positions.length), request.PageSize, (p) =>
      state.messageAt(group, positions[p], refs.length),
    );
    const token = nextToken(page, salt, request.NextPageToken, context);
    return { GroupId: group.GroupId, Hasmore: token !== undefined, NextPageToken: token ?? 0, MessageList: page.items };
  },

  DescribeLiveMessageGroupBand(state, request) {
    const group = state.requireGroup(request, true);
    return { GroupId: group.GroupId, ...state.band(group) };
  },

  CheckLiveMessageUsersInGroup(state, request) {
    const group = state.requireGroup(request, true);
    return { Users: request.UserIds.map((userId) => ({ UserId: userId, Online: state.isOnline(group, userId) })) };
  },

  CheckLiveMessageUsersOnline(state, request) {
    const record = state.requireApp(request.AppId, request.DataCenter);
    return { UserList: request.UserIds.map((userId) => ({ UserId: userId, Online: state.isOnlineInApp(record, userId) })) };
  },
};

const HANDLERS = { ...READ_HANDLERS, ...LIVE_WRITE_HANDLERS } as { [A in LiveMessageActionName]: Handler<A> };

export function runLiveMessageAction<A extends LiveMessageActionName>(
  action: A,
  dataset: LiveMessageDataset,
  request: LiveMessageActions[A]['request'],
  context: LiveActionContext,
): LiveMessageActions[A]['result'] {
  const state = context.state ?? new LiveMessageState(dataset, Date.now);
  return (HANDLERS[action] as Handler<A>)(state, request, context);
}
