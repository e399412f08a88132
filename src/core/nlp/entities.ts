import type { EntityType } from '../model/types';
import type { LocalEntity, LocalMention } from './analysis';
import { aliasTarget, initialsOf } from './aliases';
import { DEMONYMS, GAZETTEER, GAZETTEER_FIRST_WORDS, MAX_GAZETTEER_TOKENS, lookupKey } from './gazetteer';
import { EVENT_SUFFIXES, GROUP_WORDS, HONORIFICS, NON_NAME_ACRONYMS, ORG_CUES_AFTER, ORG_CUES_BEFORE, ORG_HEADS, ORG_SUFFIXES, PLACE_HEADS, PLACE_SUFFIXES, RESULT_WORDS, ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS } from './lexicon';
import type { ParsedSentence, Token } from './nlp';
import { resolveDatePhrase } from './temporal';

/**
 * Entity extraction over the tokens of the article's single compromise parse. Names are found as
 * runs of capitalised tokens (or, in all-caps and title-case lines, of tokens compromise or our
 * gazetteer knows), cleaned (titles, demonyms and possessives peeled off, hyphenated country pairs
 * split), typed by gazetteer, suffix, title and context rules, then joined within the article
 * (surnames to full names, acronyms to expansions). Everything works on token arrays with Maps
 * and Sets: no further compromise calls.
 */

export interface EntityResult {
  entities: LocalEntity[];
  mentions: LocalMention[];
}

type NameType = 'person' | 'organization' | 'place';

interface Candidate {
  tokens: Token[];
  start: number;
  end: number;
  text: string;
  type?: NameType;
  /** Canonical name from the gazetteer. */
  canonical?: string;
  /** True when only weak evidence (sentence start) supports this being a name at all. */
  weak: boolean;
  /** Found in an all-caps or Title Case line, where capitals are no sign of an acronym. */
  shouted: boolean;
  /** Typed only from a neighbouring word ("X said", "in X"): other evidence in the article may overrule it. */
  guessed: boolean;
  /** A neighbour marks this mention as a company or club ("shares in X", "X's chief executive"). */
  orgCue: boolean;
  roles: string[];
}

interface Extra {
  type: 'role' | 'nationality' | 'date';
  start: number;
  end: number;
  text: string;
  name: string;
  value?: string;
  place?: string;
}

const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary'];
const ENTITY_TAGS = ['Person', 'Place', 'Organization', 'Country', 'City', 'Region', 'Demonym'];
const NAME_CONNECTORS = new Set(['of', 'for', 'on', 'de', 'del', 'der', 'van', 'von', 'du', 'da', 'al', 'bin', 'la', 'le']);
const PARTICLES = new Set(['de', 'del', 'der', 'van', 'von', 'du', 'da', 'al', 'bin', 'la', 'le']);
/** Function words that compromise may tag as proper nouns when it misses a sentence boundary. */
const CLOSED_CLASS = new Set(['but', 'and', 'or', 'so', 'yet', 'the', 'a', 'an', 'in', 'on', 'at', 'if', 'as', 'for', 'with', 'by', 'to', 'from', 'of', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'its', 'his', 'her', 'their', 'our', 'there', 'here', 'when', 'while', 'after', 'before', 'since', 'although', 'though', 'however', 'meanwhile', 'also', 'now', 'then', 'still']);
const DATE_MODIFIERS = new Set(['this', 'next', 'last', 'past', 'coming', 'previous', 'early', 'late', 'mid', 'earlier', 'later']);
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside']);
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

function hasAny(t: Token, tags: string[]): boolean {
  for (const tag of tags) if (t.tags.has(tag)) return true;
  return false;
}

/** Text of a token without a possessive ending. */
function bare(t: Token): string {
  return t.text.replace(/['’]s$/i, '').replace(/(?<=s)['’]$/, '');
}

function bareKey(t: Token): string {
  return lookupKey(bare(t));
}

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

function isAcronym(text: string): boolean {
  return /^(?:[A-Z][A-Z0-9&]{1,6}|(?:[A-Z]\.){2,5})$/.test(text) && /[A-Z]/.test(text);
}

/**
 * Whether a token may start or continue a name. 'weak' marks what only capitalisation supports where
 * capitalisation proves little (sentence starts, all-caps lines): such names are kept only when
 * the rest of the article knows them.
 */
function nameToken(tokens: Token[], i: number, shouted: Set<number> | undefined, known: Set<string>): 'strong' | 'weak' | false {
  const t = tokens[i];
  if (!LETTER.test(t.text) && !/^\d/.test(t.text)) return false;
  const key = bareKey(t);
  const listed = GAZETTEER.has(key) || DEMONYMS.has(key);
  if (shouted) {
    if (listed || shouted.has(i)) return 'strong';
    if (hasAny(t, FUNCTION_TAGS)) return false;
    if (hasAny(t, ENTITY_TAGS)) return 'strong';
    return known.has(key) ? 'weak' : false;
  }
  if (!UPPER.test(t.text)) return false;
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
  // A plural possessive inside a name: "Foreign Ministers' Committee".
  if ((gap === "'" || gap === '’') && /s$/i.test(t.text) && /\s$/.test(t.post)) return true;
  // Initials and abbreviated titles: "John F. Kennedy", "St. Louis", "Mr. Smith".
  if (gap === '.' && (/^\p{Lu}$/u.test(t.text) || HONORIFICS.has(t.normal) || t.normal === 'st')) return true;
  return false;
}

function textOf(text: string, tokens: Token[]): { start: number; end: number; text: string } {
  const start = tokens[0].start;
  const last = tokens[tokens.length - 1];
  const end = last.start + bare(last).length;
  return { start, end, text: text.slice(start, end) };
}

function gazetteerHit(tokens: Token[]): { type: NameType; name: string; kind: string } | undefined {
  if (tokens.length > MAX_GAZETTEER_TOKENS) return undefined;
  const surface = tokens.map((t, i) => (i === tokens.length - 1 ? bare(t) : t.text + (t.post.includes('-') ? '-' : ' '))).join('');
  const e = GAZETTEER.get(lookupKey(surface.replace(/- /g, '-')));
  return e ? { type: e.type, name: e.name, kind: e.kind } : undefined;
}

/** Length of the role phrase at the start of `tokens` ("Foreign Minister"), 0 if none. */
function rolePrefix(tokens: Token[]): number {
  let end = 0;
  for (let i = 0; i < tokens.length; i++) {
    const n = bareKey(tokens[i]);
    if (ROLE_HEADS.has(n)) end = i + 1;
    else if (!ROLE_MODIFIERS.has(n)) break;
  }
  return end;
}

/** Whether tokens look like a personal name (not a body or a place). */
function looksLikeName(tokens: Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 4) return false;
  // "Analysts said", "Traders said": a plural common noun is a group, not someone's name.
  if (tokens.length === 1 && tokens[0].tags.has('Plural') && !tokens[0].tags.has('Person')) return false;
  if (gazetteerHit(tokens)) return false;
  for (const [i, t] of tokens.entries()) {
    const n = bareKey(t);
    if (ORG_SUFFIXES.has(n) || PLACE_SUFFIXES.has(n) || GAZETTEER.has(n) || DEMONYMS.has(n)) return false;
    if (!UPPER.test(t.text) && !PARTICLES.has(n) && !(i > 0 && tokens[i - 1].post === '-' && t.post === '-')) return false;
  }
  return true;
}

interface Peeled {
  core: Token[];
  personCue: boolean;
  role?: Token[];
  nationality: Token[];
}

/** Takes honorifics, nationality words and a title off the front of a name. */
function peel(tokens: Token[]): Peeled {
  let i = 0;
  let personCue = false;
  const nationality: Token[] = [];
  let role: Token[] | undefined;
  for (;;) {
    const rest = tokens.slice(i);
    if (rest.length > 1 && HONORIFICS.has(bareKey(rest[0])) && !PARTICLES.has(bareKey(rest[0]))) {
      personCue = true;
      i++;
      continue;
    }
    const d = rest.length > 1 && !gazetteerHit(rest) ? demonymPrefix(rest) : 0;
    if (d > 0 && d < rest.length) {
      const r = rolePrefix(rest.slice(d));
      const after = rest.slice(d + r);
      if (r > 0 || looksLikeName(after) || demonymPrefix(rest.slice(d)) > 0) {
        nationality.push(...rest.slice(0, d));
        i += d;
        continue;
      }
    }
    const r = rolePrefix(rest);
    if (r > 0) {
      const after = rest.slice(r);
      if (after.length === 0 || looksLikeName(after)) {
        role = rest.slice(0, r);
        i += r;
        if (after.length) personCue = true;
      }
    }
    break;
  }
  return { core: tokens.slice(i), personCue, role, nationality };
}

function initialsMatch(tokens: Token[]): boolean {
  return tokens.length === 1 && isAcronym(tokens[0].text);
}

/** Types a cleaned name span from its words, compromise's tags and its neighbours. */
function classify(core: Token[], before: Token | undefined, after: Token | undefined, personCue: boolean, shouted: boolean): { type?: NameType; canonical?: string; guessed?: boolean } {
  const hit = gazetteerHit(core);
  if (hit) return { type: hit.type, canonical: hit.name };
  if (personCue) return { type: 'person' };
  const keys = core.map(bareKey);
  const last = keys[keys.length - 1];
  const hasConnector = keys.some((k) => k === 'of' || k === 'for');
  if (core.some((t) => t.text === '&') && core.length > 2) return { type: 'organization' };
  if (ORG_SUFFIXES.has(last) && core.length > 1) return { type: 'organization' };
  if (hasConnector && ORG_HEADS.has(keys[0])) return { type: 'organization' };
  // Company names that fuse their business into one word: "NationsBank", "KeyCorp", "Rabobank".
  if (core.length === 1 && /^\p{Lu}\p{L}{2,}(?:bank|corp)$/iu.test(bare(core[0])) && !/^(?:bank|corp)$/i.test(bare(core[0]))) return { type: 'organization' };
  if (hasConnector && PLACE_HEADS.has(keys[0])) return { type: 'place' };
  if (PLACE_SUFFIXES.has(last) && core.length > 1) return { type: 'place' };
  if (before && ROLE_HEADS.has(before.normal) && !UPPER.test(before.text) && looksLikeName(core)) return { type: 'person' };
  let person = 0;
  let org = 0;
  let place = 0;
  for (const t of core) {
    if (t.tags.has('Person') && !t.tags.has('Honorific')) person++;
    if (t.tags.has('Organization')) org++;
    if (t.tags.has('Place')) place++;
  }
  if (core[0].tags.has('FirstName') && core.length > 1 && org === 0) return { type: 'person' };
  if (org > 0 && org >= person) return { type: 'organization' };
  if (person === core.length) return { type: 'person', guessed: core.length === 1 };
  if (place === core.length) return { type: 'place' };
  if (!shouted && initialsMatch(core)) return { type: 'organization' };
  if (after && SPEECH_VERBS.has(after.normal) && looksLikeName(core)) return { type: 'person', guessed: true };
  if (before && (before.normal === 'said' || before.normal === 'says') && looksLikeName(core)) return { type: 'person', guessed: true };
  if (person > 0 && looksLikeName(core)) return { type: 'person' };
  if (place > 0) return { type: 'place' };
  if (before && PLACE_PREPOSITIONS.has(before.normal) && core.length <= 3) return { type: 'place', guessed: true };
  return {};
}

/** A lowercase role right before a name: "coach Berti Vogts", "spokesman John Smith". */
function roleBefore(tokens: Token[], at: number): Token[] | undefined {
  let i = at - 1;
  if (i < 0 || !ROLE_HEADS.has(tokens[i].normal) || UPPER.test(tokens[i].text) || tokens[i].post.trim() !== '') return undefined;
  while (i > 0 && (ROLE_MODIFIERS.has(tokens[i - 1].normal) || ROLE_HEADS.has(tokens[i - 1].normal)) && tokens[i - 1].post.trim() === '') i--;
  return tokens.slice(i, at);
}

/** An appositive role after a name: "Sergei Lavrov, Russia's foreign minister,". */
function roleAfter(tokens: Token[], at: number): Token[] | undefined {
  if (at >= tokens.length || tokens[at - 1].post.trim() !== ',') return undefined;
  let i = at;
  if (i < tokens.length && tokens[i].tags.has('Determiner')) i++;
  if (i < tokens.length && (/['’]s$/i.test(tokens[i].text) || DEMONYMS.has(bareKey(tokens[i])))) i++;
  const from = i;
  let end = 0;
  while (i < tokens.length && (ROLE_MODIFIERS.has(tokens[i].normal) || ROLE_HEADS.has(tokens[i].normal) || DEMONYMS.has(tokens[i].normal))) {
    if (ROLE_HEADS.has(tokens[i].normal)) end = i + 1;
    if (tokens[i].post.trim() !== '') break;
    i++;
  }
  return end > from ? tokens.slice(at, end) : undefined;
}

function spanText(text: string, tokens: Token[]): string {
  return textOf(text, tokens).text.replace(/\s+/g, ' ');
}

/** Date phrases: runs of compromise Date tokens with their modifiers ("next year", "Jan. 5, 2024"). */
function findDates(text: string, tokens: Token[], articleDate: string | null, out: Extra[]): Set<number> {
  const used = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].tags.has('Date')) {
      i++;
      continue;
    }
    let s = i;
    if (s > 0 && DATE_MODIFIERS.has(tokens[s - 1].normal) && tokens[s - 1].post.trim() === '') s--;
    if (s > 0 && tokens[s - 1].tags.has('Cardinal') && tokens[s - 1].post.trim() === '') s--;
    let e = i + 1;
    while (e < tokens.length && tokens[e].tags.has('Date') && (/^[\s,]*$/.test(tokens[e - 1].post) || (tokens[e - 1].tags.has('Month') && /^\.\s*$/.test(tokens[e - 1].post)))) e++;
    if (e < tokens.length && tokens[e].normal === 'ago' && /^\s*$/.test(tokens[e - 1].post)) e++;
    const span = tokens.slice(s, e);
    const start = span[0].start;
    const end = span[span.length - 1].end;
    const phrase = text.slice(start, end);
    const value = resolveDatePhrase(phrase, articleDate);
    const specific = span.some((t) => t.tags.has('Month') || t.tags.has('WeekDay') || t.tags.has('Year') || /^\d{4}-\d{2}-\d{2}$/.test(t.text));
    if (value || specific) {
      out.push({ type: 'date', start, end, text: phrase, name: phrase.replace(/\s+/g, ' '), ...(value ? { value } : {}) });
      for (let k = s; k < e; k++) used.add(k);
    }
    i = e;
  }
  return used;
}

export function entityKey(type: EntityType, name: string): string {
  return `${type}:${name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;
}

/** Finds the entity mentions of an article in its tagged sentences. */
export function extractEntities(text: string, sentences: ParsedSentence[], articleDate: string | null = null): EntityResult {
  const candidates: Candidate[] = [];
  const extras: Extra[] = [];
  const shouted = sentences.map((s) => isShoutedOrTitled(s.tokens));
  // Ordinary sentences first: the names they reveal are what all-caps lines are read against.
  const known = new Set<string>();
  for (const pass of [false, true]) {
    sentences.forEach((s, n) => {
      if (shouted[n] === pass) scanSentence(text, s.tokens, pass ? gazetteerTokens(s.tokens) : undefined, known, articleDate, candidates, extras);
    });
    for (const c of candidates) if (c.type) for (const t of c.tokens) known.add(bareKey(t));
  }
  return resolve(text, candidates, extras);
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

/**
 * Finds the name runs of one sentence. `shouted` is set for all-caps and Title Case lines and holds
 * the tokens that gazetteer names cover there.
 */
function scanSentence(text: string, tokens: Token[], shouted: Set<number> | undefined, known: Set<string>, articleDate: string | null, candidates: Candidate[], extras: Extra[]): void {
  const dateTokens = findDates(text, tokens, articleDate, extras);
  let i = 0;
  while (i < tokens.length) {
    const kind = dateTokens.has(i) ? false : nameToken(tokens, i, shouted, known);
    if (!kind) {
      i++;
      continue;
    }
    // A sentence-start verb does not lead a sure name: "Asked Sergei Lavrov" is "Sergei Lavrov".
    if (kind === 'weak' && !shouted && tokens[i].tags.has('Verb') && i + 1 < tokens.length && joinable(tokens[i], tokens[i + 1]) && nameToken(tokens, i + 1, shouted, known) === 'strong') {
      i++;
      continue;
    }
    // Listed names with lowercase words in them ("Organisation for Security and Cooperation in Europe").
    const listed = shouted ? 0 : listedSpan(tokens, i);
    if (listed) {
      segment(text, tokens, i, i + listed, false, false, candidates, extras);
      i += listed;
      continue;
    }
    let weak = kind === 'weak';
    let j = i + 1;
    while (j < tokens.length && joinable(tokens[j - 1], tokens[j]) && !dateTokens.has(j)) {
      const next = nameToken(tokens, j, shouted, known);
      if (next) {
        if (next === 'strong' && shouted) weak = false;
        j++;
        continue;
      }
      // Lowercase particles inside hyphenated names: "Mazar-i-Sharif", "Inzamam-ul-Haq", "Stratford-upon-Avon".
      if (!shouted && tokens[j - 1].post === '-' && tokens[j].post === '-' && /^\p{Ll}{1,4}$/u.test(tokens[j].text) && j + 1 < tokens.length && nameToken(tokens, j + 1, shouted, known)) {
        j += 2;
        continue;
      }
      const n = tokens[j].normal || tokens[j].text;
      if (
        (NAME_CONNECTORS.has(n) || tokens[j].text === '&') &&
        !shouted &&
        j + 1 < tokens.length &&
        joinable(tokens[j], tokens[j + 1]) &&
        nameToken(tokens, j + 1, shouted, known) &&
        (tokens[j].text === '&' || PARTICLES.has(n) || ORG_HEADS.has(bareKey(tokens[j - 1])) || PLACE_HEADS.has(bareKey(tokens[j - 1])) || ORG_SUFFIXES.has(bareKey(tokens[j - 1])) || ROLE_HEADS.has(bareKey(tokens[j - 1])))
      ) {
        j += 2;
        continue;
      }
      break;
    }
    if (!shouted && j > i + 1) weak = false;
    splitRun(text, tokens, i, j, weak, !!shouted, candidates, extras);
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
function splitRun(text: string, tokens: Token[], from: number, to: number, weak: boolean, shouted: boolean, candidates: Candidate[], extras: Extra[]): void {
  const run = tokens.slice(from, to);
  if (!gazetteerHit(run) && !ORG_SUFFIXES.has(bareKey(run[run.length - 1]))) {
    for (let k = 0; k < run.length - 1; k++) {
      if (!run[k].post.includes('-')) continue;
      const a = bareKey(run[k]);
      const b = bareKey(run[k + 1]);
      const countryish = (x: string): boolean => DEMONYMS.has(x) || GROUP_WORDS.has(x) || GAZETTEER.get(x)?.kind === 'country';
      if (countryish(a) || countryish(b)) {
        splitRun(text, tokens, from, from + k + 1, weak, shouted, candidates, extras);
        splitRun(text, tokens, from + k + 1, to, weak, shouted, candidates, extras);
        return;
      }
    }
  }
  segment(text, tokens, from, to, weak, shouted, candidates, extras);
}

/** Length of a demonym or group word at the start of `tokens` ("South Korean" is two), 0 if none. */
function demonymPrefix(tokens: Token[]): number {
  if (tokens.length > 1 && tokens[0].post.trim() === '' && DEMONYMS.has(`${bareKey(tokens[0])} ${bareKey(tokens[1])}`)) return 2;
  const k = bareKey(tokens[0]);
  return tokens.length > 0 && (DEMONYMS.has(k) || GROUP_WORDS.has(k)) ? 1 : 0;
}

function nationality(text: string, tokens: Token[], extras: Extra[]): void {
  const span = textOf(text, tokens);
  const key = lookupKey(span.text);
  const place = DEMONYMS.get(key) ?? GROUP_WORDS.get(key);
  extras.push({ type: 'nationality', ...span, name: span.text.replace(/\s+/g, ' '), ...(place ? { place } : {}) });
}

/**
 * A wire dateline: a line opening in capitals with the date or the agency after it ("BONN
 * 1996-08-22", "MOSCOW (Reuters) -", "LA CORUNA, Spain"): it names where the story was filed.
 */
function isDateline(text: string, tokens: Token[], from: number, to: number, shouted: boolean): boolean {
  if (shouted || to - from > 3 || to >= tokens.length) return false;
  const first = tokens[from];
  if (first.start > 0 && !/\n\s*$/.test(text.slice(Math.max(0, first.start - first.pre.length - 2), first.start))) return false;
  const run = tokens.slice(from, to);
  if (run.some((t) => HAS_LOWER.test(t.text) || !LETTER.test(t.text))) return false;
  // "NATO (the alliance) said": a name the gazetteer knows as something else opens the line.
  const known = gazetteerHit(run);
  if (known && known.type !== 'place') return false;
  const dated = (t: Token): boolean => t.tags.has('Date') || t.tags.has('Month') || /^\d{4}-\d{2}-\d{2}$/.test(t.text);
  const after = tokens[to];
  if (dated(after) || after.pre.includes('(')) return true;
  // "IRVINE, Calif 1996-08-30", "AL-RAM, West Bank": the region comes between the city and the date.
  if (!/^,\s/.test(tokens[to - 1].post)) return false;
  for (let k = to; k < Math.min(tokens.length, to + 4); k++) {
    if (dated(tokens[k]) || tokens[k].pre.includes('(')) return k > to;
    if (!UPPER.test(tokens[k].text)) return false;
  }
  return false;
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** A city or region named as a side in a result ("Surrey beat Kent", "Chicago 5 Houston 3") is a club. */
function isTeamContext(before: Token | undefined, after: Token | undefined): boolean {
  if (after && after.tags.has('Cardinal') && !after.tags.has('Date') && !after.tags.has('Percent') && /^\d+$/.test(after.text)) return true;
  return (!!after && RESULT_WORDS.has(after.normal)) || (!!before && RESULT_WORDS.has(before.normal) && before.normal !== 'won' && before.normal !== 'win');
}

function segment(text: string, tokens: Token[], from: number, to: number, weak: boolean, shouted: boolean, candidates: Candidate[], extras: Extra[]): void {
  const run = tokens.slice(from, to);
  const whole = gazetteerHit(run);
  if (!whole && demonymPrefix(run) === run.length) {
    nationality(text, run, extras);
    return;
  }
  const last = bareKey(run[run.length - 1]);
  // Events, competitions and holidays ("World Cup", "Labor Day") are none of our name types.
  if (!whole && run.length > 1 && EVENT_SUFFIXES.has(last)) return;
  const peeled: Peeled = whole || ORG_SUFFIXES.has(last) ? { core: run, personCue: false, nationality: [] } : peel(run);
  if (peeled.nationality.length) nationality(text, peeled.nationality, extras);
  const roles: string[] = [];
  if (peeled.role) {
    const r = textOf(text, peeled.role);
    extras.push({ type: 'role', ...r, name: r.text });
    roles.push(spanText(text, [...peeled.nationality, ...peeled.role]));
  }
  const core = peeled.core;
  if (core.length === 0 || core.every((t) => HONORIFICS.has(bareKey(t)))) return;
  if (core.length === 1 && NON_NAME_ACRONYMS.has(bareKey(core[0]))) return;
  const coreFrom = from + (run.length - core.length);
  const before = tokens[coreFrom - 1];
  const after = tokens[to];
  const lowerRole = roleBefore(tokens, coreFrom);
  const typed = isDateline(text, tokens, from, to, shouted) ? { type: 'place' as const, canonical: gazetteerHit(core)?.name ?? titleCase(spanText(text, core)) } : classify(core, before, after, peeled.personCue || (!!lowerRole && looksLikeName(core)), shouted);
  const guessed = typed.guessed ?? false;
  let { type, canonical } = typed;
  if (type === 'place' && GAZETTEER.get(lookupKey(canonical ?? ''))?.kind !== 'country' && !core.some((t) => t.tags.has('Country')) && isTeamContext(before, after)) {
    type = 'organization';
    canonical = undefined;
  }
  if (type === 'person') {
    if (lowerRole) {
      const r = textOf(text, lowerRole);
      extras.push({ type: 'role', ...r, name: r.text });
      roles.push(spanText(text, lowerRole));
    }
    const app = roleAfter(tokens, to);
    if (app) roles.push(spanText(text, app));
  }
  const span = textOf(text, core);
  const possessive = /['’]s$/i.test(core[core.length - 1].text);
  const orgCue = (!!after && ORG_CUES_AFTER.has(after.normal) && (possessive || after.normal !== 'chief')) || (!!before && ORG_CUES_BEFORE.has(before.normal) && !UPPER.test(before.text));
  candidates.push({ tokens: core, ...span, type, canonical, weak: weak && !type, shouted, guessed, orgCue, roles });
}

function tokenKeys(c: Candidate): string[] {
  return c.tokens.map(bareKey).filter((k) => !PARTICLES.has(k));
}

/** Joins candidates into article entities: canonical names, surnames, acronyms, types for the unknown. */
function resolve(text: string, candidates: Candidate[], extras: Extra[]): EntityResult {
  // Full names (two or more words) are the anchors that short forms join.
  const people = new Map<string, Candidate[]>();
  const named = new Map<string, NameType>();
  for (const c of candidates) {
    if (!c.type) continue;
    named.set(lookupKey(c.canonical ?? c.text), c.type);
    if (c.type === 'person') {
      const k = tokenKeys(c).join(' ');
      const list = people.get(k);
      if (list) list.push(c);
      else people.set(k, [c]);
    }
  }
  // A name that any mention shows to be a company or club is one wherever it was only guessed.
  const orgNames = new Set(candidates.filter((c) => c.orgCue && (c.guessed || !c.type || c.type === 'organization')).map((c) => lookupKey(c.text)));
  for (const c of candidates) {
    if ((c.guessed || !c.type) && c.tokens.length <= 3 && orgNames.has(lookupKey(c.text))) {
      c.type = 'organization';
      c.canonical = undefined;
      c.guessed = false;
    }
  }
  for (const [k, list] of people) {
    const kept = list.filter((c) => c.type === 'person');
    if (kept.length) people.set(k, kept);
    else people.delete(k);
  }
  for (const c of candidates) if (c.type) named.set(lookupKey(c.canonical ?? c.text), c.type);
  const fullNames = [...people.keys()].filter((k) => k.includes(' '));
  const orgsAndPlaces = candidates.filter((c) => c.type === 'organization' || c.type === 'place');

  for (const c of candidates) {
    const keys = tokenKeys(c);
    const own = keys.join(' ');
    const single = c.tokens.length === 1 && (c.shouted || !isAcronym(c.text));
    if ((c.type === 'person' || !c.type || single) && !fullNames.includes(own)) {
      const target = aliasTarget(keys, fullNames);
      if (target) {
        c.type = 'person';
        c.canonical = people.get(target)?.[0].text;
        continue;
      }
    }
    if (!c.type) {
      const t = named.get(lookupKey(c.text));
      if (t) c.type = t;
    }
    if ((!c.type || c.type === 'organization') && !c.shouted && isAcronym(c.text) && !c.canonical) {
      const letters = c.text.replace(/\./g, '');
      const exp = orgsAndPlaces.find((o) => o !== c && o.tokens.length > 1 && initialsOf(o.canonical ?? o.text) === letters);
      if (exp) {
        c.type = exp.type;
        c.canonical = exp.canonical ?? exp.text;
      }
    }
    if (!c.type && !c.weak && c.tokens.length > 1 && looksLikeName(c.tokens)) c.type = 'person';
  }

  const entities = new Map<string, LocalEntity>();
  const mentions: LocalMention[] = [];
  const addMention = (key: string, start: number, end: number): void => {
    const slice = text.slice(start, end);
    if (slice.length > 0) mentions.push({ key, start, end, text: slice });
  };
  const ensure = (type: EntityType, name: string): LocalEntity => {
    const key = entityKey(type, name);
    let e = entities.get(key);
    if (!e) entities.set(key, (e = { key, type, name, aliases: [], roles: [] }));
    return e;
  };
  for (const c of candidates) {
    if (!c.type) continue;
    // Names never end in punctuation, even where the mention does ("Corp.", a stray "U.S.U.S.").
    const name = (c.canonical ?? c.text).replace(/\s+/g, ' ').replace(/[\p{P}\s]+$/u, '');
    if (!name) continue;
    const e = ensure(c.type, name);
    const surface = c.text.replace(/\s+/g, ' ');
    if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
    for (const r of c.roles) if (!e.roles.includes(r)) e.roles.push(r);
    addMention(e.key, c.start, c.end);
  }
  for (const x of extras) {
    if (x.type === 'nationality' && x.place) {
      const place = ensure('place', x.place);
      const e = ensure('nationality', x.name);
      e.place = place.key;
      addMention(e.key, x.start, x.end);
    } else if (x.type === 'date' && x.value) {
      // Dates are one entity per resolved value: "next year" here and "2025" elsewhere are the same.
      const e = ensure('date', x.value);
      e.value = x.value;
      if (x.name !== x.value && !e.aliases.includes(x.name)) e.aliases.push(x.name);
      addMention(e.key, x.start, x.end);
    } else {
      addMention(ensure(x.type, x.name.replace(/\s+/g, ' ')).key, x.start, x.end);
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities: [...entities.values()], mentions: mentions.filter((m) => m.text === text.slice(m.start, m.end)) };
}
