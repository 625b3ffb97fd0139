// Children of a node backed by a paged list: the loaded items, then a row for what is missing: an error, a
// load-all that stopped (Resume) or saw the list change (Refresh), "Load more…", or a note that the list is empty.
import { l10n } from 'vscode';
import type { FilterAs } from '../model/listStore';
import type { PagedList } from '../model/pagedList';
import { describeError } from '../errors';
import { keepsRow } from './filtering';
import { formatNumber, pluralNoun } from './format';
import { MoreNode } from './moreNode';
import { NoticeNode } from './noticeNode';
import type { ExplorerNode, TreeServices } from './node';
import { RangeNode, ROWS_PER_RANGE, type RangeRows } from './rangeNode';

/** A list as rows: whose list it is, its items as nodes, and how the filter reads them. */
export interface RowList<Item> {
  /** The node the list's own rows (Load more, an error, ranges) belong to. */
  owner: ExplorerNode;
  list: PagedList<Item>;
  toNode(item: Item): ExplorerNode;
  /** The id the item's row gets (the owner's childId). */
  rowId(item: Item): string;
  /** What the list holds ('member'), for its rows' texts. */
  noun: string;
  filterAs: FilterAs<Item> | undefined;
}

/**
 * Loads the first page unless it is loaded, then the rows. With `showTotalOnOwner`, the owner is redrawn once its
 * first page arrived, so its description shows the Total. Only for owners whose children are leaves: redrawing a
 * node makes VS Code drop and re-fetch its children, and a child being expanded at that moment would lose its place
 * ("No tree item with id …").
 */
export async function pagedChildren<Item>(
  owner: ExplorerNode,
  services: TreeServices,
  rowsOf: () => RowList<Item>,
  showTotalOnOwner = false,
): Promise<ExplorerNode[]> {
  let rows: RowList<Item>;
  try {
    rows = rowsOf();
  } catch (error) {
    return [NoticeNode.failure(owner, services, error)]; // no client (e.g. the profile's key is unreadable)
  }
  const { list } = rows;
  const firstLoad = list.isUnloaded;
  try {
    await list.ensureFirstPage();
  } catch {
    // The failure is kept in list.error and shown as a row.
  }
  if (showTotalOnOwner && firstLoad && list.total !== undefined) {
    setTimeout(() => services.redraw(rows.owner), 0);
  }
  return listRows(rows, services);
}

/** The rows of a loaded list: its items, then the row that says what is missing. */
export function listRows<Item>(rows: RowList<Item>, services: TreeServices, { showError = true, showEmpty = true } = {}): ExplorerNode[] {
  const { owner, list, noun, filterAs } = rows;
  const { filter, lists } = services;
  const shown = filter && filterAs ? list.items.filter((item) => keepsRow(lists, filter, filterAs.level, filterAs.text(item), rows.rowId(item))) : list.items;
  const nodes = shown.length > ROWS_PER_RANGE ? rangeRows(rows, services, shown) : shownDirectly(shown.map((item) => rows.toNode(item)));
  const loaded = formatNumber(list.items.length);
  const total = list.total !== undefined ? formatNumber(list.total) : '?';
  const incomplete = list.incomplete;
  if (list.error !== undefined) {
    if (showError) nodes.push(NoticeNode.failure(owner, services, list.error));
  } else if (incomplete?.status === 'stopped') {
    nodes.push(
      new NoticeNode(
        owner,
        services,
        'warning',
        l10n.t('Loaded {0} of {1} — stopped at page {2}: {3}', loaded, total, formatNumber(incomplete.page), describeError(incomplete.error)),
        {
          key: 'stopped',
          modifier: 'stopped',
          detail: l10n.t('Resume loads the missing pages; what is loaded stays.'),
          command: { command: 'imExplorer.resumeLoad', title: l10n.t('Resume'), arguments: [owner] },
        },
      ),
    );
  } else if (incomplete?.status === 'changed') {
    nodes.push(
      new NoticeNode(
        owner,
        services,
        'warning',
        noun === 'member'
          ? l10n.t('{0} of {1} — the group changed while loading; Refresh to catch up', loaded, total)
          : l10n.t('{0} of {1} — the list changed while loading; Refresh to catch up', loaded, total),
        {
          key: 'changed',
          modifier: 'changed',
          detail: l10n.t(
            'Members joined or left while the pages were read: {0} were loaded of a Total of {1}.',
            formatNumber(incomplete.loaded),
            formatNumber(incomplete.total),
          ),
          command: { command: 'imExplorer.refresh', title: l10n.t('Refresh'), arguments: [owner] },
        },
      ),
    );
  }
  if (list.error !== undefined || incomplete !== undefined) return nodes; // the row above says what is missing
  const more = list.hasMore;
  if (more && filter) {
    nodes.push(
      new NoticeNode(owner, services, 'action', l10n.t('Search further…'), {
        key: 'searchFurther',
        detail: l10n.t('{0} of {1} loaded. Loads more pages until new matches for "{2}" appear.', loaded, total, filter.text),
        command: { command: 'imExplorer.searchFurther', title: l10n.t('Search Further'), arguments: [owner] },
      }),
    );
  } else if (more) {
    nodes.push(new MoreNode(owner, services, list as PagedList<unknown>, noun));
  } else if (showEmpty && list.items.length === 0) {
    nodes.push(new NoticeNode(owner, services, 'info', l10n.t('No {0}', pluralNoun(noun))));
  } else if (filter && shown.length === 0 && list.items.length > 0) {
    nodes.push(
      new NoticeNode(owner, services, 'info', l10n.t('No {0} match "{1}" among {2} loaded', pluralNoun(noun), filter.text, loaded), { key: 'noMatch' }),
    );
  }
  return nodes;
}

function shownDirectly(nodes: ExplorerNode[]): ExplorerNode[] {
  for (const node of nodes) node.shownUnder = undefined;
  return nodes;
}

/** A long list as ranges of ROWS_PER_RANGE rows; a range's rows become nodes only when it is opened. */
function rangeRows<Item>(rows: RowList<Item>, services: TreeServices, shown: Item[]): ExplorerNode[] {
  const { owner, noun } = rows;
  let lastSought: { id: string; index: number } | undefined;
  const ranged: RangeRows = {
    nodes: (start, end) => shown.slice(start, end).map((item) => rows.toNode(item)),
    labelAt: (index) => rows.toNode(shown[index]).ownId() ?? '',
    indexOf: (id) => {
      // Every range of the list asks for the same id in turn: one scan answers them all.
      if (lastSought?.id !== id) {
        const index = shown.findIndex((item) => {
          const rowId = rows.rowId(item);
          return id === rowId || id.startsWith(rowId + '/');
        });
        lastSought = { id, index };
      }
      return lastSought.index;
    },
  };
  const ranges: ExplorerNode[] = [];
  for (let start = 0; start < shown.length; start += ROWS_PER_RANGE) {
    const range = owner.reuse(new RangeNode(owner, services, ranged, start, Math.min(shown.length, start + ROWS_PER_RANGE), noun));
    range.rows = ranged;
    ranges.push(range);
  }
  return ranges;
}
