import nlp from 'compromise';
import { newsPlugin } from './plugin';
import { useFastFreeze, useStockFreeze } from './freezeStep';
import { useFastSetTag, useStockSetTag } from './setTagStep';
import { useFastSweep, useStockSweep } from './sweep';
import { useFullTerms, useStockTerms } from './termShape';

/**
 * The one compromise instance of the product. compromise keeps its lexicon in a module-global
 * world, so the plugin is applied exactly once, here, and nothing else calls `nlp.extend`.
 */
nlp.extend(newsPlugin);

/**
 * compromise computes noun/verb chunks on every parse; nothing here reads them, and skipping the
 * step saves about 8% of the parse with identical tags (checked on the BBC corpus).
 */
const world = nlp.world() as { hooks: string[] };
const stockHooks = world.hooks;
world.hooks = world.hooks.filter((hook) => hook !== 'chunks');
useFastSweep(world);
useFastFreeze(world);
useFastSetTag(world);
useFullTerms(world);

/** Runs `fn` with compromise's own parse steps and sweep, for baselines that measure compromise as published. */
export function withStockCompromise<T>(fn: () => T): T {
  const ours = world.hooks;
  world.hooks = stockHooks;
  useStockSweep(world);
  useStockFreeze();
  useStockSetTag();
  useStockTerms(world);
  try {
    return fn();
  } finally {
    world.hooks = ours;
    useFastSweep(world);
    useFastFreeze(world);
    useFastSetTag(world);
    useFullTerms(world);
  }
}

export interface Token {
  text: string;
  /** Lower-cased, punctuation-free form from compromise. */
  normal: string;
  start: number;
  end: number;
  /** Text between this token and the next one (punctuation and spaces). */
  post: string;
  pre: string;
  tags: Set<string>;
  /** Index of the sentence inside the article. */
  sentence: number;
  /** Lookup key of the text without a possessive ending (names/candidate.ts), kept once asked for. */
  key?: string;
}

export interface ParsedSentence {
  start: number;
  end: number;
  tokens: Token[];
}

interface RawTerm {
  text: string;
  normal: string;
  pre: string;
  post: string;
  tags: Set<string>;
  offset?: { start: number; length: number };
}

/**
 * compromise's sentence splitter and its taggers take time in the square of a sentence's length
 * (its splitter re-tests the whole sentence so far after every "Mr." or "A." it merges; its first
 * split regex backtracks over a run of full stops; its rule matches copy the rest of the sentence),
 * so a long run of text without a sentence end it accepts — a scraped table, 100 KB of "Mr. " —
 * took minutes. compromise never joins text across a line break except inside quotes or brackets
 * (280 characters at most), so a text whose lines are all shorter than LONG_LINE goes to it whole,
 * as it always did. A text with a longer line is cut first (see `pieces`).
 */
const LONG_LINE = 1000;
/** How much text compromise's own splitter is asked about at once when a text is cut. */
const WINDOW = 2000;
/**
 * The last sentence of a window may run on past it, and compromise keeps a sentence with the next
 * one or two when they close its quote or bracket within 280 characters: only the sentences that
 * end this far before a window's end are taken from it.
 */
const LOOKAHEAD = 600;
/** A stretch compromise would keep as one sentence is given to it in pieces this long. */
const RUN_PIECE = 500;

export interface Piece {
  start: number;
  end: number;
}

function hasLongLine(text: string, limit: number): boolean {
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) lineStart = i + 1;
    else if (i - lineStart >= limit) return true;
  }
  return false;
}

/**
 * The parts of `text` compromise is given one at a time: the whole text, unless a line is longer
 * than `longLine`. Then the text is cut where compromise's own splitter ends a sentence, asking it
 * about `window` characters at a time (so its cost is bounded), and a stretch it would keep as one
 * sentence longer than a window is cut at white space into pieces of about RUN_PIECE characters
 * (a stretch without white space, one long word, where the window's vouched-for part ends).
 * Cutting only where compromise ends a sentence leaves its sentences, and so its tags, as they
 * were (test/unit/nlp/pieces.test.ts compares both on real news).
 */
export function pieces(text: string, longLine = LONG_LINE, window = WINDOW): Piece[] {
  if (!hasLongLine(text, longLine)) return [{ start: 0, end: text.length }];
  const world = nlp.world() as unknown as { methods: { one: { tokenize: { splitSentences(text: string, world: unknown): string[] } } } };
  const split = (s: string): string[] => world.methods.one.tokenize.splitSentences(s, world);
  const out: Piece[] = [];
  let at = 0;
  while (text.length - at > window) {
    const sentences = split(text.slice(at, at + window));
    let taken = 0;
    for (const sentence of sentences) {
      if (taken + sentence.length > window - LOOKAHEAD) break;
      taken += sentence.length;
    }
    if (taken > 0) {
      out.push({ start: at, end: at + taken });
      at += taken;
      continue;
    }
    // No sentence ends before the lookahead: the run is cut in short pieces at white space, as far
    // as the window vouches for (a run without white space is one word: it may stay long).
    const until = at + window - LOOKAHEAD;
    while (at < until) {
      const end = spaceCut(text, at, Math.min(until, at + RUN_PIECE)) ?? spaceCut(text, at, until) ?? pairSafe(text, until);
      out.push({ start: at, end });
      at = end;
    }
  }
  if (at < text.length) out.push({ start: at, end: text.length });
  return out;
}

/** The position after the last white space in the second half of [from, to), if there is one. */
function spaceCut(text: string, from: number, to: number): number | undefined {
  for (let i = to - 1; i > (from + to) / 2; i--) if (/\s/.test(text[i])) return i + 1;
  return undefined;
}

/** `at`, or one past it when `at` falls inside a surrogate pair. */
function pairSafe(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  return at < text.length && c >= 0xd800 && c <= 0xdbff ? at + 1 : at;
}

/**
 * Tags `text` with compromise and returns plain tokens with absolute offsets (from `base`).
 * compromise Views never leave core/nlp.
 */
export function parseText(text: string, base = 0, parts: Piece[] = pieces(text)): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  for (const piece of parts) {
    const part = piece.start === 0 && piece.end === text.length ? text : text.slice(piece.start, piece.end);
    tagInto(out, part, base + piece.start);
  }
  return out;
}

function tagInto(out: ParsedSentence[], text: string, base: number): void {
  const doc = nlp(text);
  doc.compute('offset');
  for (const terms of doc.document as RawTerm[][]) {
    const tokens: Token[] = [];
    for (const t of terms) {
      if (!t.offset || t.text === '') continue;
      const start = base + t.offset.start;
      const token: Token = {
        text: t.text,
        normal: t.normal,
        start,
        end: start + t.text.length,
        pre: t.pre,
        post: t.post,
        tags: t.tags,
        sentence: out.length,
        // Set from the start: a field added on first lookup gave tokens two shapes (see termShape.ts).
        key: undefined,
      };
      if (ODD_CHAR.test(token.text) && !tidy(token)) continue;
      tokens.push(token);
    }
    if (tokens.length === 0) continue;
    out.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens });
  }
}

/** A character that does not belong in a word (markup, invisible format characters, stray punctuation). */
const ODD_CHAR = /[^\p{L}\p{N}\p{M}.'’&-]/u;
const MARKUP = /[[\]()<>{}|`*=\\"“”]+/u;

/**
 * compromise keeps some scraper debris inside a word: markup ("Olsen](command:x", "b>Berg</b"),
 * invisible format characters ("Guðmundsdóttir.\u200b"). The word is narrowed to its real part
 * (the first run that is not a tag name) and the rest moves into `pre`/`post`, so names never
 * carry markup. Returns false when nothing of a word is left.
 */
function tidy(t: Token): boolean {
  let from = 0;
  let to = t.text.length;
  if (MARKUP.test(t.text)) {
    const parts = [...t.text.matchAll(/[^[\]()<>{}|`*=\\"“”]+/gu)];
    const pick = parts.find((m) => /\p{L}|\p{N}/u.test(m[0]) && t.text[(m.index ?? 0) + m[0].length] !== '>') ?? parts.find((m) => /\p{L}|\p{N}/u.test(m[0]));
    if (!pick) return false;
    from = pick.index ?? 0;
    to = from + pick[0].length;
  }
  let word = t.text.slice(from, to);
  const lead = /^[^\p{L}\p{N}]+/u.exec(word)?.[0].length ?? 0;
  let trail = /[^\p{L}\p{N}.]+$/u.exec(word)?.[0].length ?? 0;
  // A full stop left in front of stripped debris ends the sentence, as compromise would have had it.
  if (trail > 0 && /\.$/.test(word.slice(0, word.length - trail)) && !/^(?:\p{L}\.)+$/u.test(word.slice(lead, word.length - trail))) trail++;
  from += lead;
  to -= trail;
  if (to <= from) return false;
  word = t.text.slice(from, to);
  t.pre += t.text.slice(0, from);
  t.post = t.text.slice(to) + t.post;
  t.start += from;
  t.end = t.start + word.length;
  t.text = word;
  return true;
}

interface Lexicon {
  [word: string]: string | string[] | undefined;
}

const lexicon = (nlp.world() as { model: { one: { lexicon: Lexicon } } }).model.one.lexicon;

/** The tags compromise's lexicon gives a lower-case word, without tagging any text. */
export function lexiconTags(word: string): readonly string[] {
  const tags = Object.prototype.hasOwnProperty.call(lexicon, word) ? lexicon[word] : undefined;
  if (tags === undefined) return [];
  return typeof tags === 'string' ? [tags] : tags;
}

/** Every word of compromise's lexicon (lower case; some of several words) with its tags. */
export function* lexiconEntries(): Generator<[string, readonly string[]]> {
  for (const [word, tags] of Object.entries(lexicon)) if (tags !== undefined) yield [word, typeof tags === 'string' ? [tags] : tags];
}

export { nlp };
