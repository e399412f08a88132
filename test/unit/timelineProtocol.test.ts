import * as assert from 'assert';
import { DEFAULT_TIMELINE_STATE, addCompared, parseChart, parseTimelineHostMessage, parseTimelinePageMessage, sanitizeTimelineState } from '../../src/shared/timelineProtocol';

describe('protocol: the timeline page', () => {
  it('accepts the page\'s well-formed messages and repairs their fields', () => {
    assert.deepStrictEqual(parseTimelinePageMessage({ type: 'query', id: 1, query: { entities: ['a', 'a', 'b', 'c', 'd', 'e', 'f'], unit: 'fortnight' } }), { type: 'query', id: 1, query: { entities: ['a', 'b', 'c', 'd'], unit: 'auto' } });
    assert.deepStrictEqual(parseTimelinePageMessage({ type: 'brush', id: 2, from: '2024-02-10', to: '2024-01-01' }), { type: 'brush', id: 2, from: '2024-01-01', to: '2024-02-10' });
    assert.deepStrictEqual(parseTimelinePageMessage({ type: 'brush', id: 3, from: null, to: null }), { type: 'brush', id: 3, from: null, to: null });
    assert.deepStrictEqual(parseTimelinePageMessage({ type: 'listArticles', id: 4, bin: '2024-01-29', series: null }), { type: 'listArticles', id: 4, bin: '2024-01-29', series: null });
    const r = parseTimelinePageMessage({ type: 'rendered', bins: 3, bars: 2, points: 1, state: { unit: 'week', entities: [] } });
    assert.ok(r?.type === 'rendered' && r.state.unit === 'week' && r.bars === 2);
  });

  it('drops anything else from the page', () => {
    for (const bad of [null, { type: 'brush', id: 1, from: 'yesterday', to: null }, { type: 'listArticles', id: 1, bin: '2024-1-1', series: null }, { type: 'openArticle', id: 1 }, { type: 'rendered', bins: 1, bars: -1, points: 0 }, { type: 'run', id: 1 }]) {
      assert.strictEqual(parseTimelinePageMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('keeps up to five compared entities, dropping the oldest', () => {
    let s = DEFAULT_TIMELINE_STATE;
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'f']) s = addCompared(s, id);
    assert.deepStrictEqual(s.entities, ['b', 'c', 'd', 'e', 'f']);
    assert.deepStrictEqual(sanitizeTimelineState({ entities: 'x', unit: 'month' }), { entities: [], unit: 'month' });
  });

  it('keeps only series as long as the bins from the host', () => {
    const chart = parseChart({
      unit: 'week',
      bins: ['2024-01-29', '2024-02-05', 'soon'],
      focus: { from: 5, to: 1 },
      mentions: [
        { id: 'p', name: 'P', type: 'person', counts: [1, 2] },
        { id: 'q', name: 'Q', type: 'person', counts: [1] },
      ],
      events: [{ type: 'meeting', label: 'Meeting', counts: [0, -1] }],
      eventsLeftOut: { coarse: 2 },
    });
    assert.deepStrictEqual(chart.bins, ['2024-01-29', '2024-02-05']);
    assert.deepStrictEqual(chart.mentions.map((m) => m.id), ['p']);
    assert.deepStrictEqual(chart.events, []);
    assert.deepStrictEqual(chart.focus, { from: 0, to: 1 });
    assert.deepStrictEqual(chart.eventsLeftOut, { coarse: 2, outside: 0, undated: 0 });
    assert.strictEqual(parseTimelineHostMessage({ type: 'articles', replyTo: 1, heading: 'x', articles: [{ id: 'a', title: 't', date: null, source: null, count: 1 }, { id: 5 }] })?.type, 'articles');
  });
});
