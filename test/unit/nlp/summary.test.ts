import * as assert from 'assert';
import { parsePlainText } from '../../../src/core/corpus/parse';
import { articleFromRecord } from '../../../src/core/corpus/records';
import { analyzeArticle, parseArticle } from '../../../src/core/nlp/analyze';
import { summarize } from '../../../src/core/nlp/summary';

const STORY = [
  'A fire destroyed the old town hall in Millbrook on Tuesday night, leaving the council without offices.',
  'Firefighters from three stations fought the fire in the town hall for six hours before it was under control.',
  'No one was hurt, the fire service said.',
  'The town hall was built in 1887 and had been restored twice.',
  'Scroll down for video',
  'Council leader Anna Berg said the council would meet in the library until the town hall is rebuilt.',
  'Investigators are looking into the cause of the fire at the town hall.',
  'The library opens at nine.',
].join(' ');

function summaryOf(text: string, sentences: number, title = ''): string[] {
  const article = articleFromRecord(title ? { title, text } : { text }, 'a.json', 'a', 'json');
  assert.ok(typeof article !== 'string');
  const parsed = parseArticle(article).filter((s) => s.start >= article.bodyStart);
  return summarize({ text: article.text, sentences: parsed, title, mentions: [] }, { sentences }).map((s) => article.text.slice(s.start, s.end));
}

describe('summary', () => {
  it('returns the requested number of the article’s own sentences, in article order', () => {
    const picked = summaryOf(STORY, 3);
    assert.strictEqual(picked.length, 3);
    const positions = picked.map((s) => STORY.indexOf(s));
    assert.ok(positions.every((p) => p >= 0), 'every summary sentence is a sentence of the article');
    assert.deepStrictEqual([...positions].sort((a, b) => a - b), positions, 'article order');
    assert.strictEqual(picked[0], 'A fire destroyed the old town hall in Millbrook on Tuesday night, leaving the council without offices.');
  });

  it('respects the length setting, down to none', () => {
    assert.strictEqual(summaryOf(STORY, 1).length, 1);
    assert.strictEqual(summaryOf(STORY, 5).length, 5);
    assert.deepStrictEqual(summaryOf(STORY, 0), []);
  });

  it('never picks site furniture, even when asked for every sentence', () => {
    assert.ok(!summaryOf(STORY, 20).includes('Scroll down for video'));
  });

  it('does not pick two near-identical sentences', () => {
    const text = [
      'The central bank raised its main interest rate to 5 percent on Thursday to fight inflation.',
      'On Thursday the central bank raised its main interest rate to 5 percent to fight inflation.',
      'Shares fell sharply in early trading after the announcement.',
      'Economists had expected a smaller increase in the rate.',
    ].join(' ');
    const picked = summaryOf(text, 2);
    assert.strictEqual(picked.length, 2);
    assert.ok(!(picked[0].startsWith('The central bank') && picked[1].startsWith('On Thursday')), picked.join(' | '));
  });

  it('prefers a later sentence that shares the title’s words over an aside', () => {
    const text = [
      'It was a quiet morning in the valley.',
      'Birds sang and farmers went about their work as usual.',
      'Then the dam above the village of Orlo burst, flooding two hundred homes.',
      'The sun rose over the hills.',
    ].join(' ');
    const picked = summaryOf(text, 1, 'Dam bursts above Orlo, flooding homes');
    assert.deepStrictEqual(picked, ['Then the dam above the village of Orlo burst, flooding two hundred homes.']);
  });

  it('copes with an empty body and with a body of one fragment', () => {
    assert.deepStrictEqual(summarize({ text: '', sentences: [], title: '', mentions: [] }, { sentences: 3 }), []);
    assert.deepStrictEqual(summaryOf('Breaking', 3), ['Breaking']);
  });
});

describe('analysis: summary and headline', () => {
  it('summarises the body only and gives a one-line headline from the title', () => {
    const text = 'Town hall burns\n\n' + STORY + '\n';
    const article = parsePlainText('a.txt', text, 'a');
    const analysis = analyzeArticle(article, { summarySentences: 2 });
    assert.strictEqual(analysis.summary.length, 2);
    for (const s of analysis.summary) assert.ok(s.start >= article.bodyStart);
    assert.strictEqual(analysis.headline, 'Town hall burns');
  });

  it('falls back to the first summary sentence when there is no title', () => {
    const article = articleFromRecord({ text: STORY }, 'a.json', 'a', 'json');
    assert.ok(typeof article !== 'string');
    const analysis = analyzeArticle({ ...article, title: '' }, { summarySentences: 3 });
    assert.ok(!/\n/.test(analysis.headline));
    assert.ok(analysis.headline.length > 0);
  });
});
