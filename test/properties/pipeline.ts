/**
 * Properties of the parsers and the pipeline that must hold for ANY input. Used by the unit tests
 * (few cases) and by `npm run fuzz` (many cases). Generators mix news-like text with hostile
 * material: HTML and script, markdown and command links, RTL marks, combining characters, emoji
 * with zero-width joiners, odd white space and broken JSON.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { parseArticleFile } from '../../src/core/corpus/parse';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import type { Article } from '../../src/core/model/types';
import { analyzeArticle } from '../../src/core/nlp/analyze';
import { toAnalysisJson } from '../../src/core/render/analysisJson';

const WORDS = [
  'the', 'said', 'on', 'Monday', 'in', 'Paris', 'Berlin', 'President', 'Minister', 'Foreign', 'Sergei', 'Lavrov', 'Mr.', 'Dr.',
  'U.S.', 'UN', 'United', 'Nations', 'Security', 'Council', 'Bank', 'of', 'England', 'visited', 'met', 'talks', 'next', 'year',
  'last', 'week', '2024-01-31', 'Jan.', '5,', '3.5', 'percent', "Russia's", 'India-Russia', 'Russian-Indian', 'state', 'police',
  'arrested', 'attack', 'killed', 'signed', 'agreement', 'with', 'and', '"We', 'will', 'win,"', 'he', 'said.', '(AP)', '—', '–',
];

const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</textarea>', '[x](command:workbench.action.terminal.new)',
  '![](https://tracker.example/p.png)', 'javascript:alert(1)', '\u200f', '\u200e', '\u202e', '\u200d', '\u200b', 'e\u0301',
  'Zoë', 'Ñandú', '👩‍👩‍👧', '🇺🇦', '\ufeff', '\t', '\r\n', '\n\n', '\u2028', '\u00a0', '  ', '***', '```', '|', '&amp;', '&#x3C;', '\\',
  '$(terminal)', '{{x}}', '%s', '\u0000',
];

/** Text that looks like news often enough to reach the deeper parts of the pipeline. */
export const newsText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }), {
    maxLength: 400,
    size: 'large',
  })
  .chain((words) => fc.constantFrom(' ', ' ', ' ', '\n', '. ').chain((sep) => fc.constant(words.join(sep))));

export const anyText = fc.oneof(newsText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }));

function checkAnalysis(article: Article): void {
  const analysis = analyzeArticle(article);
  const n = article.text.length;
  for (const m of analysis.mentions) {
    assert.ok(m.start >= 0 && m.start < m.end && m.end <= n, `mention ${JSON.stringify(m)} outside the text`);
    assert.strictEqual(article.text.slice(m.start, m.end), m.text, 'mention offsets slice to its text');
    assert.ok(analysis.entities.some((e) => e.key === m.key), 'every mention has its entity');
  }
  for (const s of [...analysis.sentences, ...analysis.summary]) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, 'span inside the text');
  for (const e of analysis.events) {
    assert.strictEqual(article.text.slice(e.trigger.start, e.trigger.end), e.trigger.text, 'trigger offsets slice to its text');
    assert.ok(e.sentence.start >= 0 && e.sentence.end <= n);
  }
  const index = new CorpusIndex();
  index.setFile(article.path, [article], [analysis]);
  const json = toAnalysisJson(index);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(json)), json, 'JSON output round-trips');
}

const fileName = fc.constantFrom('a.txt', 'b.md', 'c.json', 'd.jsonl');

export const PROPERTIES: { name: string; build: () => fc.IProperty<unknown> }[] = [
  {
    name: 'parsers never throw and keep offsets inside the text',
    build: () =>
      fc.property(fileName, anyText, (name, text) => {
        const { articles } = parseArticleFile(name, text, 'x');
        for (const a of articles) assert.ok(a.bodyStart >= 0 && a.bodyStart <= a.bodyEnd && a.bodyEnd <= a.text.length);
      }),
  },
  {
    name: 'JSON and JSONL records of any shape never throw',
    build: () =>
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.record({ title: anyText, text: anyText, date: fc.oneof(anyText, fc.integer()), source: fc.jsonValue() })), { maxLength: 5 }), (records) => {
        const jsonl = records.map((r) => JSON.stringify(r) ?? 'null').join('\n');
        parseArticleFile('x.jsonl', jsonl, 'x');
        parseArticleFile('x.json', JSON.stringify(records) ?? '', 'x');
      }),
  },
  {
    name: 'analysis of any text never throws; mentions slice to their text; JSON round-trips',
    build: () =>
      fc.property(fileName, fc.tuple(newsText, anyText), (name, [title, body]) => {
        const text = name.endsWith('json') ? JSON.stringify({ title, text: body, date: '2024-01-31' }) : `${title}\n\nWire Updated on 2024-01-31\n\n${body}`;
        for (const a of parseArticleFile(name === 'd.jsonl' ? 'x.jsonl' : name, text, 'x').articles) checkAnalysis(a);
      }),
  },
];
