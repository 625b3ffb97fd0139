// What a proxy answered in place of the server, noted per attempt by the proxy agents (proxyAgent.ts) on the
// request options the client hands them. A file of its own, without imports, so that the lazily loaded agents'
// bundle and the client's share it: Symbol.for gives both copies the same key.

/** The key under which the client puts an attempt's {@link ProxyAnswer} into its request options. */
export const PROXY_ANSWER = Symbol.for('imExplorer.proxyAnswer');

export interface ProxyAnswer {
  /**
   * The HTTP status the proxy itself answered instead of passing the request on: a refused CONNECT tunnel
   * (anything but 200), or a 407 to a forwarded request (only a proxy asks for proxy credentials).
   */
  proxyStatus?: number;
}
