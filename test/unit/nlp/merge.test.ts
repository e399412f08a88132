import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { analyzeArticle } from '../../../src/core/nlp/analyze';
import { article, index } from './helpers';

describe('merge: entities across articles', () => {
  it('joins a surname in one article to the full name in another', () => {
    const idx = index({ a: 'Russian Foreign Minister Sergei Lavrov arrived in Delhi.', b: 'Lavrov said talks went well.' });
    const lavrov = idx.entity('person:sergei-lavrov');
    assert.ok(lavrov, idx.entities().map((e) => e.id).join(', '));
    assert.strictEqual(lavrov.articleCount, 2);
    assert.ok(lavrov.aliases.includes('Lavrov'));
    assert.strictEqual(idx.entity('person:lavrov'), undefined);
  });

  it('keeps an ambiguous surname apart when two full names fit it', () => {
    const idx = index({
      a: 'President John F. Kennedy spoke in Dallas.',
      b: 'John F. Kennedy Jr. founded a magazine in New York.',
      c: 'Kennedy later said he was proud.',
    });
    const people = idx.entities().filter((e) => e.type === 'person');
    assert.ok(people.some((p) => p.name === 'Kennedy'), people.map((p) => p.name).join(', '));
    assert.ok(people.some((p) => p.name === 'John F. Kennedy'));
    assert.ok(people.some((p) => p.name === 'John F. Kennedy Jr'));
  });

  it('merges "US", "U.S." and "United States" across articles', () => {
    const idx = index({ a: 'The U.S. imposed sanctions.', b: 'US officials disagreed.', c: 'The United States denied it.' });
    const places = idx.entities().filter((e) => e.type === 'place');
    assert.deepStrictEqual(places.map((e) => e.id), ['place:united-states']);
    assert.strictEqual(places[0].articleCount, 3);
  });

  it('joins an acronym to its expansion from another article', () => {
    const idx = index({ a: 'The Collective Security Council of Eurasia met in Minsk.', b: 'The CSCE said it would meet again.' });
    const org = idx.entities().find((e) => e.name === 'Collective Security Council of Eurasia');
    assert.ok(org?.aliases.includes('CSCE'), JSON.stringify(idx.entities()));
    assert.strictEqual(org?.articleCount, 2);
  });

  it('gives the same ids in two runs, whatever the order of the articles', () => {
    const texts = { a: 'Sergei Lavrov met S Jaishankar in Moscow.', b: 'Later, Jaishankar told reporters that Lavrov said the UN and the United Nations agreed.', c: 'The SCO met.' };
    const run = (order: string[]): string[] => {
      const idx = new CorpusIndex();
      for (const id of order) {
        const a = article(id, texts[id as keyof typeof texts]);
        idx.setFile(a.path, [a], [analyzeArticle(a)]);
      }
      return idx
        .entities()
        .map((e) => `${e.id}=${e.mentionCount}`)
        .sort();
    };
    const first = run(['a', 'b', 'c']);
    assert.deepStrictEqual(run(['c', 'b', 'a']), first);
    assert.ok(first.includes('person:sergei-lavrov=2') && first.includes('person:s-jaishankar=2') && first.includes('organization:united-nations=2'), first.join(' '));
  });
});
