import type { EntityType } from '../../model/types';
import type { LocalEntity, LocalMention } from '../analysis';
import { aliasFits, initialsOf } from '../aliases';
import { lookupKey } from '../gazetteer';
import type { Candidate, EntityResult, Extra, NameType } from './candidate';
import { HAS_LOWER, PARTICLES, bareKey, isAcronym } from './candidate';
import { looksLikeName } from './classify';

/**
 * The rule layer's last stage: candidates become the article's entities. Names are joined within
 * the article (surnames to the one full name they fit, acronyms to their expansion), untyped names
 * take the type the article gives the same name elsewhere, and every mention is recorded.
 */

function tokenKeys(c: Candidate): string[] {
  return c.tokens.map(bareKey).filter((k) => !PARTICLES.has(k));
}

/**
 * The last words of full names. Those of the people an article names in full in capitals are
 * surnames wherever the article writes them in capitals alone, as transcripts name their speakers
 * ("ARI SHAPIRO, HOST: ..." then "SHAPIRO: Do we expect ..."), not acronyms ("intermediate-range
 * ballistic missile (IRBM)" stays one beside a tagger's "N. Korean IRBM").
 */
function surnamesOf(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) out.add(name.slice(name.lastIndexOf(' ') + 1));
  return out;
}

/** Joins candidates into article entities: canonical names, surnames, acronyms, types for the unknown. */
export function resolve(text: string, candidates: Candidate[], extras: Extra[]): EntityResult {
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
  const fullNames = new Set([...people.keys()].filter((k) => k.includes(' ')));
  const shoutedSurnames = surnamesOf([...fullNames].filter((k) => people.get(k)?.some((c) => !HAS_LOWER.test(c.text))));
  const fits = aliasFits(fullNames);
  const orgsAndPlaces = candidates.filter((c) => c.type === 'organization' || c.type === 'place');

  for (const c of candidates) {
    const keys = tokenKeys(c);
    const own = keys.join(' ');
    const single = c.tokens.length === 1 && (c.caseless || !isAcronym(c.text) || shoutedSurnames.has(own));
    if ((c.type === 'person' || !c.type || single) && !fullNames.has(own)) {
      const found = fits(keys, c.type === 'organization' || c.type === 'place');
      const target = found.length === 1 ? found[0] : undefined;
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
    if ((!c.type || c.type === 'organization') && !c.caseless && isAcronym(c.text) && !c.canonical) {
      const letters = c.text.replace(/\./g, '');
      const exp = orgsAndPlaces.find((o) => o !== c && o.tokens.length > 1 && initialsOf(o.canonical ?? o.text) === letters);
      if (exp) {
        c.type = exp.type;
        c.canonical = exp.canonical ?? exp.text;
      }
    }
    // "The Falcon Heavy": a person's name seldom follows "the"; a product's or a vessel's does.
    if (!c.type && !c.weak && c.tokens.length > 1 && looksLikeName(c.tokens) && !/\bthe\s+$/i.test(text.slice(Math.max(0, c.start - 4), c.start))) c.type = 'person';
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

export function entityKey(type: EntityType, name: string): string {
  return `${type}:${name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;
}
