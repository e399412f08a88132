import { DEMONYMS, GAZETTEER, GAZETTEER_PREFIXES, lookupKey } from '../gazetteer';
import {
  EVENT_SUFFIXES,
  GROUP_WORDS,
  HONORIFICS,
  NON_NAME_ACRONYMS,
  ORG_CUES_AFTER,
  ORG_CUES_BEFORE,
  ORG_HEADS,
  ORG_SUFFIXES,
  PLACE_HEADS,
  PLACE_SUFFIXES,
  RESULT_WORDS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SPEECH_VERBS,
} from '../lexicon';
import type { Token } from '../nlp';
import { lexiconTags } from '../nlp';
import { hashString, mix, mix3 } from './hash';

/**
 * What the tagger sees of a token. compromise tokenises and tags; its tags, its lexicon, our
 * gazetteer and word lists, the word's shape and affixes, the casing of its line and of the same
 * word elsewhere in the article, and the rule layer's opinion are all features: evidence weighed
 * by weights learned from annotated news, none of them an override.
 *
 * Static features (everything but the labels already chosen) are computed once per article into
 * one array of hashes; the decoder adds the few that depend on its own earlier choices.
 */

/** Feature templates: each feature is a template's hash mixed with its value's hash. */
const TEMPLATE_NAMES = [
  'bias', 'w', 'lw', 'shape', 'short', 'p1', 'p2', 'p3', 's1', 's2', 's3', 'lw-1', 'lw-2', 'lw+1', 'lw+2', 'short-1|0', 'short0|+1',
  'lw-1|0', 'lw0|+1', 'mode|short', 'mode|lw', 'first|short', 'tag', 'lex', 'ctx|lex', 'class', 'class-1', 'class+1', 'gaz', 'gazcap',
  'gaz-1', 'gaz+1', 'post', 'post-1', 'poss', 'hyph', 'op', 'op-1', 'op+1', 'op|short', 'doccase', 'doccase|ctx', 'prev', 'prev2',
  'prev|lw', 'prev|short', 'prev|lex', 'hist', 'hist|ctx',
] as const;
type TemplateName = (typeof TEMPLATE_NAMES)[number];
const T = Object.fromEntries(TEMPLATE_NAMES.map((n) => [n, hashString(`t:${n}`)])) as Record<TemplateName, number>;

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const BIAS = mix(T.bias, 1);

const tagHashes = new Map<string, number>();
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) tagHashes.set(tag, (h = hashString(tag)));
  return h;
}

/** Our word lists as token classes, so a word in several lists carries each. */
const CLASSES = new Map<string, number[]>();
(function buildClasses(): void {
  const lists: [string, Iterable<string>][] = [
    ['honorific', HONORIFICS],
    ['role-head', ROLE_HEADS],
    ['role-mod', ROLE_MODIFIERS],
    ['org-suffix', ORG_SUFFIXES],
    ['org-head', ORG_HEADS],
    ['place-head', PLACE_HEADS],
    ['place-suffix', PLACE_SUFFIXES],
    ['speech', SPEECH_VERBS],
    ['event-suffix', EVENT_SUFFIXES],
    ['group', GROUP_WORDS.keys()],
    ['result', RESULT_WORDS],
    ['org-cue-after', ORG_CUES_AFTER],
    ['org-cue-before', ORG_CUES_BEFORE],
    ['demonym', DEMONYMS.keys()],
    ['not-a-name', NON_NAME_ACRONYMS],
  ];
  for (const [name, words] of lists) {
    const h = hashString(name);
    for (const w of words) {
      const list = CLASSES.get(w);
      if (list) list.push(h);
      else CLASSES.set(w, [h]);
    }
  }
})();
const NO_CLASSES: number[] = [];
const POSSESSIVE = /.['’]s$|s['’]$/i;

/** How a line is cased: in capitals and in Title Case, capitals say little about names. */
export type LineMode = 'normal' | 'upper' | 'title';
const MODE_HASH: Record<LineMode, number> = { normal: hashString('normal'), upper: hashString('upper'), title: hashString('title') };

const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const FUNCTION_WORDS = new Set(['of', 'the', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'with', 'by', 'from', 'as', 'is', 'are', 'be']);

export function lineMode(tokens: readonly Token[]): LineMode {
  let words = 0;
  let upper = 0;
  let titled = 0;
  let titledFunctionWord = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (!LETTER.test(t)) continue;
    words++;
    if (!HAS_LOWER.test(t)) upper++;
    else if (UPPER.test(t)) {
      titled++;
      if (i > 0 && FUNCTION_WORDS.has(t.toLowerCase())) titledFunctionWord = true;
    }
  }
  if (words >= 2 && upper / words >= 0.6) return 'upper';
  return words >= 3 && titledFunctionWord && (titled + upper) / words >= 0.8 ? 'title' : 'normal';
}

/** Text of a token without a possessive ending. */
export function bareText(t: Token): string {
  return t.text.replace(/['’]s$/i, '').replace(/(?<=s)['’]$/, '');
}

function charClass(c: string): string {
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= '0' && c <= '9') return 'd';
  if (/\p{Ll}/u.test(c)) return 'x';
  if (/\p{Lu}/u.test(c)) return 'X';
  if (/\p{N}/u.test(c)) return 'd';
  return c;
}

/** "Xxxxx", "XX", "X.X.", "dddd-dd-dd"; long runs are cut at four so shapes stay few. */
function shapes(word: string): [string, string] {
  let shape = '';
  let short = '';
  let run = 0;
  let prev = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (c === prev) run++;
    else {
      run = 1;
      short += c;
    }
    if (run <= 4) shape += c;
    prev = c;
  }
  return [shape, short];
}

/** Hashes of the first (or last) 1-3 characters, from one FNV pass. */
function affixHashes(s: string, fromEnd: boolean, out: number[]): void {
  let h = 0x811c9dc5;
  for (let k = 0; k < 3; k++) {
    if (k >= s.length) {
      out.push(0);
      continue;
    }
    h ^= s.charCodeAt(fromEnd ? s.length - 1 - k : k);
    h = Math.imul(h, 0x01000193) >>> 0;
    out.push(h);
  }
}

/**
 * What a word contributes whatever its context, computed once per distinct spelling: words repeat
 * (a few thousand spellings make most of any article), and these string operations were most of the
 * cost of preparing features.
 */
interface WordInfo {
  lower: number;
  lowerText: string;
  short: number;
  /** Lookup key (gazetteer and word lists): case-folded, dot-free. */
  key: string;
  classes: number[];
  capitalised: boolean;
  /** The ready features of the word alone: spelling, shape, affixes, lexicon tags, word lists. */
  unigram: Uint32Array;
  /** compromise's lexicon tags of the lower-case word, hashed (read again in the word's context). */
  lexicon: number[];
}

const words = new Map<string, WordInfo>();
/** Distinct spellings kept; past this the cache starts again (a worker lives for a whole corpus). */
const MAX_WORDS = 100_000;

function wordInfo(text: string): WordInfo {
  let info = words.get(text);
  if (info) return info;
  if (words.size >= MAX_WORDS) words.clear();
  // "Ya\u0301el" is read as "Yáel": the shape and affixes of a word do not depend on how its accents are encoded.
  const bare = text.normalize('NFC').replace(/['’]s$/i, '').replace(/(?<=s)['’]$/, '');
  const word = bare.replace(/\d/g, '0');
  const lowerText = word.toLowerCase();
  const [shape, short] = shapes(bare);
  const key = lookupKey(bare);
  const classes = CLASSES.get(key) ?? NO_CLASSES;
  const affixes: number[] = [];
  affixHashes(lowerText, false, affixes);
  affixHashes(lowerText, true, affixes);
  const lower = hashString(lowerText);
  const shortHash = hashString(short);
  const unigram = [mix(T.w, hashString(word)), mix(T.lw, lower), mix(T.shape, hashString(shape)), mix(T.short, shortHash)];
  const affixTemplates = [T.p1, T.p2, T.p3, T.s1, T.s2, T.s3];
  for (let k = 0; k < 6; k++) if (affixes[k]) unigram.push(mix(affixTemplates[k], affixes[k]));
  const lexicon = lexiconTags(lowerText).map(tagHash);
  for (const tag of lexicon) unigram.push(mix(T.lex, tag));
  for (const h of classes) unigram.push(mix(T.class, h));
  info = { lower, lowerText, short: shortHash, key, classes, capitalised: UPPER.test(bare), unigram: Uint32Array.from(unigram), lexicon };
  words.set(text, info);
  return info;
}

const punctuationHashes = new Map<string, number>();

/** The punctuation in a gap between words ("", ",", "(", "-"), as a hash; 0 for none. */
function punctuation(gap: string): number {
  let h = punctuationHashes.get(gap);
  if (h === undefined) {
    const p = gap.replace(/\s+/g, ' ').trim().slice(0, 3);
    h = p ? hashString(p) : 0;
    if (punctuationHashes.size < 10_000) punctuationHashes.set(gap, h);
  }
  return h;
}

export interface NerSentence {
  tokens: Token[];
  /** The rule layer's reading of each token (a hash of "B-person", "U-date", ...), 0 for none. */
  opinions: ArrayLike<number>;
}

export interface PreparedSentence {
  tokens: Token[];
  mode: LineMode;
  /** Static feature hashes of token i: feats[starts[i] .. starts[i + 1]). */
  feats: Uint32Array;
  starts: Int32Array;
  lower: Uint32Array;
  short: Uint32Array;
  /** Whether a token starts with a capital letter: its labels are remembered for the history features. */
  upperInitial: Uint8Array;
  /** The token's context for history features: line mode and sentence start. */
  context: Uint32Array;
  /**
   * An entity ends at this token: punctuation follows that no name runs across (a comma, a bracket,
   * a line break), or the token is a possessive: "Lavrov's Moscow", and "the Cubs' Jason Heyward"
   * where a given name follows (not "the Foreign Ministers' Committee").
   */
  breakAfter: Uint8Array;
  /**
   * An opening bracket or quote starts the next word ("General Motors (GM)", "Lars [Olsen](link)"):
   * compromise keeps it in that word's `pre`, where `breakAfter` does not look. The decoder ends
   * names here only when decoding for use, not while learning, so that the shipped model stays the
   * one `npm run train:ner` builds. Used so, it moves F1 on held-out tenths of eng.train from 88.9
   * to 89.1; a model learned with it scored 89.3, but retraining moved news output noisily ("Tesla
   * Roadster" a person again).
   */
  openAfter: Uint8Array;
  /** compromise's lexicon tags of each token's word, hashed. */
  lexicon: number[][];
}

/** Punctuation between two words that no name spans: compromise keeps it in `post`, where the tagger would not see a token. */
const NAME_BREAK = /[,;:()[\]{}"“”/|<>!?…\n]/;
/** An opening bracket or quote in a word's `pre`. */
const OPENING = /[([{"“]/;

const CAP = 1;
const LOWER = 2;
const BOTH = 3;
/** How the word is written elsewhere in the article: nowhere, capitalised, lower case, or both. */
const DOC_CASE = [hashString('unseen'), hashString('cap'), hashString('lower'), hashString('both')];

/**
 * How each word is written elsewhere in the article, in ordinary lines and not at a sentence start:
 * a capitalised word that is also written in lower case is probably not a name, and a word of a
 * headline in capitals is read against its usual spelling in the body.
 *
 * In use, a word (of more than one letter: "N / A") written in lower case once and capitalised
 * five times or more reads as capitalised: web text writes a name in lower case now and then
 * ("google is doing"), and one such slip took a name away from all twenty of its mentions. The
 * model learns from the strict reading (`strict`): edited news has almost no such slips, so its
 * words written both ways are common nouns that open names ("Party", "party"). A model trained on
 * the forgiving reading scored the same on held-out tenths of the training data but moved many
 * news names at random.
 */
function documentCasing(sentences: readonly NerSentence[], modes: LineMode[], strict: boolean): Map<string, number> {
  const counts = new Map<string, [number, number]>();
  sentences.forEach((s, n) => {
    if (modes[n] !== 'normal') return;
    for (let i = 1; i < s.tokens.length; i++) {
      const text = s.tokens[i].text;
      if (!LETTER.test(text)) continue;
      const word = wordInfo(text);
      if (!word.capitalised && !HAS_LOWER.test(text)) continue;
      let c = counts.get(word.lowerText);
      if (!c) counts.set(word.lowerText, (c = [0, 0]));
      c[word.capitalised ? 0 : 1]++;
    }
  });
  const out = new Map<string, number>();
  for (const [word, [cap, low]] of counts) out.set(word, cap && (!low || (!strict && low === 1 && cap >= 5 && word.length > 1)) ? CAP : cap ? BOTH : LOWER);
  return out;
}

const gazetteerHashes = new Map<string, number>();

/** For each token, the kind and position of the gazetteer name covering it ("country:B"), 0 for none. */
function gazetteerPositions(keys: string[], tokens: Token[]): Uint32Array {
  const out = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    let key = keys[i];
    let entry = GAZETTEER.get(key);
    let length = entry ? 1 : 0;
    for (let k = i + 1; k < keys.length && GAZETTEER_PREFIXES.has(key); k++) {
      key += (tokens[k - 1].post.includes('-') ? '-' : ' ') + keys[k];
      const longer = GAZETTEER.get(key);
      if (longer) {
        entry = longer;
        length = k - i + 1;
      }
    }
    if (!entry) continue;
    for (let k = i; k < i + length; k++) {
      const name = `${entry.kind}:${length === 1 ? 'U' : k === i ? 'B' : k === i + length - 1 ? 'L' : 'I'}`;
      let h = gazetteerHashes.get(name);
      if (h === undefined) gazetteerHashes.set(name, (h = hashString(name)));
      out[k] = h;
    }
    i += length - 1;
  }
  return out;
}

const OUTSIDE: WordInfo = { lower: BOS, lowerText: '', short: BOS, key: '', classes: NO_CLASSES, capitalised: false, unigram: new Uint32Array(0), lexicon: [] };
const AFTER: WordInfo = { ...OUTSIDE, lower: EOS, short: EOS };

/** A growable Uint32Array: hashes above 2^31 would make a plain array hold doubles. */
class FeatureBuffer {
  private data = new Uint32Array(4096);
  length = 0;

  push(hash: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = hash;
  }

  append(hashes: Uint32Array): void {
    this.reserve(hashes.length);
    this.data.set(hashes, this.length);
    this.length += hashes.length;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.data.length) return;
    const grown = new Uint32Array(this.data.length * 2 + more);
    grown.set(this.data);
    this.data = grown;
  }

  /** The features written since the last call, copied out; the buffer is then empty again. */
  take(): Uint32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/** One buffer for the sentences of every article: a new array per sentence was most of the feature step's allocation. */
const buffer = new FeatureBuffer();

/** Static features of every token of an article's sentences; `learning` for the training data (see documentCasing). */
export function prepareArticle(sentences: readonly NerSentence[], learning = false): PreparedSentence[] {
  const modes = sentences.map((s) => lineMode(s.tokens));
  const casing = documentCasing(sentences, modes, learning);
  return sentences.map((s, n) => prepareSentence(s, modes[n], casing));
}

function prepareSentence(s: NerSentence, mode: LineMode, casing: Map<string, number>): PreparedSentence {
  const { tokens, opinions } = s;
  const n = tokens.length;
  const info = tokens.map((t) => wordInfo(t.text));
  const gaz = gazetteerPositions(
    info.map((w) => w.key),
    tokens,
  );
  const at = (i: number): WordInfo => (i < 0 ? OUTSIDE : i >= n ? AFTER : info[i]);
  const feats = buffer;
  const starts = new Int32Array(n + 1);
  const modeHash = MODE_HASH[mode];
  const upperInitial = new Uint8Array(n);
  const breakAfter = new Uint8Array(n);
  const openAfter = new Uint8Array(n);
  const context = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = feats.length;
    const t = tokens[i];
    const c = info[i];
    const prev = at(i - 1);
    const next = at(i + 1);
    const ctx = mix(modeHash, i === 0 ? 1 : 0);
    context[i] = ctx;
    upperInitial[i] = c.capitalised ? 1 : 0;
    breakAfter[i] = NAME_BREAK.test(t.post) || POSSESSIVE.test(t.text) || (/^['’]/.test(t.post) && !!tokens[i + 1]?.tags.has('FirstName')) ? 1 : 0;
    openAfter[i] = i + 1 < n && OPENING.test(tokens[i + 1].pre) ? 1 : 0;
    feats.append(c.unigram);
    feats.push(BIAS);
    feats.push(mix(T['lw-1'], prev.lower));
    feats.push(mix(T['lw-2'], at(i - 2).lower));
    feats.push(mix(T['lw+1'], next.lower));
    feats.push(mix(T['lw+2'], at(i + 2).lower));
    feats.push(mix3(T['short-1|0'], prev.short, c.short));
    feats.push(mix3(T['short0|+1'], c.short, next.short));
    feats.push(mix3(T['lw-1|0'], prev.lower, c.lower));
    feats.push(mix3(T['lw0|+1'], c.lower, next.lower));
    feats.push(mix3(T['mode|short'], modeHash, c.short));
    feats.push(mix3(T['mode|lw'], modeHash, c.lower));
    feats.push(mix3(T['first|short'], i === 0 ? 1 : 0, c.short));
    feats.push(mix(T.post, punctuation(t.post)));
    feats.push(mix(T['post-1'], i > 0 ? punctuation(tokens[i - 1].post) : BOS));
    for (const tag of t.tags) feats.push(mix(T.tag, tagHash(tag)));
    // What a known word is in the lexicon means more at a sentence start or in a headline, where its capital proves nothing.
    for (const tag of c.lexicon) feats.push(mix3(T['ctx|lex'], ctx, tag));
    for (const h of prev.classes) feats.push(mix(T['class-1'], h));
    for (const h of next.classes) feats.push(mix(T['class+1'], h));
    if (gaz[i]) {
      feats.push(mix(T.gaz, gaz[i]));
      feats.push(mix3(T.gazcap, gaz[i], c.capitalised ? 1 : 0));
    }
    if (i > 0 && gaz[i - 1]) feats.push(mix(T['gaz-1'], gaz[i - 1]));
    if (i + 1 < n && gaz[i + 1]) feats.push(mix(T['gaz+1'], gaz[i + 1]));
    if (POSSESSIVE.test(t.text)) feats.push(mix(T.poss, 1));
    const hyphenBefore = i > 0 && tokens[i - 1].post.endsWith('-');
    if (t.post.includes('-') || hyphenBefore) feats.push(mix(T.hyph, (t.post.includes('-') ? 1 : 0) + (hyphenBefore ? 2 : 0)));
    const op = opinions[i] ?? 0;
    feats.push(mix(T.op, op));
    feats.push(mix3(T['op|short'], op, c.short));
    feats.push(mix(T['op-1'], i > 0 ? opinions[i - 1] : BOS));
    feats.push(mix(T['op+1'], i + 1 < n ? opinions[i + 1] : EOS));
    const docCase = DOC_CASE[casing.get(c.lowerText) ?? 0];
    feats.push(mix(T.doccase, docCase));
    feats.push(mix3(T['doccase|ctx'], docCase, mix(ctx, c.short)));
  }
  starts[n] = feats.length;
  return {
    tokens,
    mode,
    feats: feats.take(),
    starts,
    lower: Uint32Array.from(info, (x) => x.lower),
    short: Uint32Array.from(info, (x) => x.short),
    upperInitial,
    context,
    breakAfter,
    openAfter,
    lexicon: info.map((x) => x.lexicon),
  };
}

/** Most dynamic features a token has. */
export const MAX_DYNAMIC = 12;

/**
 * Features that depend on the labels already chosen: the previous two, and this word's earlier
 * labels in the article. Written into `out` (a typed array, as the static features are, so the
 * scorer's loop sees one kind of array); returns how many.
 */
export function dynamicFeatures(s: PreparedSentence, i: number, prev: number, prev2: number, history: number, out: Uint32Array): number {
  out[0] = mix(T.prev, prev + 1);
  out[1] = mix3(T.prev2, prev + 1, prev2 + 1);
  out[2] = mix3(T['prev|lw'], prev + 1, s.lower[i]);
  out[3] = mix3(T['prev|short'], prev + 1, s.short[i]);
  let n = 4;
  // "In Nice Tony Molina": a first name after a place starts a new name.
  for (const tag of s.lexicon[i]) if (n < MAX_DYNAMIC - 2) out[n++] = mix3(T['prev|lex'], prev + 1, tag);
  if (history < 0) return n;
  out[n++] = mix(T.hist, history + 1);
  out[n++] = mix3(T['hist|ctx'], history + 1, s.context[i]);
  return n;
}
