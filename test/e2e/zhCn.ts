// A short end-to-end pass with the workbench in Simplified Chinese: code-server started with `--locale zh-cn`, the
// extension installed as the .vsix would be, Chromium with CJK fonts. A few steps only (CI time): the welcome view and
// the activity bar from package.nls.zh-cn.json, the sign-in prompts and a tree row from l10n/bundle.l10n.zh-cn.json
// with a date in the Chinese form, and an error row. Writes test-output/e2e-zh-cn/ (readme-zh-cn.png for the README).
//
// How the display language gets to the extension (measured with code-server 4.139.1; README, Development):
// `--locale zh-cn` alone leaves the extension in English — without a language pack for the locale the server resolves
// the language to "en". A language pack counts once it is registered in <user-data>/languagepacks.json (what
// --install-extension of a Marketplace pack writes); a pack folder merely copied into the extensions folder does not.
// So this pass writes a minimal test-only pack (contributes.localizations for zh-cn, an empty translation of VS Code)
// and its languagepacks.json entry: the language resolves to zh-cn, the extension's translations are used, and the
// workbench's own chrome stays English. IME_E2E_ZH_PACK=0 leaves the pack out (to see the difference).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { FaultOptions } from '../../src/emulator/faults';
import { launchChromium, newContext } from '../harness/chromium';
import { type CodeServer, copyServerLogs, NO_GALLERY, startCodeServer } from '../harness/codeServer';
import { ensureCodeServer } from '../harness/codeServerInstall';
import { demoApp, type EmulatorProcess, startEmulator } from '../harness/emulator';
import { EMULATOR_CLI, EXTENSION_BUNDLE, REPO, requireBuilt } from '../harness/paths';
import { NO_USER_ENV_ARGS } from '../harness/smokeTest';
import { normalize, seconds } from '../harness/text';
import { firstLine, messageOf, stackOf, withTimeout } from '../harness/wait';
import { Workbench } from '../harness/workbench';
import { dashboardFrame, drawnDashboard } from './dashboardSteps';
import { installExtensionCopy, writeUserSettings } from './environment';

const OUTPUT_DIR = path.join(REPO, 'test-output', 'e2e-zh-cn');
const STEP_TIMEOUT_MS = Number(process.env.IME_E2E_STEP_TIMEOUT_MS || 120_000);
const LOCALE = 'zh-cn';
const t0 = Date.now();
const note = (message: string) => process.stderr.write(`[e2e zh-cn +${seconds(Date.now() - t0)}] ${message}\n`);

/** A language pack extension for zh-cn that translates nothing of VS Code: enough for the locale to resolve. */
function installTestLanguagePack(extensionsDir: string): string {
  const folder = path.join(extensionsDir, 'ime-test.zh-cn-locale-0.0.1');
  fs.mkdirSync(path.join(folder, 'translations'), { recursive: true });
  const manifest = {
    name: 'zh-cn-locale',
    publisher: 'ime-test',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: LOCALE,
          languageName: 'Chinese Simplified',
          localizedLanguageName: '中文(简体)',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(folder, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  return folder;
}

/** What VS Code writes to <user-data>/languagepacks.json when a language pack is installed with --install-extension. */
function registerLanguagePack(userDataDir: string, packFolder: string): void {
  const entry = {
    hash: 'imetest0001',
    extensions: [{ extensionIdentifier: { id: 'ime-test.zh-cn-locale' }, version: '0.0.1' }],
    translations: { vscode: path.join(packFolder, 'translations', 'main.i18n.json') },
    label: '中文(简体)',
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [LOCALE]: entry }, null, 2));
}

interface World {
  runDir?: string;
  emulator?: EmulatorProcess;
  server?: CodeServer;
  browser?: Browser;
  wb?: Workbench;
}
const world: World = {};

async function cleanup(): Promise<void> {
  await world.browser?.close().catch(() => undefined);
  await world.server?.stop().catch(() => undefined);
  await world.emulator?.stop().catch(() => undefined);
  if (world.runDir && process.env.IME_E2E_KEEP !== '1') fs.rmSync(world.runDir, { recursive: true, force: true });
  if (world.server && process.env.IME_E2E_KEEP !== '1') fs.rmSync(world.server.tempDir, { recursive: true, force: true });
}

async function setUp() {
  requireBuilt([EXTENSION_BUNDLE, EMULATOR_CLI], 'node esbuild.js');
  const installed = await ensureCodeServer();
  const runDir = (world.runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-e2e-zh-')));
  const workspace = path.join(runDir, 'workspace');
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(workspace, { recursive: true });
  const emulator = (world.emulator = await startEmulator({ latencyMs: 30 }));
  const dataset = await emulator.dataset();
  const fixtures = dataset.fixtures;
  const app = dataset.apps.find((candidate) => candidate.AppId === demoApp(dataset).appId)!;
  installExtensionCopy(extensionsDir);
  writeUserSettings(userDataDir, {
    'imExplorer.endpoint': emulator.url,
    'imExplorer.users': { [fixtures.appId]: [fixtures.userId] },
    'imExplorer.pageSize': 50,
  });
  if (process.env.IME_E2E_ZH_PACK !== '0') registerLanguagePack(userDataDir, installTestLanguagePack(extensionsDir));
  const server = (world.server = await startCodeServer({
    installed,
    folder: workspace,
    userDataDir,
    extensionsDir,
    logFile: path.join(runDir, 'code-server.log'),
    extraArgs: [...NO_USER_ENV_ARGS, '--locale', LOCALE],
    env: { EXTENSIONS_GALLERY: NO_GALLERY },
  }));
  const browser = (world.browser = await launchChromium());
  const page = await (await newContext(browser, server.url, { locale: 'zh-CN' })).newPage();
  const wb = (world.wb = new Workbench(page, note, '应用'));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
  return { wb, page, emulator, fixtures, app };
}

type Context = Awaited<ReturnType<typeof setUp>>;

const steps: { title: string; run(context: Context): Promise<void> }[] = [
  {
    title: 'the activity bar and the welcome view speak Chinese (package.nls.zh-cn.json)',
    async run({ wb, page }) {
      const tab = page.getByRole('tab', { name: /^(互动消息|Interactive Messages)/ });
      await tab.waitFor({ state: 'visible', timeout: 60_000 });
      await tab.click();
      await page.getByRole('tab', { name: /^互动消息/ }).waitFor({ state: 'visible', timeout: 5_000 });
      await wb.welcome().waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(normalize(await wb.welcome().innerText()), /使用阿里云 AccessKey 登录/);
      await wb.welcome().getByRole('button', { name: '使用 AccessKey 登录' }).waitFor({ state: 'visible', timeout: 10_000 });
      await wb.welcome().getByRole('button', { name: '导入凭证' }).waitFor({ state: 'visible', timeout: 5_000 });
      await wb.widenSidebar(460).catch(() => undefined);
    },
  },
  {
    title: 'sign in through the palette: the prompts and the toast are Chinese (l10n/bundle.l10n.zh-cn.json)',
    async run({ wb, emulator, app }) {
      await wb.runCommand('互动消息: 使用 AccessKey 登录…');
      await wb.answerInput('配置名称', 'demo');
      await wb.answerInput('AccessKey ID', emulator.accessKeyId);
      await wb.answerInput('AccessKey Secret', emulator.accessKeySecret, { password: true });
      await wb.answerInput('STS 安全令牌（可选）', '', { password: true });
      await wb.toast('已使用配置“demo”登录互动消息').waitFor({ state: 'visible', timeout: 20_000 });
      await wb.waitForRow(app.AppName, { level: 1 });
    },
  },
  {
    title: 'a group row counts its members in Chinese and a member row shows its join date the Chinese way',
    async run({ wb, fixtures, app }) {
      await wb.expand(app.AppName, { level: 1 });
      await wb.expand(fixtures.userId, { level: 2 });
      await wb.expand(fixtures.pagedGroupId, { level: 3 });
      await wb.waitFor(async () => /^\d[\d,]* 名成员 · 创建者 /.test((await wb.findRow(fixtures.pagedGroupId, { level: 3 }))?.description ?? ''), {
        message: 'the group row to say "N 名成员 · 创建者 …"',
      });
      const member = await wb.waitFor(async () => (await wb.rows()).find((row) => row.level === 4 && row.label !== '正在加载…'), { message: 'a member row' });
      assert.match(member.description, /^加入于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/, 'year/month/day, as zh-CN writes dates');
      const more = await wb.revealRow('加载更多…', { level: 4 });
      assert.ok(more, 'the "Load more…" row is translated');
    },
  },
  {
    title: 'the dashboard of a group speaks Chinese: header, chart titles, the sampling note',
    async run({ wb, fixtures, page }) {
      await wb.contextMenu(fixtures.pagedGroupId, '打开仪表板', { level: 3, upFirst: true });
      const root = await drawnDashboard(wb);
      const text = normalize(await root.innerText());
      for (const expected of ['成员随时间变化', '互动消息（旧版）', '此面板可见时，每 2 秒用 ListMessageGroupUser 采样一次', '发送最多的用户']) {
        assert.ok(text.includes(expected), `the dashboard says "${expected}": ${text.slice(0, 400)}`);
      }
      await dashboardFrame(wb).locator('section[data-chart="members"] g.members-line path').first().waitFor({ state: 'attached', timeout: 10_000 });
      await wb.clearToasts();
      const editor = await page.locator('.editor-group-container.active').boundingBox();
      if (editor)
        await page.screenshot({ path: path.join(OUTPUT_DIR, 'readme-dashboard-zh-cn.png'), clip: { ...editor, width: Math.min(editor.width, 1000) } });
      await wb.runCommand('View: Close Editor');
    },
  },
  {
    title: 'a server fault shows a Chinese error row with the code kept as the API spells it',
    async run({ wb, emulator, fixtures, page }) {
      const before = await emulator.control<FaultOptions>('GET', 'faults');
      await emulator.control('PUT', 'faults', { ...before, errorRate: 1, errorCodes: ['InternalError'], actions: ['ListMessageGroupUser'] });
      try {
        await wb.inlineAction(fixtures.pagedGroupId, '刷新', { level: 3, upFirst: true });
        const errorRow = await wb.waitFor(async () => wb.findRow(/服务端出现问题/, { level: 4 }), { timeout: 30_000, message: 'an error row under the group' });
        assert.match(errorRow.description, /错误码：InternalError/);
        await page.mouse.move(5, 5);
        const sidebar = await wb.sidebar().boundingBox();
        if (sidebar) await page.screenshot({ path: path.join(OUTPUT_DIR, 'readme-zh-cn.png'), clip: { ...sidebar, height: Math.min(sidebar.height, 420) } });
      } finally {
        await emulator.control('PUT', 'faults', before);
      }
    },
  },
];

async function main(): Promise<number> {
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  let passed = 0;
  let failed = 0;
  try {
    const context = await setUp();
    note(`workbench up (${seconds(Date.now() - t0)})`);
    for (const [index, step] of steps.entries()) {
      const started = Date.now();
      try {
        await withTimeout(step.run(context), STEP_TIMEOUT_MS, `step ${index + 1}`);
        passed++;
        process.stdout.write(`  ✓ zh-cn ${index + 1} ${step.title} (${seconds(Date.now() - started)})\n`);
        await context.page.screenshot({ path: path.join(OUTPUT_DIR, `${index + 1}.png`) }).catch(() => undefined);
      } catch (error) {
        failed++;
        process.stdout.write(`  ✗ zh-cn ${index + 1} ${step.title}\n      ${firstLine(messageOf(error))}\n`);
        await context.page.screenshot({ path: path.join(OUTPUT_DIR, `${index + 1}-FAILED.png`) }).catch(() => undefined);
        const shown = await context.wb.describe().catch((e: unknown) => ({ error: messageOf(e) }));
        fs.appendFileSync(path.join(OUTPUT_DIR, 'failure.txt'), `== step ${index + 1}\n${stackOf(error)}\n${JSON.stringify(shown, null, 2)}\n`);
        copyServerLogs(world.server, OUTPUT_DIR);
        break; // the steps build on each other
      }
    }
  } catch (error) {
    failed++;
    process.stdout.write(`  ✗ zh-cn set-up: ${firstLine(messageOf(error))}\n`);
    fs.writeFileSync(path.join(OUTPUT_DIR, 'failure.txt'), stackOf(error));
    copyServerLogs(world.server, OUTPUT_DIR);
  } finally {
    await cleanup();
  }
  failed += steps.length - passed - failed > 0 ? steps.length - passed - failed : 0;
  process.stdout.write(`e2e (zh-cn): ${passed} passed, ${failed} failed (${seconds(Date.now() - t0)})\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${stackOf(error)}\n`);
    process.exit(1);
  },
);
