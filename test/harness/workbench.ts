/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The DOM types are for the callbacks of page.evaluate, which run in the browser.)
// What a user does in the VS Code workbench (code-server in Chromium), as Playwright calls: the command palette, input
// boxes and quick picks, dialogs, the status bar, notifications, editors, the clipboard; the Apps tree is TreeView's
// (workbenchTree.ts). Everything waits for a condition with a bound; nothing sleeps blindly.
import type { Locator } from 'playwright-core';
import { exactText, normalize } from './text';
import { DEFAULT_WAIT_MS } from './wait';
import { TreeView, type Label } from './workbenchTree';

export type { Label, RowOptions, TreeRow } from './workbenchTree';

export interface QuickInputState {
  visible: boolean;
  title?: string;
  value?: string;
  type?: string | null;
  message?: string;
  rows?: string[];
}

export class Workbench extends TreeView {
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
    // Taken when the pick closes or the next prompt (another title) replaces it.
    await this.waitFor(
      async () => {
        const state = await this.quickInputState();
        return !state.visible || !state.title?.includes(title);
      },
      { timeout: 5000, message: `the quick pick "${title}" to close` },
    );
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

  /** Turns a boolean user setting on or off in the Settings editor (a modal), as a user does, and closes it. */
  async setBooleanSetting(id: string, on: boolean): Promise<void> {
    await this.runCommand('Preferences: Open User Settings');
    const editor = this.page.locator('.settings-editor').first();
    const search = editor.locator('.settings-header .suggest-input-container .monaco-editor').first();
    await search.waitFor({ state: 'visible', timeout: 15_000 });
    await search.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(id);
    // The list is drawn again once the search has run: act on the setting only then.
    await editor.locator('.settings-count-widget', { hasText: /^1 Setting Found$/ }).waitFor({ state: 'visible', timeout: 15_000 });
    const checkbox = editor.locator('.setting-item-bool .setting-value-checkbox').first();
    await checkbox.waitFor({ state: 'visible', timeout: 15_000 });
    if ((await checkbox.getAttribute('aria-checked')) !== String(on)) await checkbox.click();
    await this.waitFor(async () => (await checkbox.getAttribute('aria-checked')) === String(on), { message: `${id} ${on ? 'on' : 'off'}` });
    // Written: the row is marked as set by the user.
    if (on) await editor.locator('.setting-item-bool .is-configured, .setting-item-bool.is-configured').first().waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Escape');
    await this.page.locator('.monaco-modal-editor-block').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  // ---------------------------------------------------------------- editors and clipboard

  activeTab(): Locator {
    return this.page.locator('.tabs-container .tab.active');
  }

  /** The active editor tab's text, or '' while there is none. */
  activeTabText(): Promise<string> {
    return this.activeTab()
      .innerText()
      .catch(() => '');
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
