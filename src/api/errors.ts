// The one error type of the service layer, the translation of everything pop-core, httpx and the server can throw
// into it, and the redaction of credentials from any text that leaves this layer.
import * as l10n from '@vscode/l10n';

/** Codes this layer produces itself (the server's own codes, e.g. `Throttling.User`, are passed through). */
export const ClientErrorCode = {
  /** A request parameter failed validation; nothing was sent. */
  InvalidParameter: 'InvalidParameter',
  /** The client options (endpoint, credentials, method...) are unusable; nothing was sent. */
  InvalidConfiguration: 'InvalidConfiguration',
  /** The caller's AbortSignal fired. */
  Cancelled: 'Cancelled',
  /** No complete answer within the per-attempt timeout. */
  RequestTimeout: 'RequestTimeout',
  /** The body is not JSON (an HTML error page from a proxy, a truncated body...). */
  MalformedResponse: 'MalformedResponse',
  /** JSON, but not the shape the API documents (Result missing, a list that is not an array...). */
  InvalidResponse: 'InvalidResponse',
  /** An HTTP error status with a JSON body that carries no error Code. */
  HttpError: 'HttpError',
  /** Anything else that went wrong on the way (the system code, e.g. ECONNREFUSED, is used when there is one). */
  NetworkError: 'NetworkError',
  /**
   * A write was sent, and what became of it is not known (a timeout, a reset, an answer that could not be read, a
   * server failure, or the caller stopped waiting): it may or may not have happened. It is never sent again.
   */
  OutcomeUnknown: 'OutcomeUnknown',
  /** A legacy write answered `Success: false`: the server did not do it. */
  NotDone: 'NotDone',
  /** The proxy asked for credentials (HTTP 407) instead of passing the request on; nothing reached the server. */
  ProxyAuthenticationRequired: 'ProxyAuthenticationRequired',
  /** The proxy refused to open a tunnel to the endpoint (its HTTP status is `status`); nothing reached the server. */
  ProxyRefused: 'ProxyRefused',
  /** VS Code's own proxy support could not connect to the proxy; nothing reached the server. */
  ProxyUnreachable: 'ProxyUnreachable',
} as const;

export interface ApiErrorDetails {
  code: string;
  message: string;
  status?: number;
  requestId?: string;
  retryable?: boolean;
  action?: string;
  serverMessage?: string;
  recommend?: string;
  parameter?: string;
}

/**
 * Every failure of the service layer. `message` is written for a person and already redacted; it never holds
 * an AccessKey ID, secret, security token or signature, and neither does any other property (there is deliberately
 * no `cause`: pop-core's errors carry the signed URL).
 */
export class ApiError extends Error {
  /** The server's Code (e.g. `Forbidden.RAM`) or one of {@link ClientErrorCode}, or a system code like `ECONNRESET`. */
  readonly code: string;
  /** HTTP status, when an HTTP answer was received and its status is known. */
  declare readonly status?: number;
  declare readonly requestId?: string;
  /** True when the same read request may succeed if sent again (throttling, 5xx, timeouts, resets, garbage bodies). */
  readonly retryable: boolean;
  declare readonly action?: string;
  /** The server's own Message, redacted. */
  declare readonly serverMessage?: string;
  /** The server's Recommend (a troubleshooting link), redacted. */
  declare readonly recommend?: string;
  /** For InvalidParameter: the offending request parameter. */
  declare readonly parameter?: string;

  constructor(details: ApiErrorDetails) {
    super(redact(details.message));
    this.code = details.code;
    this.retryable = details.retryable ?? false;
    if (details.status !== undefined) this.status = details.status;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    if (details.action !== undefined) this.action = details.action;
    if (details.serverMessage !== undefined) this.serverMessage = redact(details.serverMessage);
    if (details.recommend !== undefined) this.recommend = redact(details.recommend);
    if (details.parameter !== undefined) this.parameter = details.parameter;
  }

  get isCancellation(): boolean {
    return this.code === ClientErrorCode.Cancelled;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      retryable: this.retryable,
      action: this.action,
      serverMessage: this.serverMessage,
      recommend: this.recommend,
      parameter: this.parameter,
    };
  }
}

// On the prototype (not a class field) so that the stack, captured in Error's constructor, starts with "ApiError:".
Object.defineProperty(ApiError.prototype, 'name', { value: 'ApiError', writable: true, configurable: true });

export function cancelledError(action?: string): ApiError {
  return new ApiError({ code: ClientErrorCode.Cancelled, message: l10n.t('The request was cancelled.'), action });
}

// ---------------------------------------------------------------------------------------------------------------
// Redaction

const knownSecrets = new Set<string>();
let knownSecretsPattern: RegExp | undefined;

/** pop-core's percent-encoding (RFC 3986: encodeURIComponent plus ! ' ( ) *). */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Makes {@link redact} remove these values (AccessKey IDs, secrets, security tokens) wherever they appear, raw or
 * percent-encoded once or twice. The client registers its credentials itself; the registry lives as long as the
 * process, like the credentials it protects.
 */
export function registerSecrets(...values: (string | undefined)[]): void {
  let changed = false;
  for (const value of values) {
    if (!value || knownSecrets.has(value)) continue;
    knownSecrets.add(value);
    changed = true;
  }
  if (!changed) return;
  const forms = new Set<string>();
  for (const secret of knownSecrets) {
    const once = percentEncode(secret);
    const formEncoded = encodeURIComponent(secret).replace(/%20/g, '+');
    for (const form of [secret, once, percentEncode(once), encodeURIComponent(secret), formEncoded, percentEncode(formEncoded)]) {
      forms.add(form);
      // Some servers write percent-escapes in lowercase.
      forms.add(form.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
    }
  }
  // Longest first so that an encoded form is removed whole, not just its raw prefix.
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  knownSecretsPattern = new RegExp(alternatives.join('|'), 'g');
}

const SECRET_PARAMETER_NAMES = 'AccessKeyId|AccessKeySecret|access_?key_?id|access_?key_?secret|Signature|SecurityToken|security_?token|sts_?token';
// Name=value in a query string, form body or string-to-sign; `=` and the separators may be percent-encoded once
// or twice (`%3D`/`%253D`, `%26`/`%2526`).
const PARAMETER_PATTERN = new RegExp(`(?<![A-Za-z_])(${SECRET_PARAMETER_NAMES})(=|%3D|%253D)[^&\\s"'<>,;)]*?(?=&|%26|%2526|[\\s"'<>,;)]|$)`, 'gi');
// "AccessKeyId": "value" in JSON text.
const JSON_PATTERN = new RegExp(`"(${SECRET_PARAMETER_NAMES})"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`, 'gi');
// Header style: "x-acs-security-token: value" or "AccessKeySecret: value".
const HEADER_PATTERN = new RegExp(`(?<![A-Za-z_-])(x-acs-security-token|${SECRET_PARAMETER_NAMES})(\\s*:\\s*)[^\\s,;"']+`, 'gi');
// "Proxy-Authorization: Basic dXNlcjpwYXNz": the scheme and the credentials.
const AUTHORIZATION_PATTERN = /(?<![A-Za-z_-])((?:proxy-)?authorization)(\s*:\s*)(?:[A-Za-z-]+\s+)?[^\s,;"']+/gi;
// The user name and password in a URL: scheme://user:password@host (a proxy URL may carry them).
const USERINFO_PATTERN = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;

export const REDACTED = '***';

/**
 * Removes credentials from any text: every registered secret value (raw, percent-encoded once or twice), the
 * values of AccessKeyId, AccessKeySecret, Signature and SecurityToken parameters, in URLs, form bodies,
 * strings-to-sign, JSON and headers, (Proxy-)Authorization headers and the user name and password of URLs. Use it
 * on anything that is logged or shown.
 */
export function redact(text: string): string {
  let result = String(text);
  if (knownSecretsPattern) result = result.replace(knownSecretsPattern, REDACTED);
  result = result.replace(PARAMETER_PATTERN, (_m, name: string, equals: string) => `${name}${equals}${REDACTED}`);
  result = result.replace(JSON_PATTERN, (_m, name: string) => `"${name}":"${REDACTED}"`);
  result = result.replace(HEADER_PATTERN, (_m, name: string, separator: string) => `${name}${separator}${REDACTED}`);
  result = result.replace(AUTHORIZATION_PATTERN, (_m, name: string, separator: string) => `${name}${separator}${REDACTED}`);
  result = result.replace(USERINFO_PATTERN, (_m, scheme: string) => `${scheme}${REDACTED}@`);
  return result;
}

/**
 * Whether the server refused the credentials themselves (key, secret, token, clock), as opposed to the action:
 * such an answer is the same for every action and family, any other one means the key authenticated.
 */
export function isCredentialError(error: ApiError): boolean {
  return /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId|Forbidden\.AccessKeyDisabled|InvalidSecurityToken|MissingSecurityToken|InvalidTimeStamp)/.test(
    error.code,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Translation of server error codes into sentences

function describeServerCode(code: string, action: string | undefined, status: number | undefined): { text: string; retryable: boolean } {
  if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature') {
    return {
      text: l10n.t(
        'The AccessKey secret is wrong: the server computed a different request signature. Check the AccessKey secret (and that it belongs to this AccessKey ID).',
      ),
      retryable: false,
    };
  }
  if (code === 'InvalidAccessKeyId.NotFound' || code === 'InvalidAccessKeyId') {
    return { text: l10n.t('The AccessKey ID is unknown to the server. Check the AccessKey ID (and that the endpoint is the right one).'), retryable: false };
  }
  if (code === 'InvalidAccessKeyId.Inactive' || code === 'Forbidden.AccessKeyDisabled') {
    return { text: l10n.t('The AccessKey is disabled. Enable it in the RAM console or use another AccessKey.'), retryable: false };
  }
  if (code === 'Forbidden.RAM') {
    const text = action
      ? l10n.t('Access denied: the RAM policy of this AccessKey lacks {0}. Ask an administrator to grant it.', `\`live:${action}\``)
      : l10n.t('Access denied: the RAM policy of this AccessKey lacks the permission for this action. Ask an administrator to grant it.');
    return { text, retryable: false };
  }
  if (code === 'InvalidAction.NotFound' || code === 'InvalidAction') {
    return {
      text: action
        ? l10n.t('The server does not know the API action {0}: the endpoint may be of another product, or the action is not offered in this region.', action)
        : l10n.t('The server does not know the API action: the endpoint may be of another product, or the action is not offered in this region.'),
      retryable: false,
    };
  }
  if (code === 'InvalidVersion') {
    return {
      text: l10n.t('The server does not accept the API version this extension sends (2016-11-01): the endpoint may be of another product.'),
      retryable: false,
    };
  }
  // The LiveMessage family's own codes.
  if (code === 'ResourceNotExist') {
    return {
      text: l10n.t('The server does not know this app or group (a LiveMessage app is found only in the data center it was created in).'),
      retryable: false,
    };
  }
  if (code === 'InputInvalid') {
    return { text: l10n.t('The server rejected a request parameter.'), retryable: false };
  }
  if (code === 'NoAuth') {
    const text = action
      ? l10n.t('Access denied: the RAM policy of this AccessKey may lack {0} for this app. Ask an administrator to grant it.', `\`live:${action}\``)
      : l10n.t('Access denied by the server.');
    return { text, retryable: false };
  }
  if (code === 'ErrorTooManyGroups') {
    return { text: l10n.t('The app already has 5,000 groups, the most it can have: delete a group first.'), retryable: false };
  }
  if (code.startsWith('Forbidden') || code === 'NoPermission') {
    return { text: l10n.t('Access denied by the server.'), retryable: false };
  }
  if (code.startsWith('Throttling')) {
    return { text: l10n.t('The server throttled the request: too many calls per second with this AccessKey.'), retryable: true };
  }
  if (code === 'InvalidTimeStamp.Expired') {
    return {
      text: l10n.t("The server rejected the request time: this computer's clock is off by more than 15 minutes. Synchronize the clock."),
      retryable: false,
    };
  }
  if (code.startsWith('InvalidTimeStamp')) {
    return { text: l10n.t('The server rejected the request timestamp.'), retryable: false };
  }
  if (code === 'InvalidSecurityToken.Expired') {
    return { text: l10n.t('The STS security token has expired. Get a new token.'), retryable: false };
  }
  if (code === 'InvalidSecurityToken.Malformed') {
    return { text: l10n.t('The STS security token is malformed. Copy it again, whole.'), retryable: false };
  }
  if (code === 'InvalidSecurityToken.MismatchWithAccessKey') {
    return {
      text: l10n.t('The STS security token does not belong to this AccessKey ID. Use the AccessKey ID, secret and token issued together.'),
      retryable: false,
    };
  }
  if (code.startsWith('InvalidSecurityToken')) {
    return { text: l10n.t('The STS security token was rejected.'), retryable: false };
  }
  if (code === 'MissingSecurityToken') {
    return { text: l10n.t('This AccessKey ID is a temporary (STS) key and needs its security token.'), retryable: false };
  }
  if (code === 'SignatureNonceUsed') {
    // Every attempt gets a fresh nonce, so a read can safely be sent again.
    return { text: l10n.t('The server had already seen this request (its nonce was reused).'), retryable: true };
  }
  if (code === 'ServiceUnavailable' || code.startsWith('InternalError') || code === 'InternalServerError' || (status !== undefined && status >= 500)) {
    return { text: status ? l10n.t('The server had a problem (HTTP {0}).', status) : l10n.t('The server had a problem.'), retryable: true };
  }
  const notFound = /^Invalid(\w+)\.NotFound$/.exec(code);
  if (notFound) {
    return { text: l10n.t('The server does not know this {0}.', notFound[1]), retryable: false };
  }
  if (code.startsWith('Missing') || code.startsWith('Invalid')) {
    return { text: l10n.t('The server rejected a request parameter.'), retryable: false };
  }
  return { text: l10n.t('The server returned the error {0}.', code), retryable: false };
}

const NETWORK_DESCRIPTIONS: Record<string, { text: (host: string) => string; retryable: boolean }> = {
  ECONNREFUSED: { text: (h) => l10n.t('Could not connect to {0}: the connection was refused (nothing listens there).', h), retryable: false },
  ENOTFOUND: { text: (h) => l10n.t('Could not connect to {0}: the host name was not found (DNS).', h), retryable: false },
  EAI_AGAIN: { text: (h) => l10n.t('Could not connect to {0}: the host name could not be resolved right now (DNS).', h), retryable: true },
  ECONNRESET: { text: (h) => l10n.t('The connection to {0} was reset before the answer was complete.', h), retryable: true },
  EPIPE: { text: (h) => l10n.t('The connection to {0} was closed while sending.', h), retryable: true },
  ECONNABORTED: { text: (h) => l10n.t('The connection to {0} was aborted.', h), retryable: true },
  ETIMEDOUT: { text: (h) => l10n.t('The connection to {0} timed out.', h), retryable: true },
  EHOSTUNREACH: { text: (h) => l10n.t('Could not reach {0} (host unreachable).', h), retryable: false },
  ENETUNREACH: { text: (h) => l10n.t('Could not reach {0} (network unreachable).', h), retryable: false },
  CERT_HAS_EXPIRED: { text: (h) => l10n.t('The TLS certificate of {0} has expired.', h), retryable: false },
  ERR_TLS_CERT_ALTNAME_INVALID: { text: (h) => l10n.t('The TLS certificate does not match {0}.', h), retryable: false },
};

/** The codes of a connection that failed before it was made (while going through a proxy: the connection to the proxy). */
const CONNECT_FAILURES: Readonly<Record<string, () => string>> = {
  ECONNREFUSED: () => l10n.t('the connection was refused'),
  ENOTFOUND: () => l10n.t('its host name was not found (DNS)'),
  EAI_AGAIN: () => l10n.t('its host name could not be resolved right now (DNS)'),
  EHOSTUNREACH: () => l10n.t('its host is unreachable'),
  ENETUNREACH: () => l10n.t('the network is unreachable'),
};

/**
 * Node's codes for a certificate chain that ends in no certificate this computer trusts: what a proxy that inspects
 * TLS traffic causes when its root certificate is not installed.
 */
const UNTRUSTED_CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

/** The proxy a call goes through: scheme://host:port (no credentials) and where it was set (`http.proxy`, HTTPS_PROXY...). */
export interface ProxyInUse {
  label: string;
  source: string;
}

export interface ErrorContext {
  action: string;
  /** scheme://host[:port] — never contains credentials (the client validates the endpoint). */
  endpoint: string;
  timeoutMs: number;
  /** The proxy the call went through, when it did. */
  proxy?: ProxyInUse;
}

/** What stands between an error's own sentence and the server's message, so that a row can show the sentence alone. */
export function serverMessageSeparator(): string {
  return l10n.t(' Server message: ');
}

function withServerMessage(text: string, serverMessage: string | undefined): string {
  return serverMessage ? `${text}${serverMessageSeparator()}${serverMessage}` : text;
}

function htmlTitle(text: string): string | undefined {
  const match = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text);
  return match ? match[1].trim() : undefined;
}

/** The error for a JSON error body ({RequestId, HostId, Code, Message, Recommend}). */
export function errorFromServerBody(body: Record<string, unknown>, status: number | undefined, action: string): ApiError {
  const code = String(body.Code);
  const serverMessage = typeof body.Message === 'string' ? body.Message : undefined;
  const { text, retryable } = describeServerCode(code, action, status);
  return new ApiError({
    code,
    status,
    action,
    retryable,
    requestId: typeof body.RequestId === 'string' ? body.RequestId : undefined,
    serverMessage,
    recommend: typeof body.Recommend === 'string' ? body.Recommend : undefined,
    message: withServerMessage(`${action}: ${text}`, serverMessage && redact(serverMessage)),
  });
}

/** The error for a body that parsed, but not into the shape the API documents. */
export function invalidResponseError(action: string, problem: string, status?: number, requestId?: string): ApiError {
  return new ApiError({
    code: ClientErrorCode.InvalidResponse,
    action,
    status,
    requestId,
    retryable: false,
    message: l10n.t("{0}: the server's answer does not have the shape the API documents ({1}).", action, problem),
  });
}

/**
 * Turns anything pop-core / httpx / Node threw during one attempt into an ApiError. The original error is read,
 * never kept: its message and `url` hold the signed request URL.
 */
export function toApiError(thrown: unknown, context: ErrorContext): ApiError {
  if (thrown instanceof ApiError) return thrown;
  const { action, endpoint } = context;
  const e = (thrown ?? {}) as Record<string, unknown>;

  // pop-core: a JSON body with a Code.
  if (e.data && typeof e.data === 'object' && typeof (e.data as Record<string, unknown>).Code === 'string') {
    const entry = e.entry as { response?: { statusCode?: number } } | undefined;
    return errorFromServerBody(e.data as Record<string, unknown>, entry?.response?.statusCode, action);
  }

  // json-bigint: a plain object {name: 'SyntaxError', message, at, text} — `text` is the whole raw body.
  if (e.name === 'SyntaxError') {
    const raw = typeof e.text === 'string' ? e.text : '';
    const title = htmlTitle(raw);
    const what =
      raw.trim() === ''
        ? l10n.t('an empty body')
        : title
          ? l10n.t('an HTML page titled "{0}"', title)
          : /^\s*</.test(raw)
            ? l10n.t('an HTML or XML page')
            : l10n.t('text that is not valid JSON');
    return new ApiError({
      code: ClientErrorCode.MalformedResponse,
      action,
      retryable: true,
      message: l10n.t("{0}: the server answered with something that is not the API's JSON ({1}). A proxy or gateway in between may have failed.", action, what),
    });
  }

  const name = typeof e.name === 'string' ? e.name : '';
  const systemCode = typeof e.code === 'string' ? e.code : undefined;
  if (name === 'RequestTimeoutError' || name.startsWith('RequestTimeout')) {
    return timeoutError(context);
  }
  if (systemCode && UNTRUSTED_CERTIFICATE_CODES.has(systemCode)) {
    return new ApiError({
      code: systemCode,
      action,
      retryable: false,
      message: l10n.t(
        "{0}: the certificate chain of {1} is not trusted on this computer ({2}). A proxy that inspects TLS traffic may be showing its own certificate: add its root certificate to the system's trusted certificates (VS Code uses them while `http.systemCertificates` is on), or turn `http.proxyStrictSSL` off to skip the check for calls through the proxy.",
        action,
        endpoint,
        systemCode,
      ),
    });
  }
  if (context.proxy && systemCode && CONNECT_FAILURES[systemCode]) {
    return new ApiError({
      code: systemCode,
      action,
      retryable: NETWORK_DESCRIPTIONS[systemCode]?.retryable ?? false,
      message: proxyUnreachableMessage(action, context.proxy, CONNECT_FAILURES[systemCode]()),
    });
  }
  // VS Code's proxy agent (http.proxySupport override or fallback) reports a proxy it could not reach this way.
  if (!systemCode && typeof e.message === 'string' && /Failed to establish a socket connection to proxies/.test(e.message)) {
    return new ApiError({
      code: ClientErrorCode.ProxyUnreachable,
      action,
      retryable: false,
      message: context.proxy
        ? proxyUnreachableMessage(action, context.proxy, l10n.t("VS Code's proxy support could not connect to it"))
        : l10n.t(
            "{0}: VS Code could not connect to the proxy it chose for {1}. Check `http.proxy` and `http.proxySupport`, and the system's proxy settings.",
            action,
            endpoint,
          ),
    });
  }
  if (systemCode && NETWORK_DESCRIPTIONS[systemCode]) {
    const description = NETWORK_DESCRIPTIONS[systemCode];
    return new ApiError({ code: systemCode, action, retryable: description.retryable, message: `${action}: ${description.text(endpoint)}` });
  }
  if (systemCode && /^E[A-Z]+$/.test(systemCode)) {
    return new ApiError({ code: systemCode, action, retryable: false, message: l10n.t('{0}: the request to {1} failed ({2}).', action, endpoint, systemCode) });
  }
  return new ApiError({
    code: ClientErrorCode.NetworkError,
    action,
    retryable: false,
    message: name ? l10n.t('{0}: the request to {1} failed ({2}).', action, endpoint, name) : l10n.t('{0}: the request to {1} failed.', action, endpoint),
  });
}

function proxyUnreachableMessage(action: string, proxy: ProxyInUse, reason: string): string {
  return l10n.t(
    '{0}: could not connect to the proxy {1} (set in {2}): {3}. Check `http.proxy` and `http.proxySupport` (`off` sends calls directly).',
    action,
    proxy.label,
    proxy.source,
    reason,
  );
}

/**
 * The error of an attempt the proxy answered itself (ProxyAnswer.proxyStatus): it asked for credentials (407) or
 * refused the tunnel to the endpoint. Either way the request did not reach the server.
 */
export function proxyRefusalError(status: number, context: ErrorContext, proxy: ProxyInUse): ApiError {
  const { action, endpoint } = context;
  if (status === 407) {
    return new ApiError({
      code: ClientErrorCode.ProxyAuthenticationRequired,
      action,
      status,
      retryable: false,
      message: l10n.t(
        '{0}: the proxy {1} (set in {2}) wants credentials (HTTP 407 Proxy Authentication Required). Give them in `http.proxy` (user:password@ before the host) or as `http.proxyAuthorization` (the Proxy-Authorization header), or check the ones given there.',
        action,
        proxy.label,
        proxy.source,
      ),
    });
  }
  return new ApiError({
    code: ClientErrorCode.ProxyRefused,
    action,
    status,
    retryable: status >= 500,
    message: l10n.t(
      '{0}: the proxy {1} (set in {2}) refused to open a connection to {3} (HTTP {4}). Ask its administrators to allow that host, or list the host in `http.noProxy` if it can be reached directly.',
      action,
      proxy.label,
      proxy.source,
      endpoint,
      status,
    ),
  });
}

export function timeoutError(context: ErrorContext): ApiError {
  return new ApiError({
    code: ClientErrorCode.RequestTimeout,
    action: context.action,
    retryable: true,
    message: l10n.t('{0}: no answer from {1} within {2} ms.', context.action, context.endpoint, context.timeoutMs),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Writes: whether the server may have acted

/**
 * Codes of failures that happen before a request reaches the server (nothing was sent: no connection, a TLS
 * handshake that failed, a proxy that did not pass it on), and the server's "not done".
 */
const NOT_DONE_CODES: ReadonlySet<string> = new Set([
  ClientErrorCode.NotDone,
  ClientErrorCode.InvalidParameter,
  ClientErrorCode.InvalidConfiguration,
  ClientErrorCode.Cancelled,
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  ...UNTRUSTED_CERTIFICATE_CODES,
  ClientErrorCode.ProxyAuthenticationRequired,
  ClientErrorCode.ProxyRefused,
  ClientErrorCode.ProxyUnreachable,
]);

/**
 * Whether a failed call certainly did not act: it was never sent, the server refused it with a 4xx answer
 * (throttled, invalid, denied, not found, nonce reused) or it answered `Success: false`. A timeout, a reset, a body that could not be read and any
 * 5xx answer leave it open whether the server acted: such a write must not be sent again by itself.
 */
export function refusedBeforeActing(error: ApiError): boolean {
  if (error.code === ClientErrorCode.OutcomeUnknown) return false;
  if (NOT_DONE_CODES.has(error.code)) return true;
  return error.status !== undefined && error.status >= 400 && error.status < 500;
}

/** The error of a write whose outcome is unknown: what happened, that it may or may not have happened, what to do. */
export function outcomeUnknownError(action: string, cause: ApiError | 'cancelled'): ApiError {
  const prefix = `${action}: `;
  const reason =
    cause === 'cancelled'
      ? l10n.t('it was cancelled after it had been sent.')
      : cause.message.startsWith(prefix)
        ? cause.message.slice(prefix.length)
        : cause.message;
  return new ApiError({
    code: ClientErrorCode.OutcomeUnknown,
    action,
    retryable: false,
    ...(cause !== 'cancelled' && cause.status !== undefined ? { status: cause.status } : {}),
    ...(cause !== 'cancelled' && cause.requestId !== undefined ? { requestId: cause.requestId } : {}),
    message: l10n.t('{0} may or may not have happened: {1} It was not sent again; check the current state before you try again.', action, reason),
  });
}

/** A legacy write the server answered with `Success: false`. */
export function notDoneError(action: string, requestId: string | undefined): ApiError {
  return new ApiError({
    code: ClientErrorCode.NotDone,
    action,
    status: 200,
    requestId,
    retryable: false,
    message: l10n.t('{0}: the server answered that it was not done (Success: false).', action),
  });
}
