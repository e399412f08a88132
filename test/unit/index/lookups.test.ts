import * as assert from 'assert';
import { searchKey } from '../../../src/core/index/corpusIndex';
import { buildIndex, TWO_ARTICLES } from '../support/builtIndex';

describe('index: lookups for the editor', () => {
  it('merges one entity across two articles and lists every mention', () => {
    const index = buildIndex(TWO_ARTICLES);
    const lavrov = index.entity('person:sergei-lavrov');
    assert.ok(lavrov, 'Sergei Lavrov is one corpus entity');
    assert.deepStrictEqual(lavrov.roles, ['Russian Foreign Minister']);
    const mentions = index.mentionsOf(lavrov.id);
    assert.deepStrictEqual(
      mentions.map((m) => `${m.articleId}:${m.text}`),
      ['council:Lavrov', 'council:Sergei Lavrov', 'visit:Lavrov', 'visit:Sergei Lavrov', 'visit:Lavrov'],
    );
  });

  it('finds entities by the start of any word of a name or alias, accents and case ignored', () => {
    const index = buildIndex(TWO_ARTICLES);
    assert.deepStrictEqual(index.searchEntities('lav').map((e) => e.name), ['Sergei Lavrov']);
    assert.deepStrictEqual(index.searchEntities('SERGEI LAV').map((e) => e.name), ['Sergei Lavrov']);
    assert.deepStrictEqual(index.searchEntities('new').map((e) => e.name).sort(), ['New Delhi', 'New York']);
    assert.deepStrictEqual(index.searchEntities('un').map((e) => e.name), ['United Nations'], 'aliases count');
    assert.deepStrictEqual(index.searchEntities('avrov'), [], 'word starts only');
    assert.strictEqual(index.searchEntities('').length, index.entities().length);
    assert.strictEqual(index.searchEntities('', 2).length, 2);
  });

  it('normalises search keys', () => {
    assert.strictEqual(searchKey('  Łódź—Éire  '), 'łodz eire');
    assert.strictEqual(searchKey('***'), '');
  });

  it('returns the mentions overlapping a range, including one that starts before it', () => {
    const index = buildIndex(TWO_ARTICLES);
    const text = index.article('visit')?.article.text ?? '';
    const at = text.indexOf('Sergei Lavrov');
    const inside = index.mentionsBetween('visit', at + 3, at + 4);
    assert.deepStrictEqual(inside.map((m) => m.text), ['Sergei Lavrov']);
    const all = index.mentionsBetween('visit', 0, text.length);
    assert.strictEqual(all.length, index.article('visit')?.mentions.length);
    assert.deepStrictEqual(index.mentionsBetween('visit', 5, 5), []);
    assert.deepStrictEqual(index.mentionsBetween('nope', 0, 100), []);
  });

  it('lists the entities of one article in order of first mention', () => {
    const index = buildIndex(TWO_ARTICLES);
    const list = index.entitiesIn('council');
    assert.deepStrictEqual(list.map((e) => e.entity.name), ['Sergei Lavrov', 'United Nations', 'New York']);
    assert.deepStrictEqual(list[0].mentions.map((m) => m.text), ['Lavrov', 'Sergei Lavrov']);
  });
});
