// A day-long session, in the UI window once the 100,000-member group is loaded:
//   refresh_heap_growth_mb  extension host heap after a full GC, after 500 refreshes of the expanded tree's rows
//                           (legacy and LiveMessage apps, groups, Messages; the loaded group kept), minus before
//   reload_to_tree_ms       the window reloaded (a new extension host) until the first app row is drawn with the
//                           tree's expansion restored (the demo user's row under its app)
//   reload_to_activation_ms of that, VS Code's own start-up: until the new extension host has activated the extension
import type { Page } from 'playwright-core';
import * as path from 'node:path';
import { note, OUTPUT_DIR } from './config';
import { diagnose, emulatorQuiet, sidebarRow } from './page';
import type { ActivationSample, GroupPath, RefreshRowsSample, Task } from './protocol';
import { fmt } from './stats';
import type { RunningEnv } from './windows';

export const REFRESHES = 500;

export interface DayLongResult {
  refresh: RefreshRowsSample;
  heapGrowthMb: number;
  reloadToTreeMs: number;
  /** Of that, until VS Code had started the extension host and activated the extension (its own start-up). */
  reloadToActivationMs: number;
  reloadActivation: ActivationSample;
}

export async function measureDayLong(
  env: RunningEnv,
  page: Page,
  task: Task,
  keep: GroupPath,
  labels: { appName: string; userId: string },
): Promise<DayLongResult> {
  await emulatorQuiet(env);
  note(`${REFRESHES} refreshes of the expanded tree (${keep.groupId} kept loaded)`);
  const refresh = await env.control.ask<RefreshRowsSample>({ cmd: 'refreshRows', count: REFRESHES, keep }, 'refreshedRows', 15 * 60_000);
  const heapGrowthMb = refresh.heapAfter.heapUsedMb - refresh.heapBefore.heapUsedMb;
  note(
    `  ${refresh.refreshes} refreshes (${Object.entries(refresh.rows)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(
        ', ',
      )}) in ${fmt(refresh.ms / 1000, 1)} s; heap ${fmt(refresh.heapBefore.heapUsedMb)} → ${fmt(refresh.heapAfter.heapUsedMb)} MB; kept group ${refresh.keptBefore} → ${refresh.keptAfter} members; ` +
      `heap after ${refresh.heapCurve.map((point) => `${point.refreshes}: ${fmt(point.heapUsedMb)}`).join(', ')} MB`,
  );

  // The reloaded window's extension host asks for a task: the same UI task, under a new id, in which the view
  // (visible when the window reloads) activates the extension, as it does for a user.
  env.control.setTask({ ...task, id: ++env.taskCounter, activatedByView: true });
  await emulatorQuiet(env);
  const started = Date.now();
  const since = () => Date.now() - started;
  const reloaded = page.waitForEvent('domcontentloaded', { timeout: 120_000 }).then(since);
  const activated = env.control.nextEvent<ActivationSample>('activation', 120_000);
  activated.catch(() => undefined);
  env.control.send({ cmd: 'reloadWindow' });
  const pageMs = await reloaded;
  let appRowMs: number;
  try {
    await sidebarRow(page, labels.appName, 1).waitFor({ state: 'visible', timeout: 60_000 });
    appRowMs = since();
    await sidebarRow(page, labels.userId, 2).waitFor({ state: 'visible', timeout: 60_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'reload-failure.png') }).catch(() => undefined);
    throw new Error(`after the reload: ${(error as Error).message.split('\n')[0]}\n${(await diagnose(env, page)).slice(0, 4000)}`, { cause: error });
  }
  const reloadToTreeMs = since();
  const calls = env.emulator.requests.filter((request) => request.at >= started && request.at <= started + reloadToTreeMs);
  const reloadActivation = await activated;
  const reloadToActivationMs = (reloadActivation.activeAtWall ?? Number.NaN) - started;
  await env.control.nextEvent('configured', 60_000);
  note(
    `  window reloaded: page loaded ${fmt(pageMs)} ms, extension activated by its view ${fmt(reloadToActivationMs)} ms, ${labels.appName} drawn ${fmt(appRowMs)} ms, ` +
      `${labels.userId} expanded under it ${fmt(reloadToTreeMs)} ms after the reload; calls meanwhile: ` +
      calls.map((request) => `${request.action} +${fmt(request.at - started)}`).join(', '),
  );
  return { refresh, heapGrowthMb, reloadToTreeMs, reloadToActivationMs, reloadActivation };
}
