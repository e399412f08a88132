import type { LocalEntity, LocalMention } from './analysis';
import { isEventVerb } from './eventTypes';
import type { ParsedSentence, Token } from './nlp';
import { nlp } from './nlp';

/**
 * A shallow reading of tagged sentences: verb groups, noun phrases, subjects and complements.
 * It works on the tokens compromise already tagged (no second parse) and is what the event and
 * 5W1H extraction share.
 */

interface Transform {
  verb: { toInfinitive(word: string, model: unknown, tense?: string): string };
  noun: { toSingular(word: string, model: unknown): string };
}
interface World {
  model: { one: { lexicon: Record<string, string | undefined> }; two: { switches: Record<string, string | undefined> } };
  methods: { two: { transform: Transform } };
}
const world = nlp.world() as World;
const transform = world.methods.two.transform;
const lexicon = world.model.one.lexicon;
const switches = world.model.two.switches;

export type Region = 'title' | 'lead' | 'body';

export interface VerbGroup {
  /** Token indices, end exclusive. */
  start: number;
  end: number;
  /** The main verb (last verb of the group). */
  head: number;
  passive: boolean;
  future: boolean;
  /** Gerunds and "to" infinitives: their subject comes from the clause they hang on. */
  nonFinite: boolean;
}

export interface SentenceView {
  index: number;
  region: Region;
  sentence: ParsedSentence;
  tokens: Token[];
  /** The entity mention covering each token. */
  mention: (LocalMention | undefined)[];
  verb: boolean[];
  groups: VerbGroup[];
  /** Index of the group each token belongs to, or -1. */
  groupAt: Int32Array;
}

export interface Subject {
  /** Token span of the subject noun phrase, end exclusive; absent when inherited or unknown. */
  start: number;
  end: number;
  /** Entity keys the subject refers to. */
  keys: string[];
  /** Taken from an earlier verb of the sentence (coordination, participles, infinitives). */
  inherited: boolean;
}

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'am']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
export const SUBORDINATORS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'because',
  'while',
  'when',
  'whereas',
  'although',
  'though',
  'if',
  'unless',
  'since',
  'as',
  'after',
  'before',
  'until',
  'where',
  'but',
  'so',
]);
/** Prepositions compromise sometimes tags as adjectives ("outside", "over"). */
const PREPOSITION_WORDS = new Set(['over', 'outside', 'inside', 'against', 'near', 'about', 'around', 'off', 'up', 'down', 'out', 'per', 'via', 'amid', 'despite']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him', 'hers', 'himself', 'herself']);
const THING_PRONOUNS = new Set(['it', 'its', 'itself']);
const GROUP_PRONOUNS = new Set(['they', 'their', 'them', 'theirs', 'themselves']);

export function breakAfter(t: Token): boolean {
  return /[,;:()[\]]/.test(t.post) || /\s[-–—]\s|[–—]/.test(t.post);
}

export function hardBreakAfter(t: Token): boolean {
  return /[;:()[\]]/.test(t.post) || /\s[-–—]\s|[–—]/.test(t.post);
}

function lemmaOfVerb(t: Token): string {
  const w = t.normal.replace(/'s$/, '');
  const tense = t.tags.has('PastTense') ? 'PastTense' : t.tags.has('Gerund') ? 'Gerund' : t.tags.has('PresentTense') ? 'PresentTense' : undefined;
  if (t.tags.has('Infinitive') && !/(?:s|ed|ing)$/.test(w)) return w;
  return transform.verb.toInfinitive(w, world.model, tense) || w;
}

/** Lemmas by word and form: news repeats its words, and compromise's inflection is not free. */
const lemmaCache = new Map<string, string>();
const LEMMA_CACHE_LIMIT = 50_000;

/** The dictionary form of a verb, or of a noun when `noun` is set. */
export function lemma(t: Token, noun = false): string {
  const form = noun ? (t.tags.has('Plural') || (t.tags.has('Verb') && /[^s']s$/.test(t.normal)) ? 'P' : 'N') : t.tags.has('PastTense') ? 'D' : t.tags.has('Gerund') ? 'G' : t.tags.has('PresentTense') ? 'S' : t.tags.has('Infinitive') ? 'I' : 'V';
  const key = `${form}${t.normal}`;
  let out = lemmaCache.get(key);
  if (out === undefined) {
    if (noun) {
      const w = t.normal.replace(/'s$/, '');
      out = form === 'P' && w !== 'talks' ? transform.noun.toSingular(w, world.model) || w : w;
    } else out = lemmaOfVerb(t);
    if (lemmaCache.size >= LEMMA_CACHE_LIMIT) lemmaCache.clear();
    lemmaCache.set(key, out);
  }
  return out;
}

function verbCapable(t: Token): string | undefined {
  const w = t.normal;
  if (!/^[a-z][a-z-]*$/.test(w)) return undefined;
  const base = w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('es') && /(?:ch|sh|ss|x|z|o)es$/.test(w) ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w;
  const tag = lexicon[w] ?? lexicon[base];
  if (tag === 'Infinitive' || tag === 'PresentTense' || tag === 'PastTense') return base;
  if ((switches[w] ?? switches[base] ?? '').includes('Verb')) return base;
  return isEventVerb(base) || isEventVerb(w) ? base : undefined;
}

function nounish(t: Token): boolean {
  return (t.tags.has('Noun') || t.tags.has('ProperNoun') || t.tags.has('Value')) && !t.tags.has('Pronoun');
}

/**
 * Headlines drop articles and auxiliaries, and compromise often reads their verbs as plural
 * nouns ("Taliban attacks German consulate", "Cubs win World Series"). In a headline segment
 * with no finite verb, the first word after a noun phrase that can be a verb and agrees with it
 * (an -s form after a singular noun, a bare form after a plural or coordinated subject) is taken
 * as the verb.
 */
function repairHeadline(tokens: Token[], verb: boolean[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (verb[i] && !tokens[i].tags.has('Gerund') && !tokens[i].tags.has('Participle') && tokens[i - 1]?.normal !== 'to') return;
  const candidate = (i: number): boolean => {
    const t = tokens[i];
    const prev = tokens[i - 1];
    return !breakAfter(prev) && nounish(prev) && nounish(t) && !t.tags.has('Person') && !t.tags.has('Place') && !t.tags.has('Organization') && !!verbCapable(t);
  };
  for (let i = from + 1; i < to - 1; i++) {
    if (!candidate(i)) continue;
    const t = tokens[i];
    const prev = tokens[i - 1];
    const sForm = /[^s]s$/.test(t.normal);
    let coordinated = false;
    for (let k = i - 1; k > from && nounish(tokens[k]); k--) if (tokens[k - 1].normal === 'and' || tokens[k - 1].normal === '&') coordinated = true;
    // "Cubs", "Brits", "Democrats": capitalised plurals compromise leaves unmarked.
    const capitalPlural = prev.tags.has('ProperNoun') && !prev.tags.has('Person') && !prev.tags.has('Place') && /[^s']s$/.test(prev.normal);
    const pluralSubject = coordinated || ((prev.tags.has('Plural') || capitalPlural) && !prev.tags.has('Possessive'));
    if (sForm === pluralSubject) continue;
    const next = tokens[i + 1];
    if (!(nounish(next) || next.tags.has('Determiner') || next.tags.has('Adjective') || next.tags.has('Preposition') || next.tags.has('Possessive'))) continue;
    verb[i] = true;
    return;
  }
  // Collective subjects agree either way ("Taliban Strike German Consulate"): accept a verb
  // followed by its object when agreement found nothing.
  for (let i = from + 1; i < to - 1; i++) {
    if (!candidate(i)) continue;
    const next = tokens[i + 1];
    if ((nounish(next) && !next.tags.has('Value')) || next.tags.has('Determiner') || next.tags.has('Possessive')) {
      if (breakAfter(tokens[i])) continue;
      verb[i] = true;
      return;
    }
  }
}

/**
 * compromise reads some plural nouns as verbs after a modifier ("had in-depth exchanges with").
 * An -s form that follows a finite verb in the same clause, right after a modifier rather than
 * a possible subject, and that can be a plural noun, is one.
 */
function pluralObjects(tokens: Token[], verb: boolean[], mention: (LocalMention | undefined)[]): void {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    if (!verb[i] || !t.tags.has('PresentTense') || t.tags.has('Infinitive') || !/[^s']s$/.test(t.normal)) continue;
    if (!(switches[t.normal] ?? '').includes('Plural') && lexicon[t.normal] !== 'Plural' && !(switches[t.normal.slice(0, -1)] ?? '').startsWith('Noun')) continue;
    const prev = tokens[i - 1];
    const modifier = prev.tags.has('Adjective') || prev.tags.has('Determiner') || prev.tags.has('Value') || tokens[i - 2].post === '-';
    if (!modifier || mention[i - 1] || prev.tags.has('Pronoun') || breakAfter(prev)) continue;
    let k = i - 1;
    while (k >= 0 && !verb[k] && !breakAfter(tokens[k]) && !SUBORDINATORS.has(tokens[k].normal) && !tokens[k].tags.has('Conjunction')) k--;
    if (k >= 0 && verb[k] && !breakAfter(tokens[k])) verb[i] = false;
  }
}

function isVerbToken(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t.tags.has('Verb')) return false;
  if (t.tags.has('Gerund')) {
    // "the shooting", "a rescue": nominal uses.
    const p = tokens[i - 1];
    if (p && (p.tags.has('Determiner') || p.tags.has('Possessive') || p.tags.has('Adjective')) && !p.tags.has('Adverb')) return false;
  }
  return true;
}

function headlineSegments(tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i === tokens.length - 1 || /[:|]|\s[-–—]\s|[–—]/.test(tokens[i].post)) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  }
  return out;
}

export function buildView(index: number, region: Region, sentence: ParsedSentence, mentionsByStart: LocalMention[]): SentenceView {
  const tokens = sentence.tokens;
  const n = tokens.length;
  const mention: (LocalMention | undefined)[] = new Array(n);
  // mentionsByStart is sorted by start; walk it alongside the tokens.
  let lo = 0;
  let hi = mentionsByStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentionsByStart[mid].end <= sentence.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = 0, m = lo; i < n; i++) {
    const t = tokens[i];
    while (m < mentionsByStart.length && mentionsByStart[m].end <= t.start) m++;
    for (let k = m; k < mentionsByStart.length && mentionsByStart[k].start < t.end; k++) {
      if (mentionsByStart[k].end > t.start) {
        mention[i] = mentionsByStart[k];
        break;
      }
    }
  }
  const verb = tokens.map((_t, i) => isVerbToken(tokens, i));
  if (region === 'title') {
    // Title-case headlines fool name finding ("Toblerone Alters Shape", "Fans Are Outraged"): a
    // word compromise reads as a verb ends the name it was swallowed into.
    for (let i = 1; i < n; i++) {
      const m = mention[i];
      if (!m || !verb[i] || mention[i - 1] !== m) continue;
      for (let k = i; k < n && mention[k] === m; k++) mention[k] = undefined;
    }
  }
  if (region === 'title') for (const [a, b] of headlineSegments(tokens)) repairHeadline(tokens, verb, a, b);
  pluralObjects(tokens, verb, mention);

  const groups: VerbGroup[] = [];
  const groupAt = new Int32Array(n).fill(-1);
  let i = 0;
  while (i < n) {
    if (!verb[i] || mention[i]) {
      i++;
      continue;
    }
    let start = i;
    if (i > 0 && tokens[i - 1].tags.has('Adverb') && !breakAfter(tokens[i - 1]) && groupAt[i - 1] < 0 && !mention[i - 1]) start = i - 1;
    // "red-flagged": the first half of a hyphenated verb belongs to it.
    else if (i > 0 && tokens[i - 1].post === '-' && groupAt[i - 1] < 0 && !mention[i - 1]) start = i - 1;
    let j = i;
    while (j + 1 < n && !breakAfter(tokens[j])) {
      const nx = tokens[j + 1];
      if (verb[j + 1] && !mention[j + 1]) j++;
      else if (nx.tags.has('Particle') || (nx.tags.has('PhrasalVerb') && !nx.tags.has('Noun'))) j++;
      else if ((nx.tags.has('Adverb') || nx.tags.has('Negative')) && j + 2 < n && verb[j + 2] && !breakAfter(nx)) j++;
      else break;
    }
    let head = j;
    while (head > i && (tokens[head].tags.has('Particle') || !verb[head])) head--;
    const h = tokens[head];
    let hasBe = false;
    let future = false;
    for (let k = start; k <= j; k++) {
      const w = tokens[k].normal;
      if (k < head && (BE.has(w) || w === 'get' || w === 'got')) hasBe = true;
      if (w === 'will' || w === 'shall' || w === "'ll") future = true;
    }
    let passive = h.tags.has('Passive') || (hasBe && (h.tags.has('PastTense') || h.tags.has('Participle')));
    if (!passive && region === 'title' && head === j && (h.tags.has('PastTense') || h.tags.has('Participle')) && start === i) {
      // Headline ellipsis: "Driver arrested", "German consulate bombed in revenge attack".
      const nx = tokens[j + 1];
      const pv = tokens[start - 1];
      passive = !!pv && nounish(pv) && (!nx || breakAfter(h) || nx.tags.has('Preposition') || nx.tags.has('Conjunction') || SUBORDINATORS.has(nx.normal));
    }
    const prev = tokens[start - 1];
    const firstVerb = tokens[verb[start] ? start : i];
    const nonFinite = (prev?.normal === 'to' && !hasBe) || (firstVerb.tags.has('Gerund') && !hasBe);
    const g: VerbGroup = { start, end: j + 1, head, passive, future, nonFinite };
    for (let k = start; k <= j; k++) groupAt[k] = groups.length;
    groups.push(g);
    i = j + 1;
  }
  return { index, region, sentence, tokens, mention, verb, groups, groupAt };
}

export function isPrepositionWord(t: Token): boolean {
  return t.tags.has('Preposition') || PREPOSITION_WORDS.has(t.normal);
}

/** Tokens that may belong to a noun phrase. */
export function npToken(v: SentenceView, i: number): boolean {
  const t = v.tokens[i];
  if (!t || v.groupAt[i] >= 0) return false;
  if (v.mention[i]) return true;
  // The first parts of a hyphenated modifier: "in-depth", "two-day".
  if (t.post === '-') return true;
  if (t.tags.has('Pronoun')) return !t.tags.has('QuestionWord');
  if (PREPOSITION_WORDS.has(t.normal)) return false;
  return (
    t.tags.has('Noun') ||
    t.tags.has('ProperNoun') ||
    t.tags.has('Determiner') ||
    t.tags.has('Adjective') ||
    t.tags.has('Value') ||
    t.tags.has('Possessive') ||
    t.tags.has('Acronym') ||
    t.tags.has('Expression') ||
    t.tags.has('Hyphenated')
  ) && !SUBORDINATORS.has(t.normal) && !t.tags.has('Preposition') && !t.tags.has('Conjunction') && t.normal !== 'no';
}

/** End (exclusive) of the noun phrase starting at `i`: "the German consulate", "nerves of steel". */
export function npEnd(v: SentenceView, i: number, limit = v.tokens.length): number {
  let k = i;
  while (k < limit && npToken(v, k) && (k === i || !breakAfter(v.tokens[k - 1]))) {
    k++;
    // "of" and "and" continue a noun phrase when another noun phrase follows at once.
    const t = v.tokens[k];
    if (k + 1 < limit && t && (t.normal === 'of' || t.normal === '&' || (t.normal === 'and' && !v.verb[k + 2])) && !breakAfter(v.tokens[k - 1]) && npToken(v, k + 1) && !isDateToken(v.tokens[k + 1])) k++;
  }
  return k;
}

function isDateToken(t: Token): boolean {
  return t.tags.has('Date') && !t.tags.has('ProperNoun');
}

/** Start of the noun phrase that ends (inclusive) at `j`, scanning left. */
function npStartLeft(v: SentenceView, j: number): number {
  let a = j;
  for (;;) {
    while (a - 1 >= 0 && npToken(v, a - 1) && !breakAfter(v.tokens[a - 1])) a--;
    const c = v.tokens[a - 1];
    if (a - 2 >= 0 && c && (c.normal === 'of' || c.normal === 'and' || c.normal === '&') && !breakAfter(c) && !breakAfter(v.tokens[a - 2]) && npToken(v, a - 2)) {
      a -= 2;
      continue;
    }
    return a;
  }
}

/** Resolves pronouns and unlinked names to article entities. */
export interface Resolver {
  entity(key: string): LocalEntity | undefined;
  /** The entity a pronoun at this offset most plausibly refers to. */
  pronoun(word: string, offset: number): string | undefined;
  /** An entity named by a bare surname, acronym or role ("Lavrov", "the foreign minister"). */
  byName(text: string): string | undefined;
}

export function makeResolver(entities: LocalEntity[], mentions: LocalMention[]): Resolver {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const persons = mentions.filter((m) => byKey.get(m.key)?.type === 'person');
  const things = mentions.filter((m) => byKey.get(m.key)?.type === 'organization');
  const names = new Map<string, string>();
  const add = (name: string, key: string): void => {
    const k = name.toLowerCase().replace(/^(?:the|a|an)\s+/, '').trim();
    if (!k) return;
    // A bare surname names the person with the fullest name ("Trump" -> "Donald Trump").
    const had = names.get(k);
    if (had === undefined || (byKey.get(had)?.name.length ?? 0) < (byKey.get(key)?.name.length ?? 0)) names.set(k, key);
  };
  for (const e of entities) {
    if (e.type !== 'person' && e.type !== 'organization' && e.type !== 'place') continue;
    add(e.name, e.key);
    for (const a of e.aliases) add(a, e.key);
    for (const r of e.roles) add(r, e.key);
    if (e.type === 'person') {
      const parts = e.name.split(/\s+/);
      if (parts.length > 1) add(parts[parts.length - 1], e.key);
    }
  }
  const lastBefore = (list: LocalMention[], offset: number): string | undefined => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1].key : undefined;
  };
  return {
    entity: (key) => byKey.get(key),
    pronoun: (word, offset) => {
      const w = word.toLowerCase();
      if (PERSON_PRONOUNS.has(w)) return lastBefore(persons, offset);
      if (THING_PRONOUNS.has(w) || GROUP_PRONOUNS.has(w)) return lastBefore(things, offset);
      return undefined;
    },
    byName: (text) => names.get(text.toLowerCase().replace(/^(?:the|a|an)\s+/, '').replace(/['’]s$/, '').trim()),
  };
}

/**
 * The entities of a stretch that can take part in an event: people, organizations and places.
 * Roles ("Foreign Minister") and dates never do; a nationality does only as a noun of its own
 * ("the Russians"), standing for its place, not as a modifier ("Indian Foreign Minister").
 */
export function participantKeys(v: SentenceView, from: number, to: number, r: Resolver): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const m = v.mention[i];
    if (!m || (i > from && v.mention[i - 1] === m)) continue;
    const e = r.entity(m.key);
    if (!e || e.type === 'date' || e.type === 'role') continue;
    let key: string | undefined = e.key;
    if (e.type === 'nationality') {
      let k = i;
      while (k + 1 < v.tokens.length && v.mention[k + 1] === m) k++;
      const next = v.tokens[k + 1];
      if (next && !breakAfter(v.tokens[k]) && (next.tags.has('Noun') || next.tags.has('ProperNoun')) && !next.tags.has('Pronoun')) continue;
      key = e.place;
    }
    if (key && !out.includes(key)) out.push(key);
  }
  return out;
}

function entityKeysOfSpan(v: SentenceView, from: number, to: number, r: Resolver): string[] {
  // Entities in prepositional phrases inside the subject ("the driver of the tram") are not
  // the subject: keep those before the first preposition, and coordinated ones.
  let stop = to;
  for (let i = from; i < to; i++) {
    const t = v.tokens[i];
    if (!v.mention[i] && (t.tags.has('Preposition') || t.normal === 'of') && i > from) {
      stop = i;
      break;
    }
  }
  const keys = participantKeys(v, from, stop, r);
  if (keys.length) return keys;
  if (stop - from === 1 && v.tokens[from].tags.has('Pronoun')) {
    const k = r.pronoun(v.tokens[from].normal, v.tokens[from].start);
    return k ? [k] : [];
  }
  const text = v.sentence.tokens
    .slice(from, stop)
    .map((t) => t.text)
    .join(' ');
  const k = r.byName(text) ?? (v.tokens[stop - 1].tags.has('ProperNoun') ? r.byName(v.tokens[stop - 1].text) : undefined);
  return k ? [k] : [];
}

/**
 * The subject of a verb group: the noun phrase right before it, past appositions and relative
 * clauses ("Mondelez International, which makes the bars, said"), through relative pronouns to
 * their antecedent, and inherited from the previous verb for coordinated verbs, participles and
 * infinitives ("... and expressed", ", saying", "to meet").
 */
export function subjectOf(v: SentenceView, gi: number, r: Resolver, cache: Map<number, Subject | null>): Subject | null {
  const hit = cache.get(gi);
  if (hit !== undefined) return hit;
  cache.set(gi, null);
  const s = findSubject(v, gi, r, cache);
  cache.set(gi, s);
  return s;
}

function inherit(v: SentenceView, gi: number, r: Resolver, cache: Map<number, Subject | null>): Subject | null {
  for (let k = gi - 1; k >= 0; k--) {
    const s = subjectOf(v, k, r, cache);
    if (s && (s.keys.length || s.end > s.start)) return { ...s, inherited: true };
  }
  return null;
}

function findSubject(v: SentenceView, gi: number, r: Resolver, cache: Map<number, Subject | null>): Subject | null {
  const g = v.groups[gi];
  const toks = v.tokens;
  if (g.nonFinite) return inherit(v, gi, r, cache);
  let j = g.start - 1;
  while (j >= 0 && toks[j].tags.has('Adverb') && !breakAfter(toks[j]) && !v.mention[j]) j--;
  if (j < 0) return null;
  const t = toks[j];
  if (RELATIVE.has(t.normal) && !v.mention[j]) {
    const a = j - 1;
    if (a < 0) return null;
    if (!npToken(v, a)) return inherit(v, gi, r, cache);
    const start = npStartLeft(v, a);
    return { start, end: a + 1, keys: entityKeysOfSpan(v, start, a + 1, r), inherited: false };
  }
  if (breakAfter(t)) {
    // Skip an apposition or relative clause between commas back to the real subject.
    let k = j - 1;
    while (k >= 0 && !breakAfter(toks[k])) k--;
    const opener = toks[k + 1];
    if (k >= 0 && opener && /,/.test(toks[k].post) && (RELATIVE.has(opener.normal) || opener.tags.has('Determiner') || opener.tags.has('Possessive') || opener.tags.has('Value')) && npToken(v, k)) {
      const start = npStartLeft(v, k);
      if (start === 0 || breakAfter(toks[start - 1]) || SUBORDINATORS.has(toks[start - 1].normal)) {
        return { start, end: k + 1, keys: entityKeysOfSpan(v, start, k + 1, r), inherited: false };
      }
    }
    return inherit(v, gi, r, cache);
  }
  if (t.tags.has('Conjunction') || t.tags.has('Preposition') || !npToken(v, j)) return inherit(v, gi, r, cache);
  if (t.tags.has('Pronoun') && !t.tags.has('Possessive')) return { start: j, end: j + 1, keys: entityKeysOfSpan(v, j, j + 1, r), inherited: false };
  let start = npStartLeft(v, j);
  // "Dozens of rescuers in China are trying": a prepositional phrase inside the subject.
  while (start >= 2 && toks[start - 1].tags.has('Preposition') && !breakAfter(toks[start - 1]) && !breakAfter(toks[start - 2]) && npToken(v, start - 2) && !SUBORDINATORS.has(toks[start - 1].normal)) {
    const s2 = npStartLeft(v, start - 2);
    const before = toks[s2 - 1];
    if (before && !breakAfter(before) && !SUBORDINATORS.has(before.normal) && before.normal !== 'and') break;
    start = s2;
  }
  const before = toks[start - 1];
  if (before && v.groupAt[start - 1] >= 0 && !breakAfter(before)) {
    // The noun phrase is the object of an earlier verb ("X met Y and Z said"): keep the last conjunct.
    for (let k = j; k > start; k--) {
      if (toks[k - 1].normal === 'and') {
        start = k;
        break;
      }
    }
    if (start === npStartLeft(v, j) && !toks[start - 1].tags.has('Conjunction')) return inherit(v, gi, r, cache);
  }
  return { start, end: j + 1, keys: entityKeysOfSpan(v, start, j + 1, r), inherited: false };
}

/**
 * End (exclusive) of the clause that follows verb group `g`: the next comma or stronger break, a
 * subordinating word, or the next finite verb group.
 */
export function clauseEnd(v: SentenceView, g: VerbGroup): number {
  const toks = v.tokens;
  for (let k = g.end; k < toks.length; k++) {
    if (breakAfter(toks[k - 1]) && k > g.end) return k;
    if (k > g.end && SUBORDINATORS.has(toks[k].normal) && !v.mention[k] && v.groupAt[k] < 0) return k;
    const gi = v.groupAt[k];
    if (gi >= 0 && !v.groups[gi].nonFinite && v.groups[gi].start === k) return k;
  }
  return toks.length;
}
