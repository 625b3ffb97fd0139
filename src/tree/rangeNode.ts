// A range of a long list's rows ("1 – 1,000"), so that a list of 100,000 members is 100 rows until one range is
// opened: the view and the extension host then hold the rows of the opened ranges only.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { formatNumber, pluralNoun } from './format';
import { ExplorerNode, type TreeServices } from './node';

/** Rows per range; a list with more rows than this is shown as ranges. */
export const ROWS_PER_RANGE = 1000;

/** What a range shows: the rows `start` to `end` (exclusive) of its owner's current (filtered) rows. */
export interface RangeRows {
  /** The rows of the range as nodes, as the owner shows them now (undefined rows are gone after a refresh). */
  nodes(start: number, end: number): ExplorerNode[];
  /** The label of a row, for the range's description (its first and last row). */
  labelAt(index: number): string;
  /** The index of the owner's current row that is `id` or has it below, or -1. */
  indexOf(id: string): number;
}

export class RangeNode extends ExplorerNode {
  readonly kind = 'range';
  readonly id: string;

  constructor(
    readonly owner: ExplorerNode,
    services: TreeServices,
    /** Replaced each time the owner's rows are listed again (a filter or a new page changes them). */
    public rows: RangeRows,
    readonly start: number,
    readonly end: number,
    private readonly noun: string,
  ) {
    super(owner, services);
    this.id = `${owner.id}/range/${start}`;
  }

  treeItem(): vscode.TreeItem {
    const first = formatNumber(this.start + 1);
    const last = formatNumber(this.end);
    const item = new vscode.TreeItem(`${first} – ${last}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${this.rows.labelAt(this.start)} … ${this.rows.labelAt(this.end - 1)}`;
    item.iconPath = new vscode.ThemeIcon('list-flat');
    return item;
  }

  override tooltip(): string {
    return l10n.t('{0} {1} to {2} of those loaded', pluralNoun(this.noun), formatNumber(this.start + 1), formatNumber(this.end));
  }

  override async children(): Promise<ExplorerNode[]> {
    const nodes = this.rows.nodes(this.start, this.end);
    for (const node of nodes) node.shownUnder = this;
    return nodes;
  }

  override leadsTo(id: string): boolean {
    if (!id.startsWith(this.owner.id + '/')) return false;
    const index = this.rows.indexOf(id);
    return index >= this.start && index < this.end;
  }

  override listOwner(): ExplorerNode {
    return this.owner;
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other.kind === 'range' && (other as RangeNode).end === this.end;
  }
}
