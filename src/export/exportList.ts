// Streams a list to a file through the load-all engine (src/api/loadAll.ts): pages fetched in parallel at the rate
// limit and written in page order as soon as they can be; only the pages in flight are ever held. Each item is
// written once (people join and leave between pages, so pages shift).
import { cancelledError } from '../api/errors';
import { loadAll, type LoadStatus } from '../api/loadAll';
import type { ListSource } from '../api/pager';
import { TokenPager, type TokenListSource } from '../api/tokenPager';
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
  /** A page-number list (read through the load-all engine) or a token list (read page after page). */
  source: ListSource<Item> | { tokens: TokenListSource<Item> };
  pageSize: number;
  /** What is written for an item (e.g. a group with the user who listed it). */
  row?: (item: Item) => Row;
}

export interface ExportResult {
  written: number;
  /** changed: the list moved while it was read and the file may miss some of it. */
  status: 'complete' | 'changed';
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
  const state = { written: 0, pagesFetched: 0, total: 0 as number | undefined, status: 'complete' as 'complete' | 'changed' };
  try {
    await file.write(writer.header());
    for (const part of parts) {
      const before = state.written;
      const status = await streamPart(
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
      if (status === 'changed') state.status = 'changed';
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
  return { written: state.written, status: state.status, pagesFetched: state.pagesFetched, durationMs: performance.now() - started };
}

/** One part through the load-all engine, each new item written as its page joins (never held as a whole list). */
async function streamPart<Item, Row>(
  part: ExportPart<Item, Row>,
  seen: Set<string>,
  write: (rows: Row[]) => Promise<void>,
  progress: (total: number | undefined) => void,
  fetched: (count: number) => void,
  options: ExportOptions,
): Promise<LoadStatus> {
  const toRow = part.row ?? ((item: Item) => item as unknown as Row);
  if ('tokens' in part.source) return streamTokenPart(part.source.tokens, part.pageSize, seen, (items) => write(items.map(toRow)), progress, fetched, options);
  // Members found at the head of a newest-first list after the pass are written last: the file cannot be rewound.
  const report = await loadAll(part.source as ListSource<Item>, part.pageSize, {
    signal: options.signal,
    seen,
    maxConcurrency: options.maxConcurrency,
    onItems: (items) => write(items.map(toRow)),
    onProgress: (_loaded, total) => progress(total),
  });
  fetched(report.pagesFetched + report.extraPages);
  if (report.status === 'cancelled') throw cancelledError();
  if (report.status === 'stopped') throw report.error;
  return report.status;
}

/** A token list, page after page (a token names only the next page); each new item written as its page arrives. */
async function streamTokenPart<Item>(
  source: TokenListSource<Item>,
  pageSize: number,
  seen: Set<string>,
  write: (items: Item[]) => Promise<void>,
  progress: (total: number | undefined) => void,
  fetched: (count: number) => void,
  options: ExportOptions,
): Promise<LoadStatus> {
  for await (const page of new TokenPager(source, pageSize).pages({ signal: options.signal })) {
    fetched(1);
    const fresh = page.items.filter((item) => {
      const key = source.keyOf(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length) await write(fresh);
    progress(undefined);
  }
  return 'complete';
}
