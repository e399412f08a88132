// Trains the entity tagger (`npm run train:ner`): an averaged perceptron over BILOU labels, on the
// CoNLL-2003 English training set, read through the same compromise parse and rule layer as
// `news-lens analyze`, so the features seen in training are the features seen in use. Gold spans
// are projected onto compromise's tokens. The same data and seed give the same model, byte for byte.
//
//   npm run train:ner -- [--train FILE] [--out FILE] [--epochs N] [--seed N] [--holdout K] [--dev FILE ...]
//
// --holdout K[,K...] trains on the documents whose index mod 10 is not K and reports those left out
// (for choosing features and epochs without looking at a dev set); --dev FILE reports the tagger's
// figures on a CoNLL file after training (to confirm a change, never to choose one).
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { performance } from 'perf_hooks';
import type { ParsedSentence } from '../../src/core/nlp/nlp';
import { parseArticle } from '../../src/core/nlp/analyze';
import { ruleOpinions } from '../../src/core/nlp/entities';
import type { PreparedSentence } from '../../src/core/nlp/ner/features';
import { bareText, prepareArticle } from '../../src/core/nlp/ner/features';
import { LABEL_COUNT, NER_TYPES, label } from '../../src/core/nlp/ner/labels';
import type { Scorer } from '../../src/core/nlp/ner/model';
import { decodeModel, encodeModel } from '../../src/core/nlp/ner/model';
import { decodeArticle, spansOf } from '../../src/core/nlp/ner/tagger';
import type { ConllDoc } from './conll';
import { readConll, trimSpan } from './conll';

interface Example {
  doc: ConllDoc;
  sentences: PreparedSentence[];
  gold: Int8Array[];
}

/** Labels of compromise's tokens from the gold character spans; counts tokens that straddle a span edge. */
function project(doc: ConllDoc, sentences: ParsedSentence[], stats: { straddling: number }): Int8Array[] {
  const spans = [...doc.gold].sort((a, b) => a.start - b.start);
  return sentences.map((s) => {
    const labels = new Int8Array(s.tokens.length);
    const spanOf = s.tokens.map((t) => {
      const end = t.start + bareText(t).length;
      const g = spans.findIndex((x) => x.start <= t.start && t.start < x.end);
      if (g >= 0 && end > spans[g].end) stats.straddling++;
      return g;
    });
    for (let i = 0; i < labels.length; i++) {
      const g = spanOf[i];
      if (g < 0) continue;
      const type = NER_TYPES.indexOf(spans[g].type);
      const first = i === 0 || spanOf[i - 1] !== g;
      const last = i === labels.length - 1 || spanOf[i + 1] !== g;
      labels[i] = label(first && last ? 'U' : first ? 'B' : last ? 'L' : 'I', type);
    }
    return labels;
  });
}

/** The document in lower case, with the same offsets (characters whose lower case is longer are kept). */
function lowerCased(doc: ConllDoc): ConllDoc {
  const text = [...doc.article.text].map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  return { ...doc, article: { ...doc.article, text, title: text.slice(0, doc.article.title.length) } };
}

/** The features of a document, read as in training (`learning`) or as in use. */
function prepare(doc: ConllDoc, learning: boolean): { sentences: PreparedSentence[]; parsed: ParsedSentence[] } {
  const parsed = parseArticle(doc.article);
  const opinions = ruleOpinions(doc.article.text, parsed, doc.article.date);
  return { parsed, sentences: prepareArticle(parsed.map((s, n) => ({ tokens: s.tokens, opinions: opinions[n] })), learning) };
}

/** Averaged perceptron weights, grown as features are first updated. */
class Perceptron implements Scorer {
  private readonly rows = new Map<number, number>();
  private w: Float64Array = new Float64Array(1 << 20);
  private u: Float64Array = new Float64Array(1 << 20);
  private tick = 1;

  add(feats: Uint32Array, from: number, to: number, scores: Float64Array): void {
    for (let k = from; k < to; k++) {
      const row = this.rows.get(feats[k]);
      if (row === undefined) continue;
      const base = row * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l++) scores[l] += this.w[base + l];
    }
  }

  update(feats: Uint32Array, from: number, to: number, dynamic: Uint32Array, gold: number, guess: number): void {
    for (let k = from; k < to; k++) this.bump(feats[k], gold, guess);
    for (const h of dynamic) this.bump(h, gold, guess);
  }

  step(): void {
    this.tick++;
  }

  private bump(hash: number, gold: number, guess: number): void {
    let row = this.rows.get(hash);
    if (row === undefined) {
      row = this.rows.size;
      this.rows.set(hash, row);
      if ((row + 1) * LABEL_COUNT > this.w.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.w = grow(this.w);
        this.u = grow(this.u);
      }
    }
    const base = row * LABEL_COUNT;
    this.w[base + gold] += 1;
    this.w[base + guess] -= 1;
    this.u[base + gold] += this.tick;
    this.u[base + guess] -= this.tick;
  }

  averaged(): { hash: number; weights: Float64Array }[] {
    const out: { hash: number; weights: Float64Array }[] = [];
    for (const [hash, row] of this.rows) {
      const weights = new Float64Array(LABEL_COUNT);
      for (let l = 0; l < LABEL_COUNT; l++) weights[l] = this.w[row * LABEL_COUNT + l] - this.u[row * LABEL_COUNT + l] / this.tick;
      out.push({ hash, weights });
    }
    return out;
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Exact-span scores of the tagger alone (PER/ORG/LOC, MISC ignored, as eval:ner scores). */
function evaluate(examples: { doc: ConllDoc; sentences: PreparedSentence[] }[], scorer: Scorer): Map<string, Counts> {
  const by = new Map<string, Counts>(['PER', 'ORG', 'LOC', 'ALL'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const { doc, sentences } of examples) {
    const text = doc.article.text;
    const key = (s: number, e: number, t: string): string => {
      const [a, b] = trimSpan(text, s, e);
      return `${a}:${b}:${t}`;
    };
    const gold = new Set(doc.gold.filter((g) => g.type !== 'MISC').map((g) => key(g.start, g.end, g.type)));
    const predicted = new Set<string>();
    for (const sp of spansOf(decodeArticle(sentences, scorer))) {
      if (sp.type === 'MISC') continue;
      const tokens = sentences[sp.sentence].tokens;
      const last = tokens[sp.to - 1];
      predicted.add(key(tokens[sp.from].start, last.start + bareText(last).length, sp.type));
    }
    const typeOf = (k: string): string => k.slice(k.lastIndexOf(':') + 1);
    for (const k of predicted) for (const t of [typeOf(k), 'ALL']) (by.get(t) as Counts)[gold.has(k) ? 'tp' : 'fp']++;
    for (const k of gold) if (!predicted.has(k)) for (const t of [typeOf(k), 'ALL']) (by.get(t) as Counts).fn++;
  }
  return by;
}

function report(title: string, by: Map<string, Counts>): string {
  const f1 = (c: Counts): string => ((200 * c.tp) / (2 * c.tp + c.fp + c.fn) || 0).toFixed(1);
  return `${title}: ${[...by].map(([t, c]) => `${t === 'ALL' ? 'micro' : t} ${f1(c)}`).join(' · ')}`;
}

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
}

/** Why the command line cannot be run ('' for --help), or undefined when it can: a typo must not train and overwrite the model. */
function trainingOptionProblem(rest: string[], numbers: Record<string, number>, devFiles: string[]): string | undefined {
  if (rest[0] === '--help') return '';
  if (rest.length) return `not an option: ${rest[0]}\n`;
  const bad = Object.keys(numbers).find((k) => !Number.isFinite(numbers[k]));
  if (bad) return `--${bad} needs a number\n`;
  if (devFiles.some((f) => !f)) return '--dev needs a file\n';
  return undefined;
}

function main(): number {
  const args = process.argv.slice(2);
  const trainFile = option(args, '--train', '../shared/eval/ner/eng.train');
  const out = option(args, '--out', 'models/ner.bin');
  const epochs = Number(option(args, '--epochs', '12'));
  const seed = Number(option(args, '--seed', '1'));
  const holdout = option(args, '--holdout', '');
  const lowercase = Number(option(args, '--lowercase', '0'));
  const margin = Number(option(args, '--margin', '40'));
  const maxFeatures = Number(option(args, '--max-features', '40000'));
  const devFiles: string[] = [];
  for (let at = args.indexOf('--dev'); at >= 0; at = args.indexOf('--dev')) devFiles.push(args.splice(at, 2)[1]);
  const problem = trainingOptionProblem(args, { epochs, seed, lowercase, margin, 'max-features': maxFeatures }, devFiles);
  if (problem !== undefined) {
    process.stderr.write(`${problem}Usage: npm run train:ner -- [--train FILE] [--out FILE] [--epochs N] [--seed N] [--holdout K[,K...]] [--lowercase P] [--margin N] [--max-features N] [--dev FILE ...]\n`);
    return problem ? 2 : 0;
  }

  const t0 = performance.now();
  const docs = readConll(trainFile);
  const stats = { straddling: 0 };
  const isHeldOut = (i: number): boolean => holdout.split(',').includes(String(i % 10));
  const all: Example[] = docs.map((doc, i) => {
    const { sentences, parsed } = prepare(doc, !isHeldOut(i));
    return { doc, sentences, gold: project(doc, parsed, stats) };
  });
  const train = all.filter((_, i) => !isHeldOut(i));
  // Web text and chat often leave names in lower case: some documents are also learned lower-cased.
  const lowerRandom = mulberry32(seed + 7919);
  for (const ex of [...train]) {
    if (lowerRandom() >= lowercase) continue;
    const doc = lowerCased(ex.doc);
    const { sentences, parsed } = prepare(doc, true);
    train.push({ doc, sentences, gold: project(doc, parsed, stats) });
  }
  const held = all.filter((_, i) => isHeldOut(i));
  const tokens = train.reduce((n, e) => n + e.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
  process.stdout.write(`${trainFile}: ${docs.length} documents; training on ${train.length} (${tokens} compromise tokens), ${stats.straddling} tokens straddle a gold span edge; prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const p = new Perceptron();
  const random = mulberry32(seed);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t1 = performance.now();
    let errors = 0;
    let seen = 0;
    for (const ex of shuffled(train, random)) {
      const guessed = decodeArticle(ex.sentences, p, {
        gold: ex.gold,
        margin,
        update: (...a) => {
          errors++;
          p.update(...a);
        },
      });
      for (const s of guessed) {
        seen += s.length;
        for (let i = 0; i < s.length; i++) p.step();
      }
    }
    const line = `epoch ${epoch}: ${((100 * errors) / seen).toFixed(2)}% of training tokens wrong, ${((performance.now() - t1) / 1000).toFixed(1)} s`;
    process.stdout.write(held.length && (epoch % 3 === 0 || epoch === epochs) ? `${line}; ${report('held out', evaluate(held, averagedScorer(p)))}\n` : `${line}\n`);
  }

  const bytes = encodeModel(strongest(p.averaged(), maxFeatures), { data: trainFile.replace(/^.*[\\/]/, ''), documents: train.length, epochs, seed, holdout: holdout || 'none' });
  const model = decodeModel(bytes);
  // The rule layer's readings are features: a rule change that is not followed by a retraining
  // leaves a shipped model that this command no longer rebuilds. Say so, rather than overwrite quietly.
  const before = existsSync(out) ? readFileSync(out) : undefined;
  const sameBytes = before !== undefined && before.equals(bytes);
  writeFileSync(out, bytes);
  process.stdout.write(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${model.header.features} features, ${model.header.entries} weights; ${before === undefined ? 'new file' : sameBytes ? 'the same bytes as before' : 'CHANGED from the file it replaced'}\n`);
  if (held.length) process.stdout.write(`${report('held out (saved model)', evaluate(held, model))}\n`);
  for (const file of devFiles) {
    const dev = readConll(file).map((doc) => ({ doc, sentences: prepare(doc, false).sentences }));
    process.stdout.write(`${report(`${file} (tagger alone)`, evaluate(dev, model))}\n`);
  }
  return 0;
}

/**
 * The `max` features with the largest weights (all when `max` is 0): the model is looked up for
 * every token, and a smaller one stays in the processor's caches.
 */
function strongest(rows: { hash: number; weights: Float64Array }[], max: number): { hash: number; weights: Float64Array }[] {
  if (!max || rows.length <= max) return rows;
  const norm = (r: { weights: Float64Array }): number => r.weights.reduce((s, w) => s + Math.abs(w), 0);
  return rows
    .map((r) => ({ r, n: norm(r) }))
    .sort((a, b) => b.n - a.n || a.r.hash - b.r.hash)
    .slice(0, max)
    .map((x) => x.r);
}

/** Scores with the averaged weights so far (for held-out figures during training). */
function averagedScorer(p: Perceptron): Scorer {
  return decodeModel(encodeModel(p.averaged(), {}));
}

process.exitCode = main();
