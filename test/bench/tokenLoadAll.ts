// Benchmark: load all 100,000 members of the emulator's LiveMessage big group through the token pager (one page
// after another, as tokens require), with the emulator in its own process (30 ms latency, 50 calls/s per action).
// A token walk can go no faster than one page per round trip: token_load_all_ratio = members/s ÷ (PageSize ÷ rtt),
// rtt being the median HTTP call measured in this run. Target >= 0.9. Part of `npm run bench` (loadAll.ts).
import * as path from 'node:path';
import { InteractiveMessagesClient } from '../../src/api/client';
import { liveMemberPager } from '../../src/api/liveMessage';
import type { LiveMessageInfo } from '../../src/emulator/index';
import { startEmulator } from '../harness/emulator';
import { REPO } from '../harness/paths';

const LATENCY_MS = 30;
const PAGE_SIZE = 50;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface TokenLoadAllFigures {
  token_load_all_ratio: number;
  token_members_per_s: number;
  token_rtt_ms: number;
  token_pages: number;
  token_throttled: number;
  token_duplicates: number;
  token_heap_mb: number;
}

export async function measureTokenLoadAll(): Promise<TokenLoadAllFigures> {
  let peakHeap = process.memoryUsage().heapUsed;
  const heapSampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const emulator = await startEmulator({ cli: path.join(REPO, 'out', 'src', 'emulator', 'cli.js'), latencyMs: LATENCY_MS, args: ['--seed', '1'] });
  try {
    const { fixtures } = await emulator.control<LiveMessageInfo>('GET', 'livemessage');
    console.log(`emulator ${emulator.url} (latency ${LATENCY_MS} ms); LiveMessage big group ${fixtures.bigGroupId} (${fixtures.bigGroupTotal} members)`);
    await emulator.control('POST', 'reset-stats');
    const durations: number[] = [];
    let failedAttempts = 0;
    const client = new InteractiveMessagesClient({
      endpoint: emulator.url,
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: emulator.accessKeySecret,
      onCall: (record) => (record.outcome === 'ok' ? durations.push(record.durationMs) : failedAttempts++),
    });
    const t0 = performance.now();
    const result = await liveMemberPager(
      client,
      { AppId: fixtures.appId, GroupId: fixtures.bigGroupId, SortType: 1, DataCenter: 'cn-shanghai' },
      PAGE_SIZE,
    ).loadAll();
    const seconds = (performance.now() - t0) / 1000;
    const stats = await emulator.stats();

    const sorted = [...durations].sort((a, b) => a - b);
    const rttMs = sorted[Math.floor(sorted.length / 2)];
    const meanRttMs = durations.reduce((sum, ms) => sum + ms, 0) / durations.length;
    const p90RttMs = sorted[Math.floor(sorted.length * 0.9)];
    const membersPerSecond = result.items.length / seconds;
    const bound = PAGE_SIZE / (rttMs / 1000);
    const ratio = membersPerSecond / bound;
    const duplicates = result.items.length - new Set(result.items.map((user) => user.UserId)).size;
    const heapMb = peakHeap / (1024 * 1024);

    console.log(
      `token pager: ${result.items.length} members in ${round(seconds, 2)} s = ${round(membersPerSecond, 0)} members/s; ${result.pagesFetched} pages, stopped: ${result.stoppedBecause}`,
    );
    console.log(`  rtt (median of ${durations.length} calls) ${round(rttMs, 1)} ms: one page per rtt = ${round(bound, 0)} members/s; ratio ${round(ratio, 3)}`);
    // Time per page beyond the median rtt is the slower calls (mean, p90) plus the client's own work between calls.
    console.log(`  per page ${round((seconds * 1000) / result.pagesFetched, 1)} ms; rtt mean ${round(meanRttMs, 1)} ms, p90 ${round(p90RttMs, 1)} ms`);
    console.log(
      `  server: ${stats.requests} requests, ${stats.throttled} throttled, peak ${stats.peakCallsPerSecond} calls in a sliding second; failed attempts ${failedAttempts}`,
    );
    console.log(`  duplicates ${duplicates}; peak heap ${round(heapMb, 1)} MB`);
    return {
      token_load_all_ratio: round(ratio, 3),
      token_members_per_s: round(membersPerSecond, 1),
      token_rtt_ms: round(rttMs, 1),
      token_pages: result.pagesFetched,
      token_throttled: stats.throttled,
      token_duplicates: duplicates,
      token_heap_mb: round(heapMb, 1),
    };
  } finally {
    clearInterval(heapSampler);
    await emulator.stop();
  }
}
