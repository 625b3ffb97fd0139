// VS Code's smoke-test-driver mode in code-server (the @vscode/test-electron way, through the browser workbench): a
// window opened with a `payload` of extensionDevelopmentPath + extensionTestsPath loads the extension under
// development and runs the tests module in its extension host; the workbench reports the host's console to
// `codeAutomationLog` and the tests' exit code to `codeAutomationExit`. code-server must run with
// `--vscode-option enable-smoke-test-driver` (the payload is ignored otherwise).
import * as util from 'node:util';
import type { Page } from 'playwright-core';
import type { CodeServer } from './codeServer';

export const SMOKE_TEST_ARGS: readonly string[] = ['--vscode-option', 'enable-smoke-test-driver'];
/** The extension host gets exactly code-server's environment (no login-shell rewrite, ~3 s faster). */
export const NO_USER_ENV_ARGS: readonly string[] = ['--vscode-option', 'force-disable-user-env'];

/** The URL of a window on `folder` with `extensionPath` under development and `testsPath` (no .js) as its tests. */
export function developmentUrl(server: CodeServer, folder: string, extensionPath: string, testsPath: string): string {
  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
  ];
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A log file the workbench hands to codeAutomationExit (window, extension host, ...). */
export interface WorkbenchLogFile {
  relativePath: string;
  contents?: string;
}

export type AutomationExit = { kind: 'exit'; code: number; logs: WorkbenchLogFile[] } | { kind: 'error'; message: string };

/**
 * Exposes the automation hooks on `page` before it navigates. `onLog` gets each console line of the workbench and the
 * extension host; `exited` settles with the tests' exit code, or an error when the page crashes.
 */
export async function exposeAutomation(page: Page, onLog: (type: string, text: string) => void): Promise<{ exited: Promise<AutomationExit> }> {
  let settle: (exit: AutomationExit) => void = () => undefined;
  const exited = new Promise<AutomationExit>((resolve) => {
    settle = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    onLog(type, Array.isArray(args) ? util.format(...(args as unknown[])) : String(args));
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs: unknown) => {
    settle({ kind: 'exit', code, logs: Array.isArray(logs) ? (logs as WorkbenchLogFile[]) : [] });
  });
  page.on('crash', () => settle({ kind: 'error', message: 'the workbench page crashed' }));
  return { exited };
}
