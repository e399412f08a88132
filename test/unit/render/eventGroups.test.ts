import * as assert from 'assert';
import { filedDate } from '../../../src/core/index/corpusIndex';
import { corpusSpan } from '../../../src/core/index/filteredCorpus';
import type { DateGroup } from '../../../src/core/render/eventGroups';
import { groupEvents, groupsToOpen } from '../../../src/core/render/eventGroups';
import { HISTORY, TWO_ARTICLES, buildIndex } from '../support/builtIndex';

const dates = (groups: DateGroup[]): (string | null)[] => groups.map((g) => g.date);

describe('render: the Events view by date', () => {
  const index = buildIndex([...TWO_ARTICLES, HISTORY, { id: 'undated', title: 'Undated', body: 'Lavrov met Paris.', entities: HISTORY.entities, events: [{ type: 'meeting', trigger: 'met', who: ['p1'], label: 'undated meeting' }] }]);
  const span = corpusSpan(index);

  it('lists the newest dates first, a week among its days, and files history before the first article under earlier mentions, plans after the last under later', () => {
    const g = groupEvents(index.timeline(), 'newest', span);
    assert.deepStrictEqual(span, { first: '2024-01-31', last: '2024-02-20' });
    assert.deepStrictEqual(dates(g.dated), ['2024-02-10', '2024-01-31']);
    assert.deepStrictEqual(dates(g.earlier), ['1907']);
    assert.deepStrictEqual(dates(g.later), ['2024-W09'], 'the week of 26 February starts after the last article');
    assert.deepStrictEqual(g.undated?.entries.map((e) => e.event.label), ['undated meeting']);
    for (const group of [...g.dated, ...g.earlier, ...g.later]) for (const e of group.entries) assert.strictEqual(filedDate(e), group.date);
  });

  it('lists the oldest first on request', () => {
    const g = groupEvents(index.timeline(), 'oldest', span);
    assert.deepStrictEqual(dates(g.dated), ['2024-01-31', '2024-02-10']);
  });

  it('has no earlier or later mentions when no article is dated', () => {
    const g = groupEvents(index.timeline(), 'newest', { first: null, last: null });
    assert.deepStrictEqual([dates(g.earlier), dates(g.later)], [[], []]);
    assert.deepStrictEqual(dates(g.dated), ['2024-W09', '2024-02-10', '2024-01-31', '1907']);
  });

  it('opens the first groups while their events fit a page, and always the first', () => {
    const group = (n: number): DateGroup => ({ date: '2024', entries: new Array(n).fill(index.timeline()[0]) });
    assert.strictEqual(groupsToOpen([group(50), group(100), group(60), group(1)], 200), 2);
    assert.strictEqual(groupsToOpen([group(500), group(1)], 200), 1);
    assert.strictEqual(groupsToOpen([], 200), 0);
  });
});
