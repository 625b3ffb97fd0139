// The end of a load of a list that moved: its newest end read again until it meets what was loaded (whoever
// joins is the newest, so that is where the members the pass could not see are).
import { LAST_PAGE_NUM, takeFresh, type Page } from './paging';

export interface CatchUpContext<Item> {
  keyOf(item: Item): string;
  /** Keys loaded so far; the catch-up adds to it. */
  seen: Set<string>;
  /** A page read beyond the pass; undefined when the budget is spent or the read failed. */
  read(pageNum: number): Promise<Page<Item> | undefined>;
  emit(items: Item[], at: 'end' | 'front'): Promise<void>;
}

/** Newest first: pages 1, 2, … until one meets the items loaded; the new ones go to the front. How many. */
export async function catchUpHead<Item>(context: CatchUpContext<Item>): Promise<number | undefined> {
  const { keyOf, seen } = context;
  const known = new Set(seen);
  const found: Item[] = [];
  for (let pageNum = 1; pageNum <= LAST_PAGE_NUM; pageNum++) {
    const page = await context.read(pageNum);
    if (!page) return undefined;
    found.push(...takeFresh(seen, keyOf, page.items));
    if (!page.hasMore || page.items.some((item) => known.has(keyOf(item)))) break;
  }
  await context.emit(found, 'front');
  return found.length;
}

/** Oldest first: from `start` (the tail as loaded) forward to the end, then back until a page meets the items loaded. */
export async function catchUpTail<Item>(context: CatchUpContext<Item>, start: number): Promise<number | undefined> {
  const { keyOf, seen } = context;
  const known = new Set(seen);
  const meets = (page: Page<Item>) => page.items.some((item) => known.has(keyOf(item)));
  const forward: Page<Item>[] = [];
  const backward: Page<Item>[] = [];
  let page = await context.read(start);
  if (!page) return undefined;
  forward.push(page);
  for (let pageNum = start + 1; page.hasMore && page.items.length > 0 && pageNum <= LAST_PAGE_NUM; pageNum++) {
    page = await context.read(pageNum);
    if (!page) return undefined;
    forward.push(page);
  }
  for (let pageNum = start - 1; !meets(backward[0] ?? forward[0]) && pageNum >= 1; pageNum--) {
    const back = await context.read(pageNum);
    if (!back) return undefined;
    backward.unshift(back);
  }
  const found = [...backward, ...forward].flatMap((each) => takeFresh(seen, keyOf, each.items));
  await context.emit(found, 'end');
  return found.length;
}
