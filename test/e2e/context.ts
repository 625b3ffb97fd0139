// What every end-to-end step gets and is: the workbench, the emulator and its dataset, the suite's state.
import type { Locator, Page } from 'playwright-core';
import type { DatasetApp, DatasetFixtures, DatasetInfo } from '../../src/emulator/index';
import type { FaultOptions } from '../../src/emulator/faults';
import type { EmulatorProcess } from '../harness/emulator';
import type { Workbench } from '../harness/workbench';

export const COMMAND = {
  signIn: 'Interactive Messages: Sign In with AccessKey…',
  signOut: 'Interactive Messages: Sign Out',
  switchProfile: 'Interactive Messages: Switch Profile…',
  refresh: 'Interactive Messages: Refresh',
};

/** A cropped screenshot for the README (see run.ts). */
export type ReadmeShot = (
  name: string,
  options: { include?: Locator[]; margin?: number; maxWidth?: number; bottomAt?: { locator: Locator; extra?: number } },
) => Promise<void>;

export interface SuiteState {
  completed: Set<string>;
  profiles: Set<string>;
  /** Set while a step has faults switched on, so that a failure can switch them off again. */
  faultsBefore?: FaultOptions;
}

export interface StepContext {
  wb: Workbench;
  page: Page;
  emulator: EmulatorProcess;
  dataset: DatasetInfo;
  fixtures: DatasetFixtures;
  liveClassroom: DatasetApp;
  state: SuiteState;
  readme: ReadmeShot;
  /** The folder the workbench has open. */
  workspace: string;
}

export interface Step {
  id: string;
  title: string;
  /** Steps that must have passed first. */
  needs?: string[];
  run(context: StepContext): Promise<void>;
}
