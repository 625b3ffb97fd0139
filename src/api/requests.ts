// The API request a tree node stands for, declared once per node: the pager pages it, Copy as Code writes it out
// and Open as JSON shows it. List requests leave paging (PageNum, PageSize) to whoever runs them.
import type { InteractiveMessagesClient } from './client';
import { liveAppPager, liveGroupPager, liveMemberPager, liveMessagePager } from './liveMessage';
import { appPager, groupPager, memberPager, messagePager, type Pager } from './pager';
import type { TokenPager } from './tokenPager';
import { toWireParams } from './validation';
import {
  LIMITS,
  type CheckLiveMessageUsersInGroupRequest,
  type DescribeLiveMessageAppRequest,
  type DescribeLiveMessageGroupBandRequest,
  type DescribeLiveMessageGroupRequest,
  type ListLiveMessageAppsRequest,
  type ListLiveMessageGroupMessagesRequest,
  type ListLiveMessageGroupUsersRequest,
  type ListLiveMessageGroupsRequest,
  type LiveMessage,
  type LiveMessageApp,
  type LiveMessageGroup,
  type LiveMessageUser,
} from './types';
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

// ---------------------------------------------------------------------------------------------------------------
// The LiveMessage* family: token lists (the token pager runs them) and single calls. Its list requests leave
// NextPageToken and PageSize to whoever runs them.

type TokenUnpaged<R> = Omit<R, 'NextPageToken' | 'PageSize'>;

export type LiveMessageListRequest =
  | { action: 'ListLiveMessageApps'; params: TokenUnpaged<ListLiveMessageAppsRequest> }
  | { action: 'ListLiveMessageGroups'; params: TokenUnpaged<ListLiveMessageGroupsRequest> }
  | { action: 'ListLiveMessageGroupUsers'; params: TokenUnpaged<ListLiveMessageGroupUsersRequest> }
  | { action: 'ListLiveMessageGroupMessages'; params: TokenUnpaged<ListLiveMessageGroupMessagesRequest> };

export type LiveMessageItemRequest =
  | { action: 'DescribeLiveMessageApp'; params: DescribeLiveMessageAppRequest }
  | { action: 'DescribeLiveMessageGroup'; params: DescribeLiveMessageGroupRequest }
  | { action: 'DescribeLiveMessageGroupBand'; params: DescribeLiveMessageGroupBandRequest }
  | { action: 'CheckLiveMessageUsersInGroup'; params: CheckLiveMessageUsersInGroupRequest };

export type LiveMessageNodeRequest = LiveMessageListRequest | LiveMessageItemRequest;

/** What each LiveMessage list request's pages hold. */
export interface LiveMessageListItems {
  ListLiveMessageApps: LiveMessageApp;
  ListLiveMessageGroups: LiveMessageGroup;
  ListLiveMessageGroupUsers: LiveMessageUser;
  ListLiveMessageGroupMessages: LiveMessage;
}

const LIVE_MESSAGE_LISTS: ReadonlySet<string> = new Set<keyof LiveMessageListItems>([
  'ListLiveMessageApps',
  'ListLiveMessageGroups',
  'ListLiveMessageGroupUsers',
  'ListLiveMessageGroupMessages',
]);

export function isLiveMessageListRequest(request: LiveMessageNodeRequest): request is LiveMessageListRequest {
  return LIVE_MESSAGE_LISTS.has(request.action);
}

/** Members and messages take PageSize 10–50: a smaller page-size setting is raised to 10. */
export function liveMessagePageSize(pageSize: number): number {
  const { min, max } = LIMITS.liveMessage.listPageSize;
  return Math.min(max, Math.max(min, pageSize));
}

/** The token pager that runs a LiveMessage list request (apps and groups: the server chooses the page size). */
export function tokenPagerFor<R extends LiveMessageListRequest>(
  client: InteractiveMessagesClient,
  request: R,
  pageSize: number,
): TokenPager<LiveMessageListItems[R['action']]> {
  const pager = (() => {
    switch (request.action) {
      case 'ListLiveMessageApps':
        return liveAppPager(client, request.params);
      case 'ListLiveMessageGroups':
        return liveGroupPager(client, request.params);
      case 'ListLiveMessageGroupUsers':
        return liveMemberPager(client, request.params, liveMessagePageSize(pageSize));
      case 'ListLiveMessageGroupMessages':
        return liveMessagePager(client, request.params, liveMessagePageSize(pageSize));
    }
  })();
  return pager as TokenPager<LiveMessageListItems[R['action']]>;
}

/** The parameters exactly as sent for the request's first page (lists) or its one call: for Copy as Code and Open as JSON. */
export function liveMessageWireParams(request: LiveMessageNodeRequest, pageSize: number): Record<string, string> {
  const paged = request.action === 'ListLiveMessageGroupUsers' || request.action === 'ListLiveMessageGroupMessages';
  const params = paged ? { ...request.params, PageSize: liveMessagePageSize(pageSize) } : request.params;
  return toWireParams(request.action, params as never);
}
