// The HTTP side: a node:http server on 127.0.0.1, the API on "/", the control surface on /__emulator/.
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { Dataset, type DatasetInfo } from './dataset';
import { LiveMessageDataset, type LiveMessageInfo } from './liveDataset';
import { FaultInjector, HTML_502_PAGE, type FaultOptions } from './faults';
import { Gateway, type Answer } from './gateway';
import { DEFAULT_KEYS, type EmulatorKey } from './keys';
import { LegacyState } from './legacyState';
import { LiveMessageState } from './liveState';
import { StatsRecorder, type EmulatorStats } from './stats';

export interface EmulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 1. */
  seed?: number | string;
  /** Accepted calls per action and AccessKey in any sliding second, legacy family; default 100, 0 = unlimited. */
  qps?: number;
  /** The same for the LiveMessage* family; default 50, 0 = unlimited. */
  liveMessageQps?: number;
  /** Default: DEMO_KEY, STS_KEY, RESTRICTED_KEY, DISABLED_KEY. */
  keys?: EmulatorKey[];
  faults?: FaultOptions;
  /** Server clock in ms (Timestamp skew, nonce expiry, QPS window); default Date.now. */
  clock?: () => number;
}

/** The emulated time of the data: the server clock plus what advanceClock added. */
export interface EmulatedClock {
  /** ms */
  now: number;
  /** Added to the server clock by advanceClock, ms. */
  offsetMs: number;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  dataset: DatasetInfo;
  /** The LiveMessage* apps and their fixtures (also at GET /__emulator/livemessage). */
  liveMessage: LiveMessageInfo;
  /** Replaces the current faults; throws TypeError on invalid options. */
  setFaults(faults: FaultOptions): void;
  /** Pages of a group's members served so far and, given `pages`, who was present while they were served. */
  membership(groupId: string, pages?: { from: number; to: number }): MembershipReport;
  stats(): EmulatorStats;
  resetStats(): void;
  /**
   * Moves the data's time forward by `ms` (mute expiry, message times, how long ago a group was deleted). The
   * clock that checks request Timestamps, nonces and the QPS window is not moved: signed requests keep working.
   * Throws TypeError unless `ms` is a non-negative safe integer.
   */
  advanceClock(ms: number): EmulatedClock;
  clock(): EmulatedClock;
  /** Stops listening and destroys every connection, hung ones included. */
  close(): Promise<void>;
}

/** GET /__emulator/membership?groupId=…[&from=…&to=…]: a group's member pages served and who was present. */
export interface MembershipReport {
  groupId: string;
  /** Pages of the group's members served since the emulator started (the first is 1). */
  served: number;
  /** Members now. */
  members: number;
  /** With pages: the UserIds present while every page from `from` to `to` was served… */
  presentThroughout?: string[];
  /** …and of those present while some of them were served, not all (joined or left in between). */
  presentPartly?: string[];
}

/** For the CLI's request log; not part of the public API. */
export interface ServerHooks {
  onAnswer?(entry: { method: string; action?: string; status: number | 'hang' | 'reset'; code: string; delayMs: number }): void;
}

const MAX_BODY_BYTES = 1024 * 1024;
const CONTROL_PREFIX = '/__emulator/';

function validateOptions(options: EmulatorOptions): void {
  const { port, qps, liveMessageQps, seed, keys, clock } = options;
  if (liveMessageQps !== undefined && (!Number.isInteger(liveMessageQps) || liveMessageQps < 0)) {
    throw new TypeError('liveMessageQps must be a non-negative integer (0 = unlimited)');
  }
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new TypeError('port must be an integer from 0 to 65535');
  }
  if (qps !== undefined && (!Number.isInteger(qps) || qps < 0)) {
    throw new TypeError('qps must be a non-negative integer (0 = unlimited)');
  }
  if (seed !== undefined && typeof seed !== 'number' && typeof seed !== 'string') {
    throw new TypeError('seed must be a number or a string');
  }
  if (clock !== undefined && typeof clock !== 'function') {
    throw new TypeError('clock must be a function returning milliseconds');
  }
  if (keys !== undefined) {
    const ids = new Set<string>();
    for (const key of keys) {
      if (!key.accessKeyId || !key.accessKeySecret) {
        throw new TypeError('every key needs an accessKeyId and an accessKeySecret');
      }
      if (ids.has(key.accessKeyId)) {
        throw new TypeError(`duplicate accessKeyId ${key.accessKeyId}`);
      }
      ids.add(key.accessKeyId);
    }
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The body as text, or undefined when it exceeds the limit (the request has then been answered). */
function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
        res.end('Request body too large');
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendAnswer(req: http.IncomingMessage, res: http.ServerResponse, answer: Answer): void {
  if (res.destroyed || req.socket.destroyed) {
    return;
  }
  switch (answer.kind) {
    case 'json':
      res.writeHead(answer.status, {
        'content-type': 'application/json;charset=utf-8',
        'content-length': Buffer.byteLength(answer.body),
        'x-acs-request-id': answer.requestId,
      });
      res.end(answer.body);
      return;
    case 'html502':
      res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(HTML_502_PAGE) });
      res.end(HTML_502_PAGE);
      return;
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'hang':
      return;
  }
}

export async function startServer(options: EmulatorOptions = {}, hooks: ServerHooks = {}): Promise<RunningEmulator> {
  validateOptions(options);
  const seed = options.seed ?? 1;
  const dataset = new Dataset(seed);
  const liveMessage = new LiveMessageDataset(seed);
  const faults = new FaultInjector(String(seed));
  faults.set(options.faults ?? {});
  const stats = new StatsRecorder();
  const serverClock = options.clock ?? Date.now;
  let offsetMs = 0;
  const dataClock = () => serverClock() + offsetMs;
  const clockState = (): EmulatedClock => ({ now: dataClock(), offsetMs });
  const advanceClock = (ms: unknown): EmulatedClock => {
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
      throw new TypeError('the clock moves forward only: ms must be a non-negative integer of milliseconds');
    }
    offsetMs += ms;
    return clockState();
  };
  const gateway = new Gateway({
    dataset,
    liveMessage,
    legacyState: new LegacyState(dataset, dataClock),
    liveMessageState: new LiveMessageState(liveMessage, dataClock),
    keys: options.keys ?? DEFAULT_KEYS,
    qps: options.qps ?? 100,
    liveMessageQps: options.liveMessageQps ?? 50,
    clock: serverClock,
    faults,
    stats,
  });

  /** Throws TypeError when the group is unknown or the pages are not 1 <= from <= to <= served. */
  function membership(groupId: string, pages?: { from: number; to: number }): MembershipReport {
    const group = dataset.groupById(groupId);
    if (!group) {
      throw new TypeError(`unknown groupId "${groupId}"`);
    }
    const served = dataset.memberPagesServed(group);
    const report: MembershipReport = { groupId, served, members: dataset.memberCount(group) };
    if (!pages) {
      return report;
    }
    const { from, to } = pages;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || from > to || to > served) {
      throw new TypeError(`from and to must be pages served, 1 <= from <= to <= ${served}`);
    }
    const { throughout, partly } = dataset.presence(group, from, to);
    return { ...report, presentThroughout: throughout, presentPartly: partly };
  }

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  async function control(req: http.IncomingMessage, res: http.ServerResponse, path: string, query: string): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { error: 'the control surface answers loopback clients only' });
      return;
    }
    const route = `${req.method} ${path.slice(CONTROL_PREFIX.length)}`;
    switch (route) {
      case 'GET stats':
        sendJson(res, 200, stats.snapshot());
        return;
      case 'POST reset-stats':
        stats.reset();
        res.writeHead(204).end();
        return;
      case 'GET dataset':
        sendJson(res, 200, dataset.info);
        return;
      case 'GET livemessage':
        sendJson(res, 200, liveMessage.info);
        return;
      case 'GET clock':
        sendJson(res, 200, clockState());
        return;
      case 'POST advance-clock': {
        const body = await readBody(req, res);
        if (body === undefined) {
          return;
        }
        try {
          const { ms } = JSON.parse(body === '' ? '{}' : body) as { ms?: unknown };
          sendJson(res, 200, advanceClock(ms));
        } catch (error) {
          sendJson(res, 400, { error: (error as Error).message });
        }
        return;
      }
      case 'GET faults':
        sendJson(res, 200, faults.current);
        return;
      case 'GET membership': {
        const params = new URLSearchParams(query);
        const pageParam = (name: string) => (/^[0-9]{1,15}$/.test(params.get(name) ?? '') ? Number(params.get(name)) : NaN);
        const unknown = [...params.keys()].find((name) => !['groupId', 'from', 'to'].includes(name));
        const groupId = params.get('groupId') ?? '';
        if (!dataset.groupById(groupId)) {
          sendJson(res, 404, { error: `unknown groupId "${groupId}"` });
          return;
        }
        try {
          if (unknown !== undefined) {
            throw new TypeError(`unknown parameter "${unknown}"`);
          }
          if (params.has('from') !== params.has('to')) {
            throw new TypeError('from and to go together');
          }
          sendJson(res, 200, membership(groupId, params.has('from') ? { from: pageParam('from'), to: pageParam('to') } : undefined));
        } catch (error) {
          sendJson(res, 400, { error: (error as Error).message });
        }
        return;
      }
      case 'PUT faults': {
        const body = await readBody(req, res);
        if (body === undefined) {
          return;
        }
        try {
          faults.set(JSON.parse(body === '' ? '{}' : body) as FaultOptions);
        } catch (error) {
          sendJson(res, 400, { error: (error as Error).message });
          return;
        }
        sendJson(res, 200, faults.current);
        return;
      }
      default:
        sendJson(res, 404, {
          error:
            'unknown control endpoint; use GET stats, GET|PUT faults, POST reset-stats, GET dataset, GET livemessage, GET membership, GET clock, POST advance-clock',
        });
    }
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, path: string, query: string): Promise<void> {
    const body = await readBody(req, res);
    if (body === undefined) {
      return;
    }
    const isForm = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
    const method = req.method ?? 'GET';
    const decision = gateway.handle({ method, path, query, form: isForm ? body : undefined });
    const { answer, delayMs } = decision;
    hooks.onAnswer?.({
      method,
      action: decision.action,
      status: answer.kind === 'json' ? answer.status : answer.kind === 'html502' ? 502 : answer.kind,
      code: answer.kind === 'json' ? answer.code : `fault.${answer.kind}`,
      delayMs,
    });
    if (answer.kind === 'hang') {
      return; // never answered; close() destroys the socket
    }
    if (delayMs <= 0) {
      sendAnswer(req, res, answer);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      sendAnswer(req, res, answer);
    }, delayMs);
    timers.add(timer);
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? '' : url.slice(q + 1);
    const handler = path.startsWith(CONTROL_PREFIX) ? control(req, res, path, query) : api(req, res, path, query);
    handler.catch((error: unknown) => {
      console.error('[emulator] unexpected error:', error);
      if (!res.headersSent) {
        sendJson(res, 500, { error: 'emulator failure' });
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataset: dataset.info,
    liveMessage: liveMessage.info,
    setFaults: (next) => faults.set(next),
    membership,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    advanceClock: (ms) => advanceClock(ms),
    clock: clockState,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) {
          clearTimeout(timer);
        }
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) {
          socket.destroy();
        }
      });
      return closing;
    },
  };
}
