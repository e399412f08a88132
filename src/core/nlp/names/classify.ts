import { DEMONYMS, GAZETTEER, lookupKey } from '../gazetteer';
import { EVENT_SUFFIXES, GROUP_WORDS, HONORIFICS, NON_NAME_ACRONYMS, ORG_CUES_AFTER, ORG_CUES_BEFORE, ORG_HEADS, ORG_SUFFIXES, PLACE_HEADS, PLACE_SUFFIXES, RESULT_WORDS, ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS } from '../lexicon';
import type { Token } from '../nlp';
import type { Extra, NameType, SentenceScan } from './candidate';
import { HAS_LOWER, LETTER, PARTICLES, UPPER, bare, bareKey, gazetteerHit, isAcronym, spanText, textOf } from './candidate';

/**
 * The rule layer's second stage: a run of name words is cleaned (honorifics, titles, nationality
 * words peeled off) and typed by gazetteer, suffix, title and context rules. Roles and
 * nationalities peeled off become mentions of their own.
 */

/** Length of the role phrase at the start of `tokens` ("Foreign Minister"), 0 if none. */
function rolePrefix(tokens: Token[]): number {
  let end = 0;
  for (let i = 0; i < tokens.length; i++) {
    const n = bareKey(tokens[i]);
    if (ROLE_HEADS.has(n)) end = i + 1;
    else if (n === 'of' && end === i && i + 1 < tokens.length && ROLE_MODIFIERS.has(bareKey(tokens[i + 1]))) {
      // "Secretary of State", "Minister of Foreign Affairs": the office, then the name.
      let k = i + 1;
      while (k < tokens.length && ROLE_MODIFIERS.has(bareKey(tokens[k]))) k++;
      if (k === tokens.length) break;
      end = k;
      i = k - 1;
    } else if (!ROLE_MODIFIERS.has(n)) break;
  }
  return end;
}

/** A place named before a title ("US Secretary of State John Kerry", "Taiwan President Tsai Ing-wen"): its length, 0 if none. */
function placeBeforeRole(tokens: Token[]): number {
  for (let n = Math.min(3, tokens.length - 2); n >= 1; n--) {
    const hit = gazetteerHit(tokens.slice(0, n));
    if (hit?.type === 'place' && rolePrefix(tokens.slice(n)) > 0) return n;
  }
  return 0;
}

/** Whether tokens look like a personal name (not a body or a place). */
export function looksLikeName(tokens: Token[]): boolean {
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
  /** A place named before the title: a name of its own. */
  place?: Token[];
}

/** Takes honorifics, nationality words and a title off the front of a name. */
function peel(tokens: Token[]): Peeled {
  let i = 0;
  let personCue = false;
  const nationality: Token[] = [];
  let role: Token[] | undefined;
  let place: Token[] | undefined;
  for (;;) {
    const rest = tokens.slice(i);
    const p = place || nationality.length ? 0 : placeBeforeRole(rest);
    if (p > 0) {
      place = rest.slice(0, p);
      i += p;
      continue;
    }
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
  return { core: tokens.slice(i), personCue, role, nationality, place };
}

function initialsMatch(tokens: Token[]): boolean {
  return tokens.length === 1 && isAcronym(tokens[0].text);
}

/** Types a cleaned name span from its words, compromise's tags and its neighbours. */
export function classify(core: Token[], before: Token | undefined, after: Token | undefined, personCue: boolean, caseless: boolean): { type?: NameType; canonical?: string; guessed?: boolean } {
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
  // "In Nice Tony Molina": one word after "in" that could be a given name is more often the place.
  if (person === core.length) return core.length === 1 && before && PLACE_PREPOSITIONS.has(before.normal) ? { type: 'place', guessed: true } : { type: 'person', guessed: core.length === 1 };
  if (place === core.length) return { type: 'place' };
  if (!caseless && initialsMatch(core)) return { type: 'organization' };
  if (after && SPEECH_VERBS.has(after.normal) && looksLikeName(core)) return { type: 'person', guessed: true };
  if (before && (before.normal === 'said' || before.normal === 'says') && looksLikeName(core)) return { type: 'person', guessed: true };
  if (person > 0 && looksLikeName(core)) return { type: 'person' };
  if (place > 0) return { type: 'place' };
  if (before && PLACE_PREPOSITIONS.has(before.normal) && core.length <= 3) return { type: 'place', guessed: true };
  return {};
}

/** A lowercase role right before a name: "coach Berti Vogts", "spokesman John Smith". */
export function roleBefore(tokens: Token[], at: number): Token[] | undefined {
  let i = at - 1;
  if (i < 0 || !ROLE_HEADS.has(tokens[i].normal) || UPPER.test(tokens[i].text) || tokens[i].post.trim() !== '') return undefined;
  while (i > 0 && (ROLE_MODIFIERS.has(tokens[i - 1].normal) || ROLE_HEADS.has(tokens[i - 1].normal)) && tokens[i - 1].post.trim() === '') i--;
  return tokens.slice(i, at);
}

/** An appositive role after a name: "Sergei Lavrov, Russia's foreign minister,". */
export function roleAfter(tokens: Token[], at: number): Token[] | undefined {
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

/** Length of a demonym or group word at the start of `tokens` ("South Korean" is two), 0 if none. */
export function demonymPrefix(tokens: Token[]): number {
  if (tokens.length > 1 && tokens[0].post.trim() === '' && DEMONYMS.has(`${bareKey(tokens[0])} ${bareKey(tokens[1])}`)) return 2;
  const k = bareKey(tokens[0]);
  return tokens.length > 0 && (DEMONYMS.has(k) || GROUP_WORDS.has(k)) ? 1 : 0;
}

function nationality(s: SentenceScan, tokens: Token[]): void {
  const span = textOf(s.text, tokens);
  const key = lookupKey(span.text);
  const place = DEMONYMS.get(key) ?? GROUP_WORDS.get(key);
  s.extras.push({ type: 'nationality', ...span, name: span.text.replace(/\s+/g, ' '), ...(place ? { place } : {}) });
}

/**
 * A wire dateline: a line opening in capitals with the date or the agency after it ("BONN
 * 1996-08-22", "MOSCOW (Reuters) -", "LA CORUNA, Spain"): it names where the story was filed.
 */
function isDateline(s: SentenceScan, from: number, to: number): boolean {
  const { text, tokens } = s;
  if (s.caseless || to - from > 3 || to >= tokens.length) return false;
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

/** Cleans one run of name words (peeling roles, titles and nationalities), types it and records it. */
export function segment(s: SentenceScan, from: number, to: number, weak: boolean): void {
  const { text, tokens, extras } = s;
  const run = tokens.slice(from, to);
  const whole = gazetteerHit(run);
  if (!whole && demonymPrefix(run) === run.length) {
    nationality(s, run);
    return;
  }
  const last = bareKey(run[run.length - 1]);
  // Events, competitions and holidays ("World Cup", "Labor Day") are none of our name types.
  if (!whole && run.length > 1 && EVENT_SUFFIXES.has(last)) return;
  const peeled: Peeled = whole || ORG_SUFFIXES.has(last) ? { core: run, personCue: false, nationality: [] } : peel(run);
  if (peeled.nationality.length) nationality(s, peeled.nationality);
  if (peeled.place) s.candidates.push({ tokens: peeled.place, ...textOf(text, peeled.place), type: 'place', canonical: gazetteerHit(peeled.place)?.name, weak: false, caseless: s.caseless, guessed: false, orgCue: false, roles: [] });
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
  const typed = isDateline(s, from, to) ? { type: 'place' as const, canonical: gazetteerHit(core)?.name ?? titleCase(spanText(text, core)) } : classify(core, before, after, peeled.personCue || (!!lowerRole && looksLikeName(core)), s.caseless);
  const guessed = typed.guessed ?? false;
  let { type, canonical } = typed;
  if (type === 'place' && GAZETTEER.get(lookupKey(canonical ?? ''))?.kind !== 'country' && !core.some((t) => t.tags.has('Country')) && isTeamContext(before, after)) {
    type = 'organization';
    canonical = undefined;
  }
  if (type === 'person') roles.push(...personRoles(text, tokens, lowerRole, to, extras));
  const span = textOf(text, core);
  s.candidates.push({ tokens: core, ...span, type, canonical, weak: weak && !type, caseless: s.caseless, guessed, orgCue: hasOrgCue(core, before, after), roles });
}

/** A person's roles around the name: a lower-case role before it (also kept as a role mention) and an appositive after it. */
export function personRoles(text: string, tokens: Token[], lowerRole: Token[] | undefined, to: number, extras: Extra[]): string[] {
  const roles: string[] = [];
  if (lowerRole) {
    const r = textOf(text, lowerRole);
    extras.push({ type: 'role', ...r, name: r.text });
    roles.push(spanText(text, lowerRole));
  }
  const app = roleAfter(tokens, to);
  if (app) roles.push(spanText(text, app));
  return roles;
}

/** Words around a name that only a company or club has: "Yukos shares", "the oil firm Yukos". */
export function hasOrgCue(core: Token[], before: Token | undefined, after: Token | undefined): boolean {
  const possessive = /['’]s$/i.test(core[core.length - 1].text);
  return (!!after && ORG_CUES_AFTER.has(after.normal) && (possessive || after.normal !== 'chief')) || (!!before && ORG_CUES_BEFORE.has(before.normal) && !UPPER.test(before.text));
}

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside']);
