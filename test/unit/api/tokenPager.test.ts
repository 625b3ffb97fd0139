// The token pager over scripted sources: what it asks for, when it stops and why.
import * as assert from 'node:assert/strict';
import { ApiError, ClientErrorCode } from '../../../src/api/errors';
import { TokenPager, type TokenListSource, type TokenPage } from '../../../src/api/tokenPager';

type Script = Record<string, Omit<TokenPage<string>, 'requestId'>>;

/** Pages keyed by the token asked with ('' = the first page); records the tokens asked for. */
function scripted(script: Script): TokenListSource<string> & { asked: (string | undefined)[] } {
  const asked: (string | undefined)[] = [];
  return {
    asked,
    async fetchPage(token, _pageSize, signal) {
      asked.push(token);
      if (signal?.aborted) throw new ApiError({ code: ClientErrorCode.Cancelled, message: 'cancelled' });
      const page = script[token ?? ''];
      if (!page) throw new Error(`asked for an unknown token ${String(token)}`);
      return { ...page, requestId: `R-${token ?? 'first'}` };
    },
    keyOf: (item) => item,
    callsPerSecond: 50,
    latencyMs: () => undefined,
  };
}

describe('tokenPager: TokenPager', () => {
  it('walks token after token, each item once, and stops when the server says there is no more', async () => {
    const source = scripted({
      '': { items: ['a', 'b'], hasMore: true, nextToken: '1001' },
      '1001': { items: ['b', 'c'], hasMore: true, nextToken: '1002' },
      '1002': { items: ['d'], hasMore: false, nextToken: undefined },
    });
    const result = await new TokenPager(source).loadAll();
    assert.deepEqual(result.items, ['a', 'b', 'c', 'd']);
    assert.equal(result.duplicatesDropped, 1);
    assert.equal(result.pagesFetched, 3);
    assert.equal(result.stoppedBecause, 'no-more-pages');
    assert.deepEqual(source.asked, [undefined, '1001', '1002']);
  });

  it('stops with repeated-token when the server gives a token it gave before (never loops)', async () => {
    const source = scripted({
      '': { items: ['a'], hasMore: true, nextToken: '7' },
      '7': { items: ['b'], hasMore: true, nextToken: '8' },
      '8': { items: ['c'], hasMore: true, nextToken: '7' },
    });
    const result = await new TokenPager(source).loadAll();
    assert.equal(result.stoppedBecause, 'repeated-token');
    assert.deepEqual(result.items, ['a', 'b', 'c']);
    assert.deepEqual(source.asked, [undefined, '7', '8']);
  });

  it('stops when a page repeats the very token it was fetched with', async () => {
    const source = scripted({ '': { items: ['a'], hasMore: true, nextToken: '5' }, '5': { items: ['b'], hasMore: true, nextToken: '5' } });
    const result = await new TokenPager(source).loadAll();
    assert.equal(result.stoppedBecause, 'repeated-token');
    assert.equal(source.asked.length, 2);
  });

  it('an empty last page ends the walk; HasMore without a token is missing-token', async () => {
    const empty = scripted({ '': { items: ['a'], hasMore: true, nextToken: '2' }, '2': { items: [], hasMore: true, nextToken: '3' } });
    const emptyResult = await new TokenPager(empty).loadAll();
    assert.equal(emptyResult.stoppedBecause, 'empty-page');
    assert.deepEqual(emptyResult.items, ['a']);
    const missing = scripted({ '': { items: ['a'], hasMore: true, nextToken: undefined } });
    assert.equal((await new TokenPager(missing).loadAll()).stoppedBecause, 'missing-token');
  });

  it('stops at the bound on pages with a token to resume from, and resumes there', async () => {
    const script: Script = {};
    for (let i = 0; i < 10; i++) script[i === 0 ? '' : String(i)] = { items: [`item${i}`], hasMore: i < 9, nextToken: i < 9 ? String(i + 1) : undefined };
    const pager = new TokenPager(scripted(script));
    const first = await pager.loadAll({ maxPages: 4 });
    assert.equal(first.stoppedBecause, 'page-limit');
    assert.equal(first.items.length, 4);
    assert.equal(first.resumeToken, '4');
    const rest = await pager.loadAll({ startToken: first.resumeToken });
    assert.deepEqual(rest.items, ['item4', 'item5', 'item6', 'item7', 'item8', 'item9']);
    assert.equal(rest.stoppedBecause, 'no-more-pages');
  });

  it('a cancel ends the walk with a Cancelled ApiError and asks for no further page', async () => {
    const controller = new AbortController();
    const source = scripted({ '': { items: ['a'], hasMore: true, nextToken: '1' }, '1': { items: ['b'], hasMore: true, nextToken: '2' } });
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const page of new TokenPager(source).pages({ signal: controller.signal })) {
          seen.push(...page.items);
          controller.abort();
        }
      })(),
      (error: ApiError) => error.code === ClientErrorCode.Cancelled,
    );
    assert.deepEqual(seen, ['a']);
    assert.deepEqual(source.asked, [undefined]);
  });

  it('passes the page size and reports progress after each page', async () => {
    const sizes: number[] = [];
    const source = scripted({ '': { items: ['a', 'b'], hasMore: true, nextToken: '9' }, '9': { items: ['c'], hasMore: false, nextToken: undefined } });
    const fetch = source.fetchPage.bind(source);
    source.fetchPage = (token, pageSize, signal) => {
      sizes.push(pageSize);
      return fetch(token, pageSize, signal);
    };
    const progress: number[] = [];
    await new TokenPager(source, 30).loadAll({ onProgress: (n) => progress.push(n) });
    assert.deepEqual(sizes, [30, 30]);
    assert.deepEqual(progress, [2, 3]);
  });
});
