// Streaming a list into a file: a token list through the one token walk (a failing page tried again, each item
// once), a page-number list through the load-all engine; a list that keeps failing leaves no file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiError } from '../../../src/api/errors';
import { TokenPager, type TokenListSource, type TokenPage } from '../../../src/api/tokenPager';
import { exportToFile } from '../../../src/export/exportList';
import { csvWriter } from '../../../src/export/writers';

interface Row {
  id: string;
}

/** 25 rows, 10 a page, the token being the index of a page's first row; `failures` says how often a token fails first. */
function tokens(failures: Map<string, number>): TokenListSource<Row> & { asked: (string | undefined)[] } {
  const asked: (string | undefined)[] = [];
  return {
    asked,
    async fetchPage(token): Promise<TokenPage<Row>> {
      asked.push(token);
      const left = failures.get(token ?? '') ?? 0;
      if (left > 0) {
        failures.set(token ?? '', left - 1);
        throw new ApiError({ code: 'ServiceUnavailable', message: `token ${token} failed`, status: 503, retryable: true });
      }
      const start = Number(token ?? 0);
      // Each page repeats the last row of the one before (the list moved): it is written once.
      const from = Math.max(0, start - 1);
      const items = Array.from({ length: Math.min(25, start + 10) - from }, (_, i) => ({ id: `r${from + i}` }));
      const hasMore = start + 10 < 25;
      return { items, hasMore, nextToken: hasMore ? String(start + 10) : undefined, requestId: `req-${token ?? 'first'}` };
    },
    keyOf: (row) => row.id,
    callsPerSecond: 1000,
    latencyMs: () => 1,
  };
}

const shape = { columns: ['id'], cells: (row: Row) => [row.id] };

describe('export: a list into a file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-list-'));

  it('a token list: a page failing once is tried again, every row written once', async () => {
    const source = tokens(new Map([['10', 1]]));
    const file = path.join(dir, 'tokens.csv');
    const result = await exportToFile(file, [{ pager: new TokenPager(source, 10) }], csvWriter(shape));
    assert.equal(result.written, 25);
    assert.equal(result.status, 'complete');
    const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    assert.deepEqual(
      lines.slice(1),
      Array.from({ length: 25 }, (_, i) => `r${i}`),
    );
    assert.deepEqual(source.asked, [undefined, '10', '10', '20'], 'the failing page asked again, nothing else twice');
  });

  it('a token list whose page keeps failing: the export fails with that error and leaves no file', async () => {
    const source = tokens(new Map([['20', 99]]));
    const file = path.join(dir, 'failing.csv');
    await assert.rejects(exportToFile(file, [{ pager: new TokenPager(source, 10) }], csvWriter(shape)), /token 20 failed/);
    assert.ok(!fs.existsSync(file));
    assert.equal(source.asked.filter((token) => token === '20').length, 3, 'tried, then tried again twice');
  });
});
