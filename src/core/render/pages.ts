/**
 * Rows a list shows before a "Show more" row. VS Code asks for every child of an expanded node at
 * once and the extension host builds and sends them all: a group of 20,000 entities or a day of
 * 5,000 events stalls it for seconds. Larger lists grow a page at a time (or the filter narrows them).
 */
export const PAGE_SIZE = 200;

/** The row after a list's shown part; its command shows the next page of the list `key`. */
export interface MoreNode {
  kind: 'more';
  id: string;
  key: string;
  hidden: number;
}

/** How many rows each list (by key) shows; a list grows a page at a time, or far enough to show a revealed row. */
export class Pages {
  private readonly limits = new Map<string, number>();

  limit(key: string): number {
    return this.limits.get(key) ?? PAGE_SIZE;
  }

  /** The shown part of `items` as rows, followed by the row that offers the rest when some are hidden. */
  rows<T, R>(key: string, id: string, items: readonly T[], toRow: (item: T) => R): (R | MoreNode)[] {
    const { shown, more } = this.page(key, id, items);
    const rows: (R | MoreNode)[] = shown.map(toRow);
    if (more) rows.push(more);
    return rows;
  }

  /** The shown part of `items`, and the row that offers the rest when some are hidden. */
  page<T>(key: string, id: string, items: readonly T[]): { shown: readonly T[]; more?: MoreNode } {
    const limit = this.limit(key);
    if (items.length <= limit) return { shown: items };
    return { shown: items.slice(0, limit), more: { kind: 'more', id, key, hidden: items.length - limit } };
  }

  more(key: string): void {
    this.limits.set(key, this.limit(key) + PAGE_SIZE);
  }

  /** Makes row `index` of list `key` shown; true when the list had to grow. */
  reach(key: string, index: number): boolean {
    if (index < this.limit(key)) return false;
    this.limits.set(key, (Math.floor(index / PAGE_SIZE) + 1) * PAGE_SIZE);
    return true;
  }

  reset(): void {
    this.limits.clear();
  }
}
