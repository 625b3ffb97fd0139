// Streams a list to a file: page 1 first (it tells Total), then the other pages fetched in parallel at the rate
// limit (as Pager.loadAll does) and written strictly in page order as soon as they can be; only the pages in
// flight are ever held. Each item is written once (people join and leave between pages, so pages shift).
import { setMaxListeners } from 'node:events';
import { chooseConcurrency, DEFAULT_MAX_CONCURRENCY, type ListSource, type Page } from '../api/pager';
import { cancelledError } from '../api/errors';
import { LIMITS } from '../api/types';
import { AtomicFile } from './atomicFile';
import type { ExportWriter } from './writers';

export interface ExportProgress {
  written: number;
  total: number | undefined;
}

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  maxConcurrency?: number;
}

export interface ExportPart<Item, Row = Item> {
  source: ListSource<Item>;
  pageSize: number;
  /** What is written for an item (e.g. a group with the user who listed it). */
  row?: (item: Item) => Row;
}

export interface ExportResult {
  written: number;
  pagesFetched: number;
  durationMs: number;
}

/** Writes the items of every part, in order, each key once; the file appears only when everything was written. */
export async function exportToFile<Item, Row>(
  target: string,
  parts: readonly ExportPart<Item, Row>[],
  writer: ExportWriter<Row>,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const started = performance.now();
  const file = await AtomicFile.create(target);
  const seen = new Set<string>();
  const state = { written: 0, pagesFetched: 0, total: 0 as number | undefined };
  try {
    await file.write(writer.header());
    for (const part of parts) {
      const before = state.written;
      await streamPart(
        part,
        seen,
        async (items) => {
          await file.write(writer.page(items));
          state.written += items.length;
        },
        (total) => {
          state.total = total === undefined || state.total === undefined ? undefined : total + before;
          options.onProgress?.({ written: state.written, total: state.total });
        },
        (count) => (state.pagesFetched += count),
        options,
      );
      state.total = state.written;
    }
    await file.write(writer.footer());
    options.signal?.throwIfAborted();
    await file.commit();
  } catch (error) {
    await file.discard();
    if (options.signal?.aborted) throw cancelledError();
    throw error;
  }
  return { written: state.written, pagesFetched: state.pagesFetched, durationMs: performance.now() - started };
}

async function streamPart<Item, Row>(
  part: ExportPart<Item, Row>,
  seen: Set<string>,
  write: (rows: Row[]) => Promise<void>,
  progress: (total: number | undefined) => void,
  fetched: (count: number) => void,
  options: ExportOptions,
): Promise<void> {
  const { source, pageSize } = part;
  const toRow = part.row ?? ((item: Item) => item as unknown as Row);
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  let total: number | undefined;
  const fetchPage = async (pageNum: number) => {
    controller.signal.throwIfAborted();
    const page = await source.fetchPage(pageNum, pageSize, controller.signal);
    fetched(1);
    return page;
  };
  /** Writes a page's new items; returns whether paging is over. */
  const take = async (page: Page<Item>): Promise<boolean> => {
    total = page.total ?? total;
    const fresh: Row[] = [];
    for (const item of page.items) {
      const key = source.keyOf(item);
      if (!seen.has(key)) {
        seen.add(key);
        fresh.push(toRow(item));
      }
    }
    await write(fresh);
    progress(total);
    return !page.hasMore || page.items.length === 0 || page.pageNum >= LIMITS.pageNum.max || (fresh.length === 0 && total !== undefined && seen.size >= total);
  };
  try {
    const firstStarted = performance.now();
    if (await take(await fetchPage(1))) return;
    const concurrency = chooseConcurrency(
      source.callsPerSecond,
      source.latencyMs() ?? performance.now() - firstStarted,
      options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
    );
    const lastByTotal = total === undefined ? 1 : Math.min(LIMITS.pageNum.max, Math.ceil(total / pageSize));
    // A window of requests in flight, consumed in page order.
    const inFlight: Promise<Page<Item>>[] = [];
    let next = 2;
    const fill = () => {
      while (inFlight.length < concurrency && next <= lastByTotal) {
        const request = fetchPage(next++);
        request.catch(() => undefined); // awaited in order below; a later page's failure must not go unhandled
        inFlight.push(request);
      }
    };
    fill();
    let done = false;
    while (inFlight.length > 0 && !done) {
      const page = await inFlight.shift()!;
      done = await take(page);
      if (!done) fill();
    }
    // The server still has more than Total said: go on one page at a time.
    for (let pageNum = next; !done && pageNum <= LIMITS.pageNum.max; pageNum++) {
      done = await take(await fetchPage(pageNum));
    }
  } finally {
    controller.abort();
    options.signal?.removeEventListener('abort', onAbort);
  }
}
