import { DEMONYMS, GAZETTEER, GAZETTEER_FIRST_WORDS, MAX_GAZETTEER_TOKENS, lookupKey } from '../gazetteer';
import { GROUP_WORDS, HONORIFICS, ORG_HEADS, ORG_SUFFIXES, PLACE_HEADS, ROLE_HEADS } from '../lexicon';
import type { ParsedSentence, Token } from '../nlp';
import { lexiconTags } from '../nlp';
import { findTimeExpressions, isSpecific, resolveTimeExpression } from '../time';
import type { Candidate, Extra, SentenceScan } from './candidate';
import { ENTITY_TAGS, FUNCTION_TAGS, HAS_LOWER, LETTER, PARTICLES, UPPER, bareKey, gazetteerHit, hasAny, isAcronym } from './candidate';
import { segment } from './classify';

/**
 * The rule layer's first stage: names are found as runs of capitalised tokens (or, in lines in
 * capitals and Title Case, of tokens compromise or our gazetteer knows), hyphenated country pairs
 * split, and dates found beside them. Everything works on the tokens of the article's one
 * compromise parse: no further compromise calls.
 */

const NAME_CONNECTORS = new Set(['of', 'for', 'on', 'de', 'del', 'der', 'van', 'von', 'du', 'da', 'al', 'bin', 'la', 'le']);

/** Function words that compromise may tag as proper nouns when it misses a sentence boundary. */
const CLOSED_CLASS = new Set(['but', 'and', 'or', 'so', 'yet', 'the', 'a', 'an', 'in', 'on', 'at', 'if', 'as', 'for', 'with', 'by', 'to', 'from', 'of', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'its', 'his', 'her', 'their', 'our', 'there', 'here', 'when', 'while', 'after', 'before', 'since', 'although', 'though', 'however', 'meanwhile', 'also', 'now', 'then', 'still']);


/**
 * Lines in capitals, and Title Case headlines (where even "Of" and "The" are capitalised), say
 * nothing about which words are names.
 */
function isShoutedOrTitled(tokens: Token[]): boolean {
  let words = 0;
  let upper = 0;
  let titled = 0;
  let titledFunctionWord = false;
  tokens.forEach((t, i) => {
    if (!LETTER.test(t.text)) return;
    words++;
    if (!HAS_LOWER.test(t.text)) upper++;
    else if (UPPER.test(t.text)) {
      titled++;
      if (i > 0 && hasAny(t, FUNCTION_TAGS) && !hasAny(t, ENTITY_TAGS)) titledFunctionWord = true;
    }
  });
  return words >= 3 && (upper / words >= 0.6 || (titledFunctionWord && (titled + upper) / words >= 0.8));
}

/**
 * Whether a token may start or continue a name. 'weak' marks what only capitalisation supports where
 * capitalisation proves little (sentence starts, all-caps lines): such names are kept only when
 * the rest of the article knows them.
 */
function nameToken(s: SentenceScan, i: number): 'strong' | 'weak' | false {
  const { tokens } = s;
  const t = tokens[i];
  if (!LETTER.test(t.text) && !/^\d/.test(t.text)) return false;
  // Most words are in lower case, and outside capitals-only lines none of them opens a name.
  if (!s.caseless && !UPPER.test(t.text)) return false;
  const key = bareKey(t);
  const listed = GAZETTEER.has(key) || DEMONYMS.has(key);
  if (s.caseless) {
    if (listed || s.listed.has(i)) return 'strong';
    if (hasAny(t, FUNCTION_TAGS)) return false;
    if (hasAny(t, ENTITY_TAGS)) return 'strong';
    return s.known.has(key) ? 'weak' : false;
  }
  if (t.tags.has('Month') || t.tags.has('WeekDay')) return false;
  if (listed) return 'strong';
  // An initial: "A. Hollioake", not the article "A".
  if (/^\p{Lu}$/u.test(t.text) && t.post.startsWith('.') && i + 1 < tokens.length && UPPER.test(tokens[i + 1].text)) return 'strong';
  if ((hasAny(t, FUNCTION_TAGS) && !hasAny(t, ENTITY_TAGS)) || CLOSED_CLASS.has(t.normal)) return false;
  // compromise does not always split after an abbreviation ("... tell the FT. But Rover told"): a
  // full stop before the token marks a sentence start all the same.
  const first = i === 0 || /["“‘([:]/.test(t.pre) || /(?:[:"“]|[.!?]["”’]?)\s*$/.test(tokens[i - 1].post);
  if (!first) return 'strong';
  if (hasAny(t, ENTITY_TAGS) || t.tags.has('Honorific') || isAcronym(t.text)) return 'strong';
  // Names at a sentence start are often mistagged as verbs ("Lebed"); adverbs and adjectives are not names.
  return hasAny(t, ['Adverb', 'Adjective', 'Value']) ? false : 'weak';
}

/** Whether the gap after `t` (its trailing punctuation) can sit inside a name. */
function joinable(t: Token, next: Token): boolean {
  if (next.pre.trim() !== '' || /['’]s$/i.test(t.text) || /\n/.test(t.post)) return false;
  const gap = t.post.replace(/\s+/g, '');
  if (gap === '' || gap === '-' || gap === '&') return true;
  // A plural possessive inside a name ("Foreign Ministers' Committee"), not before a person's ("the Cubs' Jason Heyward").
  if ((gap === "'" || gap === '’') && /s$/i.test(t.text) && /\s$/.test(t.post)) return !next.tags.has('FirstName') && !next.tags.has('Person');
  // Initials and abbreviated titles: "John F. Kennedy", "St. Louis", "Mr. Smith".
  if (gap === '.' && (/^\p{Lu}$/u.test(t.text) || HONORIFICS.has(t.normal) || t.normal === 'st')) return true;
  return false;
}

/** The time expressions of a sentence that resolve to a date or name one, as date mentions; returns their tokens. */
function findDates(scan: SentenceScan): Set<number> {
  const { text, tokens, articleDate } = scan;
  const used = new Set<number>();
  for (const x of findTimeExpressions(tokens)) {
    const span = tokens.slice(x.first, x.last);
    const value = resolveTimeExpression(span, articleDate);
    if (!value && !isSpecific(span)) continue;
    const phrase = text.slice(x.start, x.end);
    scan.extras.push({ type: 'date', start: x.start, end: x.end, text: phrase, name: phrase.replace(/\s+/g, ' '), ...(value ? { value } : {}) });
    for (let k = x.first; k < x.last; k++) used.add(k);
  }
  return used;
}

/** Whether a gazetteer name of more than one word can start with this token (spares a lookup per length). */
function mayStartGazetteerName(t: Token): boolean {
  return GAZETTEER_FIRST_WORDS.has(lookupKey(t.text).split('-')[0]);
}

/** Indices of tokens inside multi-word gazetteer names ("SRI LANKA"), for lines where case says nothing. */
function gazetteerTokens(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!mayStartGazetteerName(tokens[i])) continue;
    for (let n = Math.min(MAX_GAZETTEER_TOKENS, tokens.length - i); n >= 2; n--) {
      if (!gazetteerHit(tokens.slice(i, i + n))) continue;
      for (let k = i; k < i + n; k++) out.add(k);
      i += n - 1;
      break;
    }
  }
  return out;
}

/** Finds the name runs of one sentence and hands each to the classifying stage. */
function scanSentence(s: SentenceScan): void {
  const { tokens, caseless } = s;
  const dateTokens = findDates(s);
  let i = 0;
  while (i < tokens.length) {
    const kind = dateTokens.has(i) ? false : nameToken(s, i);
    if (!kind) {
      i++;
      continue;
    }
    // A sentence-start verb does not lead a sure name: "Asked Sergei Lavrov" is "Sergei Lavrov".
    if (kind === 'weak' && !caseless && tokens[i].tags.has('Verb') && i + 1 < tokens.length && joinable(tokens[i], tokens[i + 1]) && nameToken(s, i + 1) === 'strong') {
      i++;
      continue;
    }
    // Listed names with lowercase words in them ("Organisation for Security and Cooperation in Europe").
    const listed = caseless ? 0 : listedSpan(tokens, i);
    if (listed) {
      segment(s, i, i + listed, false);
      i += listed;
      continue;
    }
    let weak = kind === 'weak';
    let j = i + 1;
    while (j < tokens.length && joinable(tokens[j - 1], tokens[j]) && !dateTokens.has(j)) {
      const next = nameToken(s, j);
      if (next) {
        if (next === 'strong' && caseless) weak = false;
        j++;
        continue;
      }
      // Lowercase particles inside hyphenated names: "Mazar-i-Sharif", "Inzamam-ul-Haq", "Stratford-upon-Avon".
      if (!caseless && tokens[j - 1].post === '-' && tokens[j].post === '-' && /^\p{Ll}{1,4}$/u.test(tokens[j].text) && j + 1 < tokens.length && nameToken(s, j + 1)) {
        j += 2;
        continue;
      }
      const n = tokens[j].normal || tokens[j].text;
      if (
        (NAME_CONNECTORS.has(n) || tokens[j].text === '&') &&
        !caseless &&
        j + 1 < tokens.length &&
        joinable(tokens[j], tokens[j + 1]) &&
        nameToken(s, j + 1) &&
        (tokens[j].text === '&' || PARTICLES.has(n) || ORG_HEADS.has(bareKey(tokens[j - 1])) || PLACE_HEADS.has(bareKey(tokens[j - 1])) || ORG_SUFFIXES.has(bareKey(tokens[j - 1])) || ROLE_HEADS.has(bareKey(tokens[j - 1])))
      ) {
        j += 2;
        continue;
      }
      break;
    }
    if (!caseless && j > i + 1) weak = false;
    splitRun(s, i, j, weak);
    i = j;
  }
}

/** Length of a gazetteer name starting at `i` that has a lowercase word inside, 0 if none. */
function listedSpan(tokens: Token[], i: number): number {
  if (!mayStartGazetteerName(tokens[i])) return 0;
  for (let n = Math.min(MAX_GAZETTEER_TOKENS, tokens.length - i); n >= 3; n--) {
    const run = tokens.slice(i, i + n);
    if (!run.slice(1, -1).some((t) => !UPPER.test(t.text)) || !run.slice(0, -1).every((t, k) => joinable(t, run[k + 1]))) continue;
    if (gazetteerHit(run)) return n;
  }
  return 0;
}

/** Splits a run at hyphens between country words ("India-Russia", "Russian-Indian"), then handles each part. */
function splitRun(s: SentenceScan, from: number, to: number, weak: boolean): void {
  const run = s.tokens.slice(from, to);
  if (!gazetteerHit(run) && !ORG_SUFFIXES.has(bareKey(run[run.length - 1]))) {
    for (let k = 0; k < run.length - 1; k++) {
      if (!run[k].post.includes('-')) continue;
      const a = bareKey(run[k]);
      const b = bareKey(run[k + 1]);
      const countryish = (x: string): boolean => DEMONYMS.has(x) || GROUP_WORDS.has(x) || GAZETTEER.get(x)?.kind === 'country';
      if (countryish(a) || countryish(b)) {
        splitRun(s, from, from + k + 1, weak);
        splitRun(s, from + k + 1, to, weak);
        return;
      }
    }
    // "In Nice Tony Molina": a first name and surname after a word the lexicon knows as no name start a name of their own.
    for (let k = 1; k + 1 < run.length; k++) {
      const prev = run[k - 1];
      const known = lexiconTags(prev.normal);
      if (!run[k].tags.has('FirstName') || !UPPER.test(run[k + 1].text) || !/^\s+$/.test(prev.post)) continue;
      if (known.length === 0 || known.some((t) => NAME_TAGS.has(t)) || HONORIFICS.has(bareKey(prev)) || ROLE_HEADS.has(bareKey(prev))) continue;
      splitRun(s, from, from + k, weak);
      splitRun(s, from + k, to, weak);
      return;
    }
  }
  segment(s, from, to, weak);
}

const NAME_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'Honorific']);

/** The rule layer's candidates and extras (roles, nationalities, dates) of an article. */
export function ruleCandidates(text: string, sentences: ParsedSentence[], articleDate: string | null): { candidates: Candidate[]; extras: Extra[] } {
  const candidates: Candidate[] = [];
  const extras: Extra[] = [];
  const caseless = sentences.map((s) => isShoutedOrTitled(s.tokens));
  // Ordinary sentences first: the names they reveal are what all-caps lines are read against.
  const known = new Set<string>();
  for (const pass of [false, true]) {
    sentences.forEach((s, n) => {
      if (caseless[n] !== pass) return;
      scanSentence({ text, tokens: s.tokens, caseless: pass, listed: pass ? gazetteerTokens(s.tokens) : new Set(), known, articleDate, candidates, extras });
    });
    for (const c of candidates) if (c.type) for (const t of c.tokens) known.add(bareKey(t));
  }
  return { candidates, extras };
}
