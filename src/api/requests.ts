// The API request a tree node stands for, declared once per node: the pager pages it, Copy as Code writes it out
// and Open as JSON shows it. List requests leave paging (PageNum, PageSize) to whoever runs them.
import type { InteractiveMessagesClient } from './client';
import { appPager, groupPager, memberPager, messagePager, type Pager } from './pager';
import type {
  GetMessageAppRequest,
  GetMessageGroupRequest,
  GroupMember,
  ListMessageAppRequest,
  ListMessageGroupRequest,
  ListMessageGroupUserRequest,
  ListMessageRequest,
  Message,
  MessageApp,
  MessageGroup,
} from './types';

type Unpaged<R> = Omit<R, 'PageNum' | 'PageSize'>;

export type ListRequest =
  | { action: 'ListMessageApp'; params: Unpaged<ListMessageAppRequest> }
  | { action: 'ListMessageGroup'; params: Unpaged<ListMessageGroupRequest> }
  | { action: 'ListMessageGroupUser'; params: Unpaged<ListMessageGroupUserRequest> }
  | { action: 'ListMessage'; params: Unpaged<ListMessageRequest> };

export type ListRequestFor<A extends ListRequest['action']> = Extract<ListRequest, { action: A }>;

export type ItemRequest =
  | { action: 'GetMessageApp'; params: GetMessageAppRequest }
  | { action: 'GetMessageGroup'; params: GetMessageGroupRequest }
  | { action: 'ListMessageGroupUserById'; params: { AppId: string; GroupId: string; UserIdList: string[] } };

export type NodeRequest = ListRequest | ItemRequest;

/** What each list request's pages hold. */
export interface ListItems {
  ListMessageApp: MessageApp;
  ListMessageGroup: MessageGroup;
  ListMessageGroupUser: GroupMember;
  ListMessage: Message;
}

const LIST_ACTIONS: ReadonlySet<string> = new Set<keyof ListItems>(['ListMessageApp', 'ListMessageGroup', 'ListMessageGroupUser', 'ListMessage']);

export function isListRequest(request: NodeRequest): request is ListRequest {
  return LIST_ACTIONS.has(request.action);
}

/** The pager that runs a list request, page by page. */
export function pagerFor<R extends ListRequest>(client: InteractiveMessagesClient, request: R, pageSize: number): Pager<ListItems[R['action']]> {
  const pager = (() => {
    switch (request.action) {
      case 'ListMessageApp':
        return appPager(client, request.params, pageSize);
      case 'ListMessageGroup':
        return groupPager(client, request.params, pageSize);
      case 'ListMessageGroupUser':
        return memberPager(client, request.params, pageSize);
      case 'ListMessage':
        return messagePager(client, request.params, pageSize);
    }
  })();
  return pager as Pager<ListItems[R['action']]>;
}

/** The parameters as sent on the wire for the request's first page (lists) or its one call (items). */
export function wireParams(request: NodeRequest, pageSize: number): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(request.params)) {
    if (value === undefined) continue;
    params[key] = Array.isArray(value) ? value.join(',') : (value as string | number);
  }
  if (isListRequest(request)) {
    params.PageNum = 1;
    params.PageSize = pageSize;
  }
  return params;
}
