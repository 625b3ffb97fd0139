// Which proxy the calls of a client go through: VS Code's http.* settings and the proxy environment variables,
// given as plain values (this layer never imports vscode), resolved the way VS Code resolves them for
// extensions, and the agent that carries the calls there (proxyAgent.ts, loaded on the first request).
import type * as http from 'node:http';
import * as l10n from '@vscode/l10n';
import { configError } from './endpoint';
import { registerSecrets } from './errors';
import type { ProxyConnection } from './proxyAgent';

/** VS Code's `http.proxySupport`. */
export type ProxySupport = 'off' | 'on' | 'fallback' | 'override';

const PROXY_SUPPORT_VALUES: readonly ProxySupport[] = ['off', 'on', 'fallback', 'override'];

/** The proxy variables, in the order VS Code's extension host reads them (lowercase first, https before http). */
export const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;
export const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'] as const;

/** What decides the route of the calls: VS Code's http.* settings and the proxy environment variables. */
export interface ProxySettings {
  /** `http.proxySupport`: `off` sends every call directly; the other modes use the configured proxy. */
  support: ProxySupport;
  /** `http.proxy`: http(s)://[user:password@]host[:port], '' when unset (then the environment's proxy applies). */
  proxy: string;
  /** `http.noProxy`: host names (a name matches itself and its subdomains), `name:port`, or `*`. */
  noProxy: readonly string[];
  /** `http.proxyStrictSSL`: false skips the certificate checks of calls that go through the proxy. */
  strictSSL: boolean;
  /** `http.proxyAuthorization`: the Proxy-Authorization header sent to the proxy. */
  authorization?: string;
  /** Of the process environment, only the variables named in PROXY_VARIABLES and NO_PROXY_VARIABLES. */
  env: Readonly<Record<string, string>>;
}

/** The proxy calls to one endpoint go through. Its `url` holds the credentials: never shown (messages name `label`). */
export interface ProxyRoute extends ProxyConnection {
  /** scheme://host:port of the proxy, without credentials. */
  label: string;
  /** Where it was configured: `http.proxy` or the environment variable's name. */
  source: string;
}

/** `http.*` settings as VS Code's configuration returns them, and the environment; values of a wrong type count as unset. */
export function proxySettingsOf(http: { get(key: string): unknown }, env: Readonly<Record<string, string | undefined>>): ProxySettings {
  const support = http.get('proxySupport');
  const proxy = http.get('proxy');
  const noProxy = http.get('noProxy');
  const authorization = http.get('proxyAuthorization');
  const picked: Record<string, string> = {};
  for (const name of [...PROXY_VARIABLES, ...NO_PROXY_VARIABLES]) {
    const value = env[name];
    if (typeof value === 'string' && value.trim() !== '') picked[name] = value;
  }
  return {
    // VS Code's default. A value it does not know leaves its own proxy support off, and ours too.
    support: support === undefined ? 'override' : PROXY_SUPPORT_VALUES.includes(support as ProxySupport) ? (support as ProxySupport) : 'off',
    proxy: typeof proxy === 'string' ? proxy.trim() : '',
    noProxy: Array.isArray(noProxy) ? noProxy.filter((entry): entry is string => typeof entry === 'string') : [],
    strictSSL: http.get('proxyStrictSSL') !== false,
    ...(typeof authorization === 'string' && authorization.trim() !== '' ? { authorization: authorization.trim() } : {}),
    env: picked,
  };
}

/**
 * Whether `noProxy` (VS Code's rules: comma-free entries, each a host name that matches itself and its subdomains,
 * optionally with `:port`; `*` matches every host) exempts host:port from the proxy.
 */
export function bypassesProxy(noProxy: readonly string[], hostname: string, port: string): boolean {
  const host = `.${hostname.replace(/^\[|\]$/g, '').toLowerCase()}`;
  return noProxy.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '*') return true;
    const [name, entryPort] = entry.split(':', 2);
    if (!name) return false;
    return host.endsWith(name.startsWith('.') ? name : `.${name}`) && (!entryPort || entryPort === port);
  });
}

/** Proxy URLs VS Code takes (others it ignores, as if unset): http, https and the SOCKS schemes. */
const PROXY_URL = /^(https?|socks|socks4a?|socks5h?):\/\//i;

/** The configured proxy URL and where it was set: `http.proxy`, else the first of PROXY_VARIABLES that is set. */
function configuredProxy(settings: ProxySettings): { source: string; value: string } | undefined {
  if (PROXY_URL.test(settings.proxy)) return { source: 'http.proxy', value: settings.proxy };
  const name = PROXY_VARIABLES.find((variable) => settings.env[variable]);
  const value = name ? settings.env[name].trim() : '';
  return name && PROXY_URL.test(value) ? { source: name, value } : undefined;
}

/**
 * The proxy that calls to `endpoint` go through, or undefined for a direct connection. As VS Code's extension host
 * decides: nothing with `http.proxySupport` off; a non-empty `http.noProxy` decides the exemptions, else
 * no_proxy/NO_PROXY; `http.proxy`, else the first of PROXY_VARIABLES that is set. Unlike VS Code, loopback
 * endpoints are not exempt by themselves: list them in `http.noProxy`. A SOCKS proxy is VS Code's to use (modes
 * override and fallback); with `on`, where only this route would apply, it is refused. Throws InvalidConfiguration
 * for a proxy URL that cannot be used, naming where it was set.
 */
export function proxyRoute(settings: ProxySettings | undefined, endpoint: string): ProxyRoute | undefined {
  if (!settings || settings.support === 'off') return undefined;
  const target = new URL(endpoint);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const noProxy =
    settings.noProxy.length > 0
      ? settings.noProxy
      : (NO_PROXY_VARIABLES.map((name) => settings.env[name])
          .find(Boolean)
          ?.split(',') ?? []);
  if (bypassesProxy(noProxy, target.hostname, port)) return undefined;

  const configured = configuredProxy(settings);
  if (!configured) return undefined;
  const { source, value } = configured;
  if (/^socks/i.test(value)) {
    if (settings.support !== 'on') return undefined;
    throw configError(
      l10n.t(
        'The proxy in {0} is a SOCKS proxy, which the extension cannot use while `http.proxySupport` is "on": use an http:// or https:// proxy, or set `http.proxySupport` to "override" to let VS Code carry the calls.',
        source,
      ),
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw configError(l10n.t('The proxy in {0} is not a URL; expected something like {1}.', source, 'http://proxy.example.com:8080'));
  }
  return { url, label: `${url.protocol}//${url.host}`, source, authorization: settings.authorization, strictSSL: settings.strictSSL };
}

/**
 * Makes redact() remove the route's credentials wherever they appear: the password of the proxy URL, the Basic
 * credentials built from it, and `http.proxyAuthorization` (whole and its credentials part).
 */
export function registerProxySecrets(route: ProxyRoute): void {
  const { url, authorization } = route;
  const password = decodeURIComponent(url.password);
  registerSecrets(password, url.password, authorization, authorization?.replace(/^\S+\s+/, ''));
  if (url.username || url.password) registerSecrets(Buffer.from(`${decodeURIComponent(url.username)}:${password}`).toString('base64'));
}

type ProxyAgents = typeof import('./proxyAgent');
let proxyAgents: ProxyAgents | undefined;

/** The agent that carries calls to `endpoint` through `route`; the agents' code is loaded on the first call. */
export function createProxyAgent(route: ProxyRoute, endpoint: string): http.Agent {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred require is what keeps activation cheap
  proxyAgents ??= require('./proxyAgent') as ProxyAgents;
  return proxyAgents.proxyAgentFor(route, endpoint.startsWith('https:'));
}
