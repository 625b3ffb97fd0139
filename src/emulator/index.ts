// The emulator's in-process API. Other code (tests, benchmarks, the demo) imports only from here.
import { startServer, type EmulatorOptions, type RunningEmulator } from './server';

export type { EmulatedClock, EmulatorOptions, MembershipReport, RunningEmulator } from './server';
export { DEMO_KEY, STS_KEY, RESTRICTED_KEY, DISABLED_KEY, LEGACY_ONLY_KEY, LIVE_ONLY_KEY } from './keys';
export type { EmulatorKey } from './keys';
export type { FaultOptions } from './faults';
export type { EmulatorStats } from './stats';
export type { DatasetInfo, DatasetApp, DatasetUser, DatasetGroup, DatasetFixtures } from './dataset';
export type { LiveMessageInfo, LiveMessageFixtures } from './liveDataset';

/** Starts a strict local Interactive Messages API on 127.0.0.1 (see README.md in this folder). */
export function startEmulator(options?: EmulatorOptions): Promise<RunningEmulator> {
  return startServer(options);
}
