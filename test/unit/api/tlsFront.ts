// An https front for the emulator in the tests: TLS with a throwaway certificate for 127.0.0.1, issued by a
// throwaway test CA that no system trusts (its private key was not kept), then the bytes piped to the emulator.
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';

const TEST_CA = `-----BEGIN CERTIFICATE-----
MIIBlTCCATqgAwIBAgICEAAwCgYIKoZIzj0EAwIwMDEuMCwGA1UEAwwlSW50ZXJh
Y3RpdmUgTWVzc2FnZXMgRXhwbG9yZXIgdGVzdCBDQTAgFw0yMDAxMDEwMDAwMDBa
GA8yMTI1MTIzMTAwMDAwMFowMDEuMCwGA1UEAwwlSW50ZXJhY3RpdmUgTWVzc2Fn
ZXMgRXhwbG9yZXIgdGVzdCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEmj
HR5lzz0BfIu56lw2SnkscWfULFdwXqOXSfKniQPBK5RotLcXCXbtYEwiykwmvPBU
CR8BwiUtpJCLcAuAhsyjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQD
AgIEMB0GA1UdDgQWBBQ2IUZjeuRvOXNZfNoKf7/0xCp2izAKBggqhkjOPQQDAgNJ
ADBGAiEAub7S5Z8J5NwMHJo0Ho/f9Ws1yP3HHRrvkiptl7MJkZQCIQDvX7LmbLE7
yVshvZTq4ycI3R+J6YEgAueP6wjCGtEdvg==
-----END CERTIFICATE-----
`;

const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBqDCCAU+gAwIBAgICEAEwCgYIKoZIzj0EAwIwMDEuMCwGA1UEAwwlSW50ZXJh
Y3RpdmUgTWVzc2FnZXMgRXhwbG9yZXIgdGVzdCBDQTAgFw0yMDAxMDEwMDAwMDBa
GA8yMTI1MTIzMTAwMDAwMFowFDESMBAGA1UEAwwJMTI3LjAuMC4xMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAElcwcPAc8jU6ZOJaAG458MvN823m8UTiFt+nXL2JP
cEcsIb8WCkmIdCmXEaMbX7xoJpXkciZdZZunQxrTb9pkBaNzMHEwCQYDVR0TBAIw
ADAPBgNVHREECDAGhwR/AAABMBMGA1UdJQQMMAoGCCsGAQUFBwMBMB8GA1UdIwQY
MBaAFDYhRmN65G85c1l82gp/v/TEKnaLMB0GA1UdDgQWBBSX8yfrNXSvxNYe1uas
B8wu6m9+yjAKBggqhkjOPQQDAgNHADBEAiBSEE570eHSeMDD9846GuOOGlTXlFFd
o/zyYmpCaP5eIwIgeR8hHzhnmY0RVtS/PcH0+FLm8bYABsbXxZlyHpViRTE=
-----END CERTIFICATE-----
`;

const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgxzZOOqDfbuJV0pZ7
jMjIvo8pNAK+PvtLxkJ8FqVKYqGhRANCAASVzBw8BzyNTpk4loAbjnwy83zbebxR
OIW36dcvYk9wRywhvxYKSYh0KZcRoxtfvGgmleRyJl1lm6dDGtNv2mQF
-----END PRIVATE KEY-----
`;

export interface TlsFront {
  /** https://127.0.0.1:port */
  url: string;
  close(): Promise<void>;
}

/** Serves TLS on 127.0.0.1 (the certificate and the test CA, as a chain) in front of the plain-http `target`. */
export async function startTlsFront(target: string): Promise<TlsFront> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ key: PRIVATE_KEY, cert: `${CERTIFICATE}${TEST_CA}` }, (socket) => {
    const upstream = net.connect(Number(port), hostname);
    socket.pipe(upstream).pipe(socket);
    for (const end of [socket, upstream]) {
      sockets.add(end);
      end.on('error', () => undefined);
      end.once('close', () => {
        sockets.delete(end);
        socket.destroy();
        upstream.destroy();
      });
    }
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
