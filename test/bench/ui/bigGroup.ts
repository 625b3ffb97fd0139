// The emulator's 100,000-member group in the real host, in the UI window:
//   load_all_ratio_to_limit    imExplorer.loadAll on the group: members/s ÷ 5,000 (the API's 100 calls/s × 50)
//   exthost_heap_growth_mb     extension host heap after a full GC, after minus before, for the loaded members
//   frame_gap_p95_ms           95th percentile gap between requestAnimationFrame callbacks in the workbench page,
//                              while loading and while the tree is scrolled to (revealing) the last member
//   refresh_after_load_all_ms  imExplorer.refresh of the group until one of its first-page members is visible again
import type { Page } from 'playwright-core';
import { sleep } from '../../harness/wait';
import { LOAD_ALL_LIMIT_PER_S, note } from './config';
import type { BenchGroup } from './expand';
import { startFrameRecorder, stopFrameRecorder } from './frames';
import { emulatorQuiet } from './page';
import type { GroupPath, HeapSample, LoadAllSample } from './protocol';
import { fmt, percentile } from './stats';
import type { RunningEnv } from './windows';

export interface BigGroupResult {
  loadAll: LoadAllSample;
  loaded: number;
  membersPerSecond: number;
  loadAllRatioToLimit: number;
  heapBefore: HeapSample;
  heapAfter: HeapSample;
  heapGrowthMb: number;
  frameGaps: number;
  frameGapP95Ms: number;
  frameGapMaxMs: number;
  revealedId: string;
  refreshMs: number;
}

/** Resolves with the time (ms, page clock → wall) at which a level-4 row labelled one of `expected` has a box. */
function firstPageVisible(page: Page, expected: string[], timeoutMs: number): Promise<number> {
  return page.evaluate(
    ({ expected, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        const onFrame = () => {
          for (const row of document.querySelectorAll('[id="workbench.parts.sidebar"] .monaco-list-row[role="treeitem"][aria-level="4"]')) {
            const name = row.querySelector('.label-name')?.textContent;
            const box = row.getBoundingClientRect();
            if (name && expected.includes(name) && box.width > 0 && box.height > 0) return resolve(performance.timeOrigin + performance.now());
          }
          if (performance.now() > deadline) return reject(new Error('no first-page member row became visible'));
          requestAnimationFrame(onFrame);
        };
        requestAnimationFrame(onFrame);
      }),
    { expected, timeoutMs },
  );
}

export async function measureBigGroup(env: RunningEnv, page: Page, where: Omit<GroupPath, 'groupId'>, big: BenchGroup): Promise<BigGroupResult> {
  const group: GroupPath = { ...where, groupId: big.groupId };
  await emulatorQuiet(env);
  const heapBefore = await env.control.ask<HeapSample>({ cmd: 'heap' }, 'heap', 60_000);
  await startFrameRecorder(page);
  note(`Load All of ${big.groupId} (${big.members ?? '?'} members)`);
  const loadAll = await env.control.ask<LoadAllSample>({ cmd: 'loadAll', ...group }, 'loadAll', 15 * 60_000);
  const outcome = (loadAll.outcome ?? {}) as { status?: string; loaded?: number; total?: number; durationMs?: number };
  const loaded = outcome.loaded ?? loadAll.children;
  const seconds = (outcome.durationMs ?? loadAll.ms) / 1000;
  const membersPerSecond = loaded / seconds;
  note(`  ${outcome.status ?? '?'}: ${loaded} of ${outcome.total ?? '?'} in ${fmt(seconds, 2)} s = ${fmt(membersPerSecond, 0)} members/s`);
  const { id: revealedId } = await env.control.ask<{ id: string }>({ cmd: 'reveal', last: true, ...group }, 'revealed', 120_000);
  await sleep(1000);
  const gaps = await stopFrameRecorder(page);
  const heapAfter = await env.control.ask<HeapSample>({ cmd: 'heap' }, 'heap', 60_000);
  note(
    `  heap ${fmt(heapBefore.heapUsedMb)} → ${fmt(heapAfter.heapUsedMb)} MB (GC forced: ${String(heapAfter.gc)}); ${gaps.length} frames, p95 gap ${fmt(percentile(gaps, 95))} ms`,
  );
  await emulatorQuiet(env);
  const refreshStarted = Date.now();
  const visible = firstPageVisible(page, big.expected, 60_000);
  await env.control.ask({ cmd: 'refresh', group }, 'done', 60_000);
  const refreshMs = (await visible) - refreshStarted;
  note(`  refresh after Load All: first page visible after ${fmt(refreshMs)} ms`);
  return {
    loadAll,
    loaded,
    membersPerSecond,
    loadAllRatioToLimit: membersPerSecond / LOAD_ALL_LIMIT_PER_S,
    heapBefore,
    heapAfter,
    heapGrowthMb: heapAfter.heapUsedMb - heapBefore.heapUsedMb,
    frameGaps: gaps.length,
    frameGapP95Ms: percentile(gaps, 95),
    frameGapMaxMs: Math.max(...gaps),
    revealedId,
    refreshMs,
  };
}
