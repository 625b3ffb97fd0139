// Which rows of the view the user left expanded, kept in the workspace's state: VS Code keeps a custom tree's
// expansion only while its window lives, so without this a reload (or tomorrow's window) shows every app collapsed
// again. Row ids only (they name a profile, an app, a group: never a key). Plain Node: the state is anything with
// Memento's get and update.
import type { MementoLike } from './memento';

/** Rows remembered; the row expanded longest ago is forgotten first. */
export const MAX_REMEMBERED_EXPANSIONS = 500;

const STATE_KEY = 'imExplorer.expandedRows';

export class ExpansionMemory {
  private readonly ids: Set<string>;
  /** Writes run one after another, so that the state ends as the last change left it. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly state: MementoLike) {
    const stored = state.get<unknown>(STATE_KEY);
    const ids = Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string' && id.length > 0) : [];
    this.ids = new Set(ids.slice(-MAX_REMEMBERED_EXPANSIONS));
  }

  isExpanded(id: string): boolean {
    return this.ids.has(id);
  }

  expanded(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > MAX_REMEMBERED_EXPANSIONS) this.ids.delete(this.ids.values().next().value as string);
    this.save();
  }

  collapsed(id: string): void {
    if (this.ids.delete(id)) this.save();
  }

  /** Forgets the row `id` and every row under it (a profile's, when it is removed). */
  forgetUnder(id: string): Promise<unknown> {
    let changed = false;
    for (const remembered of [...this.ids]) {
      if (remembered === id || remembered.startsWith(id + '/')) changed = this.ids.delete(remembered);
    }
    if (changed) this.save();
    return this.writes;
  }

  /** Resolves once every change so far is stored. */
  stored(): Promise<unknown> {
    return this.writes;
  }

  private save(): void {
    const ids = [...this.ids];
    this.writes = this.writes.then(() => this.state.update(STATE_KEY, ids)).catch(() => undefined);
  }
}
