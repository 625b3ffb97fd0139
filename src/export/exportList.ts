// Streams a list to a file: page-number lists through the load-all engine (src/api/loadAll.ts), pages fetched in
// parallel at the rate limit and written in page order as soon as they can be; token lists through the token walk,
// page after page. Only the pages in flight are ever held. Each item is written once (people join and leave
// between pages, so pages shift), and the file appears only when everything was written.
import { cancelledError } from '../api/errors';
import { loadAll, type LoadStatus } from '../api/loadAll';
import { Pager } from '../api/pager';
import type { TokenPager } from '../api/tokenPager';
import { AtomicFile } from './atomicFile';
import type { ExportFormat } from './fileName';
import type { RowShape } from './rows';
import { writerFor, type ExportWriter } from './writers';

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
  /** The list, by page numbers or by tokens, as the tree's pager for it reads it. */
  pager: Pager<Item> | TokenPager<Item>;
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

/** What an export of a row's list writes: members or groups, the ids the file is named by, and the run. */
export interface ExportPlan {
  what: 'members' | 'groups';
  ids: readonly string[];
  run(file: string, format: ExportFormat, options: ExportOptions & { bom: boolean }): Promise<ExportResult>;
}

export function exportPlan<Item, Row>(
  what: ExportPlan['what'],
  ids: readonly string[],
  parts: readonly ExportPart<Item, Row>[],
  rows: RowShape<Row>,
): ExportPlan {
  return { what, ids, run: (file, format, options) => exportToFile(file, parts, writerFor(format, rows, { bom: options.bom }), options) };
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
      const toRow = part.row ?? ((item: Item) => item as unknown as Row);
      const status = await streamPart(
        part.pager,
        seen,
        async (items) => {
          await file.write(writer.page(items.map(toRow)));
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

/** One list, each new item written as its page joins (never held as a whole list). */
async function streamPart<Item>(
  pager: Pager<Item> | TokenPager<Item>,
  seen: Set<string>,
  write: (items: Item[]) => Promise<void>,
  progress: (total: number | undefined) => void,
  fetched: (count: number) => void,
  options: ExportOptions,
): Promise<LoadStatus> {
  const signal = options.signal ?? new AbortController().signal;
  if (!(pager instanceof Pager)) {
    // A token names only the next page: the walk reads them one after another, a failing page tried again.
    const report = await pager.walk({ seen }).rest({ signal, onItems: write, onProgress: () => progress(undefined) });
    fetched(report.pagesFetched);
    if (report.status === 'cancelled') throw cancelledError();
    if (report.status === 'stopped') throw report.error;
    return 'complete';
  }
  // Members found at the head of a newest-first list after the pass are written last: the file cannot be rewound.
  const report = await loadAll(pager.source, pager.pageSize, {
    signal,
    seen,
    maxConcurrency: options.maxConcurrency,
    onItems: (items) => write(items),
    onProgress: (_loaded, total) => progress(total),
  });
  fetched(report.pagesFetched + report.extraPages);
  if (report.status === 'cancelled') throw cancelledError();
  if (report.status === 'stopped') throw report.error;
  return report.status;
}
