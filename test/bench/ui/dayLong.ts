// A day-long session, in the UI window once the 100,000-member group is loaded:
//   refresh_heap_growth_mb  extension host heap after a full GC, after 500 refreshes of the expanded tree's rows
//                           (legacy and LiveMessage apps, groups, Messages; the loaded group kept), minus before
//   reload_to_tree_ms       the window reloaded (a new extension host) until the first app row is drawn with the
//                           tree's expansion restored (the demo user's row under its app)
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
      )}) in ${fmt(refresh.ms / 1000, 1)} s; heap ${fmt(refresh.heapBefore.heapUsedMb)} → ${fmt(refresh.heapAfter.heapUsedMb)} MB; kept group ${refresh.keptBefore} → ${refresh.keptAfter} members`,
  );

  // The reloaded window's extension host asks for a task: the same UI task, under a new id.
  env.control.setTask({ ...task, id: ++env.taskCounter });
  await emulatorQuiet(env);
  const started = Date.now();
  const reloaded = page.waitForEvent('domcontentloaded', { timeout: 120_000 });
  env.control.send({ cmd: 'reloadWindow' });
  await reloaded;
  try {
    await sidebarRow(page, labels.appName, 1).waitFor({ state: 'visible', timeout: 60_000 });
    await sidebarRow(page, labels.userId, 2).waitFor({ state: 'visible', timeout: 60_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'reload-failure.png') }).catch(() => undefined);
    throw new Error(`after the reload: ${(error as Error).message.split('\n')[0]}\n${(await diagnose(env, page)).slice(0, 4000)}`, { cause: error });
  }
  const reloadToTreeMs = Date.now() - started;
  const reloadActivation = await env.control.nextEvent<ActivationSample>('activation', 120_000);
  await env.control.nextEvent('configured', 60_000);
  note(`  window reloaded: ${labels.appName} with ${labels.userId} expanded under it after ${fmt(reloadToTreeMs)} ms`);
  return { refresh, heapGrowthMb, reloadToTreeMs, reloadActivation };
}
