// The UI window: the extension signs in by itself (code-server runs with the emulator's demo key and
// IME_DEMO_SIGN_IN=1; no key is passed to a command), the view is expanded down to the demo user's groups, then the
// expansions are measured, then the 100,000-member group, then the dashboards, then a day-long session.
import type { DatasetFixtures } from '../../../src/emulator/index';
import { sleep } from '../../harness/wait';
import { type BigGroupResult, measureBigGroup } from './bigGroup';
import { type DashboardResult, measureDashboards } from './dashboard';
import { type DayLongResult, measureDayLong } from './dayLong';
import { note } from './config';
import { type BenchGroup, type ExpansionResult, measureExpansions } from './expand';
import { emulatorQuiet, expandRow } from './page';
import type { ActivationSample, Task } from './protocol';
import { closeWindow, openWindow, outcomeText, type RunningEnv } from './windows';

export interface UiResult extends ExpansionResult {
  activation: ActivationSample;
  retries: string[];
  bigGroup?: BigGroupResult;
  bigGroupError?: string;
  dashboard?: DashboardResult;
  dashboardError?: string;
  dayLong?: DayLongResult;
  dayLongError?: string;
}

export async function uiWindow(env: RunningEnv, folder: string, groups: BenchGroup[], fixtures: DatasetFixtures & { appName: string }): Promise<UiResult> {
  const task: Task = { id: ++env.taskCounter, mode: 'ui', settleMs: 500, endpoint: env.emulator.url, users: { [fixtures.appId]: [fixtures.userId] } };
  const window = await openWindow(env, task, folder);
  env.uiPage = window.page;
  const page = window.page;
  const activation = await env.control.nextEvent<ActivationSample>('activation', 120_000);
  await env.control.nextEvent('configured', 60_000);
  const ready = await env.control.ask<{ signedIn: boolean }>({ cmd: 'awaitSignIn' }, 'ready', 90_000);
  if (!ready.signedIn) throw new Error('the extension did not sign in with the demo key (IME_DEMO_SIGN_IN=1) within 60 s');
  note(`window ${task.id} (ui): signed in; expanding ${fixtures.appName} > ${fixtures.userId}`);
  // Sign-in and settings changes refresh the whole tree a few times: let that finish before the first click.
  await sleep(1000);
  await emulatorQuiet(env);
  const retries: string[] = [];
  const appAttempts = await expandRow(env, page, fixtures.appName, 1, fixtures.userId);
  if (appAttempts > 1) retries.push(`app ${fixtures.appName}: ${appAttempts} attempts`);
  const userAttempts = await expandRow(env, page, fixtures.userId, 2, groups[0].groupId);
  if (userAttempts > 1) retries.push(`user ${fixtures.userId}: ${userAttempts} attempts`);
  await sleep(500);
  await emulatorQuiet(env);
  const expansions = await measureExpansions(env, page, groups);
  const big = groups.find((group) => group.role === 'big');
  let bigGroup: BigGroupResult | undefined;
  let bigGroupError: string | undefined;
  if (big) {
    try {
      bigGroup = await measureBigGroup(env, page, { appId: fixtures.appId, userId: fixtures.userId }, big);
    } catch (error) {
      bigGroupError = (error as Error).message;
      note(`the 100,000-member group could not be measured: ${bigGroupError}`);
    }
  }
  const thousand = groups.find((group) => group.role === 'thousand');
  let dashboard: DashboardResult | undefined;
  let dashboardError: string | undefined;
  if (big && thousand) {
    try {
      dashboard = await measureDashboards(env, page, { appId: fixtures.appId, userId: fixtures.userId }, thousand, big);
    } catch (error) {
      dashboardError = (error as Error).message;
      note(`the dashboard could not be measured: ${dashboardError}`);
    }
  }
  let dayLong: DayLongResult | undefined;
  let dayLongError: string | undefined;
  if (big) {
    try {
      dayLong = await measureDayLong(env, page, task, { appId: fixtures.appId, userId: fixtures.userId, groupId: big.groupId }, fixtures);
    } catch (error) {
      dayLongError = (error as Error).message;
      note(`the day-long session could not be measured: ${dayLongError}`);
    }
  }
  env.control.send({ cmd: 'finish' });
  const outcome = await closeWindow(env, window);
  env.uiPage = undefined;
  if (outcome.kind !== 'exit' || outcome.code !== 0) note(`window ${task.id} (ui) ended with ${outcomeText(outcome)}`);
  return { ...expansions, activation, retries, bigGroup, bigGroupError, dashboard, dashboardError, dayLong, dayLongError };
}
