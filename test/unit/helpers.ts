// Shared by the service-layer tests: an in-process emulator, clients that record their onCall records, and tiny
// raw HTTP servers for answers the emulator cannot give (big numbers, wrong shapes, 5xx without a Code).
import { execFileSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { InteractiveMessagesClient, type CallRecord, type ClientOptions } from '../../src/api/client';
import { ApiError } from '../../src/api/errors';
import { DEMO_KEY, startEmulator, type EmulatorKey, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';

export interface RecordingClient {
  client: InteractiveMessagesClient;
  calls: CallRecord[];
}

export function newClient(endpoint: string, key: EmulatorKey = DEMO_KEY, options: Partial<ClientOptions> = {}): RecordingClient {
  const calls: CallRecord[] = [];
  const client = new InteractiveMessagesClient({
    endpoint,
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    securityToken: key.securityToken,
    backoff: { startingDelayMs: 10, maxDelayMs: 50 },
    ...options,
    onCall: (record) => {
      calls.push(record);
      options.onCall?.(record);
    },
  });
  return { client, calls };
}

/** Starts an emulator before the suite's tests and closes it after them. */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  before(async () => {
    emulator = await startEmulator({ seed: 1, ...options });
  });
  after(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.setFaults(options.faults ?? {});
    emulator?.resetStats();
  });
  return () => {
    if (!emulator) throw new Error('emulator not started');
    return emulator;
  };
}

export interface RawServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 answering every request with `answer` (status, body). */
export async function rawServer(answer: (request: http.IncomingMessage) => { status: number; body: string; contentType?: string }): Promise<RawServer> {
  const server = http.createServer((request, response) => {
    state.requests++;
    request.resume();
    request.on('end', () => {
      const { status, body, contentType } = answer(request);
      response.writeHead(status, { 'content-type': contentType ?? 'application/json' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: RawServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

export interface RecordingProxy {
  url: string;
  /** Every request line and body that passed, to find the Signature values that were sent. */
  seen: string[];
  close(): Promise<void>;
}

/** Forwards to `target` unchanged and remembers what was sent (the tests look for signatures in it). */
export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const seen: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push(`${request.url ?? ''}\n${body.toString('utf8')}`);
      const upstream = http.request(target + (request.url ?? '/'), { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => response.destroy());
      upstream.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Modules matching a pattern that a fresh Node process holds after importing the client, after building one, and after its first call. */
export interface ModulesLoaded {
  before: number;
  constructed: number;
  after: number;
}

/** What importing and building the client loads of `modules` (activation pays for it), and what its first call does. */
export function modulesLoadedOnFirstCall(modules: RegExp, options: Partial<ClientOptions> = {}): ModulesLoaded {
  const client = path.resolve(__dirname, '../../src/api/client.js');
  const clientOptions = {
    endpoint: 'http://127.0.0.1:9',
    accessKeyId: 'LTAIlazyprobe0000',
    accessKeySecret: 'lazy-probe-secret',
    maxAttempts: 1,
    timeoutMs: 2000,
    ...options,
  };
  const script = `
    const pattern = new RegExp(${JSON.stringify(modules.source)});
    const loaded = () => Object.keys(require.cache).filter((file) => pattern.test(file)).length;
    const { InteractiveMessagesClient } = require(${JSON.stringify(client)});
    const before = loaded();
    const api = new InteractiveMessagesClient(${JSON.stringify(clientOptions)});
    const constructed = loaded();
    api.listMessageApp({ PageNum: 1, PageSize: 1 }).catch(() => undefined).then(() => console.log(JSON.stringify({ before, constructed, after: loaded() })));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()) as ModulesLoaded;
}

/** For assert.rejects: the error is an ApiError with this code (and passes `check`). */
export function expectCode(code: string, check?: (e: ApiError) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`);
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  };
}
