// The endpoint a client may send signed requests to.
import * as l10n from '@vscode/l10n';
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
    throw configError(l10n.t('The endpoint {0} is not a URL; expected something like {1}.', JSON.stringify(endpoint), DEFAULT_ENDPOINT));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError(l10n.t('The endpoint must start with https:// (got {0}).', url.protocol));
  }
  if (url.username || url.password) {
    throw configError(l10n.t('The endpoint must not contain a user name or password; give only scheme://host[:port].'));
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(endpoint)) {
    throw configError(l10n.t('The endpoint {0} must be only scheme://host[:port], without a path, query or fragment.', JSON.stringify(endpoint)));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw configError(
      l10n.t(
        'The endpoint {0} uses plain http, which is allowed only for this computer (localhost, 127.0.0.0/8, [::1]); use https://.',
        JSON.stringify(endpoint),
      ),
    );
  }
  return `${url.protocol}//${url.host}`;
}
