import * as assert from 'assert';
import { PAGE_SIZE, Pages } from '../../../src/core/render/pages';

describe('render: paged lists', () => {
  const items = Array.from({ length: PAGE_SIZE * 2 + 50 }, (_, i) => i);

  it('shows a short list whole, with no "more" row', () => {
    const { shown, more } = new Pages().page('k', 'k/more', items.slice(0, PAGE_SIZE));
    assert.strictEqual(shown.length, PAGE_SIZE);
    assert.strictEqual(more, undefined);
  });

  it('shows a page of a long list and counts the rest, then grows a page at a time', () => {
    const pages = new Pages();
    let page = pages.page('k', 'k/more', items);
    assert.deepStrictEqual(page.shown, items.slice(0, PAGE_SIZE));
    assert.deepStrictEqual(page.more, { kind: 'more', id: 'k/more', key: 'k', hidden: PAGE_SIZE + 50 });
    pages.more('k');
    page = pages.page('k', 'k/more', items);
    assert.strictEqual(page.shown.length, PAGE_SIZE * 2);
    assert.strictEqual(page.more?.hidden, 50);
    pages.more('k');
    assert.strictEqual(pages.page('k', 'k/more', items).more, undefined);
    assert.strictEqual(pages.page('other', 'o/more', items).shown.length, PAGE_SIZE, 'each list pages on its own');
  });

  it('gives the shown rows mapped, then the "more" row', () => {
    const rows = new Pages().rows('k', 'k/more', items, (i) => ({ kind: 'item' as const, i }));
    assert.strictEqual(rows.length, PAGE_SIZE + 1);
    assert.deepStrictEqual(rows[0], { kind: 'item', i: 0 });
    assert.deepStrictEqual(rows[PAGE_SIZE], { kind: 'more', id: 'k/more', key: 'k', hidden: PAGE_SIZE + 50 });
  });

  it('grows a list far enough to show a row being revealed, and says whether it had to', () => {
    const pages = new Pages();
    assert.strictEqual(pages.reach('k', 10), false);
    assert.strictEqual(pages.reach('k', PAGE_SIZE * 2 + 3), true);
    const { shown, more } = pages.page('k', 'k/more', items);
    assert.ok(shown.includes(PAGE_SIZE * 2 + 3));
    assert.strictEqual(more, undefined);
    pages.reset();
    assert.strictEqual(pages.limit('k'), PAGE_SIZE);
  });
});
