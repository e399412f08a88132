// Reads CoNLL-2003-style files (eng.train, eng.testa, Universal NER) into articles with gold spans,
// for `npm run eval:ner` and `npm run train:ner`.
//
// Each -DOCSTART- document becomes one Article: its sentences are rebuilt from the tokens (one
// sentence per line; tokens joined by a space except before closing punctuation and clitics such as
// 's and n't, and after opening brackets and opening quotes), the first line is the title, and a
// YYYY-MM-DD token in the dateline (first three lines) is the article date, as news files carry one.
// Gold spans are character offsets into that text; IOB1 and IOB2 are both read.
import { readFileSync } from 'fs';
import type { Article } from '../../src/core/model/types';

export type GoldType = 'PER' | 'ORG' | 'LOC' | 'MISC';
const GOLD_TYPES: readonly string[] = ['PER', 'ORG', 'LOC', 'MISC'];

export interface GoldSpan {
  start: number;
  end: number;
  type: GoldType;
}

export interface ConllDoc {
  article: Article;
  words: number;
  gold: GoldSpan[];
}

interface Tok {
  word: string;
  label: string;
}

const CLOSERS = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', '...']);
const OPENERS = new Set(['(', '[', '{', '$']);

/** Joins tokens as a news writer would have typed them; returns the text and each token's offset. */
function joinTokens(tokens: Tok[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  let quoteOpen = false;
  let glueNext = false;
  for (const t of tokens) {
    const w = t.word;
    const isQuote = w === '"';
    const closingQuote = isQuote && quoteOpen;
    const glue = text === '' || glueNext || CLOSERS.has(w) || closingQuote || /^'(?:s|S|d|ll|m|re|ve)$/.test(w) || /^n't$/i.test(w);
    if (!glue) text += ' ';
    starts.push(text.length);
    text += w;
    glueNext = OPENERS.has(w) || (isQuote && !quoteOpen);
    if (isQuote) quoteOpen = !quoteOpen;
  }
  return { text, starts };
}

export function readConll(file: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let sentences: Tok[][] = [];
  let current: Tok[] = [];
  const flushSentence = (): void => {
    if (current.length) sentences.push(current);
    current = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length) docs.push(buildDoc(docs.length, sentences));
    sentences = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') flushDoc();
    else if (cols[0] === '') flushSentence();
    else current.push({ word: cols[0], label: cols[cols.length - 1] });
  }
  flushDoc();
  return docs;
}

function buildDoc(n: number, sentences: Tok[][]): ConllDoc {
  const lines: string[] = [];
  const gold: GoldSpan[] = [];
  let offset = 0;
  let words = 0;
  for (const s of sentences) {
    const { text, starts } = joinTokens(s);
    words += s.length;
    let open: GoldSpan | undefined;
    s.forEach((t, i) => {
      const type = t.label.slice(2);
      if (t.label === 'O' || !GOLD_TYPES.includes(type)) {
        if (open) gold.push(open);
        open = undefined;
        return;
      }
      const start = offset + starts[i];
      const end = start + t.word.length;
      if (t.label.startsWith('B-') || !open || open.type !== type) {
        if (open) gold.push(open);
        open = { start, end, type: type as GoldType };
      } else {
        open.end = end;
      }
    });
    if (open) gold.push(open);
    lines.push(text);
    offset += text.length + 1;
  }
  const text = lines.join('\n');
  const date = lines.slice(0, 3).join(' ').match(/\b(\d{4}-\d{2}-\d{2})\b/)?.[1] ?? null;
  const article: Article = {
    id: `doc${n + 1}`,
    path: `conll#${n + 1}`,
    title: lines[0],
    source: null,
    date,
    text,
    format: 'txt',
    bodyStart: lines.length > 1 ? lines[0].length + 1 : 0,
    bodyEnd: text.length,
  };
  return { article, words, gold };
}

const LEAD = /^[\s"'`.,;:!?()[\]{}\-–—]+/;
const TRAIL = /(?:[\s"'`.,;:!?()[\]{}\-–—]+|['’]s)$/i;

/** The span after trimming edge punctuation and a possessive 's, as both sides are scored. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  for (;;) {
    const s = text.slice(start, end);
    const lead = LEAD.exec(s)?.[0].length ?? 0;
    const trail = lead < s.length ? (TRAIL.exec(s)?.[0].length ?? 0) : 0;
    if (lead === 0 && trail === 0) return [start, end];
    start += lead;
    end = Math.max(start, end - trail);
  }
}
