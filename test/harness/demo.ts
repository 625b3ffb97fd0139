// The demo world of `npm start`: the emulator with demo data, a packaged .vsix installed into a real VS Code
// (code-server), the user settings pointing at the emulator, and the demo sign-in (src/credentials/demo.ts:
// IME_DEMO_SIGN_IN=1 + the emulator's key in ALIBABA_CLOUD_* of code-server's environment).
//
// Installed and not the development path: code-server's browser workbench honours an extensionDevelopmentPath in the
// URL's payload only with the smoke-test driver on, and that mode hides notifications and skips dialogs.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DatasetFixtures, LiveMessageFixtures } from '../../src/emulator/index';
import { type CodeServer, installExtension, NO_GALLERY, startCodeServer, writeUserSettings } from './codeServer';
import { defaultCacheDir, ensureCodeServer } from './codeServerInstall';
import { demoApp, type EmulatorProcess, startEmulator } from './emulator';
import { portIsFree } from './http';
import { NO_USER_ENV_ARGS } from './smokeTest';
import { REPO } from './paths';
import { seconds } from './text';

export const DEFAULT_PORT = 8080;
export const DEFAULT_LATENCY_MS = 30;

/** The environment of a code-server whose extension signs in with `key` by itself (the demo sign-in). */
export function demoSignInEnv(key: { accessKeyId: string; accessKeySecret: string }): Record<string, string | undefined> {
  return {
    IME_DEMO_SIGN_IN: '1',
    ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret,
    // Whatever the user's shell has must not mix with the demo key.
    ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
    ALIBABA_CLOUD_PROFILE: undefined,
    ALIBABA_CLOUD_CREDENTIALS_FILE: undefined,
  };
}

function demoReadme(appName: string, fixtures: DatasetFixtures, live: LiveMessageFixtures, emulatorUrl: string): string {
  return `# Interactive Messages Explorer — demo

This VS Code runs the **Interactive Messages Explorer** extension against a local emulator of the
ApsaraVideo Live Interactive Messages API (${emulatorUrl}); nothing here talks to Alibaba Cloud.
The extension is already signed in with the emulator's demo key (profile **demo**, see the status bar).

## What to click

1. Open **Interactive Messages** in the activity bar on the left (the speech-bubbles icon).
2. Expand the app **${appName}** (\`${fixtures.appId}\`). Its configured users appear:
   - \`${fixtures.userId}\` — a user with groups of every kind: empty, 1, 3, 123, 1,000 and 100,000 members, a muted one, an inactive one;
   - \`${fixtures.manyGroupsUserId}\` — a user in ${fixtures.manyGroupsCount} groups (more than one page: see **Load more…**).
3. Expand a user, then a group: its members are listed page by page. In the group with 100,000 members
   (\`${fixtures.bigGroupId}\`) try **Load All** (right-click) and cancel it from the notification.
4. Right-click any node: **Copy AppId / GroupId / UserId**, **Copy as Code…**, **Insert Id at Cursor**
   (open a file first), **Open as JSON**.
5. The view's title bar: **Find Group…** (search), sort order, refresh, **Switch Profile…**; its \`…\` menu:
   **Add App…**, **Go to App…**, **Find Member in Group…**, **Set Page Size…**, **Show Log**.
6. Other apps come from \`ListMessageApp\`. To browse another user's groups, use **Add User…** on an app
   (the emulator's users are listed at ${emulatorUrl}/__emulator/dataset).

7. Below the legacy apps the same demo key shows the newer **LiveMessage** family (\`ListLiveMessageApps\`,
   both data centers, no configured users needed): **Live Lecture Hall** (\`${live.appId}\`, cn-shanghai) and
   \`${live.singaporeAppId}\` (ap-southeast-1). Expand an app for its groups (token pages; **Choose GroupStatus…**
   on the app lists deleted groups too), a group for its **Messages** (newest first; **Filter Messages…**) and
   members. Try **Load All** on the 100,000-member group \`${live.bigGroupId}\`, expand the super group
   \`${live.superGroupId}\` (its online count instead of members), **Show Details** on \`${live.bannedGroupId}\`
   (mute state) and **Check Online…** on a group or member. The data is listed at ${emulatorUrl}/__emulator/livemessage.

8. Changes are on in this demo (the user setting \`imExplorer.enableWriteActions\`; off by default): right-click a
   group, member, message or app → **Change**. The group **Sandbox: try changes here** (\`${live.sandboxGroupId}\`
   in **Live Lecture Hall**) is meant for it: **Send Test Message…** (then expand its **Messages**), **Mute
   Member…** and **Show Muted Members**, **Kick Member…**, **Delete Group…** (type its GroupId) and **Recover
   Group…** (from the notification, or with **Choose GroupStatus…** listing deleted groups). Every change asks
   first and names the profile, the app and the group; the emulator forgets them when it stops.

The settings used are in *File > Preferences > Settings* (search \`imExplorer\`). Every API call is in the
**Interactive Messages** output channel (**Show Log**), with secrets redacted.

This folder is recreated by \`npm start\`; Ctrl+C in its terminal stops VS Code and the emulator.
`;
}

/** Packages the repository into `out` with vsce (its vscode:prepublish script makes the production build). */
export function packageVsix(out: string): string {
  const vsceDir = path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [REPO] }));
  const result = childProcess.spawnSync(process.execPath, [path.join(vsceDir, 'vsce'), 'package', '--no-dependencies', '--out', out], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`vsce package failed (${result.signal ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
  return out;
}

export interface DemoOptions {
  /** Preferred code-server port (default 8080); another free one when it is taken. */
  port?: number;
  /** Install this .vsix (default: package the repository into a temp folder). */
  vsix?: string;
  latencyMs?: number | string;
  log?: (message: string) => void;
}

export interface Demo {
  url: string;
  port: number;
  preferredPort: number;
  portChanged: boolean;
  workspace: string;
  runDir: string;
  emulator: EmulatorProcess;
  server: CodeServer;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const log = options.log ?? (() => undefined);
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - mark;
    mark = Date.now();
    return timings[name];
  };
  const installed = await ensureCodeServer();
  lap('ensureCodeServerMs');

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-demo-'));
  const cleanups: (() => Promise<void> | void)[] = [() => fs.rmSync(runDir, { recursive: true, force: true })];
  const stop = async () => {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      await Promise.resolve()
        .then(cleanup)
        .catch(() => undefined); // keep stopping the rest
    }
  };
  try {
    const emulatorLog = path.join(runDir, 'emulator.log');
    const emulator = await startEmulator({ latencyMs: options.latencyMs ?? DEFAULT_LATENCY_MS, logFile: emulatorLog });
    cleanups.push(emulator.stop);
    const dataset = await emulator.dataset();
    const { fixtures } = dataset;
    const live = await emulator.control<{ fixtures: LiveMessageFixtures }>('GET', 'livemessage');
    const { appName } = demoApp(dataset);
    lap('emulatorMs');
    log(`emulator: ${emulator.url} (demo app "${appName}" ${fixtures.appId}; log ${emulatorLog})`);

    // A stable folder outside the repository, so the URL is the same every time.
    const workspace = path.join(path.dirname(defaultCacheDir()), 'demo-workspace');
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'README.md'), demoReadme(appName, fixtures, live.fixtures, emulator.url));

    const userDataDir = path.join(runDir, 'user-data');
    const extensionsDir = path.join(runDir, 'extensions');
    writeUserSettings(userDataDir, {
      'imExplorer.endpoint': emulator.url,
      'imExplorer.users': { [fixtures.appId]: [fixtures.userId, fixtures.manyGroupsUserId] },
      'workbench.startupEditor': 'readme', // the demo README first
      // The demo's own user settings: changes on, to try them on the emulator (off by default everywhere else).
      'imExplorer.enableWriteActions': true,
    });

    let vsix = options.vsix;
    if (!vsix) {
      vsix = packageVsix(path.join(runDir, 'interactive-messages-explorer.vsix'));
      log(`packaged the extension (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) in ${seconds(lap('packageMs'))}`);
    }
    await installExtension(vsix, { extensionsDir, userDataDir, installed });
    log(`installed it into code-server's extensions folder in ${seconds(lap('installVsixMs'))}`);

    const preferredPort = options.port ?? DEFAULT_PORT;
    const portChanged = !(await portIsFree(preferredPort));
    const server = await startCodeServer({
      installed,
      port: portChanged ? 0 : preferredPort, // 0: any free port
      folder: workspace,
      userDataDir,
      extensionsDir,
      logFile: path.join(runDir, 'code-server.log'),
      extraArgs: [...NO_USER_ENV_ARGS],
      // Only the emulator's demo key: it opens nothing else.
      env: { ...demoSignInEnv(emulator), EXTENSIONS_GALLERY: NO_GALLERY },
    });
    cleanups.push(async () => {
      await server.stop();
      fs.rmSync(server.tempDir, { recursive: true, force: true });
    });
    lap('codeServerMs');
    return {
      url: `${server.url}/?folder=${encodeURIComponent(workspace)}`,
      port: server.port,
      preferredPort,
      portChanged,
      workspace,
      runDir,
      emulator,
      server,
      timings,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
