// Who is in a group that moves, and the record of it. Members are numbered by join order (index 0 joined first);
// those present are the indexes from `first` (below it they left from the oldest end) to `end` (the next to join),
// except the few that left from within the list. Every served page of the group's members is counted, and each
// move is recorded against the page after which it happened, so a test can ask who was present from one served
// page to another. Nothing proportional to the group's size is kept: only what moved.
import { prng } from './random';

/** How the members move after one page of them is served (from the faults). */
export interface MembershipMove {
  /** The longest-standing leave and as many new members join (the present count stays). */
  swap: number;
  /** Leave, each chosen anywhere in the list. */
  leave: number;
  /** New members join (the newest). */
  join: number;
}

export const NO_MOVE: MembershipMove = { swap: 0, leave: 0, join: 0 };

/** Members by index present at some served pages, as `from` and `to` pages served of the group (1 = the first). */
export interface PresenceRecord {
  /** Present while every page from `from` to `to` was served. */
  throughout: number[];
  /** Present while some of them were served, not all. */
  partly: number[];
}

interface EndsAfter {
  /** Pages served when the ends moved. */
  served: number;
  first: number;
  end: number;
}

export class Membership {
  /** Pages of the group's members served so far. */
  served = 0;
  private first = 0;
  private end: number;
  /** Indexes from `first` on that left from within the list, ascending. */
  private readonly gone: number[] = [];
  /** Index → pages served when it left from within the list. */
  private readonly leftAfter = new Map<number, number>();
  /** The ends after every page served that moved them, in serving order. */
  private readonly ends: EndsAfter[];
  private readonly random: () => number;

  constructor(initialSize: number, seed: number) {
    this.end = initialSize;
    this.ends = [{ served: 0, first: 0, end: initialSize }];
    this.random = prng(seed);
  }

  get count(): number {
    return this.end - this.first - this.gone.length;
  }

  /** The index of the member at `position` (0 = the longest-standing). */
  indexAt(position: number): number {
    // Left-within members before the answer: those with at most `position` present members before them.
    let low = 0;
    let high = this.gone.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.gone[mid] - this.first - mid <= position) low = mid + 1;
      else high = mid;
    }
    return this.first + position + low;
  }

  /** The position of `index`, a present member. */
  positionOf(index: number): number {
    return index - this.first - this.goneSlot(index).slot;
  }

  isPresent(index: number): boolean {
    return index >= this.first && index < this.end && this.goneSlot(index).found === false;
  }

  /** A page was served: count it, then move the members as told. */
  pageServed(move: MembershipMove): void {
    this.served++;
    const swap = Math.min(move.swap, this.count);
    if (swap > 0) {
      const newFirst = swap === this.count ? this.end : this.indexAt(swap);
      this.gone.splice(0, this.goneSlot(newFirst).slot);
      this.first = newFirst;
      this.end += swap;
    }
    for (let left = 0; left < move.leave && this.count > 0; left++) {
      const index = this.indexAt(Math.floor(this.random() * this.count));
      this.gone.splice(this.goneSlot(index).slot, 0, index);
      this.leftAfter.set(index, this.served);
    }
    this.end += move.join;
    const last = this.ends[this.ends.length - 1];
    if (last.first !== this.first || last.end !== this.end) this.ends.push({ served: this.served, first: this.first, end: this.end });
  }

  /** Who was present while the pages `from` to `to` (counted as `served`) were served. */
  presence(from: number, to: number): PresenceRecord {
    const throughout: number[] = [];
    const partly: number[] = [];
    // Those who were members after page from - 1 was served, up to those who joined before page `to` was.
    const lowest = this.ends[this.lastEndsAtMost(from - 1)].first;
    const highest = this.ends[this.lastEndsAtMost(to - 1)].end;
    for (let index = lowest; index < highest; index++) {
      // A member who joined after page J was served and left after page L was is in the pages J + 1 to L.
      const inFrom = Math.max(this.joinedAfter(index) + 1, from);
      const inTo = Math.min(this.leftAfterPage(index), to);
      if (inFrom === from && inTo === to) throughout.push(index);
      else if (inFrom <= inTo) partly.push(index);
    }
    return { throughout, partly };
  }

  /** Pages served when `index` joined (0 for the first members). */
  private joinedAfter(index: number): number {
    return this.ends[this.firstEndsWhere((ends) => ends.end > index)].served;
  }

  /** Pages served when `index` left; Infinity while it is a member. */
  private leftAfterPage(index: number): number {
    const within = this.leftAfter.get(index);
    if (within !== undefined) return within;
    const at = this.firstEndsWhere((ends) => ends.first > index);
    return at < this.ends.length ? this.ends[at].served : Infinity;
  }

  /** The first of `ends` for which `test` holds (it holds for all after it, as the ends only move on). */
  private firstEndsWhere(test: (ends: EndsAfter) => boolean): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (test(this.ends[mid])) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The ends as they were after `served` pages. */
  private lastEndsAtMost(served: number): number {
    return Math.max(0, this.firstEndsWhere((ends) => ends.served > served) - 1);
  }

  /** Where `index` is, or would go, in `gone`. */
  private goneSlot(index: number): { slot: number; found: boolean } {
    let low = 0;
    let high = this.gone.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.gone[mid] < index) low = mid + 1;
      else high = mid;
    }
    return { slot: low, found: this.gone[low] === index };
  }
}
