// Benchmark: load all 100,000 members of the emulator's big group through the pager, against a naive
// page-after-page client, with the emulator in its own process (qps 100, 30 ms latency).
// Then long loads under faults, churn and members leaving, joining or leaving in a burst (longLoads.ts), the export
// (exportBench.ts), the filter (filter.ts) and the LiveMessage token walk (tokenLoadAll.ts).
// Run with `npm run bench`. The last line of output is one JSON object.
import * as path from 'node:path';
import RPCClient = require('@alicloud/pop-core/lib/rpc');
import { InteractiveMessagesClient, type CallRecord } from '../../src/api/client';
import { ApiError } from '../../src/api/errors';
import { memberPager } from '../../src/api/pager';
import { API_VERSION, LIMITS } from '../../src/api/types';
import { startEmulator } from '../harness/emulator';
import { REPO } from '../harness/paths';
import { measureExport } from './exportBench';
import { measureFilter } from './filter';
import { measureChurn, measureFaults, measureMoves } from './longLoads';
import { measureTokenLoadAll } from './tokenLoadAll';

const QPS = 100;
const LATENCY_MS = 30;
const PAGE_SIZE = 50;
const NAIVE_SAMPLE_PAGES = 200;
const PHYSICAL_LIMIT = QPS * PAGE_SIZE; // members per second the server allows at most

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  let peakHeap = process.memoryUsage().heapUsed;
  const heapSampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);

  // The compiled CLI (out/src/emulator/cli.js), as this benchmark measures the compiled code too.
  const emulator = await startEmulator({
    cli: path.join(REPO, 'out', 'src', 'emulator', 'cli.js'),
    latencyMs: LATENCY_MS,
    args: ['--qps', String(QPS), '--seed', '1'],
  });
  try {
    const dataset = await emulator.dataset();
    const { appId, bigGroupId } = dataset.fixtures;
    console.log(`emulator ${emulator.url} (qps ${QPS}, latency ${LATENCY_MS} ms); big group ${bigGroupId}`);

    // (1) The pager.
    await emulator.control('POST', 'reset-stats');
    const records: { at: number; record: CallRecord }[] = [];
    const t0 = performance.now();
    const client = new InteractiveMessagesClient({
      endpoint: emulator.url,
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: emulator.accessKeySecret,
      callsPerSecond: LIMITS.callsPerSecond,
      onCall: (record) => records.push({ at: performance.now() - t0, record }),
    });
    let throttledSeenByCaller = 0;
    let result;
    try {
      result = await memberPager(client, { AppId: appId, GroupId: bigGroupId }, PAGE_SIZE).loadAll();
    } catch (error) {
      if (error instanceof ApiError && error.code.startsWith('Throttling')) throttledSeenByCaller++;
      throw error;
    }
    const pagerSeconds = (performance.now() - t0) / 1000;
    const pagerStats = await emulator.stats();
    const unique = new Set(result.items.map((member) => member.UserId)).size;
    const duplicates = result.items.length - unique;
    const membersPerSecond = result.items.length / pagerSeconds;
    const retriedThrottles = records.filter((r) => r.record.outcome.startsWith('Throttling')).length;
    const otherFailures = records.filter((r) => r.record.outcome !== 'ok' && !r.record.outcome.startsWith('Throttling')).length;
    // Past the first window the sliding-window limit allows exactly QPS calls per window: the steady rate.
    const steadyFrom = 1.5 * 1000;
    const steady = records.filter((r) => r.at >= steadyFrom);
    const steadyCallsPerSecond = steady.length / ((records.at(-1)!.at - steadyFrom) / 1000);

    console.log(`pager: ${result.items.length} members (Total ${result.total}) in ${round(pagerSeconds, 2)} s = ${round(membersPerSecond, 0)} members/s`);
    console.log(
      `  ${result.pagesFetched} pages, peak concurrency ${result.peakConcurrency}, stopped: ${result.stoppedBecause}, typical latency ${round(client.typicalLatencyMs ?? 0, 1)} ms`,
    );
    console.log(`  steady state after the first window: ${round(steadyCallsPerSecond, 1)} calls/s = ${round(steadyCallsPerSecond * PAGE_SIZE, 0)} members/s`);
    console.log(
      `  server: ${pagerStats.requests} requests, ${pagerStats.throttled} throttled, peak ${pagerStats.peakCallsPerSecond} calls in a sliding second`,
    );
    console.log(
      `  throttling errors seen by the caller: ${throttledSeenByCaller}; throttled responses retried internally: ${retriedThrottles}; other failed attempts: ${otherFailures}`,
    );
    console.log(`  duplicates in the result: ${duplicates} (dropped by the pager: ${result.duplicatesDropped})`);

    // (2) A naive client: pop-core directly, one page after another, on a sample of pages.
    await sleep(1100); // let the pager's calls leave the server's window
    await emulator.control('POST', 'reset-stats');
    const naive = new RPCClient({
      endpoint: emulator.url,
      apiVersion: API_VERSION,
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: emulator.accessKeySecret,
    });
    let naiveMembers = 0;
    const n0 = performance.now();
    for (let pageNum = 1; pageNum <= NAIVE_SAMPLE_PAGES; pageNum++) {
      const page = await naive.request<{ Result: { UserList: unknown[] } }>('ListMessageGroupUser', {
        AppId: appId,
        GroupId: bigGroupId,
        PageNum: pageNum,
        PageSize: PAGE_SIZE,
      });
      naiveMembers += page.Result.UserList.length;
    }
    const naiveSeconds = (performance.now() - n0) / 1000;
    const naivePerSecond = naiveMembers / naiveSeconds;
    const naiveStats = await emulator.stats();
    console.log(
      `naive: ${naiveMembers} members in ${NAIVE_SAMPLE_PAGES} pages in ${round(naiveSeconds, 2)} s = ${round(naivePerSecond, 0)} members/s` +
        ` (all 100,000 would take ~${round(100_000 / naivePerSecond, 0)} s); server throttled ${naiveStats.throttled}`,
    );

    clearInterval(heapSampler);
    const heapMb = peakHeap / (1024 * 1024);

    const faults = await measureFaults();
    console.log(`faults (5 loads, 10–60 ms): ${faults.detail.join('; ')}`);
    const churn = await measureChurn(1);
    console.log(`churn 3 per page: ${churn.detail}`);
    const churnOldestFirst = await measureChurn(0);
    console.log(`churn 3 per page: ${churnOldestFirst.detail}`);
    const moves = await measureMoves();
    for (const line of moves.detail) console.log(`members moving: ${line}`);
    const exported = await measureExport(String(LATENCY_MS));
    console.log(exported.detail);
    const exportedVarying = await measureExport('10-60');
    console.log(exportedVarying.detail);
    const { filter_100k_ms } = measureFilter();
    const token = await measureTokenLoadAll();
    console.log(
      `ratio to the limit (${PHYSICAL_LIMIT} members/s): ${round(membersPerSecond / PHYSICAL_LIMIT, 3)}; ratio to naive: ${round(membersPerSecond / naivePerSecond, 2)}; peak heap ${round(heapMb, 1)} MB`,
    );
    console.log(
      JSON.stringify({
        members_per_s: round(membersPerSecond, 1),
        ratio_to_limit: round(membersPerSecond / PHYSICAL_LIMIT, 3),
        ratio_to_naive: round(membersPerSecond / naivePerSecond, 2),
        throttled: throttledSeenByCaller,
        duplicates,
        heap_mb: round(heapMb, 1),
        faults_complete: faults.faults_complete,
        faults_lost: faults.faults_lost,
        churn_coverage: churn.churn_coverage,
        churn_duplicates: churn.churn_duplicates,
        churn_coverage_oldest_first: churnOldestFirst.churn_coverage,
        ...moves.figures,
        export_ratio_to_limit: exported.export_ratio_to_limit,
        export_heap_growth_mb: exported.export_heap_growth_mb,
        export_ratio_to_limit_10_60ms: exportedVarying.export_ratio_to_limit,
        export_heap_growth_mb_10_60ms: exportedVarying.export_heap_growth_mb,
        filter_100k_ms,
        ...token,
      }),
    );
  } finally {
    clearInterval(heapSampler);
    await emulator.stop();
  }
}

main().then(
  // Keep-alive sockets would hold the process open; the run is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error('benchmark failed:', error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
