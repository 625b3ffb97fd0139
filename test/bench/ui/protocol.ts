// What the bench driver (run.ts) and its in-host half (host.ts) say to each other over the control server.
// Types only: host.ts is copied next to the bundle it measures and must not require anything but vscode and Node.

export interface Task {
  id: number;
  mode: 'activation' | 'profile' | 'ui';
  /** The extension to activate and time (default: Interactive Messages Explorer). */
  extensionId?: string;
  settleMs?: number;
  /** Wait until the window's own activation event (its visible view) activates the extension, instead of a quiet host. */
  activatedByView?: boolean;
  profileFile?: string;
  endpoint?: string;
  users?: Record<string, string[]>;
  vscodeImports?: number;
}

export type Command =
  | { cmd: 'timings' | 'finish' | 'probe' | 'heap' }
  /** imExplorer.refresh: of the whole view, or of one group when its ids are given. */
  | { cmd: 'refresh'; group?: GroupPath }
  /** Resolves once the session is signed in (the driver signed in through the UI). */
  | { cmd: 'awaitSignIn' }
  /** Reveals and selects the group, then runs imExplorer.loadAll on it. */
  | ({ cmd: 'loadAll' } & GroupPath)
  /** Reveals the group's last loaded child (or the group itself). */
  | ({ cmd: 'reveal'; last: boolean } & GroupPath)
  /** Runs imExplorer.openDashboard on the group; answers with the wall time the command was run. */
  | ({ cmd: 'openDashboard' } & GroupPath)
  /** Closes every editor (a dashboard among them). */
  | { cmd: 'closeEditors' }
  /**
   * Expands a LiveMessage app and group beside the legacy rows, then refreshes the rows shown `count` times in turn
   * (all but `keep`, a loaded group, and its parents), each until its children are read again; the heap after a full
   * GC before and after.
   */
  | { cmd: 'refreshRows'; count: number; keep: GroupPath }
  /** Developer: Reload Window (the window saves its state, then loads again with a new extension host). */
  | { cmd: 'reloadWindow' };

/** Where a group is in the view: app > user > group. */
export interface GroupPath {
  appId: string;
  userId: string;
  groupId: string;
}

export interface ActivationSample {
  wasActive: boolean;
  signedIn?: boolean;
  totalMs: number;
  loadMs?: number;
  activateCallMs?: number;
  activateSyncMs?: number;
  loadCpuMs?: number;
  activateCpuMs?: number;
  marks: Record<string, number>;
  settledMs: number;
  /** With activatedByView: when the host saw the extension active (ms since the epoch). */
  activeAtWall?: number;
  nodeVersion: string;
  vscodeVersion: string;
  bundle?: string;
}

/** One getChildren call of the view, with the getTreeItem calls that followed it (wall clock, ms). */
export interface ChildrenCall {
  kind: string;
  label: string;
  start: number;
  end: number;
  count: number;
  treeItemMs: number;
  treeItemCalls: number;
  treeItemEnd?: number;
}

export interface HeapSample {
  /** After a full GC when one could be forced. */
  heapUsedMb: number;
  rssMb: number;
  gc: boolean;
}

export interface RefreshRowsSample {
  refreshes: number;
  /** The rows refreshed, by kind and family ("group;legacy": 4). */
  rows: Record<string, number>;
  ms: number;
  heapBefore: HeapSample;
  heapAfter: HeapSample;
  /** The heap (after a full GC) every 100 refreshes: a leak grows on, a buffer filling up levels off. */
  heapCurve: { refreshes: number; heapUsedMb: number }[];
  /** Members of the group kept loaded, before and after. */
  keptBefore: number;
  keptAfter: number;
}

export interface LoadAllSample {
  startWall: number;
  endWall: number;
  ms: number;
  outcome: unknown;
  /** Children of the group afterwards (members, and a Load more row if any). */
  children: number;
}

export interface Probe {
  [name: string]: number[];
}
