// Settings of one `npm run bench:ui` run (environment variables) and its progress log.
import * as path from 'node:path';
import { REPO } from '../../harness/paths';

function positive(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export const OUTPUT_DIR = path.join(REPO, 'test-output', 'bench-ui');
/** The compiled in-host half; copied next to the measured bundle. */
export const HOST_ENTRY = path.join(REPO, 'out', 'test', 'bench', 'ui', 'host.js');
export const LATENCY_MS = 30;
export const RTT_CALLS = 20;
/** Fresh windows per activation series. */
export const WINDOWS = positive(process.env.IME_BENCH_UI_WINDOWS, 5);
/** Expansion rounds over the demo user's groups. */
export const ROUNDS = positive(process.env.IME_BENCH_UI_ROUNDS, 3);
export const KEEP = process.env.IME_BENCH_UI_KEEP === '1';
export const VERBOSE = process.env.IME_BENCH_UI_VERBOSE === '1';
export const PROFILE = process.env.IME_BENCH_UI_PROFILE === '1';
/** A/B a change without touching the tree: a copy of src/ (next to a node_modules link) to build the bundle from. */
export const SRC_DIR = process.env.IME_BENCH_UI_SRC ? path.resolve(process.env.IME_BENCH_UI_SRC) : path.join(REPO, 'src');
export const TIMEOUT_MS = Number(process.env.IME_BENCH_UI_TIMEOUT_MS || 20 * 60 * 1000);
/** The API's limit for Load All: 100 calls/s × 50 members per page. */
export const LOAD_ALL_LIMIT_PER_S = 100 * 50;

/** Printed next to the figures; never asserted. */
export const TARGETS = {
  activationMs: 30,
  activationOverFloor: 1.5,
  expandOverRttMs: 100,
  bundleBytes: 150 * 1024,
  loadAllRatio: 0.9,
  heapGrowthMb: 40,
  frameGapP95Ms: 50,
  refreshMs: 1000,
  dashboardOpenMs: 1000,
  dashboardUpdateP95Ms: 50,
  dashboardHeapMb: 30,
  dashboardSampleShare: 0.1,
  refreshHeapGrowthMb: 5,
  reloadToTreeMs: 2000,
};

const t0 = Date.now();
export function note(message: string): void {
  process.stderr.write(`[bench:ui +${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);
}
