// The request pipeline, in the order a real API gateway checks things:
// common parameters -> AccessKey -> STS token -> signature -> nonce replay -> action -> RAM -> QPS limit
// -> injected faults -> action parameters -> data. No I/O here: server.ts sends what this decides.
import { ACTION_INFO, isLiveMessageAction, type ActionName } from '../api/types';
import { runAction } from './actions';
import type { Dataset } from './dataset';
import type { LegacyState } from './legacyState';
import { runLiveMessageAction } from './liveActions';
import type { LiveMessageDataset } from './liveDataset';
import type { LiveMessageState } from './liveState';
import { ApiFailure, errorBody, missing, newRequestId } from './errors';
import type { FaultInjector } from './faults';
import type { EmulatorKey } from './keys';
import { isAction, parseFormEncoded, readActionParams } from './params';
import { NonceCache } from './replay';
import { computeSignature, signaturesMatch, stringToSign } from './signature';
import type { StatsRecorder } from './stats';
import { RateLimiter } from './throttle';

export const API_VERSION = '2016-11-01';
const MAX_SKEW_MS = 15 * 60 * 1000;

export interface ApiRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Raw query string, without '?'. */
  query: string;
  /** Raw body when the request is a form POST. */
  form?: string;
}

export type Answer =
  { kind: 'json'; status: number; body: string; requestId: string; code: string } | { kind: 'html502' } | { kind: 'hang' } | { kind: 'reset' };

export interface Decision {
  answer: Answer;
  /** Injected latency before the answer. */
  delayMs: number;
  action?: string;
}

export interface GatewayOptions {
  dataset: Dataset;
  liveMessage: LiveMessageDataset;
  /** What writes changed, per emulator instance. */
  legacyState: LegacyState;
  liveMessageState: LiveMessageState;
  keys: readonly EmulatorKey[];
  /** Accepted calls per action and AccessKey per sliding second, legacy family; 0 = unlimited (every action). */
  qps: number;
  /** The same for the LiveMessage* family (documented: 50); 0 = unlimited (every action of the family). */
  liveMessageQps: number;
  clock: () => number;
  faults: FaultInjector;
  stats: StatsRecorder;
}

const TIMESTAMP = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z$/;

/** Milliseconds for a strict yyyy-MM-ddTHH:mm:ssZ that names a real instant, else undefined. */
export function parseTimestamp(value: string): number | undefined {
  const match = TIMESTAMP.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return same ? ms : undefined;
}

interface CommonParams {
  action: string;
  accessKeyId: string;
  signatureNonce: string;
  signature: string;
  timestampMs: number;
}

function required(params: ReadonlyMap<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') {
    throw missing(name);
  }
  return value;
}

function checkCommonParams(params: ReadonlyMap<string, string>, now: number): CommonParams {
  const action = required(params, 'Action');
  if (required(params, 'Version') !== API_VERSION) {
    throw new ApiFailure('InvalidVersion', `Specified parameter Version "${params.get('Version')}" is not valid.`);
  }
  // Assumption: the real service also answers XML (its default); the emulator speaks JSON only.
  if (required(params, 'Format').toUpperCase() !== 'JSON') {
    throw new ApiFailure('InvalidParameter', 'The specified parameter "Format" is not valid. The emulator supports JSON only.');
  }
  const accessKeyId = required(params, 'AccessKeyId');
  if (required(params, 'SignatureMethod') !== 'HMAC-SHA1') {
    throw new ApiFailure('InvalidParameter', 'The specified parameter "SignatureMethod" is not valid. Use HMAC-SHA1.');
  }
  if (required(params, 'SignatureVersion') !== '1.0') {
    throw new ApiFailure('InvalidParameter', 'The specified parameter "SignatureVersion" is not valid. Use 1.0.');
  }
  const signatureNonce = required(params, 'SignatureNonce');
  const timestampMs = parseTimestamp(required(params, 'Timestamp'));
  if (timestampMs === undefined) {
    throw new ApiFailure('InvalidTimeStamp.Format');
  }
  if (Math.abs(now - timestampMs) > MAX_SKEW_MS) {
    throw new ApiFailure('InvalidTimeStamp.Expired');
  }
  const signature = required(params, 'Signature');
  return { action, accessKeyId, signatureNonce, signature, timestampMs };
}

const TOKEN_SHAPE = /^[A-Za-z0-9+/=]{16,}$/;

/** The STS token must be resolved before the signature can be checked (it tells which secret applies). */
function checkSecurityToken(key: EmulatorKey, token: string | undefined): void {
  const sent = token !== undefined && token !== '';
  if (key.securityToken === undefined) {
    if (sent) {
      throw new ApiFailure('InvalidSecurityToken.MismatchWithAccessKey');
    }
    return;
  }
  if (!sent) {
    throw new ApiFailure('MissingSecurityToken');
  }
  if (!TOKEN_SHAPE.test(token)) {
    throw new ApiFailure('InvalidSecurityToken.Malformed');
  }
  if (!signaturesMatch(key.securityToken, token)) {
    throw new ApiFailure('InvalidSecurityToken.MismatchWithAccessKey');
  }
  if (key.tokenExpired) {
    throw new ApiFailure('InvalidSecurityToken.Expired');
  }
}

/**
 * Actions whose documented limit is their own, not their family's: the LiveMessage band actions 10 calls/s,
 * JoinMessageGroup 200. Kept here, not taken from src/api/types.ts: a wrong shared table must not make the
 * client and the emulator agree.
 */
const OWN_QPS: Partial<Record<ActionName, number>> = {
  BanLiveMessageGroup: 10,
  UnbanLiveMessageGroup: 10,
  AddLiveMessageGroupBand: 10,
  RemoveLiveMessageGroupBand: 10,
  ModifyLiveMessageGroupBand: 10,
  JoinMessageGroup: 200,
};

/** The LiveMessage family answers a RAM denial with its own documented code (403 NoAuth). */
function noAuth(action: string): ApiFailure {
  return new ApiFailure('NoAuth', `The AccessKey's RAM policy does not allow live:${action} on this resource.`);
}

function ramDenied(action: string): ApiFailure {
  const detail = {
    AuthAction: `live:${action}`,
    AuthPrincipalType: 'SubUser',
    AuthPrincipalDisplayName: 'emulator-restricted-user',
    NoPermissionType: 'ImplicitDeny',
    PolicyType: 'AccountLevelIdentityBasedPolicy',
  };
  return new ApiFailure(
    'Forbidden.RAM',
    `User not authorized to operate on the specified resource, or this API doesn't support RAM. ` + `AccessDeniedDetail: ${JSON.stringify(detail)}`,
  );
}

export class Gateway {
  private readonly keys = new Map<string, EmulatorKey>();
  /** By accepted calls per second: the family limits and the actions' own. */
  private readonly limiters = new Map<number, RateLimiter>();
  private readonly nonces = new NonceCache();

  constructor(private readonly options: GatewayOptions) {
    for (const key of options.keys) {
      this.keys.set(key.accessKeyId, key);
    }
  }

  private limiterOf(action: ActionName): RateLimiter {
    const family = isLiveMessageAction(action) ? this.options.liveMessageQps : this.options.qps;
    const limit = family === 0 ? 0 : (OWN_QPS[action] ?? family);
    let limiter = this.limiters.get(limit);
    if (!limiter) {
      limiter = new RateLimiter(limit);
      this.limiters.set(limit, limiter);
    }
    return limiter;
  }

  handle(request: ApiRequest): Decision {
    const { stats, faults } = this.options;
    const requestId = newRequestId();
    const now = this.options.clock();
    stats.arrived(now);
    let action: string | undefined;
    let answer: Answer;
    try {
      const params = this.parse(request);
      action = params.get('Action') || undefined;
      if (action !== undefined) {
        stats.action(action);
      }
      answer = this.process(request.method, params, now, requestId);
    } catch (error) {
      answer = this.errorAnswer(requestId, error);
    }
    stats.code(answer.kind === 'json' ? answer.code : `fault.${answer.kind}`);
    return { answer, delayMs: faults.latencyMs(action), action };
  }

  private parse(request: ApiRequest): Map<string, string> {
    if (request.path !== '/' || (request.method !== 'GET' && request.method !== 'POST')) {
      throw new ApiFailure('InvalidApi.NotFound');
    }
    const params = new Map<string, string>();
    parseFormEncoded(request.query, params);
    if (request.method === 'POST' && request.form !== undefined) {
      parseFormEncoded(request.form, params);
    }
    return params;
  }

  private process(method: string, params: Map<string, string>, now: number, requestId: string): Answer {
    const { stats, faults } = this.options;
    const common = checkCommonParams(params, now);

    const key = this.keys.get(common.accessKeyId);
    if (!key) {
      throw new ApiFailure('InvalidAccessKeyId.NotFound');
    }
    if (key.disabled) {
      throw new ApiFailure('Forbidden.AccessKeyDisabled');
    }
    checkSecurityToken(key, params.get('SecurityToken'));

    const serverStringToSign = stringToSign(method, params);
    if (!signaturesMatch(computeSignature(key.accessKeySecret, serverStringToSign), common.signature)) {
      // Like the real service, this echoes the whole string to sign (AccessKeyId, SecurityToken included):
      // clients must redact error messages before showing or logging them.
      throw new ApiFailure('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${serverStringToSign}`);
    }
    if (this.nonces.checkAndRemember(key.accessKeyId, common.signatureNonce, now, common.timestampMs)) {
      throw new ApiFailure('SignatureNonceUsed');
    }

    const action = common.action;
    if (!isAction(action)) {
      throw new ApiFailure('InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
    }
    if (key.deniedActions?.includes(action)) {
      throw isLiveMessageAction(action) ? noAuth(action) : ramDenied(action);
    }
    // Documented per API action and user: each action has its own budget.
    if (!this.limiterOf(action).tryAcquire(`${key.accessKeyId}\n${action}`, now)) {
      stats.throttled();
      throw new ApiFailure('Throttling.User');
    }
    stats.accepted();
    if (key.families && !key.families.includes(ACTION_INFO[action].family)) {
      return this.nothingInThisFamily(action, requestId);
    }

    const fault = faults.decide(action);
    // A read fails before it is served. A write that hangs, is reset or gets a broken answer has been done first:
    // the answer is what got lost, the worst case for a client that would send it again. An error code is
    // answered before acting (Throttling.User is a refusal).
    const actsFirst = ACTION_INFO[action].kind === 'write';
    switch (fault.kind) {
      case 'hang':
      case 'reset':
      case 'html502':
        if (actsFirst) this.serve(action, params, requestId);
        return { kind: fault.kind };
      case 'error':
        throw new ApiFailure(fault.code);
    }
    const answer = this.serve(action, params, requestId);
    if (fault.kind === 'malformedJson' && answer.kind === 'json') {
      return { ...answer, status: 200, code: 'fault.malformedJson', body: answer.body.slice(0, Math.floor(answer.body.length / 2)) };
    }
    return answer;
  }

  /** An account without apps of the action's family: an empty app list, and no app for anything else. */
  private nothingInThisFamily(action: ActionName, requestId: string): Answer {
    if (action === 'ListMessageApp' || action === 'ListLiveMessageApps') {
      const result = action === 'ListMessageApp' ? { Result: { AppList: [], HasMore: false, Total: 0 } } : { HasMore: false, AppList: [] };
      return { kind: 'json', status: 200, body: JSON.stringify({ RequestId: requestId, ...result }), requestId, code: 'OK' };
    }
    const failure = isLiveMessageAction(action)
      ? new ApiFailure('ResourceNotExist', 'The specified app does not exist.')
      : new ApiFailure('InvalidAppId.NotFound', 'The specified AppId does not exist.');
    return this.errorAnswer(requestId, failure);
  }

  /** The action's answer: its result, or the error its parameters or data call for. */
  private serve(action: ActionName, params: ReadonlyMap<string, string>, requestId: string): Answer {
    try {
      return this.success(action, params, requestId);
    } catch (error) {
      return this.errorAnswer(requestId, error);
    }
  }

  private success(action: ActionName, params: ReadonlyMap<string, string>, requestId: string): Answer {
    const { dataset, faults } = this.options;
    const request = readActionParams(action, params);
    if (isLiveMessageAction(action)) {
      // A flat body: the RequestId beside the fields, no Result.
      const fields = runLiveMessageAction(action, this.options.liveMessage, request as never, {
        repeatToken: faults.repeatToken(action),
        state: this.options.liveMessageState,
      });
      faults.distort(action, fields);
      return { kind: 'json', status: 200, body: JSON.stringify({ RequestId: requestId, ...fields }), requestId, code: 'OK' };
    }
    const result = runAction(action, dataset, request as never, {
      memberPageServed: (groupId) => faults.memberPageServed(action, groupId),
      state: this.options.legacyState,
    });
    faults.distort(action, result);
    return { kind: 'json', status: 200, body: JSON.stringify({ RequestId: requestId, Result: result }), requestId, code: 'OK' };
  }

  private errorAnswer(requestId: string, error: unknown): Answer {
    let failure: ApiFailure;
    if (error instanceof ApiFailure) {
      failure = error;
    } else {
      // A bug in the emulator: answer like the service would, but make it visible.
      console.error('[emulator] internal error:', error);
      failure = new ApiFailure('InternalError');
    }
    return {
      kind: 'json',
      status: failure.status,
      body: JSON.stringify(errorBody(requestId, failure)),
      requestId,
      code: failure.code,
    };
  }
}
