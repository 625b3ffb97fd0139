// The workbench page as the UI measurements see it: rows of the Interactive Messages view, what went wrong when a
// row does not show, and a quiet emulator before a click.
import type { Locator, Page } from 'playwright-core';
import { sleep } from '../../harness/wait';
import { note } from './config';
import type { ChildrenCall } from './protocol';
import type { RunningEnv } from './windows';

export const ROW = '.monaco-list-row[role="treeitem"]';

export function sidebarRow(page: Page, label: string, level?: number): Locator {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator(`[id="workbench.parts.sidebar"] ${ROW}${level ? `[aria-level="${level}"]` : ''}`)
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

/** What the view shows and what the extension host and the emulator did since `requestsBefore`, for errors. */
export async function diagnose(env: RunningEnv, page: Page, requestsBefore = 0): Promise<string> {
  const rows = await page
    .evaluate(() =>
      [...document.querySelectorAll('[id="workbench.parts.sidebar"] .monaco-list-row[role="treeitem"]')].map(
        (row) =>
          `${row.getAttribute('aria-level')}:${row.querySelector('.label-name')?.textContent}${row.getAttribute('aria-expanded') === 'true' ? ' (expanded)' : ''}`,
      ),
    )
    .catch((): string[] => []);
  const calls = await env.control.ask<ChildrenCall[]>({ cmd: 'timings' }, 'timings', 10_000).catch((): ChildrenCall[] => []);
  const requests = env.emulator.requests.slice(requestsBefore).map((request) => `${request.action} ${request.code}`);
  return (
    `  rows in the view: ${rows.join(' | ') || 'none'}\n` +
    `  getChildren calls in the extension host: ${calls.map((call) => `${call.kind} "${call.label}" -> ${call.count} children`).join('; ') || 'none'}\n` +
    `  API requests: ${requests.join(', ') || 'none'}`
  );
}

/** Waits until the emulator saw no request for `quietMs`. */
export async function emulatorQuiet(env: RunningEnv, quietMs = 400, maxMs = 10_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const last = env.emulator.requests.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs || Date.now() > deadline) return;
    await sleep(50);
  }
}

/**
 * Expands the row `label` (tree level `level`) until a row `childLabel` shows under it. A node whose parent is
 * refreshed while its children load can stay expanded and empty in VS Code: then the view is refreshed and the row
 * expanded again. Returns the number of attempts.
 */
export async function expandRow(env: RunningEnv, page: Page, label: string, level: number, childLabel: string): Promise<number> {
  const row = sidebarRow(page, label, level);
  for (let attempt = 1; ; attempt++) {
    try {
      await row.waitFor({ state: 'visible', timeout: 60_000 });
    } catch (error) {
      throw new Error(
        `no row "${label}" at level ${level} in the view within 60 s (${(error as Error).message.split('\n')[0]}).\n${await diagnose(env, page)}`,
        {
          cause: error,
        },
      );
    }
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    try {
      await sidebarRow(page, childLabel, level + 1).waitFor({ state: 'visible', timeout: 15_000 });
      return attempt;
    } catch {
      const details = await diagnose(env, page);
      if (attempt >= 3) throw new Error(`"${label}" is expanded but "${childLabel}" never showed under it (${attempt} attempts).\n${details}`);
      note(`"${label}" stayed expanded without its children (attempt ${attempt}); refreshing the view and expanding again.\n${details}`);
      await env.control.ask({ cmd: 'refresh' }, 'done', 30_000);
      await sleep(1000);
      await emulatorQuiet(env);
      if ((await row.getAttribute('aria-expanded').catch(() => null)) === 'true') {
        await row.locator('.monaco-tl-twistie').click();
        await sleep(500);
      }
    }
  }
}
