import * as assert from 'assert';
import { summarySnapshot, summarySnapshotSteps } from '../../../src/core/render/summaryCards';
import type { ArticleSpec } from '../support/builtIndex';
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

  it('builds a large snapshot in steps, giving the thread back between groups of cards', () => {
    const articles: ArticleSpec[] = Array.from({ length: 250 }, (_, i) => ({
      id: `a${i}`,
      title: `Report ${i}`,
      body: `Sergei Lavrov met S Jaishankar in report ${i}.`,
      entities: [{ key: 'lavrov', type: 'person', name: 'Sergei Lavrov', surfaces: ['Sergei Lavrov'] }],
    }));
    const steps = summarySnapshotSteps(buildIndex(articles), 'ready', false);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    assert.strictEqual(yields, 2, 'a yield after each 100 cards');
    assert.deepStrictEqual(r.value, summarySnapshot(buildIndex(articles), 'ready', false));
    assert.strictEqual(r.value.cards.length, 250);
    assert.deepStrictEqual(r.value.cards[249].chips.map((c) => c.name), ['Sergei Lavrov']);
  });

  it('passes hostile text through as plain strings (the page renders text only)', () => {
    const snap = summarySnapshot(buildIndex([HOSTILE]), 'ready', false);
    assert.strictEqual(snap.cards[0].title, HOSTILE.title);
    assert.ok(snap.cards[0].chips.some((c) => c.name.includes('<') || c.name.includes('[')));
  });
});
