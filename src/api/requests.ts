// The API request a tree row stands for, declared once per row and run here, whatever its family: a list request
// by the pager its action pages with (page numbers or tokens: pagerOf), an item request by one call (callOf). Copy
// as Code and Open as JSON write out the same request (wireParamsOf). List requests leave paging (PageNum,
// PageSize, NextPageToken) to whoever runs them.
import type { CallOptions, InteractiveMessagesClient } from './client';
import { liveAppPager, liveGroupPager, liveMemberPager, liveMessagePager } from './liveMessage';
import { appPager, groupPager, memberPager, messagePager, type Pager } from './pager';
import type { TokenPager } from './tokenPager';
import { toWireParams, type WireParams } from './validation';
import {
  LIMITS,
  type Actions,
  type GroupMember,
  type ListLiveMessageAppsRequest,
  type ListLiveMessageGroupMessagesRequest,
  type ListLiveMessageGroupUsersRequest,
  type ListLiveMessageGroupsRequest,
  type ListMessageAppRequest,
  type ListMessageGroupRequest,
  type ListMessageGroupUserRequest,
  type ListMessageRequest,
  type LiveMessage,
  type LiveMessageApp,
  type LiveMessageGroup,
  type LiveMessageUser,
  type Message,
  type MessageApp,
  type MessageGroup,
  type ResponseOf,
} from './types';

type Unpaged<R> = Omit<R, 'PageNum' | 'PageSize'>;
type TokenUnpaged<R> = Omit<R, 'NextPageToken' | 'PageSize'>;

/** Every list a row can stand for, of both families. */
export type ListRequest =
  | { action: 'ListMessageApp'; params: Unpaged<ListMessageAppRequest> }
  | { action: 'ListMessageGroup'; params: Unpaged<ListMessageGroupRequest> }
  | { action: 'ListMessageGroupUser'; params: Unpaged<ListMessageGroupUserRequest> }
  | { action: 'ListMessage'; params: Unpaged<ListMessageRequest> }
  | { action: 'ListLiveMessageApps'; params: TokenUnpaged<ListLiveMessageAppsRequest> }
  | { action: 'ListLiveMessageGroups'; params: TokenUnpaged<ListLiveMessageGroupsRequest> }
  | { action: 'ListLiveMessageGroupUsers'; params: TokenUnpaged<ListLiveMessageGroupUsersRequest> }
  | { action: 'ListLiveMessageGroupMessages'; params: TokenUnpaged<ListLiveMessageGroupMessagesRequest> };

export type ListAction = ListRequest['action'];
export type ListRequestFor<A extends ListAction> = Extract<ListRequest, { action: A }>;

/** What each list's pages hold. */
export interface ListItems {
  ListMessageApp: MessageApp;
  ListMessageGroup: MessageGroup;
  ListMessageGroupUser: GroupMember;
  ListMessage: Message;
  ListLiveMessageApps: LiveMessageApp;
  ListLiveMessageGroups: LiveMessageGroup;
  ListLiveMessageGroupUsers: LiveMessageUser;
  ListLiveMessageGroupMessages: LiveMessage;
}

/** The calls that read one object (or a few) rather than a list. */
export type ItemAction =
  | 'GetMessageApp'
  | 'GetMessageGroup'
  | 'ListMessageGroupUserById'
  | 'DescribeLiveMessageApp'
  | 'DescribeLiveMessageGroup'
  | 'DescribeLiveMessageGroupBand'
  | 'CheckLiveMessageUsersInGroup';

export type ItemRequest = { [A in ItemAction]: { action: A; params: Actions[A]['request'] } }[ItemAction];
export type ItemRequestFor<A extends ItemAction> = Extract<ItemRequest, { action: A }>;

export type NodeRequest = ListRequest | ItemRequest;

const LIST_ACTIONS: ReadonlySet<string> = new Set<ListAction>([
  'ListMessageApp',
  'ListMessageGroup',
  'ListMessageGroupUser',
  'ListMessage',
  'ListLiveMessageApps',
  'ListLiveMessageGroups',
  'ListLiveMessageGroupUsers',
  'ListLiveMessageGroupMessages',
]);

export function isListRequest(request: NodeRequest): request is ListRequest {
  return LIST_ACTIONS.has(request.action);
}

/** LiveMessage members and messages take PageSize 10–50: the page-size setting is kept within that range. */
export function liveMessagePageSize(pageSize: number): number {
  const { min, max } = LIMITS.liveMessage.listPageSize;
  return Math.min(max, Math.max(min, pageSize));
}

/** The pager that runs a list request: page numbers (legacy lists) or tokens (LiveMessage lists). */
export function pagerOf<R extends ListRequest>(
  client: InteractiveMessagesClient,
  request: R,
  pageSize: number,
): Pager<ListItems[R['action']]> | TokenPager<ListItems[R['action']]> {
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
  return pager as Pager<ListItems[R['action']]> | TokenPager<ListItems[R['action']]>;
}

/** Runs an item request: one call (the client validates, limits, retries and redacts as for every call). */
export function callOf<R extends ItemRequest>(client: InteractiveMessagesClient, request: R, options?: CallOptions): Promise<ResponseOf<R['action']>> {
  return client.call(request.action, request.params as never, options) as Promise<ResponseOf<R['action']>>;
}

/** The paging parameters of a list's first page, as its pager sends them. */
function firstPage(request: ListRequest, pageSize: number): Record<string, number> {
  switch (request.action) {
    case 'ListMessageApp':
    case 'ListMessageGroup':
    case 'ListMessageGroupUser':
    case 'ListMessage':
      return { PageNum: 1, PageSize: pageSize };
    case 'ListLiveMessageGroupUsers':
    case 'ListLiveMessageGroupMessages':
      return { PageSize: liveMessagePageSize(pageSize) };
    case 'ListLiveMessageApps':
    case 'ListLiveMessageGroups':
      return {}; // the server chooses the page size
  }
}

/** The parameters exactly as sent for the request's first page (lists) or its one call (items), in either family. */
export function wireParamsOf(request: NodeRequest, pageSize: number): WireParams {
  const params = isListRequest(request) ? { ...request.params, ...firstPage(request, pageSize) } : request.params;
  return toWireParams(request.action, params as never);
}
