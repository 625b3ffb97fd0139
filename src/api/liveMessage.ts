// The LiveMessage* family's adapter: the one place that reads its paging spellings (HasMore / Hasmore,
// NextPageToken a number / NextpageToken a string, 0 = no next page) and turns its lists into sources for the
// pagers. Callers above src/api see TokenPage (hasMore, nextToken) and never the wire names of paging.
import type { InteractiveMessagesClient } from './client';
import type { ListSource, Page } from './paging';
import { TokenPager, type TokenListSource, type TokenPage } from './tokenPager';
import type {
  ActionName,
  ListLiveMessageAppsRequest,
  ListLiveMessageGroupByPageRequest,
  ListLiveMessageGroupMessagesRequest,
  ListLiveMessageGroupUsersRequest,
  ListLiveMessageGroupsRequest,
  LiveMessage,
  LiveMessageApp,
  LiveMessageGroup,
  LiveMessageUser,
} from './types';

/**
 * A token as the server sent it, as a string; undefined for "no next page": absent, empty, 0 or -1 (the
 * family's ways of saying so). An integer beyond 2^53 - 1 already arrives as its exact decimal string.
 */
export function normalizeToken(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? String(value) : undefined;
  if (typeof value === 'string') return value === '' || value === '0' || value === '-1' ? undefined : value;
  return undefined;
}

function tokenPage<Item>(items: Item[], hasMore: unknown, token: unknown, requestId: string): TokenPage<Item> {
  return { items, hasMore: hasMore === true, nextToken: hasMore === true ? normalizeToken(token) : undefined, requestId };
}

/** AdminList is string[] per the SDK model; a sample in the docs nests it ([["a","b"]]): both become string[]. */
export function normalizeAdminList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flat(Infinity).filter((id): id is string => typeof id === 'string');
}

function normalizeGroup<G extends LiveMessageGroup>(group: G): G {
  return { ...group, AdminList: normalizeAdminList(group.AdminList) };
}

function tokenSource<Item>(
  client: InteractiveMessagesClient,
  action: ActionName,
  fetch: (token: string | undefined, pageSize: number, signal?: AbortSignal) => Promise<TokenPage<Item>>,
  keyOf: (item: Item) => string,
): TokenListSource<Item> {
  return {
    fetchPage: fetch,
    keyOf,
    get callsPerSecond() {
      return client.callsPerSecondOf(action);
    },
    latencyMs: () => client.typicalLatencyMs,
  };
}

type Unpaged<R> = Omit<R, 'NextPageToken' | 'PageSize'>;

/** The account's LiveMessage apps (HasMore / NextPageToken number); the server chooses the page size. */
export function liveAppSource(client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageAppsRequest>): TokenListSource<LiveMessageApp> {
  return tokenSource(
    client,
    'ListLiveMessageApps',
    async (token, _pageSize, signal) => {
      const body = await client.listLiveMessageApps({ ...request, ...(token ? { NextPageToken: token } : {}) }, { signal });
      return tokenPage(body.AppList, body.HasMore, body.NextPageToken, body.RequestId);
    },
    (app) => app.AppId,
  );
}

/** Groups of an app (Hasmore / NextpageToken string); the server chooses the page size. */
export function liveGroupSource(client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageGroupsRequest>): TokenListSource<LiveMessageGroup> {
  return tokenSource(
    client,
    'ListLiveMessageGroups',
    async (token, _pageSize, signal) => {
      const body = await client.listLiveMessageGroups({ ...request, ...(token ? { NextPageToken: token } : {}) }, { signal });
      return tokenPage(body.GroupList.map(normalizeGroup), body.Hasmore, body.NextpageToken, body.RequestId);
    },
    (group) => group.GroupId,
  );
}

/** Members of a group (Hasmore / NextPageToken number, 0 = none); PageSize 10–50. Refused for a super group. */
export function liveMemberSource(client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageGroupUsersRequest>): TokenListSource<LiveMessageUser> {
  return tokenSource(
    client,
    'ListLiveMessageGroupUsers',
    async (token, PageSize, signal) => {
      const body = await client.listLiveMessageGroupUsers({ ...request, PageSize, ...(token ? { NextPageToken: token } : {}) }, { signal });
      return tokenPage(body.UserList, body.Hasmore, body.NextPageToken, body.RequestId);
    },
    (user) => user.UserId,
  );
}

/** Messages of a group, filterable by MsgType and BeginTime / EndTime (Hasmore / NextPageToken number); PageSize 10–50. */
export function liveMessageSource(client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageGroupMessagesRequest>): TokenListSource<LiveMessage> {
  return tokenSource(
    client,
    'ListLiveMessageGroupMessages',
    async (token, PageSize, signal) => {
      const body = await client.listLiveMessageGroupMessages({ ...request, PageSize, ...(token ? { NextPageToken: token } : {}) }, { signal });
      return tokenPage(body.MessageList, body.Hasmore, body.NextPageToken, body.RequestId);
    },
    (message) => message.MsgTid,
  );
}

/**
 * Groups of an app by page number (ListLiveMessageGroupByPage, the family's only GET): a ListSource for pager.ts.
 * PageNumber stops at 10000 (pager.ts's own bound is higher: a list of more than 10000 pages ends in an InvalidParameter).
 */
export function liveGroupByPageSource(
  client: InteractiveMessagesClient,
  request: Omit<ListLiveMessageGroupByPageRequest, 'PageNumber' | 'PageSize'>,
): ListSource<LiveMessageGroup> {
  return {
    async fetchPage(pageNum, pageSize, signal): Promise<Page<LiveMessageGroup>> {
      const body = await client.listLiveMessageGroupByPage({ ...request, PageNumber: pageNum, PageSize: pageSize }, { signal });
      return {
        pageNum,
        items: body.GroupList.map(normalizeGroup),
        hasMore: pageNum * pageSize < body.TotalCount,
        total: body.TotalCount,
        requestId: body.RequestId,
      };
    },
    keyOf: (group) => group.GroupId,
    get callsPerSecond() {
      return client.callsPerSecondOf('ListLiveMessageGroupByPage');
    },
    latencyMs: () => client.typicalLatencyMs,
  };
}

/** Token pagers over the sources above, at the family's largest page size (50). */
export const liveAppPager = (client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageAppsRequest>) => new TokenPager(liveAppSource(client, request));
export const liveGroupPager = (client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageGroupsRequest>) =>
  new TokenPager(liveGroupSource(client, request));
export const liveMemberPager = (client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageGroupUsersRequest>, pageSize?: number) =>
  new TokenPager(liveMemberSource(client, request), pageSize);
export const liveMessagePager = (client: InteractiveMessagesClient, request: Unpaged<ListLiveMessageGroupMessagesRequest>, pageSize?: number) =>
  new TokenPager(liveMessageSource(client, request), pageSize);
