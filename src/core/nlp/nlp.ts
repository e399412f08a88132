import nlp from 'compromise';
import { newsPlugin } from './plugin';

/**
 * The one compromise instance of the product. compromise keeps its lexicon in a module-global
 * world, so the plugin is applied exactly once, here, and nothing else calls `nlp.extend`.
 */
nlp.extend(newsPlugin);

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
      tokens.push({
        text: t.text,
        normal: t.normal,
        start,
        end: start + t.text.length,
        pre: t.pre,
        post: t.post,
        tags: t.tags,
        sentence: out.length,
      });
    }
    if (tokens.length === 0) continue;
    out.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens });
  }
  return out;
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
