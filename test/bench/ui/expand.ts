// expand_to_visible_ms: from the click on a message group's twistie (the click event's timestamp) to the first
// animation frame in which one of its first-page member rows is in the DOM with a box (≈ the first paint showing it),
// timed inside the page. Every group of the demo user, several rounds, a refresh between rounds so that every
// expansion calls ListMessageGroupUser once (checked against the emulator's request log).
import type { Page } from 'playwright-core';
import { sleep } from '../../harness/wait';
import { fmt } from './stats';
import { note, ROUNDS } from './config';
import { diagnose, emulatorQuiet, sidebarRow } from './page';
import type { ChildrenCall } from './protocol';
import type { RunningEnv } from './windows';

export interface BenchGroup {
  role: string;
  groupId: string;
  members?: number;
  /** First-page member ids (both sort orders). */
  expected: string[];
}

export interface ExpansionSample {
  round: number;
  group: string;
  groupId: string;
  members?: number;
  firstRow?: string;
  expandMs: number;
  frameMs: number;
  clickWall: number;
  attachedWall: number;
  apiCalls: number;
  emulatorArrival?: number;
  host?: { clickToGetChildren: number; getChildrenMs: number; childrenToAttached: number; children: number; extraTreeItems: number };
}

export interface LostExpansion {
  round: number;
  group: string;
  groupId: string;
  details: string;
}

interface WatcherState {
  click?: number;
  attached?: number;
  frame?: number;
  label?: string;
  timeOrigin: number;
  preexisting?: string;
}

declare global {
  interface Window {
    imeBenchWatcher?: WatcherState;
  }
}

/**
 * Arms the in-page watcher: the click's timestamp, the moment a member row (level `level`, label in `expected`) is in
 * the DOM, and the first animation frame after it in which that row has a box. The DOM is only read in the mutation
 * callbacks (no forced layout); the box is read once per frame, where the frame's layout is due anyway.
 */
function armWatcher(page: Page, expected: string[], level: number): Promise<string | undefined> {
  return page.evaluate(
    ({ expected, level }) => {
      const sidebar = document.getElementById('workbench.parts.sidebar');
      if (!sidebar) throw new Error('no sidebar in the workbench');
      const state: WatcherState = { timeOrigin: performance.timeOrigin };
      const find = (): Element | undefined => {
        for (const row of sidebar.querySelectorAll(`.monaco-list-row[role="treeitem"][aria-level="${level}"]`)) {
          const name = row.querySelector('.label-name')?.textContent;
          if (name && expected.includes(name)) return row;
        }
        return undefined;
      };
      state.preexisting = find()?.querySelector('.label-name')?.textContent ?? undefined;
      const onClick = (event: MouseEvent) => {
        state.click ??= event.timeStamp;
      };
      window.addEventListener('click', onClick, true);
      const onFrame = () => {
        const row = find();
        const box = row?.getBoundingClientRect();
        if (row && box && box.width > 0 && box.height > 0) {
          state.frame = performance.now();
          state.label = row.querySelector('.label-name')?.textContent ?? undefined;
          return;
        }
        requestAnimationFrame(onFrame);
      };
      const observer = new MutationObserver(() => {
        if (state.click === undefined || state.attached !== undefined) return;
        if (!find()) return;
        state.attached = performance.now();
        observer.disconnect();
        window.removeEventListener('click', onClick, true);
        requestAnimationFrame(onFrame);
      });
      observer.observe(sidebar, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-level'] });
      window.imeBenchWatcher = state;
      return state.preexisting;
    },
    { expected, level },
  );
}

async function measureExpansion(env: RunningEnv, page: Page, group: BenchGroup, round: number): Promise<ExpansionSample | LostExpansion> {
  const groupRow = sidebarRow(page, group.groupId, 3);
  await groupRow.waitFor({ state: 'visible', timeout: 30_000 });
  await groupRow.scrollIntoViewIfNeeded();
  if ((await groupRow.getAttribute('aria-expanded')) === 'true') throw new Error(`group ${group.groupId} is already expanded`);
  const preexisting = await armWatcher(page, group.expected, 4);
  if (preexisting) throw new Error(`a member row (${preexisting}) is in the DOM before the click`);
  const requestsBefore = env.emulator.requests.length;
  await groupRow.locator('.monaco-tl-twistie').click();
  try {
    await page.waitForFunction(() => window.imeBenchWatcher?.frame !== undefined, null, { timeout: 15_000, polling: 50 });
  } catch {
    return { round, group: group.role, groupId: group.groupId, details: await diagnose(env, page, requestsBefore) };
  }
  const state = await page.evaluate(() => window.imeBenchWatcher as WatcherState);
  const click = state.click ?? NaN;
  const attached = state.attached ?? NaN;
  const clickWall = state.timeOrigin + click;
  const attachedWall = state.timeOrigin + attached;
  const calls = env.emulator.requests
    .slice(requestsBefore)
    .filter((request) => request.action === 'ListMessageGroupUser' && request.at >= Math.floor(clickWall) - 1 && request.at <= attachedWall + 1);
  const sample: ExpansionSample = {
    round,
    group: group.role,
    groupId: group.groupId,
    members: group.members,
    firstRow: state.label,
    expandMs: attached - click,
    frameMs: (state.frame ?? NaN) - click,
    clickWall,
    attachedWall,
    apiCalls: calls.length,
    emulatorArrival: calls[0]?.at,
  };
  // Collapse again, so that the next group's rows are where the view shows them.
  await groupRow.locator('.monaco-tl-twistie').click();
  await page.waitForFunction((row) => row?.getAttribute('aria-expanded') !== 'true', await groupRow.elementHandle(), { timeout: 30_000 });
  return sample;
}

export interface ExpansionResult {
  samples: ExpansionSample[];
  lost: LostExpansion[];
}

/** The rounds of expansions; the view must show the demo user's groups (level 3) already. */
export async function measureExpansions(env: RunningEnv, page: Page, groups: BenchGroup[]): Promise<ExpansionResult> {
  const samples: ExpansionSample[] = [];
  const lost: LostExpansion[] = [];
  const hostCalls: ChildrenCall[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    if (round > 1) await env.control.ask({ cmd: 'refresh' }, 'done', 30_000);
    await sidebarRow(page, groups[0].groupId, 3).waitFor({ state: 'visible', timeout: 60_000 });
    await emulatorQuiet(env);
    for (const group of groups) {
      await sleep(150);
      const sample = await measureExpansion(env, page, group, round);
      if ('details' in sample) {
        // Counted apart (a real finding: the user sees an expanded, empty group), then the group is collapsed.
        lost.push(sample);
        note(`  round ${round} ${group.role.padEnd(9)} ${group.groupId}: NO member row within 15 s\n${sample.details}`);
        await sidebarRow(page, group.groupId, 3)
          .locator('.monaco-tl-twistie')
          .click()
          .catch(() => undefined);
        await sleep(1000);
        continue;
      }
      samples.push(sample);
      note(
        `  round ${round} ${group.role.padEnd(9)} ${group.groupId}: ${fmt(sample.frameMs)} ms to the frame showing "${sample.firstRow}" ` +
          `(in the DOM at ${fmt(sample.expandMs)} ms, ${sample.apiCalls} API call${sample.apiCalls === 1 ? '' : 's'})`,
      );
    }
    hostCalls.push(...(await env.control.ask<ChildrenCall[]>({ cmd: 'timings' }, 'timings', 30_000)));
  }
  // The extension host's view of each expansion: when getChildren(group) started and ended.
  for (const sample of samples) {
    const call = hostCalls.find(
      (each) => each.kind === 'group' && each.label === sample.groupId && each.start >= sample.clickWall - 5 && each.start <= sample.attachedWall,
    );
    if (!call) continue;
    sample.host = {
      clickToGetChildren: call.start - sample.clickWall,
      getChildrenMs: call.end - call.start,
      childrenToAttached: sample.attachedWall - call.end,
      children: call.count,
      // getTreeItem calls beyond one per child: the view asked again for rows it already had (a redraw event).
      extraTreeItems: call.treeItemCalls - call.count,
    };
  }
  return { samples, lost };
}
