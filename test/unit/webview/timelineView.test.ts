import * as assert from 'assert';
import type { TimelineChart } from '../../../src/core/model/timeline';
import { brushRange, describeBin, drawnCounts, leftOutNote, segmentAt, selectedBins, stackSeries, toSeconds } from '../../../src/webview/model/timelineView';

const chart: TimelineChart = {
  unit: 'week',
  bins: ['2024-01-29', '2024-02-05', '2024-02-12'],
  focus: { from: 0, to: 2 },
  mentions: [{ id: 'p', name: 'Lavrov', type: 'person', counts: [3, 0, 1] }],
  events: [
    { type: 'statement', label: 'Statement', counts: [1, 0, 2] },
    { type: 'meeting', label: 'Meeting/visit', counts: [2, 0, 0] },
  ],
  eventsLeftOut: { coarse: 1, outside: 0, undated: 2 },
  undatedArticles: 1,
};

describe('webview: what the timeline page draws', () => {
  it('stacks event counts bottom up and finds the segment under the pointer', () => {
    const stacks = stackSeries(chart.events);
    assert.deepStrictEqual(stacks, [
      [1, 0, 2],
      [3, 0, 2],
    ]);
    assert.strictEqual(segmentAt(stacks, 0, 0.5), 0);
    assert.strictEqual(segmentAt(stacks, 0, 2.5), 1);
    assert.strictEqual(segmentAt(stacks, 0, 3.5), undefined);
    assert.strictEqual(segmentAt(stacks, 2, 1.5), 0, 'an empty segment is skipped');
  });

  it('counts what it draws: a bar per non-zero event count, a point per non-zero mention count', () => {
    assert.deepStrictEqual(drawnCounts(chart), { bars: 3, points: 2 });
  });

  it('turns a brush into days and a date range into the bins it covers', () => {
    assert.deepStrictEqual(brushRange(chart, 2, 1), { from: '2024-02-05', to: '2024-02-18' });
    assert.deepStrictEqual(brushRange(chart, -4, 99), { from: '2024-01-29', to: '2024-02-18' });
    assert.deepStrictEqual(selectedBins(chart, { from: '2024-02-04', to: '2024-02-06' }), { from: 0, to: 1 });
    assert.deepStrictEqual(selectedBins(chart, { from: '2024-02-12', to: null }), { from: 2, to: 2 });
    assert.strictEqual(selectedBins(chart, { from: null, to: null }), undefined);
    assert.strictEqual(selectedBins(chart, { from: '2025-01-01', to: null }), undefined);
    assert.strictEqual(toSeconds('1970-01-02'), 86400);
  });

  it('reads a bin out and says what the chart leaves out', () => {
    assert.strictEqual(describeBin(chart, 0), 'week of 29 January 2024; Lavrov: 3 mentions; 3 events (Statement 1, Meeting/visit 2)');
    assert.strictEqual(describeBin(chart, 1), 'week of 5 February 2024; Lavrov: 0 mentions; no events');
    assert.strictEqual(leftOutNote(chart), 'Events not on the chart: 1 dated only to a month or a year, 2 undated. 1 article has no publication date.');
    assert.strictEqual(leftOutNote({ unit: 'day', eventsLeftOut: { coarse: 0, outside: 0, undated: 0 }, undatedArticles: 0 }), '');
  });
});
