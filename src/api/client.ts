// Typed calls of the Interactive Messages API (live 2016-11-01) over pop-core's RPCClient.
// Import the RPC client file, not the package root: the root also pulls in the ROA client and xml2js.
import type * as http from 'node:http';
import * as l10n from '@vscode/l10n';
import {
  ApiError,
  ClientErrorCode,
  cancelledError,
  errorFromServerBody,
  outcomeUnknownError,
  proxyRefusalError,
  refusedBeforeActing,
  registerSecrets,
  timeoutError,
  toApiError,
  type ErrorContext,
  type ProxyInUse,
} from './errors';
import { DEFAULT_RETRY_POLICY, sharedLimiter, withRetries, type AccessKind, type RateLimiter, type RetryPolicy } from './limiter';
import { configError, normalizeEndpoint } from './endpoint';
import { createProxyAgent, proxyRoute, registerProxySecrets, type ProxyRoute, type ProxySettings } from './proxy';
import { PROXY_ANSWER, type ProxyAnswer } from './proxyAnswer';
import { checkShape, withoutBigNumbers } from './response';
import {
  ACTION_INFO,
  API_VERSION,
  DEFAULT_ENDPOINT,
  LIMITS,
  type ActionName,
  type Actions,
  type AddLiveMessageGroupBandRequest,
  type ApiResponse,
  type BanLiveMessageGroupRequest,
  type BatchGetOnlineUsersRequest,
  type CancelMuteAllGroupUserRequest,
  type CancelMuteGroupUserRequest,
  type CheckLiveMessageUsersInGroupRequest,
  type CheckLiveMessageUsersOnlineRequest,
  type CreateLiveMessageGroupRequest,
  type CreateMessageGroupRequest,
  type DeleteLiveMessageGroupMessageRequest,
  type DeleteLiveMessageGroupRequest,
  type DescribeLiveMessageAppRequest,
  type DescribeLiveMessageGroupBandRequest,
  type DescribeLiveMessageGroupRequest,
  type GetMessageAppRequest,
  type GetMessageAppResult,
  type GetMessageGroupRequest,
  type GetMessageGroupResult,
  type HttpMethod,
  type JoinMessageGroupRequest,
  type KickLiveMessageGroupUserRequest,
  type LeaveMessageGroupRequest,
  type ListLiveMessageAppsRequest,
  type ListLiveMessageGroupByPageRequest,
  type ListLiveMessageGroupMessagesRequest,
  type ListLiveMessageGroupUsersRequest,
  type ListLiveMessageGroupsRequest,
  type ListMessageAppRequest,
  type ListMessageAppResult,
  type ListMessageGroupRequest,
  type ListMessageGroupResult,
  type ListMessageGroupUserByIdRequest,
  type ListMessageGroupUserByIdResult,
  type ListMessageGroupUserRequest,
  type ListMessageGroupUserResult,
  type ListMessageRequest,
  type ListMessageResult,
  type ListMuteGroupUserRequest,
  type ModifyLiveMessageAppDisableRequest,
  type ModifyLiveMessageGroupBandRequest,
  type ModifyLiveMessageGroupRequest,
  type MuteAllGroupUserRequest,
  type MuteGroupUserRequest,
  type RecoverLiveMessageDeletedGroupRequest,
  type RemoveLiveMessageGroupBandRequest,
  type ResponseOf,
  type SendLiveMessageGroupRequest,
  type SendLiveMessageUserRequest,
  type SendMessageToGroupRequest,
  type SendMessageToGroupUsersRequest,
  type UnbanLiveMessageGroupRequest,
  type UpdateMessageGroupRequest,
} from './types';
import { toWireParams, type WireParams } from './validation';

/** Whether an action only reads (from ACTION_INFO). Reads are retried on any transient failure, writes only when refused before the server acted. */
export const ACTION_KINDS: Readonly<Record<ActionName, AccessKind>> = Object.fromEntries(
  Object.entries(ACTION_INFO).map(([action, info]) => [action, info.kind]),
) as Record<ActionName, AccessKind>;

export { normalizeEndpoint };

export const DEFAULT_TIMEOUT_MS = 10_000;
const LATENCY_SAMPLES = 31;

/** One HTTP attempt, as reported to {@link ClientOptions.onCall}. Holds no credentials and no signature. */
export interface CallRecord {
  action: ActionName;
  /** The action's own parameters as sent (no AccessKeyId, Signature, SecurityToken, nonce or timestamp). */
  params: WireParams;
  /** From sending to the end of the answer (waiting for the rate limiter excluded). */
  durationMs: number;
  /** 1 for the first attempt of a call, 2 for its first retry... */
  attempt: number;
  requestId?: string;
  /** 'ok', or the ApiError code (e.g. 'Throttling.User', 'RequestTimeout', 'Cancelled'). */
  outcome: string;
  /** HTTP status, when known. */
  status?: number;
}

export interface ClientOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** For STS (temporary) credentials. */
  securityToken?: string;
  /** scheme://host[:port]; default https://live.aliyuncs.com. Plain http only for loopback hosts. */
  endpoint?: string;
  /** Per attempt: connecting, sending and reading the whole answer (default 10 000 ms). */
  timeoutMs?: number;
  /** For the legacy family, which accepts both (default GET). A LiveMessage action always uses its own (ACTION_INFO). */
  method?: HttpMethod;
  /**
   * Client-side limit per action for this AccessKey at this endpoint, shared by every client in the process
   * (default 100). Each action's documented limit (ACTION_INFO) caps it: LiveMessage actions run at most at 50/s,
   * its band actions at 10/s.
   */
  callsPerSecond?: number;
  /** Attempts per call, the first included (default 4); a write is sent again only after a refusal before the server acted. */
  maxAttempts?: number;
  /** Backoff between attempts (full jitter; defaults: 200 ms doubling, at most 3000 ms). */
  backoff?: Partial<Pick<RetryPolicy, 'startingDelayMs' | 'maxDelayMs'>>;
  /** Called once per HTTP attempt (for logging). Exceptions it throws are ignored. */
  onCall?: (record: CallRecord) => void;
  /**
   * VS Code's proxy settings and the proxy environment variables (see proxy.ts for how they are resolved). Without
   * them, as outside VS Code, every call goes directly to the endpoint.
   */
  proxy?: ProxySettings;
}

export interface CallOptions {
  /**
   * Stops waiting. A read is abandoned (Cancelled). A write is Cancelled while it waits for the rate limiter or a
   * backoff; once sent it is not taken back: the call rejects at once with OutcomeUnknown, and the request runs to
   * its end, its outcome reported through onCall.
   */
  signal?: AbortSignal;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw configError(`${name} must be an integer of at least 1; got ${String(value)}.`);
  return value;
}

/** pop-core's constructor takes a second, untyped argument: verbose mode returns [body, entry] with the status. */
type VerboseRpcClient = { request(action: string, params: object, options: object): Promise<[unknown, PopEntry]> };
type PopEntry = { response?: { statusCode?: number } };
type RpcConfig = { endpoint: string; apiVersion: string; accessKeyId: string; accessKeySecret: string; securityToken?: string };
type VerboseRpcClientClass = new (config: RpcConfig, verbose: boolean) => VerboseRpcClient;

let rpcClientClass: VerboseRpcClientClass | undefined;

/** pop-core, loaded on the first request rather than when the extension activates. */
function loadRpcClientClass(): VerboseRpcClientClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred require is what keeps activation cheap
  rpcClientClass ??= require('@alicloud/pop-core/lib/rpc') as VerboseRpcClientClass;
  return rpcClientClass;
}

/**
 * One client per set of credentials and endpoint; it keeps one RPCClient (and its keep-alive connections).
 * Every call validates its request first (an invalid one is never sent), waits for the AccessKey's shared rate
 * limiter of its action, and retries read calls on transient failures. A write is retried only when the server
 * refused it before acting (throttling); when its outcome is unknown (a timeout, a reset, a server failure) it
 * rejects with OutcomeUnknown and is never sent again.
 */
export class InteractiveMessagesClient {
  readonly endpoint: string;
  /** The method of legacy actions. */
  readonly method: HttpMethod;
  readonly timeoutMs: number;
  /** The proxy calls go through, when they do. */
  readonly proxy: ProxyInUse | undefined;
  // Private fields stay out of util.inspect and JSON.stringify: the RPCClient holds the secret, the route the
  // proxy's credentials.
  #rpc: VerboseRpcClient | undefined;
  readonly #route: ProxyRoute | undefined;
  /** Built with the RPCClient, on the first request; undefined for direct calls (pop-core's own keep-alive agent). */
  #proxyAgent: http.Agent | undefined;
  readonly #rpcConfig: RpcConfig;
  readonly #accessKeyId: string;
  readonly #callsPerSecond: number;
  readonly #limiters = new Map<ActionName, RateLimiter>();
  readonly #retry: RetryPolicy;
  readonly #onCall?: (record: CallRecord) => void;
  /** Durations of the latest answered attempts, for {@link typicalLatencyMs}. */
  readonly #recentLatencies: number[] = [];

  constructor(options: ClientOptions) {
    const { accessKeyId, accessKeySecret } = options;
    if (typeof accessKeyId !== 'string' || accessKeyId.trim() === '') throw configError(l10n.t('The AccessKey ID is missing.'));
    if (typeof accessKeySecret !== 'string' || accessKeySecret.trim() === '') throw configError(l10n.t('The AccessKey secret is missing.'));
    if (options.securityToken !== undefined && typeof options.securityToken !== 'string') throw configError(l10n.t('The security token must be a string.'));
    const securityToken = options.securityToken || undefined;
    registerSecrets(accessKeyId, accessKeySecret, securityToken);

    this.endpoint = normalizeEndpoint(options.endpoint ?? DEFAULT_ENDPOINT);
    const method = options.method ?? 'GET';
    // pop-core compares `opts.method === 'POST'` case-sensitively (a lowercase 'post' would be signed as POST
    // but sent as a GET-style URL), so only the exact values pass.
    if (method !== 'GET' && method !== 'POST') throw configError(`method must be 'GET' or 'POST'; got ${JSON.stringify(method)}.`);
    this.method = method;
    this.timeoutMs = positiveInteger('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.#callsPerSecond = positiveInteger('callsPerSecond', options.callsPerSecond, LIMITS.callsPerSecond);
    this.#retry = {
      maxAttempts: positiveInteger('maxAttempts', options.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts),
      startingDelayMs: options.backoff?.startingDelayMs ?? DEFAULT_RETRY_POLICY.startingDelayMs,
      maxDelayMs: options.backoff?.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    };
    this.#onCall = options.onCall;
    this.#route = proxyRoute(options.proxy, this.endpoint);
    if (this.#route) registerProxySecrets(this.#route);
    this.proxy = this.#route && { label: this.#route.label, source: this.#route.source };
    this.#accessKeyId = accessKeyId;
    this.#rpcConfig = { endpoint: this.endpoint, apiVersion: API_VERSION, accessKeyId, accessKeySecret, securityToken };
  }

  /** The configured client-side rate limit per action (legacy actions run at it). */
  get callsPerSecond(): number {
    return this.#callsPerSecond;
  }

  /** The client-side rate limit of `action`: the configured one, capped by the action's documented limit (ACTION_INFO). */
  callsPerSecondOf(action: ActionName): number {
    return Math.min(this.#callsPerSecond, ACTION_INFO[action].callsPerSecond);
  }

  /** The HTTP method `action` is sent with. */
  methodOf(action: ActionName): HttpMethod {
    return ACTION_INFO[action].method ?? this.method;
  }

  #limiterOf(action: ActionName): RateLimiter {
    let limiter = this.#limiters.get(action);
    if (!limiter) {
      limiter = sharedLimiter(this.#accessKeyId, this.endpoint, action, this.callsPerSecondOf(action));
      this.#limiters.set(action, limiter);
    }
    return limiter;
  }

  /**
   * Median duration of the latest answered HTTP attempts (limiter waits excluded); undefined before the first
   * answer. A median, so that a few slow answers (often caused by a burst of our own calls) do not inflate it.
   */
  get typicalLatencyMs(): number | undefined {
    if (this.#recentLatencies.length === 0) return undefined;
    const sorted = [...this.#recentLatencies].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  listMessageApp(request: ListMessageAppRequest, options?: CallOptions): Promise<ApiResponse<ListMessageAppResult>> {
    return this.call('ListMessageApp', request, options);
  }

  listMessageGroup(request: ListMessageGroupRequest, options?: CallOptions): Promise<ApiResponse<ListMessageGroupResult>> {
    return this.call('ListMessageGroup', request, options);
  }

  listMessageGroupUser(request: ListMessageGroupUserRequest, options?: CallOptions): Promise<ApiResponse<ListMessageGroupUserResult>> {
    return this.call('ListMessageGroupUser', request, options);
  }

  getMessageApp(request: GetMessageAppRequest, options?: CallOptions): Promise<ApiResponse<GetMessageAppResult>> {
    return this.call('GetMessageApp', request, options);
  }

  getMessageGroup(request: GetMessageGroupRequest, options?: CallOptions): Promise<ApiResponse<GetMessageGroupResult>> {
    return this.call('GetMessageGroup', request, options);
  }

  listMessageGroupUserById(request: ListMessageGroupUserByIdRequest, options?: CallOptions): Promise<ApiResponse<ListMessageGroupUserByIdResult>> {
    return this.call('ListMessageGroupUserById', request, options);
  }

  listMessage(request: ListMessageRequest, options?: CallOptions): Promise<ApiResponse<ListMessageResult>> {
    return this.call('ListMessage', request, options);
  }

  // The legacy family's writes and the reads they need (POST).

  listMuteGroupUser(request: ListMuteGroupUserRequest, options?: CallOptions): Promise<ResponseOf<'ListMuteGroupUser'>> {
    return this.call('ListMuteGroupUser', request, options);
  }

  batchGetOnlineUsers(request: BatchGetOnlineUsersRequest, options?: CallOptions): Promise<ResponseOf<'BatchGetOnlineUsers'>> {
    return this.call('BatchGetOnlineUsers', request, options);
  }

  sendMessageToGroup(request: SendMessageToGroupRequest, options?: CallOptions): Promise<ResponseOf<'SendMessageToGroup'>> {
    return this.call('SendMessageToGroup', request, options);
  }

  sendMessageToGroupUsers(request: SendMessageToGroupUsersRequest, options?: CallOptions): Promise<ResponseOf<'SendMessageToGroupUsers'>> {
    return this.call('SendMessageToGroupUsers', request, options);
  }

  muteAllGroupUser(request: MuteAllGroupUserRequest, options?: CallOptions): Promise<ResponseOf<'MuteAllGroupUser'>> {
    return this.call('MuteAllGroupUser', request, options);
  }

  cancelMuteAllGroupUser(request: CancelMuteAllGroupUserRequest, options?: CallOptions): Promise<ResponseOf<'CancelMuteAllGroupUser'>> {
    return this.call('CancelMuteAllGroupUser', request, options);
  }

  muteGroupUser(request: MuteGroupUserRequest, options?: CallOptions): Promise<ResponseOf<'MuteGroupUser'>> {
    return this.call('MuteGroupUser', request, options);
  }

  cancelMuteGroupUser(request: CancelMuteGroupUserRequest, options?: CallOptions): Promise<ResponseOf<'CancelMuteGroupUser'>> {
    return this.call('CancelMuteGroupUser', request, options);
  }

  createMessageGroup(request: CreateMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'CreateMessageGroup'>> {
    return this.call('CreateMessageGroup', request, options);
  }

  updateMessageGroup(request: UpdateMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'UpdateMessageGroup'>> {
    return this.call('UpdateMessageGroup', request, options);
  }

  joinMessageGroup(request: JoinMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'JoinMessageGroup'>> {
    return this.call('JoinMessageGroup', request, options);
  }

  leaveMessageGroup(request: LeaveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'LeaveMessageGroup'>> {
    return this.call('LeaveMessageGroup', request, options);
  }

  listLiveMessageApps(request: ListLiveMessageAppsRequest, options?: CallOptions): Promise<ResponseOf<'ListLiveMessageApps'>> {
    return this.call('ListLiveMessageApps', request, options);
  }

  describeLiveMessageApp(request: DescribeLiveMessageAppRequest, options?: CallOptions): Promise<ResponseOf<'DescribeLiveMessageApp'>> {
    return this.call('DescribeLiveMessageApp', request, options);
  }

  listLiveMessageGroups(request: ListLiveMessageGroupsRequest, options?: CallOptions): Promise<ResponseOf<'ListLiveMessageGroups'>> {
    return this.call('ListLiveMessageGroups', request, options);
  }

  listLiveMessageGroupByPage(request: ListLiveMessageGroupByPageRequest, options?: CallOptions): Promise<ResponseOf<'ListLiveMessageGroupByPage'>> {
    return this.call('ListLiveMessageGroupByPage', request, options);
  }

  describeLiveMessageGroup(request: DescribeLiveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'DescribeLiveMessageGroup'>> {
    return this.call('DescribeLiveMessageGroup', request, options);
  }

  listLiveMessageGroupUsers(request: ListLiveMessageGroupUsersRequest, options?: CallOptions): Promise<ResponseOf<'ListLiveMessageGroupUsers'>> {
    return this.call('ListLiveMessageGroupUsers', request, options);
  }

  listLiveMessageGroupMessages(request: ListLiveMessageGroupMessagesRequest, options?: CallOptions): Promise<ResponseOf<'ListLiveMessageGroupMessages'>> {
    return this.call('ListLiveMessageGroupMessages', request, options);
  }

  describeLiveMessageGroupBand(request: DescribeLiveMessageGroupBandRequest, options?: CallOptions): Promise<ResponseOf<'DescribeLiveMessageGroupBand'>> {
    return this.call('DescribeLiveMessageGroupBand', request, options);
  }

  checkLiveMessageUsersInGroup(request: CheckLiveMessageUsersInGroupRequest, options?: CallOptions): Promise<ResponseOf<'CheckLiveMessageUsersInGroup'>> {
    return this.call('CheckLiveMessageUsersInGroup', request, options);
  }

  // The LiveMessage family's online check and writes (POST).

  checkLiveMessageUsersOnline(request: CheckLiveMessageUsersOnlineRequest, options?: CallOptions): Promise<ResponseOf<'CheckLiveMessageUsersOnline'>> {
    return this.call('CheckLiveMessageUsersOnline', request, options);
  }

  sendLiveMessageGroup(request: SendLiveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'SendLiveMessageGroup'>> {
    return this.call('SendLiveMessageGroup', request, options);
  }

  sendLiveMessageUser(request: SendLiveMessageUserRequest, options?: CallOptions): Promise<ResponseOf<'SendLiveMessageUser'>> {
    return this.call('SendLiveMessageUser', request, options);
  }

  deleteLiveMessageGroupMessage(request: DeleteLiveMessageGroupMessageRequest, options?: CallOptions): Promise<ResponseOf<'DeleteLiveMessageGroupMessage'>> {
    return this.call('DeleteLiveMessageGroupMessage', request, options);
  }

  banLiveMessageGroup(request: BanLiveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'BanLiveMessageGroup'>> {
    return this.call('BanLiveMessageGroup', request, options);
  }

  unbanLiveMessageGroup(request: UnbanLiveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'UnbanLiveMessageGroup'>> {
    return this.call('UnbanLiveMessageGroup', request, options);
  }

  addLiveMessageGroupBand(request: AddLiveMessageGroupBandRequest, options?: CallOptions): Promise<ResponseOf<'AddLiveMessageGroupBand'>> {
    return this.call('AddLiveMessageGroupBand', request, options);
  }

  removeLiveMessageGroupBand(request: RemoveLiveMessageGroupBandRequest, options?: CallOptions): Promise<ResponseOf<'RemoveLiveMessageGroupBand'>> {
    return this.call('RemoveLiveMessageGroupBand', request, options);
  }

  modifyLiveMessageGroupBand(request: ModifyLiveMessageGroupBandRequest, options?: CallOptions): Promise<ResponseOf<'ModifyLiveMessageGroupBand'>> {
    return this.call('ModifyLiveMessageGroupBand', request, options);
  }

  kickLiveMessageGroupUser(request: KickLiveMessageGroupUserRequest, options?: CallOptions): Promise<ResponseOf<'KickLiveMessageGroupUser'>> {
    return this.call('KickLiveMessageGroupUser', request, options);
  }

  createLiveMessageGroup(request: CreateLiveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'CreateLiveMessageGroup'>> {
    return this.call('CreateLiveMessageGroup', request, options);
  }

  modifyLiveMessageGroup(request: ModifyLiveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'ModifyLiveMessageGroup'>> {
    return this.call('ModifyLiveMessageGroup', request, options);
  }

  deleteLiveMessageGroup(request: DeleteLiveMessageGroupRequest, options?: CallOptions): Promise<ResponseOf<'DeleteLiveMessageGroup'>> {
    return this.call('DeleteLiveMessageGroup', request, options);
  }

  recoverLiveMessageDeletedGroup(request: RecoverLiveMessageDeletedGroupRequest, options?: CallOptions): Promise<ResponseOf<'RecoverLiveMessageDeletedGroup'>> {
    return this.call('RecoverLiveMessageDeletedGroup', request, options);
  }

  modifyLiveMessageAppDisable(request: ModifyLiveMessageAppDisableRequest, options?: CallOptions): Promise<ResponseOf<'ModifyLiveMessageAppDisable'>> {
    return this.call('ModifyLiveMessageAppDisable', request, options);
  }

  /** Any action by name: validate, then send with its method, under its rate limit, with the retries its kind allows. */
  async call<A extends ActionName>(action: A, request: Actions[A]['request'], options: CallOptions = {}): Promise<ResponseOf<A>> {
    const params = toWireParams(action, request);
    const { signal } = options;
    const kind = ACTION_KINDS[action];
    // A write's attempt in flight, between sending and its outcome: an abort then leaves its outcome unknown.
    const inFlight = { sent: false };
    return withRetries((attempt) => this.#attempt(action, params, attempt, signal, inFlight), {
      policy: this.#retry,
      kind,
      action,
      signal,
      abortError: () => (kind === 'write' && inFlight.sent ? outcomeUnknownError(action, 'cancelled') : cancelledError(action)),
    }) as Promise<ResponseOf<A>>;
  }

  async #attempt(action: ActionName, params: WireParams, attempt: number, signal: AbortSignal | undefined, inFlight: { sent: boolean }): Promise<unknown> {
    const release = await this.#limiterOf(action).acquire(signal, action);
    if (signal?.aborted) {
      // Aborted just as the slot was granted.
      release();
      throw cancelledError(action);
    }
    const isWrite = ACTION_KINDS[action] === 'write';
    const context: ErrorContext = { action, endpoint: this.endpoint, timeoutMs: this.timeoutMs, ...(this.proxy ? { proxy: this.proxy } : {}) };
    const answer: ProxyAnswer = {};
    // One controller per attempt: it ends the HTTP request on our timeout, and for a read on the caller's abort too
    // (a write once sent runs to its end, so that its outcome is known and logged).
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort();
    if (!isWrite) signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const started = performance.now();
    let status: number | undefined;
    let requestId: string | undefined;
    let outcome = 'ok';
    try {
      this.#rpc ??= new (loadRpcClientClass())(this.#rpcConfig, true);
      if (this.#route) this.#proxyAgent ??= createProxyAgent(this.#route, this.endpoint);
      inFlight.sent = true;
      const sending = this.#rpc.request(
        action,
        { ...params },
        {
          method: this.methodOf(action),
          // httpx's own timeouts are a backstop; ours (the timer above) is the one that normally fires.
          timeout: this.timeoutMs + 1000,
          formatParams: false,
          // pop-core uses its own keep-alive agent unless given one.
          ...(this.#proxyAgent ? { agent: this.#proxyAgent } : {}),
          // The endpoint's certificate, when http.proxyStrictSSL is off for calls through the proxy.
          ...(this.#route?.strictSSL === false ? { rejectUnauthorized: false } : {}),
          // Passing `headers` would REPLACE pop-core's default headers, so none are passed. The signal reaches
          // http.request through httpx's beforeRequest hook, and so does the proxy agents' note of the attempt.
          beforeRequest: (httpOptions: object) => ({ ...httpOptions, signal: controller.signal, [PROXY_ANSWER]: answer }),
        },
      );
      const [rawBody, entry] = await untilAborted(sending, controller.signal);
      status = entry?.response?.statusCode;
      const body = withoutBigNumbers(rawBody);
      if (status !== undefined && status >= 400) {
        // pop-core returns any JSON without a Code as a success, whatever the HTTP status.
        throw httpStatusError(action, status, body);
      }
      requestId = checkShape(action, body, status);
      this.#recordLatency(performance.now() - started);
      return body;
    } catch (thrown) {
      let error: ApiError;
      if (!isWrite && signal?.aborted) error = cancelledError(action);
      else if (timedOut) error = timeoutError(context);
      else if (answer.proxyStatus !== undefined && this.proxy) error = proxyRefusalError(answer.proxyStatus, context, this.proxy);
      else error = toApiError(thrown, context);
      status ??= error.status;
      requestId ??= error.requestId;
      // The log says what happened on the wire (RequestTimeout, ECONNRESET...); the caller learns what it means.
      outcome = error.code;
      if (error.status !== undefined) this.#recordLatency(performance.now() - started);
      throw isWrite && !refusedBeforeActing(error) ? outcomeUnknownError(action, error) : error;
    } finally {
      inFlight.sent = false;
      release();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
      this.#report({ action, params: { ...params }, durationMs: performance.now() - started, attempt, requestId, outcome, status });
    }
  }

  #recordLatency(ms: number): void {
    this.#recentLatencies.push(ms);
    if (this.#recentLatencies.length > LATENCY_SAMPLES) this.#recentLatencies.shift();
  }

  #report(record: CallRecord): void {
    if (!this.#onCall) return;
    if (record.requestId === undefined) delete record.requestId;
    if (record.status === undefined) delete record.status;
    try {
      this.#onCall(record);
    } catch {
      // A logging hook must not break the call.
    }
  }
}

function httpStatusError(action: ActionName, status: number, body: unknown): ApiError {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof fields.Code === 'string') return errorFromServerBody(fields, status, action);
  return new ApiError({
    code: ClientErrorCode.HttpError,
    status,
    action,
    requestId: typeof fields.RequestId === 'string' ? fields.RequestId : undefined,
    retryable: status >= 500 || status === 429,
    message:
      status >= 500
        ? l10n.t('{0}: the server answered HTTP {1} without an error code (a server-side failure).', action, status)
        : l10n.t('{0}: the server answered HTTP {1} without an error code.', action, status),
  });
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (the body read is not always interrupted). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
