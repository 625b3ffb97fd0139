// activation_ms and activation_floor_ms: load (require) + activate() of an extension in a fresh extension host (one
// window each), ours or the empty generated one, measured the same way by host.ts.
import { fmt } from './stats';
import { note } from './config';
import type { ActivationSample, Probe, Task } from './protocol';
import { closeWindow, openWindow, outcomeText, type RunningEnv } from './windows';

export interface ActivationRecord extends ActivationSample {
  label: string;
  window: number;
  openToResultMs: number;
  probe?: Probe;
}

export interface ActivationOptions {
  mode?: Task['mode'];
  extensionId?: string;
  extensionPath?: string;
  profileFile?: string;
  vscodeImports?: number;
}

export async function activationWindow(env: RunningEnv, label: string, folder: string, options: ActivationOptions = {}): Promise<ActivationRecord> {
  const mode = options.mode ?? 'activation';
  const task: Task = {
    id: ++env.taskCounter,
    mode,
    settleMs: 2000,
    extensionId: options.extensionId,
    profileFile: options.profileFile,
    vscodeImports: options.vscodeImports,
  };
  const window = await openWindow(env, task, folder, options.extensionPath);
  const sample = await env.control.nextEvent<ActivationSample>('activation', 120_000);
  const probe = mode === 'profile' ? await env.control.nextEvent<Probe>('probe', 60_000) : undefined;
  const outcome = await closeWindow(env, window);
  if (outcome.kind !== 'exit' || outcome.code !== 0) note(`window ${task.id} (${label}) ended with ${outcomeText(outcome)}`);
  note(
    `window ${task.id} ${label}: load ${fmt(sample.loadMs)} + activate() ${fmt(sample.activateCallMs)} ms ` +
      `(CPU ${fmt(sample.loadCpuMs)} + ${fmt(sample.activateCpuMs)}; caller sees ${fmt(sample.totalMs)} ms)` +
      `${sample.wasActive ? ' INVALID: already active' : ''}, signed in ${String(sample.signedIn)}`,
  );
  return { label, window: task.id, openToResultMs: Date.now() - window.opened, ...sample, probe };
}

/** load + activate(): what VS Code's "Running Extensions" calls activation time (code loading + activate call). */
export const activationOf = (sample: ActivationSample): number => (sample.loadMs ?? NaN) + (sample.activateCallMs ?? NaN);
