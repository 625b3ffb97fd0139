// Benchmark: export of the 100,000-member group with the real export code (CSV to a temp file), members/s against
// the limit (100 calls/s x 50), and heap growth sampled while it streams (after a gc when node runs with --expose-gc).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memberPager } from '../../src/api/pager';
import type { GroupMember } from '../../src/api/types';
import { MEMBER_ROWS } from '../../src/export/rows';
import { exportToFile } from '../../src/export/exportList';
import { csvWriter } from '../../src/export/writers';
import { clientOf, withEmulator } from './longLoads';

const LIMIT_MEMBERS_PER_S = 100 * 50;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** At `latencyMs` ("30" as the load-all figures, or a range such as "10-60"). */
export async function measureExport(latencyMs: string): Promise<{ export_ratio_to_limit: number; export_heap_growth_mb: number; detail: string }> {
  return withEmulator(
    [],
    async (emulator, { appId, groupId }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-export-bench-'));
      try {
        const pager = memberPager(clientOf(emulator), { AppId: appId, GroupId: groupId }, 50);
        gc();
        const baseline = process.memoryUsage().heapUsed;
        let peak = baseline;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
        const target = path.join(dir, 'members.csv');
        const started = performance.now();
        let result;
        try {
          result = await exportToFile(target, [{ pager }], csvWriter<GroupMember>(MEMBER_ROWS));
        } finally {
          clearInterval(sampler);
        }
        const seconds = (performance.now() - started) / 1000;
        const perSecond = result.written / seconds;
        const growthMb = (peak - baseline) / (1024 * 1024);
        return {
          export_ratio_to_limit: Math.round((perSecond / LIMIT_MEMBERS_PER_S) * 1000) / 1000,
          export_heap_growth_mb: Math.round(growthMb * 10) / 10,
          detail: `export at ${latencyMs} ms: ${result.written} members (${result.status}) in ${seconds.toFixed(2)} s = ${Math.round(perSecond)} members/s, ${result.pagesFetched} pages, ${fs.statSync(target).size} bytes, heap +${growthMb.toFixed(1)} MB (gc ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'on' : 'off'})`,
        };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    latencyMs,
  );
}
