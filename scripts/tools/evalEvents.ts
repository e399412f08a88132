// `npm run eval:events -- <dir>`: scores the product's main event (5W1H) against Giveme5W1H gold
// files (news-please JSON with `fiveWoneH.<w>.annotated`). For each W: the mean over articles of
// the best token F1 between our phrase and any annotated phrase. Tokens are lower-cased
// alphanumeric runs minus the English stop words of the `stopword` package; for "when", an ISO
// date equal to an annotated `parsed` date also scores 1. Articles whose gold has no phrase for a
// W are left out of that W's mean (nothing to compare with); their count is printed.
// A trivial baseline (first person in the title, the title, the publication date, the first
// place) is scored in the same run. `--verbose` prints every article's phrases; `--timing` also
// times the event pass against the compromise parse it works on, article by article.
import { promises as fs } from 'fs';
import * as path from 'path';
import { eng } from 'stopword';
import { parseArticleFile } from '../../src/core/corpus/parse';
import type { Article, MainEvent } from '../../src/core/model/types';
import type { ArticleAnalysis } from '../../src/core/nlp/analysis';
import { analyzeArticle, parseArticle } from '../../src/core/nlp/analyze';
import { extractEntities } from '../../src/core/nlp/entities';
import { extractEvents } from '../../src/core/nlp/events';
import { loadNerModel, packagedModelPath } from '../../src/core/nlp/ner/recogniser';

loadNerModel(packagedModelPath(__dirname));

const WS = ['who', 'what', 'when', 'where', 'why', 'how'] as const;
type W = (typeof WS)[number];

interface GoldPhrase {
  text?: string;
  parsed?: string;
}

const STOP = new Set(eng);

function tokens(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => !STOP.has(t));
}

function f1(ours: string[], gold: string[]): number {
  if (!ours.length || !gold.length) return 0;
  const counts = new Map<string, number>();
  for (const t of gold) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ours) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (!common) return 0;
  const p = common / ours.length;
  const r = common / gold.length;
  return (2 * p * r) / (p + r);
}

function goldOf(record: Record<string, unknown>, w: W): GoldPhrase[] {
  const five = record.fiveWoneH as Record<string, { annotated?: unknown }> | undefined;
  const list = five?.[w]?.annotated;
  if (!Array.isArray(list)) return [];
  return list
    .filter((a): a is Record<string, unknown> => !!a && typeof a === 'object')
    .map((a) => ({ text: typeof a.text === 'string' && a.text.trim() ? a.text : undefined, parsed: typeof a.parsed === 'string' ? a.parsed : undefined }))
    .filter((a) => (a.text !== undefined && tokens(a.text).length > 0) || (w === 'when' && a.parsed !== undefined));
}

interface Guess {
  phrase: string | null;
  date?: string | null;
}

function score(w: W, guess: Guess, gold: GoldPhrase[]): number {
  let best = 0;
  for (const g of gold) {
    if (w === 'when' && guess.date && g.parsed && guess.date === g.parsed) return 1;
    if (g.text && guess.phrase) best = Math.max(best, f1(tokens(guess.phrase), tokens(g.text)));
  }
  return best;
}

function product(me: MainEvent): Record<W, Guess> {
  return {
    who: { phrase: me.who },
    what: { phrase: me.what },
    when: { phrase: me.when?.text ?? null, date: me.when?.date ?? null },
    where: { phrase: me.where },
    why: { phrase: me.why },
    how: { phrase: me.how },
  };
}

function baseline(article: Article, analysis: ArticleAnalysis): Record<W, Guess> {
  const titleStart = article.text.indexOf(article.title);
  const titleEnd = titleStart + article.title.length;
  const byKey = new Map(analysis.entities.map((e) => [e.key, e]));
  const firstPerson = analysis.mentions.find((m) => m.start >= titleStart && m.end <= titleEnd && byKey.get(m.key)?.type === 'person');
  const firstPlace = analysis.mentions.find((m) => byKey.get(m.key)?.type === 'place');
  return {
    who: { phrase: firstPerson ? (byKey.get(firstPerson.key)?.name ?? null) : null },
    what: { phrase: article.title || null },
    when: { phrase: article.date, date: article.date },
    where: { phrase: firstPlace ? (byKey.get(firstPlace.key)?.name ?? null) : null },
    why: { phrase: null },
    how: { phrase: null },
  };
}

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const timing = argv.includes('--timing');
  let parseMs = 0;
  let eventsMs = 0;
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('Usage: npm run eval:events -- <dir of Giveme5W1H JSON files> [--verbose]\n');
    return 2;
  }
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const sums = { ours: zero(), base: zero() };
  const counts = zero();
  let articles = 0;
  let analysisMs = 0;
  for (const f of files) {
    const file = path.join(dir, f);
    const raw = await fs.readFile(file, 'utf8');
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      process.stderr.write(`skipped ${f}: malformed JSON\n`);
      continue;
    }
    const article = parseArticleFile(file, raw, f.replace(/\.json$/, '')).articles[0];
    if (!article) {
      process.stderr.write(`skipped ${f}: no article\n`);
      continue;
    }
    const t0 = performance.now();
    const analysis = analyzeArticle(article);
    analysisMs += performance.now() - t0;
    articles++;
    if (timing) {
      // The same steps as analyzeArticle, timed one by one right after each other so both
      // figures see the same machine load.
      let t = performance.now();
      const sentences = parseArticle(article);
      parseMs += performance.now() - t;
      const { entities, mentions } = extractEntities(article.text, sentences, { date: article.date });
      t = performance.now();
      extractEvents(article, sentences, entities, mentions);
      eventsMs += performance.now() - t;
    }
    const ours = product(analysis.mainEvent);
    const base = baseline(article, analysis);
    if (verbose) process.stdout.write(`\n== ${article.title} (${article.date ?? 'undated'})\n`);
    for (const w of WS) {
      const gold = goldOf(record, w);
      if (!gold.length) continue;
      counts[w]++;
      const s = score(w, ours[w], gold);
      sums.ours[w] += s;
      sums.base[w] += score(w, base[w], gold);
      if (verbose) {
        const guess = ours[w].phrase + (w === 'when' && ours[w].date ? ` [${ours[w].date}]` : '');
        const golds = gold.map((g) => (g.text ?? '') + (g.parsed ? ` [${g.parsed}]` : '')).join(' | ');
        const b = score(w, base[w], gold);
        process.stdout.write(`  ${w.padEnd(5)} ${(100 * s).toFixed(0).padStart(3)}  ours: ${guess}\n             gold: ${golds}\n`);
        if (b !== s) process.stdout.write(`        ${(100 * b).toFixed(0).padStart(3)}  base: ${base[w].phrase}\n`);
      }
    }
  }
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
  const mean = (s: Record<W, number>, w: W): number => (counts[w] ? s[w] / counts[w] : 0);
  const avg = (s: Record<W, number>, ws: readonly W[]): number => ws.reduce((a, w) => a + mean(s, w), 0) / ws.length;
  const out: string[] = [];
  out.push(`Giveme5W1H gold: ${articles} articles from ${dir} (analysis ${analysisMs.toFixed(0)} ms)`);
  out.push('Best token F1 (lower-cased alphanumeric tokens, English stop words of the `stopword` package removed; "when" also 1 on an equal ISO date)');
  out.push(`${'W'.padEnd(16)}${'articles'.padStart(9)}${'ours'.padStart(8)}${'baseline'.padStart(10)}`);
  for (const w of WS) out.push(`${w.padEnd(16)}${String(counts[w]).padStart(9)}${pct(mean(sums.ours, w)).padStart(8)}${pct(mean(sums.base, w)).padStart(10)}`);
  out.push(`${'first-four mean'.padEnd(16)}${''.padStart(9)}${pct(avg(sums.ours, WS.slice(0, 4))).padStart(8)}${pct(avg(sums.base, WS.slice(0, 4))).padStart(10)}`);
  out.push(`${'all-six mean'.padEnd(16)}${''.padStart(9)}${pct(avg(sums.ours, WS)).padStart(8)}${pct(avg(sums.base, WS)).padStart(10)}`);
  out.push('Baseline: first person in the title, the title, the publication date, the first place; no why or how.');
  if (timing) out.push(`Timing: compromise parse ${parseMs.toFixed(0)} ms, event pass ${eventsMs.toFixed(0)} ms = ${((100 * eventsMs) / parseMs).toFixed(1)}% of the parse`);
  process.stdout.write(out.join('\n') + '\n');
  return articles ? 0 : 1;
}

function zero(): Record<W, number> {
  return { who: 0, what: 0, when: 0, where: 0, why: 0, how: 0 };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval:events: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
