// The figures of one run: a readable table on stdout and, as the last line, one JSON object. Printed, never asserted.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ActivationRecord, activationOf } from './activation';
import { OUTPUT_DIR, TARGETS } from './config';
import type { StagedExtension } from './stage';
import { fmt, max, median, min, round } from './stats';
import type { UiResult } from './ui';

export interface BenchResult {
  rttTimes: number[];
  ui: UiResult;
  activations: ActivationRecord[];
  floor: ActivationRecord[];
  loadStart: number[];
}

export function report(result: BenchResult, staged: StagedExtension, left: string[]): void {
  const signedIn = result.activations.filter((sample) => !sample.wasActive && sample.label === 'signed in');
  const floor = result.floor.filter((sample) => !sample.wasActive);
  const activationMs = median(signedIn.map(activationOf));
  const floorMs = median(floor.map(activationOf));
  const rttMs = median(result.rttTimes);
  const frames = result.ui.samples.map((sample) => sample.frameMs);
  const expandMs = median(frames);
  const big = result.ui.bigGroup;
  const dashboard = result.ui.dashboard;
  const dayLong = result.ui.dayLong;
  const rows: [string, string, string][] = [
    [
      'activation_ms (load + activate, signed in)',
      `${fmt(activationMs)} (min ${fmt(min(signedIn.map(activationOf)))}, max ${fmt(max(signedIn.map(activationOf)))}, n=${signedIn.length})`,
      `≤ ${TARGETS.activationMs}`,
    ],
    [
      'activation_floor_ms (empty extension)',
      `${fmt(floorMs)} (n=${floor.length}); ours ÷ floor ${fmt(activationMs / floorMs, 2)}`,
      `ratio ≤ ${TARGETS.activationOverFloor}`,
    ],
    [
      'expand_to_visible_ms',
      `${fmt(expandMs)} (min ${fmt(min(frames))}, max ${fmt(max(frames))}, n=${frames.length}, lost ${result.ui.lost.length})`,
      `≤ rtt + ${TARGETS.expandOverRttMs}`,
    ],
    ['rtt_ms', `${fmt(rttMs)} (n=${result.rttTimes.length})`, ''],
    ['bundle_bytes', String(staged.bundleBytes), `≤ ${TARGETS.bundleBytes}`],
    [
      'load_all_ratio_to_limit',
      big
        ? `${fmt(big.loadAllRatioToLimit, 3)} (${big.loaded} members, ${fmt(big.membersPerSecond, 0)}/s)`
        : `- (${result.ui.bigGroupError ?? 'no big group'})`,
      `≥ ${TARGETS.loadAllRatio}`,
    ],
    ['exthost_heap_growth_mb', big ? `${fmt(big.heapGrowthMb)} (GC forced: ${String(big.heapAfter.gc)})` : '-', `≤ ${TARGETS.heapGrowthMb}`],
    ['frame_gap_p95_ms', big ? `${fmt(big.frameGapP95Ms)} (max ${fmt(big.frameGapMaxMs)}, ${big.frameGaps} frames)` : '-', `≤ ${TARGETS.frameGapP95Ms}`],
    ['refresh_after_load_all_ms', big ? fmt(big.refreshMs) : '-', `≤ ${TARGETS.refreshMs}`],
    ['dashboard_open_ms', dashboard ? fmt(dashboard.openMs) : `- (${result.ui.dashboardError ?? 'not measured'})`, `≤ ${TARGETS.dashboardOpenMs}`],
    [
      'dashboard_update_p95_ms',
      dashboard ? `${fmt(dashboard.updateGapP95Ms)} (max ${fmt(dashboard.updateGapMaxMs)}, ${dashboard.frames} frames, ${dashboard.loaded} members)` : '-',
      `≤ ${TARGETS.dashboardUpdateP95Ms}`,
    ],
    ['dashboard_exthost_heap_mb', dashboard ? fmt(dashboard.heapGrowthMb) : '-', `≤ ${TARGETS.dashboardHeapMb}`],
    [
      'dashboard_sample_share',
      dashboard ? `${fmt(dashboard.sampleShare, 4)} (${fmt(dashboard.sampleCallsPerSecond, 2)} calls/s)` : '-',
      `≤ ${TARGETS.dashboardSampleShare}`,
    ],
    [
      'refresh_heap_growth_mb',
      dayLong
        ? `${fmt(dayLong.heapGrowthMb)} (${dayLong.refresh.refreshes} refreshes, GC forced: ${String(dayLong.refresh.heapAfter.gc)}, the loaded group ${dayLong.refresh.keptBefore} → ${dayLong.refresh.keptAfter} members)`
        : `- (${result.ui.dayLongError ?? 'not measured'})`,
      `≤ ${TARGETS.refreshHeapGrowthMb}`,
    ],
    ['reload_to_tree_ms', dayLong ? fmt(dayLong.reloadToTreeMs) : '-', `≤ ${TARGETS.reloadToTreeMs}`],
    ['reload_to_activation_ms', dayLong ? `${fmt(dayLong.reloadToActivationMs)} (of reload_to_tree_ms: VS Code starting its extension host)` : '-', ''],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  process.stdout.write(
    `bench:ui — ${signedIn[0]?.vscodeVersion ?? '?'} (Node ${signedIn[0]?.nodeVersion ?? '?'}), ${os.cpus().length} CPUs, load ${result.loadStart.map((value) => value.toFixed(2)).join(' ')}\n`,
  );
  for (const [name, value, target] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}\n`);
  if (result.ui.retries.length) process.stdout.write(`  retries: ${result.ui.retries.join('; ')}\n`);
  if (left.length) process.stdout.write(`  processes left behind:\n    ${left.join('\n    ')}\n`);
  fs.writeFileSync(path.join(OUTPUT_DIR, 'samples.json'), `${JSON.stringify({ ...result, staged }, null, 2)}\n`);
  const figures = {
    activation_ms: round(activationMs),
    expand_to_visible_ms: round(expandMs),
    rtt_ms: round(rttMs),
    bundle_bytes: staged.bundleBytes,
    activation_floor_ms: round(floorMs),
    load_all_ratio_to_limit: big ? round(big.loadAllRatioToLimit, 3) : null,
    exthost_heap_growth_mb: big ? round(big.heapGrowthMb) : null,
    frame_gap_p95_ms: big ? round(big.frameGapP95Ms) : null,
    refresh_after_load_all_ms: big ? round(big.refreshMs) : null,
    dashboard_open_ms: dashboard ? round(dashboard.openMs) : null,
    dashboard_update_p95_ms: dashboard ? round(dashboard.updateGapP95Ms) : null,
    dashboard_exthost_heap_mb: dashboard ? round(dashboard.heapGrowthMb) : null,
    dashboard_sample_share: dashboard ? round(dashboard.sampleShare, 4) : null,
    refresh_heap_growth_mb: dayLong ? round(dayLong.heapGrowthMb) : null,
    reload_to_tree_ms: dayLong ? round(dayLong.reloadToTreeMs) : null,
    reload_to_activation_ms: dayLong ? round(dayLong.reloadToActivationMs) : null,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
