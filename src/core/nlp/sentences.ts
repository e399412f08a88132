import type { Span } from '../model/types';
import type { ParsedSentence, Token } from './nlp';
import { lexiconTags } from './nlp';

/**
 * Sentence boundaries for news text, refined from compromise's. compromise splits at every line
 * break (hard-wrapped paragraphs come apart), keeps `he said. "We will fight." Then she left` in one
 * sentence, stops at "No." in "No. 10", and has no answer to scraped pages where photo captions are
 * glued to the text without punctuation. Only the grouping of tokens changes: tokens, their tags and
 * their offsets are compromise's, so no text is parsed twice.
 */

/** Sentences longer than this are searched for glued-on caption starts. */
const CAPTION_SCAN_TOKENS = 30;
/** No sentence is longer: past this a "sentence" is a caption or list block without punctuation. */
export const MAX_SENTENCE_TOKENS = 60;
/** Splitting never leaves a piece shorter than this. */
const MIN_PIECE_TOKENS = 4;

/** Abbreviations that stand before a number ("No. 10", "Vol. 2"), unknown to compromise. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'vols', 'art', 'fig', 'figs', 'ch', 'sec', 'pt', 'para', 'ref', 'tel', 'ext', 'op', 'pp', 'p']);

/**
 * Lexicon tags of words that cannot continue a sentence when capitalised after a lower-case word:
 * closed-class words ("The", "In", "He", "But", "Not") start something new there. Capitalised open
 * class words ("Promise", "Frozen", "Bill") are too often names or titles to split on, unless a
 * sentence must be cut anyway (breakScore).
 */
const SENTENCE_START_TAGS = new Set(['Determiner', 'Preposition', 'Pronoun', 'Possessive', 'Conjunction', 'QuestionWord', 'Adverb', 'Negative']);

/** Words after which a capitalised word is a name or title rather than a new sentence. */
const LINKING_TAGS = ['Preposition', 'Determiner', 'Conjunction', 'Possessive', 'Honorific'];

/** Punctuation that closes a sentence and belongs to it; and what may open one. */
const CLOSING = new Set([...'.!?…\'"’”»)]']);
const OPENING = new Set([...'\'"‘“«([']);
/** Terminal punctuation followed by a closing quote, then space: `fight." Then`. */
const QUOTED_END = /[.!?…]\s*['"’”»]+\s/;
const FURNITURE = /^scroll down for (?:video|more|pictures)$/i;
const BLANK_LINE = /\n[^\S\n]*\n/;

/**
 * Regroups the tokens of one region (`raw`, compromise's sentences of `text` between `region.start`
 * and `region.end`) into sentences. Every token lands in exactly one sentence, in order; a
 * sentence's span runs from its opening quote or bracket to its closing punctuation.
 */
export function refineSentences(text: string, region: Span, raw: ParsedSentence[]): ParsedSentence[] {
  const tokens: Token[] = [];
  const compromiseStart: boolean[] = [];
  for (const s of raw) {
    s.tokens.forEach((t, i) => {
      tokens.push(t);
      compromiseStart.push(i === 0);
    });
  }
  if (tokens.length === 0) return [];
  const wrap = wrapWidth(text, region);
  const starts = [0];
  for (let i = 1; i < tokens.length; i++) {
    if (isBoundary(text, tokens[i - 1], tokens[i], compromiseStart[i], wrap) || followsFurniture(text, tokens, i)) starts.push(i);
  }
  starts.push(tokens.length);
  const capped: number[] = [];
  for (let k = 0; k + 1 < starts.length; k++) capLength(text, tokens, starts[k], starts[k + 1], capped);
  capped.push(tokens.length);
  return build(text, region, tokens, capped);
}

function isBoundary(text: string, prev: Token, next: Token, compromiseSplit: boolean, wrap: number): boolean {
  const gap = text.slice(prev.end, next.start);
  if (BLANK_LINE.test(gap)) return true;
  if (gap.includes('\n')) return !(wrap > 0 && continuesWrappedLine(text, prev, gap, wrap));
  if (compromiseSplit) return !continuesAfterPeriod(prev, next, gap);
  return QUOTED_END.test(gap) && /^[\p{Lu}\p{N}]/u.test(next.text);
}

/** `Scroll down for video` glued to the next sentence by a scraper that dropped the line break. */
function followsFurniture(text: string, tokens: Token[], i: number): boolean {
  if (i < 4 || !/^\p{Lu}/u.test(tokens[i].text) || !/^[^\S\n]+$/.test(text.slice(tokens[i - 1].end, tokens[i].start))) return false;
  return FURNITURE.test(text.slice(tokens[i - 4].start, tokens[i - 1].end));
}

/** A line of a hard-wrapped paragraph that ends without punctuation goes on on the next line. */
function continuesWrappedLine(text: string, prev: Token, gap: string, wrap: number): boolean {
  const nl = gap.indexOf('\n');
  if (/[.!?…]/.test(gap.slice(0, nl))) return false;
  if (/^\s*[-*•#>]/.test(gap.slice(nl + 1))) return false;
  const lineStart = text.lastIndexOf('\n', prev.end - 1) + 1;
  return prev.end + nl - lineStart >= 0.7 * wrap;
}

/** compromise's split after an abbreviation it does not know, or before a lower-case word. */
function continuesAfterPeriod(prev: Token, next: Token, gap: string): boolean {
  if (/[!?]/.test(gap)) return false;
  if (/^\p{Ll}/u.test(next.text)) return true;
  return gap.startsWith('.') && /^\d/.test(next.text) && NUMBER_ABBREVIATIONS.has(prev.normal);
}

/**
 * The line width of a hard-wrapped region (most lines inside its paragraphs are about as long as
 * the longest), or 0 when lines are paragraphs, headings or captions.
 */
function wrapWidth(text: string, region: Span): number {
  const inner: number[] = [];
  let prevLength = 0;
  let start = region.start;
  for (;;) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > region.end) nl = region.end;
    let lineEnd = nl;
    while (lineEnd > start && /\s/.test(text[lineEnd - 1])) lineEnd--;
    const length = lineEnd - start;
    if (prevLength > 0 && length > 0) inner.push(prevLength);
    prevLength = length;
    if (nl >= region.end) break;
    start = nl + 1;
  }
  if (inner.length < 3) return 0;
  const width = inner.reduce((a, b) => Math.max(a, b), 0);
  if (width < 30 || width > 120) return 0;
  const full = inner.filter((n) => n >= 0.7 * width).length;
  return full >= 0.6 * inner.length ? width : 0;
}

/** Pushes the start indices of the pieces of tokens[from, to) after capping their length. */
function capLength(text: string, tokens: Token[], from: number, to: number, out: number[]): void {
  if (to - from <= CAPTION_SCAN_TOKENS) {
    out.push(from);
    return;
  }
  const pieces = [from];
  for (let j = from + MIN_PIECE_TOKENS; j <= to - MIN_PIECE_TOKENS; j++) {
    if (j - pieces[pieces.length - 1] >= MIN_PIECE_TOKENS && startsCaption(text, tokens, j)) pieces.push(j);
  }
  pieces.push(to);
  for (let k = 0; k + 1 < pieces.length; k++) splitLong(text, tokens, pieces[k], pieces[k + 1], out);
}

/**
 * Cuts over-long pieces at their best break (clause punctuation first), nearest the middle, until
 * none is longer than MAX_SENTENCE_TOKENS. Iterative: a hostile block must not exhaust the stack.
 */
function splitLong(text: string, tokens: Token[], from: number, to: number, out: number[]): void {
  const pending: [number, number][] = [[from, to]];
  while (pending.length) {
    const [a, b] = pending.pop() as [number, number];
    if (b - a <= MAX_SENTENCE_TOKENS) {
      out.push(a);
      continue;
    }
    const middle = (a + b) / 2;
    let best = Math.round(middle);
    let bestScore = -1;
    for (let j = a + MIN_PIECE_TOKENS; j <= b - MIN_PIECE_TOKENS; j++) {
      const score = breakScore(text, tokens[j - 1], tokens[j]) - Math.abs(j - middle) / (b - a);
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    pending.push([best, b], [a, best]);
  }
}

function breakScore(text: string, prev: Token, next: Token): number {
  const gap = text.slice(prev.end, next.start);
  if (/[;:]|\s[-–—]\s/.test(gap)) return 3;
  if (/^\s+$/.test(gap) && /^\p{Lu}\p{Ll}/u.test(next.text) && /^[\p{Ll}\d]/u.test(prev.text)) return 2;
  if (gap.includes(',')) return 1;
  return 0;
}

/**
 * A caption or a new paragraph glued on without punctuation: `...for $5,000 In her lawsuit, Karo
 * states...`, `...of their comedy Happy couple: Julia's husband...`. After a lower-case word or a
 * number, with nothing but a space (or a closing bracket) between them, a capitalised function word
 * starts a new sentence, and so does a capitalised word that opens a short "Label:".
 */
function startsCaption(text: string, tokens: Token[], j: number): boolean {
  const prev = tokens[j - 1];
  const next = tokens[j];
  if (!/^[)\]]?[^\S\n]+$/.test(text.slice(prev.end, next.start))) return false;
  if (!/^\p{Lu}\p{Ll}*$/u.test(next.text) || !/^[\p{Ll}\p{N}$£€]/u.test(prev.text)) return false;
  if (LINKING_TAGS.some((t) => prev.tags.has(t))) return false;
  return lexiconTags(next.text.toLowerCase()).some((t) => SENTENCE_START_TAGS.has(t)) || opensLabel(text, tokens, j);
}

/** `Happy couple: ...`: a colon within a few words, with no other punctuation before it. */
function opensLabel(text: string, tokens: Token[], j: number): boolean {
  for (let k = j; k < Math.min(tokens.length - 1, j + 4); k++) {
    const gap = text.slice(tokens[k].end, tokens[k + 1].start);
    if (/^:\s/.test(gap)) return true;
    if (/[^\s]/.test(gap)) return false;
  }
  return false;
}

function build(text: string, region: Span, tokens: Token[], starts: number[]): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  let floor = region.start;
  for (let k = 0; k + 1 < starts.length; k++) {
    const sentenceTokens = tokens.slice(starts[k], starts[k + 1]);
    const first = sentenceTokens[0];
    const last = sentenceTokens[sentenceTokens.length - 1];
    const ceiling = starts[k + 1] < tokens.length ? tokens[starts[k + 1]].start : region.end;
    let end = last.end;
    while (end < ceiling && CLOSING.has(text[end])) end++;
    let start = first.start;
    while (start > floor && OPENING.has(text[start - 1])) start--;
    out.push({ start, end, tokens: sentenceTokens });
    floor = end;
  }
  return out;
}
