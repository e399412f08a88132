import countries from 'world-countries';
import { INTERNATIONAL_ORGANIZATIONS, REGIONS } from './lexicon';

/**
 * Gazetteers built once at load: countries (names, short forms, demonyms, capitals) from the
 * world-countries data package (mledoze/countries, ODbL), plus our curated international bodies
 * and world regions. Keys are `lookupKey` forms of the surface text.
 */

export type GazetteerType = 'place' | 'organization';

export interface GazetteerEntry {
  type: GazetteerType;
  /** Canonical name, e.g. "United States" for "U.S.". */
  name: string;
  kind: 'country' | 'city' | 'region' | 'organization';
}

const keys = new Map<string, string>();

/**
 * Case-folded, dot-free, typographic-apostrophe-free form used for every lexicon lookup. Asked for
 * every word of every name candidate and every token the tagger sees: words repeat, so keys are
 * kept (a bounded number).
 */
export function lookupKey(surface: string): string {
  let key = keys.get(surface);
  if (key === undefined) {
    if (keys.size >= 100_000) keys.clear();
    key = surface
      .normalize('NFKC')
      .replace(/[’‘]/g, "'")
      .replace(/\./g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    keys.set(surface, key);
  }
  return key;
}

/** Two-letter ISO codes are English words too often ("IN", "IT", "NO"); only these are news short forms. */
const SHORT_CODES = new Set(['US', 'UK']);
const LATIN = /^[A-Z][\p{Script=Latin}\s.'’()-]*$/u;

/** Names news writers use that the data package lists under another form. */
const EXTRA_COUNTRY_NAMES: [string, string][] = [
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  ['Turkey', 'Türkiye'],
  ['Czech Republic', 'Czechia'],
  ['Holland', 'Netherlands'],
  ['America', 'United States'],
  ['Korea', 'South Korea'],
  ['Swaziland', 'Eswatini'],
  ['Macedonia', 'North Macedonia'],
  ['East Timor', 'Timor-Leste'],
  ['Vatican', 'Vatican City'],
  ['U.S.A.', 'United States'],
  ['U.K.', 'United Kingdom'],
  ['Congo', 'DR Congo'],
  ['Bosnia', 'Bosnia and Herzegovina'],
  ['Trinidad', 'Trinidad and Tobago'],
  ['Surinam', 'Suriname'],
  ['Kazakstan', 'Kazakhstan'],
  ['Byelorussia', 'Belarus'],
  ['Belorussia', 'Belarus'],
  ['Moldavia', 'Moldova'],
  ['Kirghizia', 'Kyrgyzstan'],
  ['N. Korea', 'North Korea'],
  ['S. Korea', 'South Korea'],
  ['ROK', 'South Korea'],
];

/**
 * Countries the package does not list: the home nations of the United Kingdom (which field their
 * own national teams) and states that no longer exist but fill news archives.
 */
const OTHER_COUNTRIES: [string, string[]][] = [
  ['Soviet Union', ['USSR', 'U.S.S.R.']],
  ['Yugoslavia', ['Federal Republic of Yugoslavia']],
  ['Czechoslovakia', []],
  ['East Germany', []],
  ['West Germany', []],
  ['Zaire', []],
  ['England', []],
  ['Scotland', []],
  ['Wales', []],
  ['Northern Ireland', []],
];

const EXTRA_DEMONYMS: [string, string][] = [
  ['Briton', 'United Kingdom'],
  ['Britons', 'United Kingdom'],
  ['English', 'United Kingdom'],
  ['Scottish', 'United Kingdom'],
  ['Welsh', 'United Kingdom'],
  ['Turkish', 'Türkiye'],
  ['Turk', 'Türkiye'],
  ['Turks', 'Türkiye'],
  ['Soviet', 'Russia'],
  ['Palestinians', 'Palestine'],
  ['Israelis', 'Israel'],
  ['Iraqis', 'Iraq'],
  ['Pakistanis', 'Pakistan'],
  ['Saudi', 'Saudi Arabia'],
  ['Saudis', 'Saudi Arabia'],
  ['Kiwi', 'New Zealand'],
  ['Filipino', 'Philippines'],
  ['Dutchman', 'Netherlands'],
  ['Frenchman', 'France'],
  ['Englishman', 'United Kingdom'],
  ['Scot', 'United Kingdom'],
  ['Scots', 'United Kingdom'],
];

/** Non-independent entries that would steal a shared demonym ("French" -> French Southern Lands). */
function demonymRank(c: (typeof countries)[number]): number {
  return (c.independent ? 2 : 0) + (c.unMember ? 1 : 0);
}

export const GAZETTEER = new Map<string, GazetteerEntry>();
export const DEMONYMS = new Map<string, string>();

/** Keys that some listed form writes as a word, not in capitals ("nato" from "Nato" would be one; "who" from WHO is not). */
const WORD_KEYS = new Set<string>();

function add(surface: string, entry: GazetteerEntry): void {
  const k = lookupKey(surface);
  if (!k) return;
  if (/\p{Ll}/u.test(surface)) WORD_KEYS.add(k);
  if (!GAZETTEER.has(k)) GAZETTEER.set(k, entry);
}

/** Whether every listed form of `key` is written in capitals: an acronym ("WHO", "US"), never a word. */
export function onlyInCapitals(key: string): boolean {
  return GAZETTEER.has(key) && !WORD_KEYS.has(key);
}

(function build(): void {
  const demonymOwner = new Map<string, number>();
  for (const c of countries) {
    const name = c.name.common;
    const entry: GazetteerEntry = { type: 'place', name, kind: 'country' };
    add(name, entry);
    if (LATIN.test(c.name.official)) add(c.name.official, entry);
    for (const alt of c.altSpellings) {
      if (alt.length === 2 && !SHORT_CODES.has(alt)) continue;
      if (!LATIN.test(alt) || alt.includes(',')) continue;
      add(alt, entry);
      // "US" is written "U.S." just as often; the dotted form keys to the same entry.
      if (/^[A-Z]{2,4}$/.test(alt)) add(alt.split('').join('.') + '.', entry);
    }
    for (const cap of c.capital ?? []) if (LATIN.test(cap)) add(cap, { type: 'place', name: cap, kind: 'city' });
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const form of new Set([...dem.m.split(','), ...dem.f.split(',')].map((s) => s.trim()).filter(Boolean))) {
        const rank = demonymRank(c);
        const k = lookupKey(form);
        if ((demonymOwner.get(k) ?? -1) >= rank) continue;
        demonymOwner.set(k, rank);
        DEMONYMS.set(k, name);
        // Plural nouns for people: "Russians", "Israelis".
        if (/(?:an|i)$/.test(form)) DEMONYMS.set(`${k}s`, name);
      }
    }
  }
  for (const [alt, name] of EXTRA_COUNTRY_NAMES) add(alt, { type: 'place', name, kind: 'country' });
  for (const [name, forms] of OTHER_COUNTRIES) for (const f of [name, ...forms]) add(f, { type: 'place', name, kind: 'country' });
  for (const [form, name] of EXTRA_DEMONYMS) if (!DEMONYMS.has(lookupKey(form))) DEMONYMS.set(lookupKey(form), name);
  for (const [name, forms] of REGIONS) for (const f of [name, ...forms]) add(f, { type: 'place', name, kind: 'region' });
  for (const [name, forms] of INTERNATIONAL_ORGANIZATIONS) for (const f of [name, ...forms]) add(f, { type: 'organization', name, kind: 'organization' });
})();

/** Longest number of tokens a gazetteer name has, to bound the lookups. */
export const MAX_GAZETTEER_TOKENS = Math.max(...[...GAZETTEER.keys()].map((k) => k.split(' ').length));

/**
 * The first words of the gazetteer's names of more than one word, each with its continuations: "new",
 * "new york" and "new south" are prefixes, so a lookup stops as soon as the words seen so far
 * start no name.
 */
export const GAZETTEER_PREFIXES = new Set(
  [...GAZETTEER.keys()].flatMap((k) => {
    const parts = k.split(/(?<=[ -])/);
    return parts.slice(0, -1).map((_, n) => parts.slice(0, n + 1).join('').replace(/[ -]$/, ''));
  }),
);

/** First words of the gazetteer names of more than one word: a run starting with another word needs no lookups. */
export const GAZETTEER_FIRST_WORDS = new Set([...GAZETTEER.keys()].filter((k) => /[ -]/.test(k)).map((k) => k.split(/[ -]/)[0]));
