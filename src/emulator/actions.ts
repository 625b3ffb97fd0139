// One handler per legacy action (the LiveMessage* family: liveActions.ts): validated request in, Result out (shapes as in seeds/ and api-notes.md).
import type { LegacyActionName as ActionName, LegacyActions as Actions, MessageApp, MessageGroup, SortType } from '../api/types';
import type { AppRecord, Dataset, GroupRecord } from './dataset';
import { ApiFailure } from './errors';

export interface ActionContext {
  /** Members that leave (and join) each time a page of a group's members is served. */
  churnPerPage: number;
}

type Handler<A extends ActionName> = (dataset: Dataset, request: Actions[A]['request'], context: ActionContext) => Actions[A]['result'];

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

function requireApp(dataset: Dataset, appId: string): AppRecord {
  const app = dataset.app(appId);
  if (!app) {
    throw new ApiFailure('InvalidAppId.NotFound', `The specified AppId "${appId}" does not exist.`);
  }
  return app;
}

function requireGroup(dataset: Dataset, appId: string, groupId: string): GroupRecord {
  const group = dataset.group(requireApp(dataset, appId), groupId);
  if (!group) {
    throw new ApiFailure('InvalidGroupId.NotFound', `The specified GroupId "${groupId}" does not exist in app "${appId}".`);
  }
  return group;
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

function groupView(group: GroupRecord): MessageGroup {
  return {
    GroupId: group.GroupId,
    AppId: group.AppId,
    CreateTime: group.CreateTime,
    Status: group.Status,
    CreatorId: group.CreatorId,
    Extension: { ...group.Extension },
  };
}

export const HANDLERS: { [A in ActionName]: Handler<A> } = {
  ListMessageApp(dataset, request) {
    const apps = dataset.apps;
    const { items, hasMore } = page(apps.length, request.PageNum, request.PageSize, request.SortType, (i) => appView(apps[i]));
    return { AppList: items, HasMore: hasMore, Total: apps.length };
  },

  ListMessageGroup(dataset, request) {
    const groups = dataset.groupsOf(requireApp(dataset, request.AppId), request.UserId);
    const { items, hasMore } = page(groups.length, request.PageNum, request.PageSize, request.SortType, (i) => groupView(groups[i]));
    return { GroupList: items, HasMore: hasMore, Total: groups.length };
  },

  ListMessageGroupUser(dataset, request, context) {
    const group = requireGroup(dataset, request.AppId, request.GroupId);
    const { items, hasMore } = page(group.size, request.PageNum, request.PageSize, request.SortType, (i) => dataset.memberAt(group, i));
    dataset.churn(group, context.churnPerPage);
    return { HasMore: hasMore, Total: group.size, UserList: items };
  },

  GetMessageApp(dataset, request) {
    return appView(requireApp(dataset, request.AppId));
  },

  GetMessageGroup(dataset, request) {
    const group = requireGroup(dataset, request.AppId, request.GroupId);
    return {
      GroupId: group.GroupId,
      CreatorId: group.CreatorId,
      CreateTime: group.CreateTime,
      Status: group.Status,
      IsMuteAll: group.IsMuteAll,
      Extension: { ...group.Extension },
    };
  },

  ListMessageGroupUserById(dataset, request) {
    const group = requireGroup(dataset, request.AppId, request.GroupId);
    const users = [];
    // Ids that are not (or no longer) members are left out, not reported as errors.
    for (const userId of new Set(request.UserIdList)) {
      const index = dataset.findMember(group, userId);
      if (index !== undefined) {
        users.push(dataset.memberDetail(group, index));
      }
    }
    return { HasMore: false, Total: users.length, UserList: users };
  },

  ListMessage(dataset, request) {
    const group = requireGroup(dataset, request.AppId, request.GroupId);
    let positions = Array.from({ length: group.messageCount }, (_, j) => j);
    if (request.Type !== undefined) {
      positions = positions.filter((j) => dataset.messageAt(group, j).Type === request.Type);
    }
    const { items, hasMore } = page(positions.length, request.PageNum, request.PageSize, request.SortType, (i) => dataset.messageAt(group, positions[i]));
    return { HasMore: hasMore, MessageList: items };
  },
};

export function runAction<A extends ActionName>(action: A, dataset: Dataset, request: Actions[A]['request'], context: ActionContext): Actions[A]['result'] {
  return (HANDLERS[action] as Handler<A>)(dataset, request, context);
}
