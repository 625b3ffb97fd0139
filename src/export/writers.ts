// Writers turn pages of items into chunks of file text: CSV (RFC 4180, by csv-stringify) or a JSON array.
import type * as CsvStringify from 'csv-stringify/sync';
import type { ExportFormat } from './fileName';
import { cellText, type RowShape } from './rows';

export const UTF8_BOM = '\uFEFF';

export interface ExportWriter<Item> {
  /** Text before the first item. */
  header(): string;
  /** Text for one page of items. */
  page(items: readonly Item[]): string;
  /** Text after the last item. */
  footer(): string;
}

export interface WriterOptions {
  /** A byte order mark first, so that Excel reads the file as UTF-8. */
  bom?: boolean;
}

export function csvWriter<Item>(shape: RowShape<Item>, options: WriterOptions = {}): ExportWriter<Item> {
  // csv-stringify quotes a field holding its record delimiter (CRLF), not one holding a bare CR or LF: RFC 4180
  // wants those quoted too. Leading and trailing spaces are quoted so that they survive a spreadsheet.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, from its own file (esbuild.js: lazy chunks), to keep activation cheap
  const { stringify } = require('csv-stringify/sync') as typeof CsvStringify;
  const csv = (rows: string[][]) => stringify(rows, { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ });
  return {
    header: () => (options.bom ? UTF8_BOM : '') + csv([shape.columns.map(cellText)]),
    page: (items) => (items.length === 0 ? '' : csv(items.map((item) => shape.cells(item).map(cellText)))),
    footer: () => '',
  };
}

/** A JSON array of the raw API objects, one per line, written page by page. */
export function jsonWriter<Item>(options: WriterOptions = {}): ExportWriter<Item> {
  let first = true;
  return {
    header: () => (options.bom ? UTF8_BOM : '') + '[',
    page: (items) =>
      items
        .map((item) => {
          const text = (first ? '\n' : ',\n') + JSON.stringify(item);
          first = false;
          return text;
        })
        .join(''),
    footer: () => (first ? ']\n' : '\n]\n'),
  };
}

export function writerFor<Item>(format: ExportFormat, shape: RowShape<Item>, options: WriterOptions = {}): ExportWriter<Item> {
  return format === 'csv' ? csvWriter(shape, options) : jsonWriter<Item>(options);
}
