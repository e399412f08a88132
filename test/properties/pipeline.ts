/**
 * Properties of the parsers and the pipeline that must hold for ANY input. Used by the unit tests
 * (few cases) and by `npm run fuzz` (many cases). Generators mix news-like text with hostile
 * material: HTML and script, markdown and command links, RTL marks, combining characters, emoji
 * with zero-width joiners, odd white space and broken JSON.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { parseArticleFile } from '../../src/core/corpus/parse';
import { readFeed } from '../../src/core/corpus/readers/feed';
import { htmlToText, readHtml } from '../../src/core/corpus/readers/html';
import { parseJsonFile, parseJsonLines } from '../../src/core/corpus/records';
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

/**
 * Text that once took time in the square of its length: no sentence end for pages on end, or ends
 * compromise does not accept ("Mr. Mr. ...", "A. A. ...", runs of full stops), a Markdown heading
 * line that does not end in its closing run, a long second line where a byline is looked for.
 */
export const SLOW_TEXTS: { name: string; file: string; make: (chars: number, words: string[]) => string }[] = [
  { name: 'no sentence end', file: 'a.txt', make: (n, w) => `Budget talks\n\n${fill(n, () => w.join(' ') + ' ')}` },
  { name: '"Mr. " repeated', file: 'a.txt', make: (n) => `Budget talks\n\n${fill(n, () => 'Mr. ')}` },
  { name: 'full stops', file: 'a.txt', make: (n) => `Budget talks\n\n${'.'.repeat(n)}` },
  { name: '"A. " repeated', file: 'a.txt', make: (n) => `Budget talks\n\n${fill(n, () => 'A. ')}` },
  { name: 'initials and names', file: 'c.json', make: (n, w) => JSON.stringify({ title: 'Budget talks', text: fill(n, () => `J. R. ${w[0] ?? 'Smith'} Jr. of the U.S. `) }) },
  { name: 'Markdown heading line', file: 'b.md', make: (n, w) => `# ${w.join(' ')}${' # '.repeat(n / 3)}x\n\nBody text.` },
  { name: 'long second line', file: 'a.txt', make: (n, w) => `Budget talks\n${w.join(' ')} ${' '.repeat(n)}Updated x\n\nBody.` },
  { name: 'one word', file: 'a.txt', make: (n) => `Budget talks\n\n${'Xy'.repeat(n / 2)}` },
  { name: 'capitalised names', file: 'd.jsonl', make: (n, w) => JSON.stringify({ title: 'Budget talks', text: fill(n, () => `${w.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join(' ')} `) }) },
];

function fill(n: number, piece: () => string): string {
  let s = '';
  while (s.length < n) s += piece();
  return s;
}

/** The largest slow text in the unit tests (`npm run fuzz` scales it up). */
const SLOW_TEXT_CHARS = 48_000;

/**
 * The time allowed for a slow text: this many times what as much ordinary news text takes in the
 * same process (so the budget follows the machine's load), and never less than `fixedMs`.
 */
export const SLOW_TEXT_BUDGET = { timesNews: 6, fixedMs: 1500 };

const NEWS_PARAGRAPH =
  'Russian Foreign Minister Sergei Lavrov met his Indian counterpart S Jaishankar in New Delhi on Monday, officials said. ' +
  'The two ministers discussed trade, energy and the war in Ukraine, and agreed to meet again in Moscow next year. ' +
  '"We will continue to work together," Lavrov told reporters after the talks at Hyderabad House. ' +
  'Mr. Jaishankar said India would buy more oil from Russia, despite pressure from the United States and the European Union.\n\n';

let newsMs: number | undefined;

/** Milliseconds per KB that reading and analysing ordinary news takes here (measured once, warm). */
export function newsMsPerKB(): number {
  if (newsMs === undefined) {
    const text = `Lavrov in Delhi\n\n${fill(32_000, () => NEWS_PARAGRAPH)}`;
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      for (const a of parseArticleFile('a.txt', text, 'x').articles) analyzeArticle(a);
      best = Math.min(best, Date.now() - started);
    }
    newsMs = best / (text.length / 1024);
  }
  return newsMs;
}

export function slowTextBudgetMs(kb: number): number {
  return Math.max(SLOW_TEXT_BUDGET.fixedMs, SLOW_TEXT_BUDGET.timesNews * newsMsPerKB() * kb);
}

/** The slowest case of each slow text seen so far (relative to its budget), for `npm run fuzz` to print. */
export const slowTextTimes = new Map<string, { kb: number; ms: number; budgetMs: number }>();

export interface Property {
  name: string;
  /** `scale` is 1 in the unit tests and larger in `npm run fuzz` (bigger inputs). */
  build: (scale: number) => fc.IProperty<unknown>;
  /** Cases in the unit tests, when fewer than the default (slow properties). */
  unitRuns?: number;
  /** Cases per round of `npm run fuzz`, when fewer than the default. */
  fuzzBatch?: number;
  /** Cases always tried first (fast-check's examples), at the given scale. */
  examples?: (scale: number) => unknown[];
}

export const PROPERTIES: Property[] = [
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
    name: 'JSON and JSONL of any bytes never throw, and report every problem on a line of the file',
    build: () =>
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.record({ title: anyText, text: anyText }), { maxLength: 4 }), (noise, records) => {
        const good = new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n'));
        for (const bytes of [noise, Buffer.concat([good, Buffer.from('\n'), noise, Buffer.from('\n'), good])]) {
          const lines = bytes.filter((b) => b === 10).length + 1;
          for (const read of [parseJsonLines('x.jsonl', bytes, 'x'), parseJsonFile('x.json', bytes, 'x')]) {
            for (const d of read.diagnostics) assert.ok(d.line === undefined || (d.line >= 1 && d.line <= lines), `line ${d.line} of ${lines}`);
          }
        }
        const jsonl = parseJsonLines('x.jsonl', Buffer.concat([good, Buffer.from('\n'), noise, Buffer.from('\n'), good]), 'x');
        assert.ok(jsonl.articles.length >= 2 * records.filter((r) => r.text.trim() !== '' && r.text !== 'None').length, 'the good lines around the noise load');
      }),
  },
  {
    name: 'web pages and feeds of any text never throw; item HTML is reduced to text; mentions slice to their text',
    build: () =>
      fc.property(fc.tuple(newsText, anyText, anyText), ([title, body, meta]) => {
        const page = `<html><head><title>${title}</title><meta property="og:site_name" content="${meta}"></head><body><nav>Home</nav><article><h1>${title}</h1><p>${body}</p><p>${meta}</p></article></body></html>`;
        for (const a of readHtml('x.html', page, 'x').articles) checkAnalysis(a);
        const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, '')}]]>`;
        const feed = `<rss version="2.0"><channel><title>${cdata(meta)}</title><item><title>${cdata(title)}</title><description>${cdata(`<p>${body}</p>`)}</description></item></channel></rss>`;
        for (const a of readFeed('x.rss', feed, 'x', htmlToText).articles) {
          assert.doesNotMatch(a.text, /<\/?p>/, 'the item HTML is reduced to text');
          checkAnalysis(a);
        }
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
  {
    name: 'slow texts are read and analysed within a time linear in their length',
    unitRuns: 8,
    fuzzBatch: 12,
    // Every slow text at the largest size: a cost in the square of the length shows there first.
    examples: (scale) => SLOW_TEXTS.map((slow) => [slow, SLOW_TEXT_CHARS * scale, ['officials', 'said', 'Paris']]),
    build: (scale) =>
      fc.property(
        fc.constantFrom(...SLOW_TEXTS),
        fc.integer({ min: 4_000, max: SLOW_TEXT_CHARS * scale }),
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
        (slow, chars, words) => {
          const text = slow.make(chars, words);
          const kb = text.length / 1024;
          const budgetMs = slowTextBudgetMs(kb);
          const started = Date.now();
          for (const a of parseArticleFile(slow.file, text, 'x').articles) checkAnalysis(a);
          const ms = Date.now() - started;
          const seen = slowTextTimes.get(slow.name);
          if (!seen || ms / budgetMs > seen.ms / seen.budgetMs) slowTextTimes.set(slow.name, { kb: Math.round(kb), ms, budgetMs: Math.round(budgetMs) });
          assert.ok(ms <= budgetMs, `${slow.name}: ${Math.round(kb)} KB took ${ms} ms, over the budget of ${Math.round(budgetMs)} ms`);
        },
      ),
  },
];
