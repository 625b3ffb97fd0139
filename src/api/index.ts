// The service layer's public API. Plain Node: nothing here imports `vscode`.
export * from './types';
export { ApiError, ClientErrorCode, REDACTED, redact, refusedBeforeActing, registerSecrets, type ApiErrorDetails } from './errors';
export {
  ACTION_KINDS,
  DEFAULT_TIMEOUT_MS,
  InteractiveMessagesClient,
  normalizeEndpoint,
  type CallOptions,
  type CallRecord,
  type ClientOptions,
} from './client';
export { DEFAULT_GUARD_MS, DEFAULT_RETRY_POLICY, RateLimiter, mayRetry, sharedLimiter, withRetries, type AccessKind, type RetryPolicy } from './limiter';
export {
  DEFAULT_MAX_CONCURRENCY,
  Pager,
  appPager,
  chooseConcurrency,
  groupPager,
  memberPager,
  messagePager,
  mutedMemberPager,
  type ListSource,
  type LoadAllOptions,
  type LoadAllResult,
  type Page,
  type PagerPage,
  type StopReason,
} from './pager';
export { withoutBigNumbers } from './response';
export { toWireParams, type WireParams } from './validation';
export {
  DEFAULT_MAX_TOKEN_PAGES,
  TokenPager,
  type TokenListSource,
  type TokenLoadAllOptions,
  type TokenLoadAllResult,
  type TokenPage,
  type TokenPagerPage,
  type TokenStopReason,
  type TokenWalkOptions,
} from './tokenPager';
export {
  liveAppPager,
  liveAppSource,
  liveGroupByPageSource,
  liveGroupPager,
  liveGroupSource,
  liveMemberPager,
  liveMemberSource,
  liveMessagePager,
  liveMessageSource,
  normalizeAdminList,
  normalizeToken,
} from './liveMessage';
