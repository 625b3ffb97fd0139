// The error codes the emulator answers with, their HTTP statuses and messages (see api-notes.md, "Errors").
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '../api/types';

export const HOST_ID = 'live.aliyuncs.com';

interface ErrorSpec {
  status: number;
  message: string;
}

export const ERROR_CATALOG: Readonly<Record<string, ErrorSpec>> = {
  MissingParameter: { status: 400, message: 'A mandatory parameter is not supplied.' },
  InvalidParameter: { status: 400, message: 'The specified parameter is not valid.' },
  InvalidVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  SignatureDoesNotMatch: { status: 400, message: 'Specified signature is not matched with our calculation.' },
  Throttling: { status: 400, message: 'Request was denied due to request throttling.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  'Throttling.Api': { status: 400, message: 'Request was denied due to api flow control.' },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  'InvalidApi.NotFound': { status: 404, message: 'Specified api is not found, please check your url and method.' },
  'Forbidden.AccessKeyDisabled': { status: 403, message: 'The Access Key is disabled.' },
  'Forbidden.RAM': {
    status: 403,
    message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
  },
  Forbidden: { status: 403, message: 'User not authorized to operate on the specified resource.' },
  'InvalidAction.NotFound': { status: 404, message: 'Specified api is not found, please check your url and method.' },
  MissingSecurityToken: { status: 400, message: 'SecurityToken is mandatory for this action.' },
  'InvalidSecurityToken.Expired': { status: 400, message: 'Specified SecurityToken is expired.' },
  'InvalidSecurityToken.Malformed': { status: 400, message: 'Specified SecurityToken is malformed.' },
  'InvalidSecurityToken.MismatchWithAccessKey': {
    status: 400,
    message: 'Specified SecurityToken mismatch with the AccessKey.',
  },
  // Assumption: the docs list no code for an unknown AppId / GroupId; these names and 400 are ours.
  'InvalidAppId.NotFound': { status: 400, message: 'The specified AppId does not exist.' },
  'InvalidGroupId.NotFound': { status: 400, message: 'The specified GroupId does not exist in this app.' },
  // The LiveMessage* family's documented codes ("%s." messages; the emulator fills in the detail).
  InputInvalid: { status: 400, message: 'The input parameter is invalid.' },
  ErrorTooManyGroups: { status: 400, message: 'An app can have at most 5000 groups at a time.' },
  NoAuth: { status: 403, message: 'No authority to operate on the resource.' },
  ResourceNotExist: { status: 404, message: 'The resource does not exist.' },
  ServerError: { status: 500, message: 'The server failed to process the request.' },
  InternalError: {
    status: 500,
    message: 'The request processing has failed due to some unknown error, exception or failure.',
  },
  ServiceUnavailable: { status: 503, message: 'The request has failed due to a temporary failure of the server.' },
};

export function isKnownErrorCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOG, code);
}

/** Thrown inside the request pipeline; turned into the error JSON by the gateway. */
export class ApiFailure extends Error {
  readonly status: number;

  constructor(
    readonly code: string,
    message?: string,
  ) {
    const spec = ERROR_CATALOG[code];
    // Missing{Name} codes are generated per parameter, all 400.
    if (!spec && !code.startsWith('Missing')) {
      throw new Error(`emulator bug: unknown error code ${code}`);
    }
    super(message ?? spec?.message ?? `${code.slice('Missing'.length)} is mandatory for this action.`);
    this.status = spec?.status ?? 400;
  }
}

export function missing(name: string): ApiFailure {
  return new ApiFailure(`Missing${name}`, `${name} is mandatory for this action.`);
}

export function invalidParameter(name: string, value: string, rule: string): ApiFailure {
  return new ApiFailure('InvalidParameter', `The specified parameter "${name}" is not valid: "${value}". ${rule}`);
}

/** UUID-like, upper case, as the service prints them ("16A96B9A-...-CB92E68F4CD8"). */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

export function errorBody(requestId: string, failure: ApiFailure): ApiErrorBody {
  return {
    RequestId: requestId,
    HostId: HOST_ID,
    Code: failure.code,
    Message: failure.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(failure.code)}&product=live&requestId=${requestId}`,
  };
}
