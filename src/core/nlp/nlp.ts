import nlp from 'compromise';
import { newsPlugin } from './plugin';
import { useFastSweep, useStockSweep } from './sweep';

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

/** Runs `fn` with compromise's own parse steps and sweep, for baselines that measure compromise as published. */
export function withStockCompromise<T>(fn: () => T): T {
  const ours = world.hooks;
  world.hooks = stockHooks;
  useStockSweep(world);
  try {
    return fn();
  } finally {
    world.hooks = ours;
    useFastSweep(world);
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
 * Tags `text` with compromise and returns plain tokens with absolute offsets (from `base`).
 * compromise Views never leave core/nlp.
 */
export function parseText(text: string, base = 0): ParsedSentence[] {
  const doc = nlp(text);
  doc.compute('offset');
  const out: ParsedSentence[] = [];
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
      };
      if (ODD_CHAR.test(token.text) && !tidy(token)) continue;
      tokens.push(token);
    }
    if (tokens.length === 0) continue;
    out.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens });
  }
  return out;
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

export { nlp };
