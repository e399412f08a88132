import * as assert from 'assert';
import { NO_FILTER, articlePasses, dateOverlaps, isFiltering, parseDateRange, sanitizeFilter } from '../../../src/core/index/articleFilter';
import { corpusSources, corpusSpan, filterSteps } from '../../../src/core/index/filteredCorpus';
import { runSync } from '../../../src/core/index/steps';
import { HISTORY, TWO_ARTICLES, buildIndex } from '../support/builtIndex';

describe('index: the date and source filter', () => {
  it('repairs a filter from storage or a message', () => {
    assert.deepStrictEqual(sanitizeFilter(undefined), NO_FILTER);
    assert.deepStrictEqual(sanitizeFilter({ from: '2024-02-10', to: '2024-01-01', sources: ['b', 'a', 'b', 5] }), { from: '2024-01-01', to: '2024-02-10', sources: ['a', 'b'] });
    assert.deepStrictEqual(sanitizeFilter({ from: '2024-02-30', to: 'tomorrow', sources: 'x' }), NO_FILTER);
    assert.strictEqual(isFiltering(NO_FILTER), false);
    assert.strictEqual(isFiltering({ ...NO_FILTER, sources: [''] }), true);
  });

  it('keeps articles by day and source; an undated article only while no range is set', () => {
    const f = { from: '2024-01-01', to: '2024-01-31', sources: [] };
    assert.ok(articlePasses({ date: '2024-01-31', source: 'x' }, f));
    assert.ok(!articlePasses({ date: '2024-02-01', source: 'x' }, f));
    assert.ok(!articlePasses({ date: null, source: 'x' }, f));
    assert.ok(articlePasses({ date: null, source: null }, { ...NO_FILTER, sources: [''] }), 'no source is a source of its own');
    assert.ok(!articlePasses({ date: null, source: 'x' }, { ...NO_FILTER, sources: [''] }));
    assert.ok(articlePasses({ date: '1999-01-01', source: null }, { from: null, to: '2000-01-01', sources: [] }), 'open start');
  });

  it('keeps dates of any precision that overlap the range', () => {
    const f = { from: '2018-01-25', to: '2018-02-03', sources: [] };
    assert.ok(dateOverlaps('2018-W04', f), 'the week of 22 January reaches the 25th');
    assert.ok(dateOverlaps('2018', f) && dateOverlaps('2018-02', f));
    assert.ok(!dateOverlaps('2018-01-24', f) && !dateOverlaps('2017', f) && !dateOverlaps(null, f));
    assert.ok(dateOverlaps(null, NO_FILTER));
  });

  it('reads ranges as people type them', () => {
    assert.deepStrictEqual(parseDateRange('2018-01-01 to 2018-02-15'), { from: '2018-01-01', to: '2018-02-15' });
    assert.deepStrictEqual(parseDateRange('2018-01 \u2013 2018-02'), { from: '2018-01-01', to: '2018-02-28' });
    assert.deepStrictEqual(parseDateRange('2018-01'), { from: '2018-01-01', to: '2018-01-31' });
    assert.deepStrictEqual(parseDateRange('2018-01-22..'), { from: '2018-01-22', to: null });
    assert.deepStrictEqual(parseDateRange('..2017'), { from: null, to: '2017-12-31' });
    assert.deepStrictEqual(parseDateRange('2018-W04'), { from: '2018-01-22', to: '2018-01-28' });
    assert.deepStrictEqual(parseDateRange('  '), { from: null, to: null });
    for (const bad of ['yesterday', '2018-02-01 to 2018-01-01', '2018 to 2019 to 2020', '2018-02-30']) assert.ok('error' in parseDateRange(bad), bad);
  });

  it('counts what a filter keeps of an index: articles, mentions per entity, events filed in the range', () => {
    const index = buildIndex([...TWO_ARTICLES, HISTORY]);
    const all = runSync(filterSteps(index, NO_FILTER));
    assert.strictEqual(all.articleIds.size, 3);
    assert.strictEqual(all.events.length, index.timeline().length);

    const february = runSync(filterSteps(index, { from: '2024-02-01', to: '2024-02-29', sources: [] }));
    assert.deepStrictEqual([...february.articleIds].sort(), ['council', 'history']);
    const lavrov = 'person:sergei-lavrov';
    assert.strictEqual(february.mentions.get(lavrov), 4);
    assert.strictEqual(february.articles.get(lavrov), 2);
    assert.ok(!february.mentions.has('person:s-jaishankar'), 'Jaishankar is only in January');
    // The undated statement of 10 February (filed under its article's date) and the trip of week 9; not 1907.
    assert.deepStrictEqual(february.events.map((e) => e.event.label).sort(), ['Lavrov speaks at the United Nations', 'Lavrov travels to Paris']);

    const noSource = runSync(filterSteps(index, { ...NO_FILTER, sources: [''] }));
    assert.deepStrictEqual([...noSource.articleIds], ['history']);
    assert.strictEqual(noSource.events.length, 2);
  });

  it('finds the corpus span and its sources', () => {
    const index = buildIndex([...TWO_ARTICLES, HISTORY]);
    assert.deepStrictEqual(corpusSpan(index), { first: '2024-01-31', last: '2024-02-20' });
    assert.deepStrictEqual(corpusSources(index), [
      { source: '', articles: 1 },
      { source: 'Daily Wire', articles: 1 },
      { source: 'Mondo International', articles: 1 },
    ]);
  });
});
