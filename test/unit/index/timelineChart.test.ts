import * as assert from 'assert';
import { NO_FILTER } from '../../../src/core/index/articleFilter';
import { runSync } from '../../../src/core/index/steps';
import { articlesInBin, chooseUnit, timelineSteps } from '../../../src/core/index/timelineChart';
import { binEnd, binStart, binsBetween, nextBin } from '../../../src/core/model/timeline';
import { HISTORY, TWO_ARTICLES, buildIndex } from '../support/builtIndex';

describe('index: the timeline chart', () => {
  const index = buildIndex([...TWO_ARTICLES, HISTORY]);
  const lavrov = 'person:sergei-lavrov';

  it('bins days, ISO weeks and months by their first day', () => {
    assert.strictEqual(binStart('2024-02-01', 'week'), '2024-01-29');
    assert.strictEqual(binStart('2024-02-29', 'month'), '2024-02-01');
    assert.strictEqual(nextBin('2024-12-01', 'month'), '2025-01-01');
    assert.strictEqual(binEnd('2024-02-01', 'month'), '2024-02-29');
    assert.strictEqual(binEnd('2024-01-29', 'week'), '2024-02-04');
    assert.deepStrictEqual(binsBetween('2024-01-31', '2024-02-20', 'week'), ['2024-01-29', '2024-02-05', '2024-02-12', '2024-02-19']);
  });

  it('picks days for a few months, weeks up to two years, months beyond, and never too many bars', () => {
    const whole = { first: '2010-01-01', last: '2018-01-01' };
    assert.strictEqual(chooseUnit('auto', { first: '2017-11-01', last: '2018-01-01' }, { first: '2017-11-01', last: '2018-01-01' }), 'day');
    assert.strictEqual(chooseUnit('auto', { first: '2016-06-01', last: '2018-01-01' }, { first: '2016-06-01', last: '2018-01-01' }), 'week');
    assert.strictEqual(chooseUnit('auto', { first: '2014-01-01', last: '2018-01-01' }, whole), 'month');
    assert.strictEqual(chooseUnit('day', { first: '2017-12-01', last: '2018-01-01' }, whole), 'week', 'eight years of days would be 2,900 bars');
  });

  it('counts mentions by publication day, and events of day precision by type, saying what it leaves out', () => {
    const chart = runSync(timelineSteps(index, { entities: [lavrov], unit: 'auto' }, NO_FILTER));
    assert.strictEqual(chart.unit, 'day');
    assert.strictEqual(chart.bins.length, 21);
    assert.deepStrictEqual([chart.bins[0], chart.bins[20]], ['2024-01-31', '2024-02-20']);
    const m = chart.mentions[0];
    assert.deepStrictEqual([m.name, m.counts[0], m.counts[10], m.counts[20], m.counts.reduce((a, b) => a + b, 0)], ['Sergei Lavrov', 3, 2, 2, 7]);
    assert.deepStrictEqual(
      chart.events.map((e) => [e.type, e.counts.findIndex((c) => c > 0)]),
      [
        ['statement', 10],
        ['meeting', 0],
      ],
      'in the taxonomy\'s order; the undated statement is filed under its article\'s day',
    );
    assert.deepStrictEqual(chart.eventsLeftOut, { coarse: 2, outside: 0, undated: 0 }, 'the 1907 treaty and the trip of a week are not days');
    assert.strictEqual(chart.undatedArticles, 0);
  });

  it('counts weeks, where a week-dated event fits and one after the last article is outside', () => {
    const chart = runSync(timelineSteps(index, { entities: [lavrov], unit: 'week' }, NO_FILTER));
    assert.deepStrictEqual(chart.bins, ['2024-01-29', '2024-02-05', '2024-02-12', '2024-02-19']);
    assert.deepStrictEqual(chart.mentions[0].counts, [3, 2, 0, 2]);
    assert.deepStrictEqual(chart.eventsLeftOut, { coarse: 1, outside: 1, undated: 0 });
  });

  it('counts only the filter\'s sources, never its date range, and has no bins without dated articles', () => {
    const chart = runSync(timelineSteps(index, { entities: [lavrov], unit: 'day' }, { from: '2024-02-01', to: '2024-02-05', sources: ['Daily Wire'] }));
    assert.deepStrictEqual([chart.bins.length, chart.mentions[0].counts.reduce((a, b) => a + b, 0)], [1, 2]);
    const none = runSync(timelineSteps(index, { entities: [lavrov], unit: 'day' }, { ...NO_FILTER, sources: ['Nobody'] }));
    assert.deepStrictEqual([none.bins, none.mentions], [[], []]);
  });

  it('lists the articles behind a bar: of an entity, of an event type, or of any event', () => {
    assert.deepStrictEqual(articlesInBin(index, { unit: 'day' }, '2024-01-31', lavrov, NO_FILTER).map((a) => [a.id, a.count]), [['visit', 3]]);
    assert.deepStrictEqual(articlesInBin(index, { unit: 'week' }, '2024-02-05', 'statement', NO_FILTER).map((a) => a.id), ['council']);
    assert.deepStrictEqual(articlesInBin(index, { unit: 'month' }, '2024-02-01', null, NO_FILTER).map((a) => a.id), ['history', 'council'], 'the trip of the week of 26 February too; newest first');
    assert.deepStrictEqual(articlesInBin(index, { unit: 'day' }, '2024-01-31', lavrov, { ...NO_FILTER, sources: ['Daily Wire'] }), []);
  });
});
