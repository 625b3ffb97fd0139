// The one /proc walker: who is whose child, ending a whole tree, the memory of a tree, what was left behind.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { sleep } from './wait';

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sends `sig` to `pid` (a negative pid is a process group); a process that is gone already is no error. */
export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

function readProc(pid: number | string, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // ended meanwhile, or not ours to read
  }
}

/** Every process id in /proc. */
export function allPids(): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
}

function parentOf(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  // The command name (2nd field) may hold spaces and parentheses: the fields after the last ')' are fixed.
  return stat === undefined ? undefined : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Children of every process, from one walk of /proc. */
export function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const ppid = parentOf(pid);
    if (ppid === undefined) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  return children;
}

/** All descendants of `pid`, breadth first (children before grandchildren). */
export function descendants(pid: number, children = childrenByParent()): number[] {
  const result: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift()!;
    for (const child of children.get(next) ?? []) {
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

export function commandLine(pid: number): string {
  return (readProc(pid, 'cmdline') ?? '').replace(/\0/g, ' ').trim();
}

/** Whether the environment of `pid` holds `NAME=value` exactly (readable only for our own processes). */
export function hasEnvironment(pid: number, assignment: string): boolean {
  return (readProc(pid, 'environ') ?? '').split('\0').includes(assignment);
}

/** Ends `child` and everything it started (its process group, if spawned detached, and any descendant that left it). */
export async function killTree(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  const pid = child?.pid;
  if (!child || pid === undefined) return;
  const tree = [pid, ...descendants(pid)];
  signal(-pid, 'SIGTERM');
  for (const each of tree) signal(each, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && tree.some(pidAlive)) await sleep(100);
  const survivors = [...new Set([...tree, ...descendants(pid)])].filter(pidAlive);
  signal(-pid, 'SIGKILL');
  for (const each of survivors) signal(each, 'SIGKILL');
  if (child.exitCode === null && child.signalCode === null) {
    // Let the 'exit' event arrive, so callers see a finished process.
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      setTimeout(resolve, 2000).unref();
    });
  }
}

/** Kills the process group of a detached child when this process exits without having stopped it. */
export function killGroupOnExit(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const onExit = () => signal(-pid, 'SIGKILL');
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
}

/**
 * Memory of a process tree: the sum of PSS (shared pages split between their users, so Chromium's many processes
 * are not counted several times); RSS where smaps_rollup is unreadable. This process itself is not counted.
 */
export function memoryOfTree(rootPid: number, exclude: ReadonlySet<number> = new Set()): { mb: number; pids: Set<number> } {
  const children = childrenByParent();
  let totalKb = 0;
  const seen = new Set<number>();
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    if (seen.has(pid) || exclude.has(pid)) continue;
    seen.add(pid);
    if (pid !== process.pid) {
      const pss = /^Pss:\s+(\d+)/m.exec(readProc(pid, 'smaps_rollup') ?? '');
      const rss = pss ? undefined : /^VmRSS:\s+(\d+)/m.exec(readProc(pid, 'status') ?? '');
      totalKb += Number((pss ?? rss)?.[1] ?? 0);
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { mb: Math.round(totalKb / 1024), pids: seen };
}

/** Processes that are children of this process, or whose command line mentions one of `roots` (temp folders). */
export function leftovers(roots: readonly string[]): string[] {
  const found: string[] = [];
  for (const pid of allPids()) {
    if (pid === process.pid) continue;
    const cmdline = commandLine(pid);
    if (parentOf(pid) === process.pid || roots.some((root) => root && cmdline.includes(root))) found.push(`${pid} ${cmdline.slice(0, 160)}`);
  }
  return found;
}
