// The endpoint a client may send signed requests to.
import { ApiError, ClientErrorCode } from './errors';
import { DEFAULT_ENDPOINT } from './types';

export function configError(message: string): ApiError {
  return new ApiError({ code: ClientErrorCode.InvalidConfiguration, message });
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Accepts only scheme://host[:port]: https anywhere, plain http only on loopback (a signed request sent in clear
 * over a network could be replayed). Returns the normalized origin.
 */
export function normalizeEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw configError(`The endpoint ${JSON.stringify(endpoint)} is not a URL; expected something like ${DEFAULT_ENDPOINT}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError(`The endpoint must start with https:// (got ${url.protocol}).`);
  }
  if (url.username || url.password) {
    throw configError('The endpoint must not contain a user name or password; give only scheme://host[:port].');
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(endpoint)) {
    throw configError(`The endpoint ${JSON.stringify(endpoint)} must be only scheme://host[:port], without a path, query or fragment.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw configError(
      `The endpoint ${JSON.stringify(endpoint)} uses plain http, which is allowed only for this computer (localhost, 127.0.0.0/8, [::1]); use https://.`,
    );
  }
  return `${url.protocol}//${url.host}`;
}
