/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The DOM types are for the callbacks of page.evaluate, which run in the browser.)
// What a user does in the VS Code workbench (code-server in Chromium), as Playwright calls: the command palette, input
// boxes and quick picks, the Apps tree, context menus, inline actions, dialogs, the status bar, notifications, the
// clipboard. Everything waits for a condition with a bound; nothing sleeps blindly.
import type { Locator, Page } from 'playwright-core';
import { exactText, normalize } from './text';
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

export interface QuickInputState {
  visible: boolean;
  title?: string;
  value?: string;
  type?: string | null;
  message?: string;
  rows?: string[];
}

export type Label = string | RegExp;

const labelMatches = (label: Label, text: string) => (label instanceof RegExp ? label.test(text) : text === label);

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly log: (message: string) => void = () => undefined,
    /** The Apps view's name in the display language (package.nls.*.json). */
    private readonly treeName = 'Apps',
  ) {}

  waitFor<T>(probe: () => Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
    return waitUntil(probe, options);
  }

  // ---------------------------------------------------------------- workbench

  async waitReady(timeout = 90_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
    await this.page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout });
    // The extension's view container appears once the extension host has scanned the extension.
    await this.activityBarItem().waitFor({ state: 'visible', timeout });
  }

  activityBarItem(): Locator {
    return this.page.getByRole('tab', { name: /^Interactive Messages/ });
  }

  sidebar(): Locator {
    return this.page.locator('#workbench\\.parts\\.sidebar');
  }

  /** Drags the sash between the side bar and the editor so that the side bar is `width` px wide (best effort). */
  async widenSidebar(width: number): Promise<void> {
    const box = await this.sidebar().boundingBox();
    if (!box || box.width >= width) return;
    const x = box.x + box.width + 1;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
    await this.page.mouse.move(box.x + width, y, { steps: 4 });
    await this.page.mouse.up();
  }

  // ---------------------------------------------------------------- quick input (palette, input boxes, picks)

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  async quickInputState(): Promise<QuickInputState> {
    const widget = this.quickInput();
    if (!(await widget.isVisible().catch(() => false))) return { visible: false };
    const input = widget.locator('.quick-input-box input');
    return {
      visible: true,
      title: normalize(
        await widget
          .locator('.quick-input-title')
          .innerText()
          .catch(() => ''),
      ),
      value: await input.inputValue().catch(() => ''),
      type: await input.getAttribute('type').catch(() => null),
      message: normalize(
        await widget
          .locator('.quick-input-message')
          .innerText()
          .catch(() => ''),
      ),
      rows: (
        await widget
          .locator('.quick-input-list .monaco-list-row')
          .allInnerTexts()
          .catch(() => [])
      )
        .map(normalize)
        .slice(0, 10),
    };
  }

  async closeQuickInput(): Promise<void> {
    for (
      let i = 0;
      i < 3 &&
      (await this.quickInput()
        .isVisible()
        .catch(() => false));
      i++
    ) {
      await this.page.keyboard.press('Escape');
      await this.quickInput()
        .waitFor({ state: 'hidden', timeout: 2000 })
        .catch(() => undefined);
    }
  }

  /**
   * F1, type the command's title, run it. The palette can miss a command the extension host has only just registered
   * (or whose `when` context was only just set), so it closes and asks again a few times.
   */
  async runCommand(title: string, { attempts = 5 } = {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.closeQuickInput();
      await this.page.keyboard.press('F1');
      const widget = this.quickInput();
      await widget.waitFor({ state: 'visible', timeout: 10_000 });
      await widget.locator('.quick-input-box input').fill(`>${title}`);
      const row = widget.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: 4000 });
      } catch {
        const state = await this.quickInputState();
        if (attempt >= attempts) throw new Error(`the command palette did not offer "${title}" after ${attempts} tries (rows: ${JSON.stringify(state.rows)})`);
        this.log(`palette has no "${title}" yet (try ${attempt}); asking again`);
        await this.page.waitForTimeout(300 * attempt);
        continue;
      }
      await row.click();
      return;
    }
  }

  private async waitForQuickInput(title: string, timeout: number, what: string): Promise<QuickInputState> {
    return this.waitFor(
      async () => {
        const state = await this.quickInputState();
        return state.visible && state.title?.includes(title) ? state : undefined;
      },
      { timeout, message: `the ${what} "${title}"` },
    );
  }

  /** Waits for an input box titled `title`, checks whether it hides what is typed, types `value` and presses Enter. */
  async answerInput(title: string, value: string, { password = false, timeout = DEFAULT_WAIT_MS } = {}): Promise<void> {
    await this.waitForQuickInput(title, timeout, 'input box');
    const input = this.quickInput().locator('.quick-input-box input');
    const type = await input.getAttribute('type');
    if (password && type !== 'password') throw new Error(`the input box "${title}" is not a password box (type=${type})`);
    if (!password && type === 'password') throw new Error(`the input box "${title}" unexpectedly hides what is typed`);
    await input.fill(value);
    await input.press('Enter');
    // Accepted when the box closes or the next one (another title) replaces it.
    await this.waitFor(
      async () => {
        const state = await this.quickInputState();
        if (state.visible && state.title?.includes(title) && state.message && /required|must|not valid|has 6/i.test(state.message)) {
          throw new Error(`"${title}" refused the value: ${state.message}`);
        }
        return !state.visible || !state.title?.includes(title);
      },
      { timeout: 10_000, message: `the input box "${title}" to accept the value` },
    );
  }

  /** Waits for a quick pick titled `title` and picks the row labelled `label` (icons aside). */
  async pick(title: string, label: Label, { timeout = DEFAULT_WAIT_MS } = {}): Promise<void> {
    await this.waitForQuickInput(title, timeout, 'quick pick');
    const match = label instanceof RegExp ? label : exactText(label);
    const row = this.quickInput()
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: match }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 5000 });
    await row.click();
    await this.quickInput().waitFor({ state: 'hidden', timeout: 5000 });
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

  /** Right-click on a row, then a click on the context menu item `item`. */
  async contextMenu(label: Label, item: string, options: RowOptions & { beforeClick?: (item: Locator) => Promise<void> } = {}): Promise<void> {
    const row = await this.revealRow(label, options);
    await row.click({ button: 'right' });
    const menuItem = this.page.getByRole('menuitem', { name: item, exact: true });
    await menuItem.waitFor({ state: 'visible', timeout: 10_000 });
    if (options.beforeClick) await options.beforeClick(menuItem);
    await menuItem.click();
    const menu = this.page.locator('.monaco-menu');
    const closed = () =>
      menu
        .waitFor({ state: 'hidden', timeout: 3000 })
        .then(() => true)
        .catch(() => false);
    if (await closed()) return;
    // A click that lands while the menu is still settling is sometimes not taken: the item stays highlighted
    // with the menu open. The keyboard runs the highlighted item.
    await menuItem.hover();
    await this.page.keyboard.press('Enter');
    if (!(await closed())) throw new Error(`the context menu stayed open after choosing "${item}"`);
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

  // ---------------------------------------------------------------- status bar, notifications, dialogs

  statusBarItem(text: string): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: exactText(text) });
  }

  toast(text: Label): Locator {
    return this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
  }

  async toastTexts(): Promise<string[]> {
    return (
      await this.page
        .locator('.notifications-toasts .notification-toast')
        .allInnerTexts()
        .catch(() => [])
    ).map(normalize);
  }

  /** Closes every notification toast (the "Clear Notification" action of each). */
  async clearToasts(): Promise<void> {
    for (let i = 0; i < 10; i++) {
      const toast = this.page.locator('.notifications-toasts .notification-toast').first();
      if (!(await toast.isVisible().catch(() => false))) return;
      await toast.hover();
      const clear = toast.locator('.action-label.codicon-notifications-clear, .action-label[aria-label^="Clear Notification"]').first();
      if (await clear.isVisible().catch(() => false)) await clear.click().catch(() => undefined);
      else await this.page.keyboard.press('Escape');
      await toast.waitFor({ state: 'hidden', timeout: 1000 }).catch(() => undefined);
    }
  }

  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  async answerDialog(messagePattern: RegExp, button: string): Promise<string> {
    const dialog = this.dialog();
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const text = normalize(await dialog.innerText());
    if (!messagePattern.test(text)) throw new Error(`the dialog says "${text}", expected ${messagePattern}`);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    return text;
  }

  // ---------------------------------------------------------------- editors and clipboard

  activeTab(): Locator {
    return this.page.locator('.tabs-container .tab.active');
  }

  async activeEditorText(): Promise<string> {
    return normalize(await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText());
  }

  async readClipboard(): Promise<string> {
    await this.page.bringToFront();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async writeClipboard(text: string): Promise<void> {
    await this.page.bringToFront();
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
  }

  /** A summary of what the UI shows, for failure reports. */
  async describe(): Promise<Record<string, unknown>> {
    const visibleText = async (locator: Locator) =>
      (await locator.isVisible().catch(() => false)) ? normalize(await locator.innerText().catch(() => '')) : undefined;
    return {
      quickInput: await this.quickInputState().catch((error: Error) => error.message),
      dialog: await visibleText(this.dialog()),
      toasts: await this.toastTexts(),
      statusBar: (
        await this.page
          .locator('#workbench\\.parts\\.statusbar .statusbar-item')
          .allInnerTexts()
          .catch(() => [])
      )
        .map(normalize)
        .filter(Boolean),
      welcome: await visibleText(this.welcome()),
      tree: (await this.rows()).map((row) => `${'  '.repeat(Math.max(0, row.level - 1))}${row.label}${row.description ? ` — ${row.description}` : ''}`),
    };
  }
}
