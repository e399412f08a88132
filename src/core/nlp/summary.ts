import type { Span } from '../model/types';
import type { ParsedSentence } from './nlp';

export interface SummaryOptions {
  /** How many sentences to pick (fewer when the article has fewer usable ones). */
  sentences: number;
}

export interface SummaryInput {
  text: string;
  /** The candidate sentences (the body's), in article order. */
  sentences: ParsedSentence[];
  /** A headline written apart from the body, or '' (a title copied from the body says nothing new). */
  title: string;
  /** Entity mentions, for salience: sentences naming the article's main actors matter more. */
  mentions: readonly { key: string; start: number; end: number }[];
}

/** Tags of words that carry no topic. */
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Copula', 'Auxiliary', 'Modal', 'QuestionWord', 'Negative'];

/** Frequent words of news prose that compromise does not tag as function words. */
const STOPWORDS = new Set(
  ('a an the and or but if of to in on at by for with from as into about over after before than then so not no ' +
    'he she it they we you i his her its their our your him them us me my who whom which that this these those ' +
    'there here what when where why how is are was were be been being has have had do does did will would can ' +
    'could should may might must said says say told added according also just like one up out more very all')
    .split(' '),
);

/** Site furniture that scrapers leave in the body. */
const BOILERPLATE =
  /\b(?:scroll down|click here|read more|sign up|subscribe|newsletter|follow (?:us|him|her|them)|share this|advertisement|all rights reserved|copyright|cookies?)\b/i;

/**
 * Weights of the sentence features, each scaled to [0, 1]. Position dominates, as the lead of a
 * news story carries its point; the others reorder the first sentences and pull up a later one that
 * is central. Measured with `npm run eval:summ`; the figures sit on a plateau, not on a peak.
 */
const W_POSITION = 1;
const W_CENTRALITY = 0.4;
const W_ENTITIES = 0.15;
const W_TITLE = 0.8;
/** Sentence index at which the lead bias has halved. */
const POSITION_SCALE = 2;
/** Sentence lengths (in words) outside [SHORT, LONG] are less useful: fragments or run-ons. */
const SHORT = 8;
const LONG = 30;
/** Sentences that open with a quotation mark report what someone said, seldom what happened. */
const QUOTE_FACTOR = 0.8;
/** MMR trade-off: how much overlap with already picked sentences costs. */
const REDUNDANCY = 0.6;
/** Over this similarity a sentence repeats a picked one and is never taken. */
const DUPLICATE = 0.5;
/** How many of the most mentioned entities make a sentence salient. */
const MAIN_ENTITIES = 2;

interface Candidate {
  index: number;
  terms: Set<string>;
  words: number;
  score: number;
}

/**
 * Picks the summary sentences of one article, extractively: the article's own sentences, returned
 * in article order. Scores mix the lead bias of news writing, centrality (overlap of a sentence's
 * terms with the rest of the article), salience of the entities it names and overlap with the
 * title; selection is greedy with a redundancy penalty (maximal marginal relevance). Linear in the
 * article's tokens, apart from the (sentences × picks) redundancy checks.
 */
export function summarize(input: SummaryInput, options: SummaryOptions): Span[] {
  const want = Math.max(0, Math.floor(options.sentences));
  if (want === 0 || input.sentences.length === 0) return [];
  const candidates = input.sentences.map((s, index) => ({ index, terms: contentTerms(s), words: wordCount(s), score: 0 }));
  const docFreq = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  const titleTerms = input.title ? termsOfText(input.title) : new Set<string>();
  const salience = entitySalience(input.sentences, input.mentions);

  const centrality = candidates.map((c) => {
    let shared = 0;
    for (const t of c.terms) shared += (docFreq.get(t) ?? 1) - 1;
    return c.terms.size ? shared / Math.sqrt(c.terms.size) : 0;
  });
  const maxCentrality = centrality.reduce((a, b) => Math.max(a, b), 1e-9);
  for (const c of candidates) {
    const text = input.text.slice(input.sentences[c.index].start, input.sentences[c.index].end);
    if (BOILERPLATE.test(text) || c.terms.size === 0) continue;
    const position = 1 / (1 + c.index / POSITION_SCALE);
    let title = 0;
    if (titleTerms.size) {
      for (const t of c.terms) if (titleTerms.has(t)) title++;
      title /= titleTerms.size;
    }
    const base =
      W_POSITION * position + W_CENTRALITY * (centrality[c.index] / maxCentrality) + W_ENTITIES * salience[c.index] + W_TITLE * title;
    c.score = base * lengthFactor(c.words) * (/^['"‘“«]/.test(text) ? QUOTE_FACTOR : 1);
  }
  return select(candidates, want).map((c) => ({ start: input.sentences[c.index].start, end: input.sentences[c.index].end }));
}

function select(candidates: Candidate[], want: number): Candidate[] {
  const picked: Candidate[] = [];
  const open = candidates.filter((c) => c.score > 0);
  /** Per open candidate: its highest similarity to a picked sentence, kept up to date pick by pick. */
  const overlap = open.map(() => 0);
  while (picked.length < want) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < open.length; i++) {
      if (overlap[i] > DUPLICATE) continue;
      const value = open[i].score - REDUNDANCY * overlap[i];
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    const chosen = open[best];
    picked.push(chosen);
    overlap[best] = Infinity;
    for (let i = 0; i < open.length; i++) if (overlap[i] !== Infinity) overlap[i] = Math.max(overlap[i], similarity(open[i].terms, chosen.terms));
  }
  return picked.sort((a, b) => a.index - b.index);
}

/** Jaccard similarity of two term sets. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const t of small) if (large.has(t)) both++;
  return both / (a.size + b.size - both);
}

function lengthFactor(words: number): number {
  if (words < SHORT) return words / SHORT;
  if (words > LONG) return LONG / words;
  return 1;
}

function wordCount(s: ParsedSentence): number {
  let n = 0;
  for (const t of s.tokens) if (/[\p{L}\p{N}]/u.test(t.text)) n++;
  return n;
}

function termOf(normal: string): string {
  return normal.replace(/'s$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

function contentTerms(s: ParsedSentence): Set<string> {
  const terms = new Set<string>();
  for (const t of s.tokens) {
    if (FUNCTION_TAGS.some((tag) => t.tags.has(tag))) continue;
    const term = termOf(t.normal);
    if (term.length > 1 && !STOPWORDS.has(term)) terms.add(term);
  }
  return terms;
}

function termsOfText(text: string): Set<string> {
  const terms = new Set<string>();
  for (const w of text.toLowerCase().split(/\s+/)) {
    const term = termOf(w);
    if (term.length > 1 && !STOPWORDS.has(term)) terms.add(term);
  }
  return terms;
}

/**
 * Per sentence: how many of the article's main entities (the most mentioned, at least twice) it
 * names, scaled to [0, 1].
 */
function entitySalience(sentences: ParsedSentence[], mentions: SummaryInput['mentions']): number[] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  const main = new Set(
    [...counts]
      .filter(([, n]) => n > 1)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAIN_ENTITIES)
      .map(([key]) => key),
  );
  const named: Set<string>[] = sentences.map(() => new Set());
  const sorted = mentions.filter((m) => main.has(m.key)).sort((a, b) => a.start - b.start);
  let i = 0;
  for (const m of sorted) {
    while (i < sentences.length && sentences[i].end <= m.start) i++;
    if (i < sentences.length && sentences[i].start <= m.start) named[i].add(m.key);
  }
  const max = named.reduce((a, keys) => Math.max(a, keys.size), 0);
  return named.map((keys) => (max ? keys.size / max : 0));
}
