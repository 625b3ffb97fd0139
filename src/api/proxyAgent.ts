// The agents that carry a client's calls through an HTTP(S) proxy: a CONNECT tunnel to an https endpoint
// (https-proxy-agent), a forwarded request to a plain-http one (http-proxy-agent, loopback endpoints only), both
// keeping their connections alive. Bundled on its own (dist/proxyAgent.js) and required on the first request
// through a proxy (proxy.ts), so activation does not load it. Each agent notes on the attempt's ProxyAnswer when
// the proxy answered in place of the server.
import type * as http from 'node:http';
import type * as net from 'node:net';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { PROXY_ANSWER, type ProxyAnswer } from './proxyAnswer';

/** What the agents need of a route (proxy.ts's ProxyRoute). */
export interface ProxyConnection {
  /** The proxy's URL; its user name and password, if any, become Basic Proxy-Authorization. */
  url: URL;
  /** `http.proxyAuthorization`: the Proxy-Authorization header. */
  authorization?: string;
  /** false: the proxy's own certificate (an https:// proxy) is not checked. */
  strictSSL: boolean;
}

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

function answerOf(options: object): ProxyAnswer | undefined {
  return (options as { [PROXY_ANSWER]?: ProxyAnswer })[PROXY_ANSWER];
}

// agent-base tells https from http by the request's options or, lacking them (httpx passes no protocol), by the call
// stack, which no longer shows the https module when a kept-alive socket is handed back: each agent serves one kind
// of endpoint and says which, or the socket would be filed under another name and never reused.

class TunnelAgent extends HttpsProxyAgent<string> {
  override isSecureEndpoint(): boolean {
    return true;
  }

  override async connect(req: http.ClientRequest, options: ConnectOptions): Promise<net.Socket> {
    const answer = answerOf(options);
    // Emitted before connect() resolves; on a refusal the library hands the proxy's answer on as the response.
    req.once('proxyConnect', ({ statusCode }: { statusCode: number }) => {
      if (answer && statusCode !== 200) answer.proxyStatus = statusCode;
    });
    return super.connect(req, options);
  }
}

class ForwardingAgent extends HttpProxyAgent<string> {
  override isSecureEndpoint(): boolean {
    return false;
  }

  override addRequest(req: Parameters<HttpProxyAgent<string>['addRequest']>[0], options: ConnectOptions): void {
    const answer = answerOf(options);
    if (answer) {
      req.once('response', (response: http.IncomingMessage) => {
        if (response.statusCode === 407) answer.proxyStatus = 407;
      });
    }
    super.addRequest(req, options);
  }
}

/** A keep-alive agent through `route`'s proxy, for an https endpoint (`secureEndpoint`) or a plain-http one. */
export function proxyAgentFor(route: ProxyConnection, secureEndpoint: boolean): http.Agent {
  const options = {
    keepAlive: true,
    keepAliveMsecs: 3000,
    // The proxy's own certificate (an https:// proxy); the endpoint's certificate is the request's option.
    rejectUnauthorized: route.strictSSL,
    ...(route.authorization ? { headers: { 'Proxy-Authorization': route.authorization } } : {}),
  };
  return secureEndpoint ? new TunnelAgent(route.url.href, options) : new ForwardingAgent(route.url.href, options);
}
