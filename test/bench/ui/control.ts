// The control server the in-host half talks to: GET /task (what this window measures), POST /event (results),
// GET /command (long poll: the driver's next instruction).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command, Task } from './protocol';

interface HostEvent {
  type: string;
  data: unknown;
  receivedAt: number;
  taskId?: number;
  consumed?: boolean;
}

export interface Control {
  url: string;
  task(): Task | undefined;
  setTask(task: Task): void;
  /** The next event of `type` for the current task (an "error" event rejects), within `timeoutMs`. */
  nextEvent<T>(type: string, timeoutMs?: number): Promise<T>;
  /** Sends `command` and waits for the event it answers with. */
  ask<T>(command: Command, answer: string, timeoutMs?: number): Promise<T>;
  send(command: Command): void;
  close(): Promise<void>;
}

export function startControl(): Promise<Control> {
  let task: Task | undefined;
  const events: HostEvent[] = [];
  let eventWaiters: ((event: HostEvent) => void)[] = [];
  const commands: Command[] = [];
  let commandWaiter: ((command: Command) => void) | undefined;

  const server = http.createServer((req, res) => {
    const reply = (status: number, value?: unknown) => {
      const body = value === undefined ? '' : JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/task') return reply(200, task ?? { mode: 'none' });
    if (req.method === 'GET' && req.url === '/command') {
      const queued = commands.shift();
      if (queued) return reply(200, queued);
      commandWaiter = (command) => reply(200, command);
      return undefined;
    }
    if (req.method === 'POST' && req.url === '/event') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { type, data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; data: unknown };
        const event: HostEvent = { type, data, receivedAt: Date.now(), taskId: task?.id };
        events.push(event);
        for (const waiter of [...eventWaiters]) waiter(event);
        reply(204);
      });
      return undefined;
    }
    return reply(404, { error: 'unknown' });
  });

  const settle = <T>(event: HostEvent): T => {
    event.consumed = true;
    if (event.type === 'error') throw new Error(`in the extension host: ${(event.data as { message: string }).message}`);
    return event.data as T;
  };
  const nextEvent = <T>(type: string, timeoutMs = 60_000): Promise<T> => {
    const taskId = task?.id;
    const matches = (event: HostEvent) => event.taskId === taskId && (event.type === type || event.type === 'error') && !event.consumed;
    const seen = events.find(matches);
    if (seen) return new Promise<T>((resolve) => resolve(settle<T>(seen)));
    return new Promise<T>((resolve, reject) => {
      const waiter = (event: HostEvent) => {
        if (!matches(event)) return;
        clearTimeout(timer);
        eventWaiters = eventWaiters.filter((each) => each !== waiter);
        try {
          resolve(settle<T>(event));
        } catch (error) {
          reject(error as Error);
        }
      };
      const timer = setTimeout(() => {
        eventWaiters = eventWaiters.filter((each) => each !== waiter);
        reject(new Error(`no "${type}" from the extension host within ${timeoutMs} ms`));
      }, timeoutMs);
      eventWaiters.push(waiter);
    });
  };
  const send = (command: Command) => {
    const waiter = commandWaiter;
    commandWaiter = undefined;
    if (waiter) waiter(command);
    else commands.push(command);
  };
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        task: () => task,
        setTask(next) {
          task = next;
          commands.length = 0;
          commandWaiter = undefined;
        },
        nextEvent,
        ask(command, answer, timeoutMs) {
          send(command);
          return nextEvent(answer, timeoutMs);
        },
        send,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
