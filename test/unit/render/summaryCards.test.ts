import * as assert from 'assert';
import { summarySnapshot } from '../../../src/core/render/summaryCards';
import { buildIndex, HOSTILE, TWO_ARTICLES } from '../support/builtIndex';

describe('render: summary cards', () => {
  it('builds a card per article with summary, main event, chips and entity ids', () => {
    const index = buildIndex(TWO_ARTICLES);
    const snap = summarySnapshot(index, 'ready', false);
    assert.strictEqual(snap.cards.length, 2);
    assert.strictEqual(snap.entityCount, index.entities().length);
    const visit = snap.cards.find((c) => c.articleId === 'visit');
    assert.ok(visit);
    assert.strictEqual(visit.title, 'Lavrov visits India');
    assert.strictEqual(visit.source, 'Mondo International');
    assert.strictEqual(visit.date, '2024-01-31');
    assert.deepStrictEqual(visit.summary, [
      'Russian Foreign Minister Sergei Lavrov met Indian Foreign Minister S Jaishankar in New Delhi.',
      'Lavrov said Russia supports India.',
    ]);
    assert.deepStrictEqual(visit.main, { who: 'Sergei Lavrov', what: 'Lavrov visits India', when: '2024-01-31', where: 'New Delhi' });
    assert.deepStrictEqual(visit.chips[0], { id: 'person:sergei-lavrov', name: 'Sergei Lavrov', type: 'person', count: 3 });
    assert.ok(visit.entityIds.includes('place:new-delhi'));
    // People first, then places; at most three of a type.
    assert.deepStrictEqual(
      visit.chips.map((c) => c.name),
      ['Sergei Lavrov', 'S Jaishankar', 'India', 'New Delhi', 'Russia'],
    );
  });

  it('passes hostile text through as plain strings (the page renders text only)', () => {
    const snap = summarySnapshot(buildIndex([HOSTILE]), 'ready', false);
    assert.strictEqual(snap.cards[0].title, HOSTILE.title);
    assert.ok(snap.cards[0].chips.some((c) => c.name.includes('<') || c.name.includes('[')));
  });
});
