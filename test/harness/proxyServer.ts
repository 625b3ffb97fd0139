// A real HTTP proxy for the tests (the `proxy` package, TooTallNate's: forwards plain requests and opens CONNECT
// tunnels), on 127.0.0.1, counting what it carried, optionally asking for Basic credentials (HTTP 407).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

interface ProxyServerType extends http.Server {
  authenticate?: (request: http.IncomingMessage) => boolean | Promise<boolean>;
}

// `proxy` 4 is an ES module: require() (Node >= 20.19) returns its namespace.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createProxy } = require('proxy') as { createProxy(server?: http.Server): ProxyServerType };

export interface TestProxy {
  /** http://127.0.0.1:port */
  url: string;
  /** http://user:password@127.0.0.1:port, when it asks for credentials. */
  urlWithCredentials: string;
  /** The Proxy-Authorization header it accepts, when it asks for credentials. */
  authorization: string;
  /** Plain requests it forwarded (absolute request URLs), CONNECT tunnels it was asked for (host:port), TCP connections. */
  readonly forwarded: string[];
  readonly tunnels: string[];
  readonly connections: number;
  /** Requests it answered with 407. */
  readonly refused: number;
  close(): Promise<void>;
}

/** Starts a proxy; with `credentials`, every request without them is answered 407 Proxy Authentication Required. */
export async function startTestProxy(credentials?: { user: string; password: string }): Promise<TestProxy> {
  const server = createProxy(http.createServer());
  const authorization = credentials ? `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}` : '';
  const state = { forwarded: [] as string[], tunnels: [] as string[], connections: 0, refused: 0 };
  const sockets = new Set<import('node:net').Socket>();
  server.authenticate = (request) => {
    const accepted = !credentials || request.headers['proxy-authorization'] === authorization;
    if (!accepted) state.refused++;
    else if (request.method === 'CONNECT') state.tunnels.push(request.url ?? '');
    else state.forwarded.push(request.url ?? '');
    return accepted;
  };
  server.on('connection', (socket) => {
    state.connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    urlWithCredentials: credentials ? `http://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}` : '',
    authorization,
    get forwarded() {
      return state.forwarded;
    },
    get tunnels() {
      return state.tunnels;
    },
    get connections() {
      return state.connections;
    },
    get refused() {
      return state.refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
