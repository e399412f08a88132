// Scores the entity pipeline on a CoNLL-2003 file (`npm run eval:ner -- FILE`).
//
// Each -DOCSTART- document becomes one Article: its sentences are rebuilt from the tokens (one
// sentence per line; tokens joined by a space except before closing punctuation and clitics such as
// 's and n't, and after opening brackets and opening quotes), the first line is the title, and a
// YYYY-MM-DD token in the dateline (first three lines) is the article date, as news files carry
// one. Each article runs through analyzeArticle, the code path of `news-lens analyze`, and our
// person/organization/place mentions are matched against gold PER/ORG/LOC by character offsets.
// Gold MISC is ignored. Both sides are trimmed of edge punctuation and possessive 's first.
//
// Throughput: our analyzeArticle and raw compromise (nlp(text) + people/places/organizations with
// offsets) run on the same texts. compromise keeps one global lexicon, so the raw side runs with our
// plugin's words loaded too (they cost nothing at parse time), but with compromise's own parse steps
// and rule sweep; its scores are printed for reference only. Both run interleaved document by document so that machine noise hits
// both alike; the tool prints words per second of each and the ratio.
import { performance } from 'perf_hooks';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import type { ArticleAnalysis } from '../../src/core/nlp/analysis';
import { analyzeArticle } from '../../src/core/nlp/analyze';
import { loadNerModel, packagedModelPath } from '../../src/core/nlp/ner/recogniser';
import { nlp, withStockCompromise } from '../../src/core/nlp/nlp';
import type { ConllDoc } from './conll';
import { readConll, trimSpan } from './conll';

type Gold = 'PER' | 'ORG' | 'LOC';
const TYPES: Gold[] = ['PER', 'ORG', 'LOC'];
const OURS: Record<string, Gold> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface Doc extends ConllDoc {
  keys: Set<string>;
}

function key(doc: number, text: string, start: number, end: number, type: Gold): string {
  const [s, e] = trimSpan(text, start, end);
  return `${doc}:${s}:${e}:${type}`;
}

function readDocs(file: string): Doc[] {
  return readConll(file).map((d, n) => ({ ...d, keys: new Set(d.gold.filter((g) => g.type !== 'MISC').map((g) => key(n, d.article.text, g.start, g.end, g.type as Gold))) }));
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score(gold: Set<string>, predicted: Set<string>): Map<string, Counts> {
  const by = new Map<string, Counts>();
  for (const t of [...TYPES, 'ALL']) by.set(t, { tp: 0, fp: 0, fn: 0 });
  const typeOf = (k: string): string => k.slice(k.lastIndexOf(':') + 1);
  for (const k of predicted) {
    const hit = gold.has(k);
    for (const t of [typeOf(k), 'ALL']) (by.get(t) as Counts)[hit ? 'tp' : 'fp']++;
  }
  for (const k of gold) if (!predicted.has(k)) for (const t of [typeOf(k), 'ALL']) (by.get(t) as Counts).fn++;
  return by;
}

function prf(c: Counts): [number, number, number] {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return [p * 100, r * 100, p + r ? (200 * p * r) / (p + r) : 0];
}

function table(title: string, by: Map<string, Counts>): string[] {
  const out = [title, '  type   precision  recall     F1     (tp / fp / fn)'];
  for (const [t, c] of by) {
    const [p, r, f] = prf(c);
    const label = t === 'ALL' ? 'micro' : t;
    out.push(`  ${label.padEnd(6)} ${p.toFixed(1).padStart(9)} ${r.toFixed(1).padStart(7)} ${f.toFixed(1).padStart(6)}     (${c.tp} / ${c.fp} / ${c.fn})`);
  }
  return out;
}

function ours(doc: Doc, n: number, into: Set<string>): ArticleAnalysis {
  const a = analyzeArticle(doc.article);
  const types = new Map(a.entities.map((e) => [e.key, OURS[e.type]]));
  for (const m of a.mentions) {
    const t = types.get(m.key);
    if (t) into.add(key(n, doc.article.text, m.start, m.end, t));
  }
  return a;
}

/**
 * The same analyses merged as one corpus, as `news-lens analyze DIR` merges the files of a folder:
 * each name then has the type the whole corpus gives it (index/merge.ts), not its article's.
 */
function merged(docs: Doc[], analyses: ArticleAnalysis[]): Set<string> {
  const index = new CorpusIndex();
  docs.forEach((d, n) => index.setFile(d.article.path, [d.article], [analyses[n]]));
  const at = new Map(docs.map((d, n) => [d.article.id, n]));
  const into = new Set<string>();
  for (const item of index.articles()) {
    const n = at.get(item.article.id) as number;
    for (const m of item.mentions) {
      const t = OURS[index.entity(m.entity)?.type ?? ''];
      if (t) into.add(key(n, docs[n].article.text, m.start, m.end, t));
    }
  }
  return into;
}

interface Offset {
  offset: { start: number; length: number };
}

function raw(doc: Doc, n: number, into: Set<string>): void {
  const groups = withStockCompromise((): [Gold, Offset[]][] => {
    const d = nlp(doc.article.text);
    return [
      ['PER', d.people().out('offset') as Offset[]],
      ['LOC', d.places().out('offset') as Offset[]],
      ['ORG', d.organizations().out('offset') as Offset[]],
    ];
  });
  for (const [t, list] of groups) for (const o of list) into.add(key(n, doc.article.text, o.offset.start, o.offset.start + o.offset.length, t));
}

/** The most frequent false positives and misses per type, to see which rule is missing. */
function errorSample(docs: Doc[], gold: Set<string>, predicted: Set<string>, n: number): string[] {
  const out: string[] = [];
  const surface = (k: string): string => {
    const [d, s, e] = k.split(':');
    return docs[+d].article.text.slice(+s, +e);
  };
  for (const [label, from, against] of [['false positives', predicted, gold], ['misses', gold, predicted]] as const) {
    for (const t of TYPES) {
      const counts = new Map<string, number>();
      for (const k of from) {
        if (!k.endsWith(`:${t}`) || against.has(k)) continue;
        const other = TYPES.map((x) => k.replace(/[A-Z]+$/, x)).find((x) => against.has(x));
        const name = `${surface(k)}${other ? ` (is ${other.slice(-3)})` : ''}`;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
      out.push(`${t} ${label}: ${top.map(([w, c]) => `${w}×${c}`).join(', ')}`);
    }
  }
  return out;
}

function main(): number {
  const args = process.argv.slice(2);
  const errorsAt = args.indexOf('--errors');
  const showErrors = errorsAt >= 0 ? Number(args.splice(errorsAt, 2)[1]) || 0 : 0;
  const modelAt = args.indexOf('--model');
  const model = modelAt >= 0 ? args.splice(modelAt, 2)[1] : packagedModelPath(__dirname);
  const file = args[0];
  if (!file || file.startsWith('-') || !model) {
    process.stderr.write('Usage: npm run eval:ner -- FILE.conll [--errors N] [--model FILE (default: the shipped model)]\n');
    return 2;
  }
  const docs = readDocs(file);
  loadNerModel(model);
  const gold = new Set<string>();
  for (const d of docs) for (const k of d.keys) gold.add(k);
  const words = docs.reduce((n, d) => n + d.words, 0);
  const warm = docs.slice(0, 20);
  warm.forEach((d, i) => {
    ours(d, i, new Set());
    raw(d, i, new Set());
  });
  const predicted = new Set<string>();
  const analyses: ArticleAnalysis[] = [];
  const rawPredicted = new Set<string>();
  let tOurs = 0;
  let tRaw = 0;
  docs.forEach((d, i) => {
    // Alternate which side goes first so neither always runs on a warmer cache.
    const first = i % 2 === 0;
    for (const side of first ? [0, 1] : [1, 0]) {
      const t0 = performance.now();
      if (side === 0) analyses[i] = ours(d, i, predicted);
      else raw(d, i, rawPredicted);
      const dt = performance.now() - t0;
      if (side === 0) tOurs += dt;
      else tRaw += dt;
    }
  });
  const out = [
    `CoNLL-2003 NER: ${file}`,
    `${docs.length} documents, ${words} words, ${gold.size} gold PER/ORG/LOC entities (MISC ignored); exact span match`,
    '',
    ...table('News Lens (analyzeArticle)', score(gold, predicted)),
    '',
    ...table('News Lens, the documents merged as one corpus (news-lens analyze on a folder of them)', score(gold, merged(docs, analyses))),
    '',
    ...table('raw compromise people()/places()/organizations() (our lexicon plugin loaded), for reference', score(gold, rawPredicted)),
    '',
    'Throughput (same texts, same run)',
    `  News Lens analyzeArticle: ${Math.round(words / (tOurs / 1000))} words/s`,
    `  raw compromise:           ${Math.round(words / (tRaw / 1000))} words/s`,
    `  ratio (ours / raw):       ${(tRaw / tOurs).toFixed(2)}`,
  ];
  if (showErrors) out.push('', ...errorSample(docs, gold, predicted, showErrors));
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

process.exitCode = main();
