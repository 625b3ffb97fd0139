/// <reference lib="dom" />
// A group's dashboard in the real workbench, in the UI window:
//   dashboard_open_ms          imExplorer.openDashboard on the 1,000-member group (all loaded) until its members curve
//                              is drawn in the webview
//   dashboard_update_p95_ms    95th percentile gap between requestAnimationFrame callbacks in the dashboard's webview
//                              while a Load All of the 100,000-member group feeds its members curve
//   dashboard_exthost_heap_mb  extension host heap after a full GC, after that load minus before it, the dashboard open
//   dashboard_sample_share     the sampling calls of an open dashboard per second, over the family's limit of the action
import type { Frame, Page } from 'playwright-core';
import { sleep, waitUntil } from '../../harness/wait';
import { note } from './config';
import type { BenchGroup } from './expand';
import { startFrameRecorder, stopFrameRecorder } from './frames';
import { emulatorQuiet } from './page';
import type { GroupPath, HeapSample, LoadAllSample } from './protocol';
import { fmt, percentile } from './stats';
import type { RunningEnv } from './windows';

export interface DashboardResult {
  openMs: number;
  updateGapP95Ms: number;
  updateGapMaxMs: number;
  frames: number;
  heapGrowthMb: number;
  sampleCallsPerSecond: number;
  sampleShare: number;
  loaded: number;
}

/** The legacy family's per-action limit (the dashboard of a legacy group samples ListMessageGroupUser). */
const LIMIT_PER_S = 100;
/** How long the sampling rate is measured. */
const SAMPLE_WINDOW_MS = 12_000;

/** The dashboard's document: the inner frame of the webview's iframe. */
async function dashboardFrame(page: Page): Promise<Frame> {
  return waitUntil(
    async () => {
      for (const frame of page.frames()) {
        if (
          (await frame
            .locator('#dashboard')
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      return undefined;
    },
    { timeout: 30_000, message: "the dashboard's webview" },
  );
}

/** The wall time (ms) at which the members curve is drawn (a frame after it is in the document). */
function curveDrawn(frame: Frame, expectedText: string, timeoutMs: number): Promise<number> {
  return frame.evaluate(
    ({ expectedText, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        const onFrame = () => {
          const section = document.querySelector('section[data-chart="members"]');
          if (section?.querySelector('g.members-line path') && section.textContent?.includes(expectedText))
            return resolve(performance.timeOrigin + performance.now());
          if (performance.now() > deadline) return reject(new Error(`no members curve saying "${expectedText}"`));
          requestAnimationFrame(onFrame);
        };
        requestAnimationFrame(onFrame);
      }),
    { expectedText, timeoutMs },
  );
}

export async function measureDashboards(
  env: RunningEnv,
  page: Page,
  where: Omit<GroupPath, 'groupId'>,
  thousand: BenchGroup,
  big: BenchGroup,
): Promise<DashboardResult> {
  // Open: the 1,000-member group, every member loaded first.
  const small: GroupPath = { ...where, groupId: thousand.groupId };
  await env.control.ask<LoadAllSample>({ cmd: 'loadAll', ...small }, 'loadAll', 120_000);
  await emulatorQuiet(env);
  const opened = await env.control.ask<{ startWall: number }>({ cmd: 'openDashboard', ...small }, 'dashboardOpened', 60_000);
  const frame = await dashboardFrame(page);
  const drawnAt = await curveDrawn(frame, (thousand.members ?? 1000).toLocaleString('en-US'), 30_000);
  const openMs = drawnAt - opened.startWall;
  note(`dashboard of ${thousand.groupId}: members curve drawn ${fmt(openMs)} ms after the command`);

  // Sampling: the calls the open dashboard makes while nothing else reads that group's pages.
  await emulatorQuiet(env);
  const sampled = () => env.emulator.requests.filter((request) => request.action === 'ListMessageGroupUser').length;
  const before = sampled();
  const started = Date.now();
  await sleep(SAMPLE_WINDOW_MS);
  const sampleCallsPerSecond = (sampled() - before) / ((Date.now() - started) / 1000);
  note(`sampling: ${fmt(sampleCallsPerSecond, 2)} calls/s = ${fmt(sampleCallsPerSecond / LIMIT_PER_S, 4)} of the limit`);
  await env.control.ask({ cmd: 'closeEditors' }, 'done', 30_000);

  // Update: the 100,000-member group's dashboard while a Load All feeds its curve.
  const large: GroupPath = { ...where, groupId: big.groupId };
  await env.control.ask({ cmd: 'refresh', group: large }, 'done', 60_000);
  await emulatorQuiet(env);
  await env.control.ask<{ startWall: number }>({ cmd: 'openDashboard', ...large }, 'dashboardOpened', 60_000);
  const bigFrame = await dashboardFrame(page);
  await curveDrawn(bigFrame, 'members', 30_000);
  const heapBefore = await env.control.ask<HeapSample>({ cmd: 'heap' }, 'heap', 60_000);
  await startFrameRecorder(bigFrame);
  const load = await env.control.ask<LoadAllSample>({ cmd: 'loadAll', ...large }, 'loadAll', 15 * 60_000);
  const total = (big.members ?? 100_000).toLocaleString('en-US');
  await curveDrawn(bigFrame, `All ${total} members`, 60_000);
  const gaps = await stopFrameRecorder(bigFrame);
  const heapAfter = await env.control.ask<HeapSample>({ cmd: 'heap' }, 'heap', 60_000);
  const loaded = ((load.outcome ?? {}) as { loaded?: number }).loaded ?? 0;
  note(
    `dashboard of ${big.groupId} during Load All (${loaded} members): ${gaps.length} frames, p95 gap ${fmt(percentile(gaps, 95))} ms; heap ${fmt(heapBefore.heapUsedMb)} → ${fmt(heapAfter.heapUsedMb)} MB`,
  );
  await env.control.ask({ cmd: 'closeEditors' }, 'done', 30_000);
  return {
    openMs,
    updateGapP95Ms: percentile(gaps, 95),
    updateGapMaxMs: Math.max(...gaps),
    frames: gaps.length,
    heapGrowthMb: heapAfter.heapUsedMb - heapBefore.heapUsedMb,
    sampleCallsPerSecond,
    sampleShare: sampleCallsPerSecond / LIMIT_PER_S,
    loaded,
  };
}
