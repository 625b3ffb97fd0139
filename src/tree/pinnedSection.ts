// The Pinned section at the top of the view: the active profile's pins (src/model/pins.ts), each read fresh from the
// API by its family as a row of its concept (a group or member with every command of such a row), under ids of the
// section's own (…/pinned/groups/…, …/pinned/members/…), so that they never collide with the same group's row under
// its app. A pin whose group or member no longer exists shows a row saying so; one that could not be read (a
// network failure, a denial) an error row with Retry. Both keep Unpin. What is read is kept until a refresh.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { Family } from '../api/types';
import { describeError, logFailureOnce } from '../errors';
import type { Pin, PinTarget } from '../model/pins';
import type { IdScope, PinnedRow, PinPlace, PinRead } from './concepts';
import type { Modifier } from './contextValues';
import { escapeMarkdown, tooltip } from './format';
import { readLegacyPin } from './legacy/pinned';
import { LISTS } from './listOwner';
import { readLivePin } from './live/pinned';
import { ExplorerNode, segment, type TreeServices } from './node';

const READERS: Record<Family, (place: PinPlace) => Promise<PinRead>> = { legacy: readLegacyPin, live: readLivePin };

/** A pin whose row cannot be shown: its group or member is gone, or it could not be read. */
class PinNotice extends ExplorerNode {
  readonly kind = 'notice';

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    private readonly pin: Pin,
    private readonly problem: { gone: { short: string; reason: string } } | { error: unknown },
  ) {
    super(parent, services);
  }

  protected override modifiers(): readonly Modifier[] {
    return ['gone' in this.problem ? 'gone' : 'error'];
  }

  override listOwner(): ExplorerNode {
    return this.parent ?? this;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.pin.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    if ('gone' in this.problem) {
      item.description = this.problem.gone.short;
      item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground'));
    } else {
      item.description = l10n.t('could not be read: {0}', describeError(this.problem.error));
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    }
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const { pin } = this;
    const rows: [string, string][] = [
      ['AppId', pin.appId],
      ...(pin.dataCenter ? [['DataCenter', pin.dataCenter] as [string, string]] : []),
      ['GroupId', pin.groupId],
      ...(pin.userId !== undefined ? [['UserId', pin.userId] as [string, string]] : []),
    ];
    const [why, next] =
      'gone' in this.problem
        ? [this.problem.gone.reason, l10n.t('Unpin removes it from Pinned.')]
        : [describeError(this.problem.error), l10n.t('Use Retry to read it again, or Unpin.')];
    const md = tooltip(pin.userId !== undefined ? l10n.t('Pinned member {0}', pin.label) : l10n.t('Pinned group {0}', pin.label), [
      ...rows,
      [l10n.t('Why'), why],
    ]);
    md.appendMarkdown(`\n\n${escapeMarkdown(next)}`);
    return md;
  }

  override json(): unknown {
    return this.pin;
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other instanceof PinNotice && other.treeItem().description === this.treeItem().description;
  }
}

export class PinnedSection extends ExplorerNode implements PinnedRow {
  readonly kind = 'pinned';
  readonly id: string;
  /** Each pin's read, by row id, started once and kept until a refresh (the view asks for the rows many times). */
  private readonly reads = new Map<string, Promise<ExplorerNode>>();
  private readonly failed = new Set<string>();

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    private readonly profileName: string,
    /** Where the rows of a pin's app are (the app's ids), whether or not the tree shows the app. */
    private readonly appScope: (pin: PinTarget) => IdScope,
  ) {
    super(parent, services);
    this.id = `${parent.id}/pinned`;
  }

  /** The active profile's pins, in the order they were pinned. */
  pins(): Pin[] {
    return this.services.pins.list(this.profileName);
  }

  rowId(target: PinTarget): string {
    const app = (target.dataCenter !== undefined ? segment('dc', target.dataCenter) : '') + segment('app', target.appId);
    const group = app + segment(LISTS.groups.segment, target.groupId);
    return target.userId === undefined ? `${this.id}/groups${group}` : `${this.id}/members${group}${segment(LISTS.members.segment, target.userId)}`;
  }

  pinOf(rowId: string): Pin | undefined {
    return this.pins().find((pin) => this.rowId(pin) === rowId);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(l10n.t('Pinned'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = String(this.pins().length);
    item.iconPath = new vscode.ThemeIcon('pinned');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): string {
    return l10n.t(
      'The groups and members pinned in profile "{0}": read from the API when the view shows them and on Refresh, kept across restarts.',
      this.profileName,
    );
  }

  override async children(): Promise<ExplorerNode[]> {
    const pins = this.pins();
    const ids = new Set(pins.map((pin) => this.rowId(pin)));
    for (const id of this.reads.keys()) if (!ids.has(id)) this.reads.delete(id); // unpinned: read afresh if pinned again
    const rows = await Promise.all(pins.map((pin) => this.read(pin)));
    return rows.map((row) => this.reuse(row));
  }

  private read(pin: Pin): Promise<ExplorerNode> {
    const id = this.rowId(pin);
    let read = this.reads.get(id);
    if (!read) {
      read = this.readNow(pin, id);
      this.reads.set(id, read);
    }
    return read;
  }

  private async readNow(pin: Pin, id: string): Promise<ExplorerNode> {
    this.failed.delete(id);
    const place: PinPlace = {
      parent: this,
      services: this.services,
      pin,
      id,
      context: { family: pin.family, appId: pin.appId, dataCenter: pin.dataCenter, app: this.appScope(pin) },
      groupRowId: this.rowId({ ...pin, userId: undefined }),
    };
    try {
      const read = await READERS[pin.family](place);
      if ('gone' in read) return new PinNotice(this, this.services, id, pin, read);
      const label = read.row.treeItem().label;
      if (typeof label === 'string') void this.services.pins.relabel(this.profileName, pin, label);
      return read.row;
    } catch (error) {
      logFailureOnce(this.services.log, l10n.t('Reading pinned {0}', pin.label), error);
      this.failed.add(id);
      return new PinNotice(this, this.services, id, pin, { error });
    }
  }

  forgetFailedReads(): void {
    for (const id of this.failed) this.reads.delete(id);
    this.failed.clear();
  }

  override forgetChildren(): void {
    super.forgetChildren();
    this.reads.clear();
    this.failed.clear();
  }
}
