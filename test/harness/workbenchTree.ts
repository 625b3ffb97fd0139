/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The DOM types are for the callbacks of page.evaluate, which run in the browser.)
// The Apps tree of the VS Code workbench (code-server in Chromium), as a user works it through Playwright: its
// rendered rows, scrolling to a row, expanding, context menus and inline actions. Everything waits for a condition
// with a bound; nothing sleeps blindly. Workbench (workbench.ts) adds the rest of the workbench.
import type { Locator, Page } from 'playwright-core';
import { exactText } from './text';
import { DEFAULT_WAIT_MS, waitUntil, type WaitOptions } from './wait';

/** A rendered row of the Apps tree (level 1 app, 2 user, 3 group, 4 member). */
export interface TreeRow {
  index: number;
  label: string;
  description: string;
  level: number;
  expanded: string | null;
  setSize: number;
  posInSet: number;
  /** Relative to the tree's top; below 0 the row is cut off. */
  top: number;
}

export interface RowOptions {
  level?: number;
  /** Scroll up before down (e.g. for an ancestor of what is shown). */
  upFirst?: boolean;
  timeout?: number;
}

export type Label = string | RegExp;

const labelMatches = (label: Label, text: string) => (label instanceof RegExp ? label.test(text) : text === label);

export class TreeView {
  constructor(
    readonly page: Page,
    protected readonly log: (message: string) => void = () => undefined,
    /** The Apps view's name in the display language (package.nls.*.json). */
    private readonly treeName = 'Apps',
  ) {}

  waitFor<T>(probe: () => Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
    return waitUntil(probe, options);
  }

  sidebar(): Locator {
    return this.page.locator('#workbench\\.parts\\.sidebar');
  }

  // ---------------------------------------------------------------- the Apps tree

  tree(): Locator {
    return this.page.locator(`[role="tree"][aria-label="${this.treeName}"]`);
  }

  welcome(): Locator {
    return this.sidebar().locator('.welcome-view-content');
  }

  /** The rows the tree has rendered (it is virtual: only the visible part exists in the DOM). */
  async rows(): Promise<TreeRow[]> {
    return this.tree()
      .evaluate((tree) =>
        [...tree.querySelectorAll('[role="treeitem"]')]
          .filter((row) => !row.closest('.monaco-tree-sticky-container')) // sticky-scroll copies of ancestors
          .map((row) => ({
            index: Number(row.getAttribute('data-index')),
            label: (row.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
            description: (row.querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
            level: Number(row.getAttribute('aria-level')),
            expanded: row.getAttribute('aria-expanded'),
            setSize: Number(row.getAttribute('aria-setsize')),
            posInSet: Number(row.getAttribute('aria-posinset')),
            top: Math.round(row.getBoundingClientRect().top - tree.getBoundingClientRect().top),
          }))
          .sort((a, b) => a.index - b.index),
      )
      .catch(() => []);
  }

  /** A tree row by its exact label (and level). */
  row(label: Label, { level }: RowOptions = {}): Locator {
    const rows = this.tree().locator(`.monaco-list-rows [role="treeitem"]${level ? `[aria-level="${level}"]` : ''}`);
    const match = label instanceof RegExp ? label : exactText(label);
    return rows.filter({ has: this.page.locator('.label-name', { hasText: match }) }).first();
  }

  async findRow(label: Label, { level }: RowOptions = {}): Promise<TreeRow | undefined> {
    return (await this.rows()).find((row) => labelMatches(label, row.label) && (!level || row.level === level));
  }

  /**
   * Scrolls the tree (mouse wheel, so selection and focus stay) until the row is rendered: first down from where the
   * tree is, then up (first up with `upFirst`).
   */
  async revealRow(label: Label, options: RowOptions = {}): Promise<Locator> {
    const locator = this.row(label, options);
    const matches = (row: TreeRow) => labelMatches(label, row.label) && (!options.level || row.level === options.level);
    const box = await this.tree().boundingBox();
    if (!box) throw new Error('the Apps tree is not shown');
    let moved = false;
    for (const direction of options.upFirst ? [-1, 1] : [1, -1]) {
      let previous = '';
      for (let i = 0; i < 60; i++) {
        const rows = await this.rows();
        if (rows.some(matches)) {
          await locator.scrollIntoViewIfNeeded({ timeout: 5000 }).catch(() => undefined);
          return locator;
        }
        const marker = `${rows[0]?.index}-${rows[rows.length - 1]?.index}`;
        if (marker === previous) break; // this end of the tree
        previous = marker;
        if (!moved) {
          await this.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
          moved = true;
        }
        await this.page.mouse.wheel(0, direction * Math.max(100, box.height * 0.8));
        await this.page.waitForTimeout(60); // one wheel step's rendering
      }
    }
    throw new Error(
      `no tree row "${label}"${options.level ? ` at level ${options.level}` : ''}; rows: ${JSON.stringify((await this.rows()).map((row) => row.label))}`,
    );
  }

  /** One wheel step over the tree: down (1) or up (-1) by most of its height. */
  async scrollTree(direction: 1 | -1 = 1): Promise<void> {
    const box = await this.tree().boundingBox();
    if (!box) throw new Error('the Apps tree is not shown');
    await this.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    await this.page.mouse.wheel(0, direction * Math.max(100, box.height * 0.8));
  }

  async scrollTreeToTop(): Promise<void> {
    for (let i = 0; i < 60; i++) {
      const first = (await this.rows())[0];
      if (!first || (first.index === 0 && first.top >= 0)) return;
      await this.scrollTree(-1);
      await this.page.waitForTimeout(60);
    }
  }

  async waitForRow(label: Label, options: RowOptions = {}): Promise<Locator> {
    await this.waitFor(async () => this.findRow(label, options), {
      timeout: options.timeout ?? DEFAULT_WAIT_MS,
      message: `the tree row "${label}"${options.level ? ` at level ${options.level}` : ''}`,
    }).catch(async (error: Error) => {
      const labels = (await this.rows()).map((row) => `${row.level}:${row.label}`);
      throw new Error(`${error.message}; the tree shows ${JSON.stringify(labels)}`);
    });
    return this.row(label, options);
  }

  /** Expands a collapsed row the way a user does (a click on its twistie). */
  async expand(label: Label, options: RowOptions = {}): Promise<Locator> {
    const row = await this.revealRow(label, options);
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.locator('.monaco-tl-twistie').click();
      await this.waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true', { timeout: 10_000, message: `"${label}" to expand` });
    }
    return row;
  }

  /**
   * Right-click on a row, then a click on the context menu item `item`; a path (`['Change', 'Mute All…']`) opens
   * each submenu on the way by hovering it.
   */
  async contextMenu(
    label: Label,
    item: string | readonly string[],
    options: RowOptions & { beforeClick?: (item: Locator) => Promise<void> } = {},
  ): Promise<void> {
    const path = typeof item === 'string' ? [item] : item;
    const row = await this.revealRow(label, options);
    await row.click({ button: 'right' });
    for (const submenu of path.slice(0, -1)) {
      const entry = this.page.getByRole('menuitem', { name: submenu, exact: true });
      await entry.waitFor({ state: 'visible', timeout: 10_000 });
      await entry.hover();
      await this.page.keyboard.press('ArrowRight'); // opens it too when the hover was not taken
    }
    const last = path[path.length - 1];
    const menuItem = this.page.getByRole('menuitem', { name: last, exact: true });
    await menuItem.waitFor({ state: 'visible', timeout: 10_000 });
    if (options.beforeClick) await options.beforeClick(menuItem);
    await menuItem.click();
    const menu = this.page.locator('.monaco-menu');
    const closed = () =>
      menu
        .first()
        .waitFor({ state: 'hidden', timeout: 3000 })
        .then(() => true)
        .catch(() => false);
    if (await closed()) return;
    // A click that lands while the menu is still settling is sometimes not taken: the item stays highlighted
    // with the menu open. The keyboard runs the highlighted item.
    await menuItem.hover();
    await this.page.keyboard.press('Enter');
    if (!(await closed())) throw new Error(`the context menu stayed open after choosing "${path.join(' › ')}"`);
  }

  /** The items of a row's context menu (the menu is closed again). */
  async contextMenuItems(label: Label, options: RowOptions = {}): Promise<string[]> {
    const row = await this.revealRow(label, options);
    await row.click({ button: 'right' });
    const items = this.page.getByRole('menuitem');
    await items.first().waitFor({ state: 'visible', timeout: 10_000 });
    const names = (await items.allInnerTexts()).map((text) => text.split('\n')[0].trim()).filter(Boolean);
    await this.page.keyboard.press('Escape');
    await this.page
      .locator('.monaco-menu')
      .first()
      .waitFor({ state: 'hidden', timeout: 3000 })
      .catch(() => undefined);
    return names;
  }

  /** An inline action (the icons at the right end of a row), which shows when the row is hovered. */
  async inlineAction(label: Label, action: string, options: RowOptions = {}): Promise<void> {
    const row = await this.revealRow(label, options);
    await row.hover();
    const button = row.locator(`.actions .action-label[aria-label="${action}"]`);
    await button.waitFor({ state: 'visible', timeout: 5000 });
    await button.click();
  }

  /** Moves the pointer onto the editor area's empty corner, so that no hover stays open. */
  async moveMouseAway(): Promise<void> {
    const viewport = this.page.viewportSize() ?? { width: 1400, height: 900 };
    await this.page.mouse.move(viewport.width - 40, viewport.height - 80);
    await this.page
      .locator('.monaco-hover:not(.hidden), .workbench-hover')
      .first()
      .waitFor({ state: 'hidden', timeout: 3000 })
      .catch(() => undefined);
  }
}
