import type { LocalEntity, LocalMention } from '../analysis';
import { GAZETTEER, MAX_GAZETTEER_TOKENS, lookupKey, onlyInCapitals } from '../gazetteer';
import type { Token } from '../nlp';
import { lexiconTags } from '../nlp';

/**
 * What the rule layer's stages share: the candidate names and the other mentions (roles,
 * nationalities, dates) of an article, the sentence being scanned, and small token helpers.
 */

export interface EntityResult {
  entities: LocalEntity[];
  mentions: LocalMention[];
}

export type NameType = 'person' | 'organization' | 'place';

export interface Candidate {
  tokens: Token[];
  start: number;
  end: number;
  text: string;
  type?: NameType;
  /** Canonical name from the gazetteer. */
  canonical?: string;
  /** True when only weak evidence (sentence start) supports this being a name at all. */
  weak: boolean;
  /** Found in a line in capitals or Title Case, where capitals are no sign of an acronym. */
  caseless: boolean;
  /** Typed only from a neighbouring word ("X said", "in X"): other evidence in the article may overrule it. */
  guessed: boolean;
  /** A neighbour marks this mention as a company or club ("shares in X", "X's chief executive"). */
  orgCue: boolean;
  roles: string[];
}

export interface Extra {
  type: 'role' | 'nationality' | 'date';
  start: number;
  end: number;
  text: string;
  name: string;
  value?: string;
  place?: string;
}

/** One sentence as the rule layer scans it, with where its findings go. */
export interface SentenceScan {
  text: string;
  tokens: Token[];
  /** A line in capitals or Title Case, where capitals say nothing about which words are names. */
  caseless: boolean;
  /** In such a line, the tokens that multi-word gazetteer names cover ("SRI LANKA"). */
  listed: Set<number>;
  /** Names (lookup keys of their words) found in the article's ordinary lines, to read caseless lines against. */
  known: Set<string>;
  articleDate: string | null;
  candidates: Candidate[];
  extras: Extra[];
}

export const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary'];
export const ENTITY_TAGS = ['Person', 'Place', 'Organization', 'Country', 'City', 'Region', 'Demonym'];
export const PARTICLES = new Set(['de', 'del', 'der', 'van', 'von', 'du', 'da', 'al', 'bin', 'la', 'le']);
export const UPPER = /^\p{Lu}/u;

/**
 * The Arabic article in its written forms ("al-Sadr", "ash-Sharq", "az-Zaman", "ad-Din"). Text
 * that was split into words and joined again spaces its hyphen ("Muqtada al - Sadr"), as
 * tokenised corpora and web copies of them do; the article still joins the name.
 */
const ARABIC_ARTICLES = new Set(['al', 'el', 'ad', 'an', 'ar', 'as', 'ash', 'at', 'az', 'ud', 'ul', 'ur']);
const SPACED_HYPHEN = /^\s+-\s+$/;
const ENGLISH_WORDS = new Set(['ad', 'an', 'ar', 'as', 'at']);
/** The article and its spaced hyphen inside a name's text. */
export const SPACED_ARABIC_ARTICLE = new RegExp(String.raw`(?<!\p{L})(?:${[...ARABIC_ARTICLES].join('|')})\s+-\s+(?=\p{Lu})`, 'giu');

/** Whether token i is the Arabic article, tied by a hyphen (spaced or not) to the capitalised rest of the name. */
export function isArabicArticle(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || (t.post !== '-' && !SPACED_HYPHEN.test(t.post)) || !ARABIC_ARTICLES.has(t.text.toLowerCase()) || !UPPER.test(next.text)) return false;
  // "an", "as", "at" and "ad" are English words too: only inside a name ("Salah ad - Din") or as its first word ("As - Safir").
  return !ENGLISH_WORDS.has(t.text) || (i > 0 && UPPER.test(tokens[i - 1].text));
}
export const HAS_LOWER = /\p{Ll}/u;
export const LETTER = /\p{L}/u;

export function hasAny(t: Token, tags: string[]): boolean {
  for (const tag of tags) if (t.tags.has(tag)) return true;
  return false;
}

/** Text of a token without a possessive ending. */
export function bare(t: Token): string {
  return t.text.replace(/['’]s$/i, '').replace(/(?<=s)['’]$/, '');
}

/** The token's lookup key without a possessive ending; the rules ask for it many times per token. */
export function bareKey(t: Token): string {
  return (t.key ??= lookupKey(bare(t)));
}

export function isAcronym(text: string): boolean {
  return /^(?:[A-Z][A-Z0-9&]{1,6}|(?:[A-Z]\.){2,5})$/.test(text) && /[A-Z]/.test(text);
}

export function textOf(text: string, tokens: Token[]): { start: number; end: number; text: string } {
  const start = tokens[0].start;
  const last = tokens[tokens.length - 1];
  const end = last.start + bare(last).length;
  return { start, end, text: text.slice(start, end) };
}

export function gazetteerHit(tokens: Token[]): { type: NameType; name: string; kind: string } | undefined {
  if (tokens.length > MAX_GAZETTEER_TOKENS) return undefined;
  const surface = tokens.map((t, i) => (i === tokens.length - 1 ? bare(t) : t.text + (t.post.includes('-') ? '-' : ' '))).join('');
  const key = lookupKey(surface.replace(/- /g, '-'));
  const e = GAZETTEER.get(key);
  // "Who won?" is a question, not the WHO: an acronym that spells a word is it only in capitals.
  if (!e || (tokens.length === 1 && HAS_LOWER.test(surface) && onlyInCapitals(key) && lexiconTags(key).length > 0)) return undefined;
  return { type: e.type, name: e.name, kind: e.kind };
}

export function spanText(text: string, tokens: Token[]): string {
  return textOf(text, tokens).text.replace(/\s+/g, ' ');
}
