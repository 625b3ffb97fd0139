// One handler per legacy action (the LiveMessage* family: liveActions.ts): validated request in, Result out (shapes as in seeds/ and api-notes.md).
// The reads are here; the writes are in legacyWrites.ts. Both see the data through LegacyState: the seed's data and
// what writes changed.
import type { LegacyActionName as ActionName, LegacyActions as Actions, MessageApp, MessageGroup, SortType } from '../api/types';
import type { AppRecord, Dataset, GroupRecord } from './dataset';
import { LegacyState } from './legacyState';
import type { ListView } from './listView';
import { LEGACY_WRITE_HANDLERS, type LegacyWriteAction } from './legacyWrites';
import { NO_MOVE, type MembershipMove } from './membership';

export interface ActionContext {
  /** How the group's members move once a page of them has been served. */
  memberPageServed(groupId: string): MembershipMove;
  /** What writes changed, kept by the emulator instance; absent: the seed's data alone (and a write changes nothing kept). */
  state?: LegacyState;
}

/** Nothing moves, and nothing written is kept. */
export const STILL: ActionContext = { memberPageServed: () => NO_MOVE };

type Handler<A extends ActionName> = (state: LegacyState, request: Actions[A]['request'], context: ActionContext) => Actions[A]['result'];

interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** Page `pageNum` of `total` items; `at(i)` gives item i in ascending time order. Past the end: empty. */
function page<T>(total: number, pageNum: number, pageSize: number, sortType: SortType | undefined, at: (i: number) => T): Page<T> {
  const start = (pageNum - 1) * pageSize;
  const end = Math.min(total, start + pageSize);
  const items: T[] = [];
  for (let k = start; k < end; k++) {
    items.push(at(sortType === 1 ? total - 1 - k : k));
  }
  return { items, hasMore: end < total };
}

function appView(app: AppRecord): MessageApp {
  return {
    AppId: app.AppId,
    AppName: app.AppName,
    CreateTime: app.CreateTime,
    Status: app.Status,
    AppConfig: { ...app.AppConfig },
    Extension: { ...app.Extension },
  };
}

function groupView(state: LegacyState, group: GroupRecord): MessageGroup {
  return {
    GroupId: group.GroupId,
    AppId: group.AppId,
    CreateTime: group.CreateTime,
    Status: group.Status,
    CreatorId: group.CreatorId,
    Extension: state.extension(group),
  };
}

function pageOf<T>(view: ListView<T>, request: { PageNum: number; PageSize: number; SortType?: SortType }): Page<T> {
  return page(view.total, request.PageNum, request.PageSize, request.SortType, (i) => view.at(i));
}

type ReadAction = Exclude<ActionName, LegacyWriteAction>;

const READ_HANDLERS: { [A in ReadAction]: Handler<A> } = {
  ListMessageApp(state, request) {
    const apps = state.dataset.apps;
    const { items, hasMore } = page(apps.length, request.PageNum, request.PageSize, request.SortType, (i) => appView(apps[i]));
    return { AppList: items, HasMore: hasMore, Total: apps.length };
  },

  ListMessageGroup(state, request) {
    const groups = state.groupsOf(state.requireApp(request.AppId), request.UserId);
    const { items, hasMore } = page(groups.length, request.PageNum, request.PageSize, request.SortType, (i) => groupView(state, groups[i]));
    return { GroupList: items, HasMore: hasMore, Total: groups.length };
  },

  ListMessageGroupUser(state, request, context) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    const members = state.members(group);
    const { items, hasMore } = pageOf(members, request);
    state.dataset.memberPageServed(group, context.memberPageServed(group.GroupId));
    return { HasMore: hasMore, Total: members.total, UserList: items };
  },

  GetMessageApp(state, request) {
    return appView(state.requireApp(request.AppId));
  },

  GetMessageGroup(state, request) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    return {
      GroupId: group.GroupId,
      CreatorId: group.CreatorId,
      CreateTime: group.CreateTime,
      Status: group.Status,
      IsMuteAll: state.isMuteAll(group),
      Extension: state.extension(group),
    };
  },

  ListMessageGroupUserById(state, request) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    const users = [];
    // Ids that are not (or no longer) members are left out, not reported as errors.
    for (const userId of new Set(request.UserIdList)) {
      const detail = state.memberDetail(group, userId);
      if (detail) {
        users.push(detail);
      }
    }
    return { HasMore: false, Total: users.length, UserList: users };
  },

  ListMessage(state, request) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    const messages = state.messages(group);
    let positions = Array.from({ length: messages.total }, (_, j) => j);
    if (request.Type !== undefined) {
      positions = positions.filter((j) => messages.at(j).Type === request.Type);
    }
    const { items, hasMore } = page(positions.length, request.PageNum, request.PageSize, request.SortType, (i) => messages.at(positions[i]));
    return { HasMore: hasMore, MessageList: items };
  },

  ListMuteGroupUser(state, request) {
    const users = state.mutedUsers(state.requireGroup(request.AppId, request.GroupId));
    const { items, hasMore } = page(users.length, request.PageNum, request.PageSize, undefined, (i) => ({ UserId: users[i] }));
    return { HasMore: hasMore, Total: users.length, UserList: items };
  },

  BatchGetOnlineUsers(state, request) {
    const group = state.requireGroup(request.AppId, request.GroupId);
    // The emulator's choice: an id that is not a member is answered Online false, JoinTime 0.
    return { OnlineUsers: [...new Set(request.UserIds)].map((UserId) => ({ UserId, ...state.onlineState(group, UserId) })) };
  },
};

const HANDLERS = { ...READ_HANDLERS, ...LEGACY_WRITE_HANDLERS } as { [A in ActionName]: Handler<A> };

export function runAction<A extends ActionName>(action: A, dataset: Dataset, request: Actions[A]['request'], context: ActionContext): Actions[A]['result'] {
  const state = context.state ?? new LegacyState(dataset, Date.now);
  return (HANDLERS[action] as Handler<A>)(state, request, context);
}
