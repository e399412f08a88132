import type { LocalEntity, LocalMention, TypeEvidence } from './analysis';
import { entityKey } from './entities';
import type { GazetteerEntry } from './gazetteer';
import { GAZETTEER, lookupKey } from './gazetteer';
import { lexiconTags } from './nlp';
import { SPACED_ARABIC_ARTICLE } from './names/candidate';
import { BODY_NAME_ENDINGS, CLUB_CUES_AFTER, HONORIFICS, NAME_SUFFIX_WORDS, ORG_ONLY_CUES_AFTER, ORG_CUES_BEFORE, ORG_SUFFIXES, PERSON_CUES_AFTER, PERSON_ROLE_CUES, PERSON_TITLES, PLACE_NOUNS_BEFORE_OF, PLACE_VERBS_BEFORE, ROLE_HEADS } from './lexicon';

/**
 * What the corpus merge needs from an article beyond the recogniser's names and types, read from
 * the text around each mention, so it holds whichever recogniser found the names:
 * - cues to a name's type: "Mr Trump", "Trump, 71,", "Trump's wife" say person; "shares of Tesla",
 *   "Tesla's shareholders", "carmaker Tesla" say organization; "based in Jordan", "Panama-based",
 *   "the town of Chibok" say place. ("Tesla said" says nothing: people and companies both say things.)
 *   The merge pools them over the corpus to type a name once (index/identity.ts);
 * - hyphenated given names the recogniser cut short: "Kim Jong" before "-un" is "Kim Jong-un";
 * - names the gazetteer lists that a recogniser took for a short form of a person's name: "UN"
 *   in a line of capitals is the United Nations, not the end of "Kim Jong Un";
 * - no name runs across a dash between spaces ("WHAT WE KNOW - Sneak peek"), and a participle opening
 *   a sentence is no name ("Following these claims"): such mentions are dropped;
 * - an acronym the article defines ("the Benavista Bowls Club (BBC)") stands for its expansion
 *   everywhere in the article, even where a gazetteer knows another body of that acronym.
 */
export function withEntityEvidence(text: string, entities: LocalEntity[], mentions: LocalMention[]): { entities: LocalEntity[]; mentions: LocalMention[] } {
  const completed = completeHyphenatedNames(text, entities, withoutNonNames(text, entities, mentions));
  const defined = withDefinedAcronyms(text, completed.entities, completed.mentions);
  const separated = withListedNamesApart(defined.entities, defined.mentions);
  const mentioned = new Set(separated.mentions.map((m) => m.key));
  for (const e of separated.entities) if (e.place) mentioned.add(e.place);
  const kept = separated.entities.length === mentioned.size ? separated.entities : separated.entities.filter((e) => mentioned.has(e.key));
  addTypeCues(text, kept, separated.mentions);
  for (const e of kept) if ((e.type === 'organization' || e.type === 'place') && isPlaceName(e.name)) e.placeName = true;
  return { entities: kept, mentions: separated.mentions };
}

/** "Name (ACRONYM)": the acronym's letters in order among the name's, its first letter the name's. */
const DEFINITION = /^\s*\(\s*((?:[A-Z][A-Za-z0-9&]{1,9})|(?:[A-Z]\.){2,6})\s*\)/;

function spells(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const source = name.toLowerCase();
  if (!letters || letters[0] !== source[0]) return false;
  let at = 0;
  for (const c of letters) {
    at = source.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Every mention of an acronym the article defines after a name becomes a mention of that name. */
function withDefinedAcronyms(text: string, entities: LocalEntity[], mentions: LocalMention[]): { entities: LocalEntity[]; mentions: LocalMention[] } {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const meaning = new Map<string, string>();
  for (const m of mentions) {
    const named = byKey.get(m.key);
    if (!named || !NAME_TYPES.has(named.type)) continue;
    const def = DEFINITION.exec(text.slice(m.end, m.end + 24));
    if (!def || def[1] === m.text || !spells(def[1], m.text)) continue;
    const acronym = def[1];
    const taken = mentions.find((x) => x.text === acronym && x.start > m.end && x.start < m.end + def[0].length);
    if (taken && !meaning.has(taken.key) && taken.key !== m.key) meaning.set(taken.key, m.key);
  }
  if (meaning.size === 0) return { entities, mentions };
  const out = new Map(byKey);
  const moved = mentions.map((m) => {
    const into = meaning.get(m.key);
    if (!into) return m;
    const e = out.get(into) as LocalEntity;
    if (m.text !== e.name && !e.aliases.includes(m.text)) out.set(into, { ...e, aliases: [...e.aliases, m.text] });
    return { ...m, key: into };
  });
  for (const key of meaning.keys()) out.delete(key);
  return { entities: [...out.values()], mentions: moved };
}

/**
 * Mentions of people, bodies and places that are no names are left out (and the entities left
 * without any, by the caller): one across a spaced dash (but the Arabic article's, "Muqtada al -
 * Sadr"), or a participle opening a sentence before
 * an article, a pronoun or a preposition ("Following these claims", "According to").
 */
function withoutNonNames(text: string, entities: LocalEntity[], mentions: LocalMention[]): LocalMention[] {
  const names = new Set(entities.filter((e) => NAME_TYPES.has(e.type)).map((e) => e.key));
  const notName = (m: LocalMention): boolean =>
    names.has(m.key) &&
    (SPACED_DASH.test(m.text.replace(SPACED_ARABIC_ARTICLE, '')) || (PARTICIPLE.test(m.text) && SENTENCE_START.test(text.slice(Math.max(0, m.start - 4), m.start)) && FUNCTION_WORD_AFTER.test(text.slice(m.end, m.end + 12))));
  return mentions.some(notName) ? mentions.filter((m) => !notName(m)) : mentions;
}

const SPACED_DASH = /\s[-–—]\s/;
const PARTICIPLE = /^\p{Lu}\p{Ll}{3,}ing$/u;
const SENTENCE_START = /(?:^|[.!?]["”’]?\s+|\n\s*)$/;
const FUNCTION_WORD_AFTER = /^\s+(?:the|a|an|these|those|this|that|his|her|their|its|our|to|on|in|with|by|from|for)\b/;

/**
 * Mentions of a person written as a body or an acronym the gazetteer lists ("UN", "EU", "US")
 * become mentions of that body or place. A listed word that is also a name ("Jordan", "Paris")
 * stays the person's.
 */
function withListedNamesApart(entities: LocalEntity[], mentions: LocalMention[]): { entities: LocalEntity[]; mentions: LocalMention[] } {
  const people = new Map(entities.filter((e) => e.type === 'person').map((e) => [e.key, e]));
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const listedOf = (m: LocalMention): GazetteerEntry | undefined => {
    const person = people.get(m.key);
    const surface = m.text.replace(/\s+/g, ' ');
    if (!person || surface === person.name) return undefined;
    const listed = GAZETTEER.get(lookupKey(surface));
    return listed && (listed.type === 'organization' || /^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,6})$/.test(surface)) ? listed : undefined;
  };
  if (!mentions.some((m) => listedOf(m))) return { entities, mentions };
  const out = new Map(byKey);
  const moved = mentions.map((m) => {
    const listed = listedOf(m);
    if (!listed) return m;
    const surface = m.text.replace(/\s+/g, ' ');
    const key = entityKey(listed.type, listed.name);
    const known = out.get(key);
    if (!known) out.set(key, { key, type: listed.type, name: listed.name, aliases: surface === listed.name ? [] : [surface], roles: [] });
    else if (surface !== known.name && !known.aliases.includes(surface)) out.set(key, { ...known, aliases: [...known.aliases, surface] });
    const person = out.get(m.key) as LocalEntity;
    out.set(m.key, { ...person, aliases: person.aliases.filter((a) => a !== surface) });
    return { ...m, key };
  });
  const mentioned = new Set(moved.map((m) => m.key));
  // A person left without mentions was only ever the listed name.
  for (const key of people.keys()) if (!mentioned.has(key)) out.delete(key);
  return { entities: [...out.values()], mentions: moved };
}

const NAME_TYPES = new Set(['person', 'organization', 'place']);

/** Words before a name that companies and people both take ("rival Samsung", "rival Nico Rosberg"). */
const PERSON_OR_ORG_BEFORE = new Set(['rival', 'rivals', 'side', 'group', 'producer', 'label']);

/** The word right before `at`, across a full stop and spaces ("Mr. Smith" and "Mr Smith" both give "Mr"). */
function wordBefore(text: string, at: number): string {
  return /(\p{L}[\p{L}'’-]*)\.?\s+$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '';
}

/** What the text around one mention says its type is, if anything. */
export function typeCueAt(text: string, start: number, end: number): keyof TypeEvidence | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  const written = wordBefore(text, start);
  const prev = written.toLowerCase();
  // A name that is a body's by its last word takes no cue to a person: in "the San Francisco Police
  // Department said he may have been detained" "he" is someone else, and bodies have lawyers too
  // ("Blackground Records' lawyer").
  const last = text.slice(start, end).replace(/^.*\s/s, '').replace(/['’]s?$/, '').toLowerCase();
  const bodyByName = ORG_SUFFIXES.has(last) || BODY_NAME_ENDINGS.has(last);
  if (/^['’]s? /.test(after)) {
    const owned = /^['’]s? (\p{L}+)/u.exec(after)?.[1].toLowerCase() ?? '';
    if (PERSON_CUES_AFTER.has(owned) && !bodyByName) return 'person';
    if (ORG_ONLY_CUES_AFTER.has(owned)) return 'organization';
  }
  if ((HONORIFICS.has(prev) || PERSON_ROLE_CUES.has(prev)) && !bodyByName) return 'person';
  // The title inside the mention says it too ("Mr Houston" is a person, whatever Houston the city is).
  const own = /^(\p{L}+)\.?\s+\p{Lu}/u.exec(text.slice(start, end))?.[1].toLowerCase();
  if (own !== undefined && PERSON_TITLES.has(own)) return 'person';
  if (!bodyByName && (/^,\s*(?:\d{1,3},|who\b|whose\b)/.test(after) || /^\s+(?:said|says|told|added|wrote|tweeted)(?: that)? (?:he|she)\b/.test(after))) return 'person';
  // "carmaker Tesla", but not "Bank" ending another name ("Deutsche Bank Tesla").
  if (ORG_CUES_BEFORE.has(prev) && !PERSON_OR_ORG_BEFORE.has(prev) && written === prev) return 'organization';
  if (/\b(?:shares?|stakes?) (?:of|in)\s+$/i.test(before)) return 'organization';
  // "Tesla shares", "Amazon employees", "Uber CEO Dara Khosrowshahi": in CoNLL-2003's training
  // data every one of the 36 names before such a word is a body's.
  if (/^\s+(?:shares|stock|employees|executives|shareholders|customers|CEO|ceo|founder|co-founder|chairman|board)\b/.test(after)) return 'organization';
  const next = /^\s+([\p{Ll}-]+)\s+\p{Lu}/u.exec(after)?.[1];
  if (next !== undefined && CLUB_CUES_AFTER.has(next)) return 'organization';
  // "an analyst at Goldman Sachs", "director of product at Ask Jeeves": where a role is held, a body
  // (13 of the 15 names in CoNLL-2003's training data; the others a hospital and a nursing home).
  const post = /((?:\p{Ll}[\p{Ll}-]*\s+){1,4})at\s+$/u.exec(before)?.[1].trim().split(/\s+/);
  if (post && post.some((w) => ROLE_HEADS.has(w))) return 'organization';
  const locative = /(\p{L}+) in\s+$/u.exec(before)?.[1].toLowerCase();
  if (/^-(?:based|born)\b/.test(after) || (locative && PLACE_VERBS_BEFORE.has(locative) && !/^['’]/.test(after))) return 'place';
  const area = /(\p{L}+) of\s+$/u.exec(before)?.[1].toLowerCase();
  if (area && PLACE_NOUNS_BEFORE_OF.has(area)) return 'place';
  // "Sichuan province", "the US embassy", "Washington state": in CoNLL-2003's training data the 41
  // names (not nationality words) before one of these words in lower case are all places.
  if (/^\s+(?:province|embassy|state|region)\b/.test(after)) return 'place';
  return undefined;
}

const LEXICON_PLACE_TAGS = new Set(['Place', 'City', 'Region', 'Country']);

/** Whether the gazetteer or compromise's lexicon knows the name as a place's. */
function isPlaceName(name: string): boolean {
  const key = lookupKey(name);
  return GAZETTEER.get(key)?.type === 'place' || lexiconTags(key).some((t) => LEXICON_PLACE_TAGS.has(t));
}

/** Counts the type cues of every name's mentions into its `cues`. */
function addTypeCues(text: string, entities: LocalEntity[], mentions: LocalMention[]): void {
  const byKey = new Map(entities.filter((e) => NAME_TYPES.has(e.type)).map((e) => [e.key, e]));
  for (const m of mentions) {
    const e = byKey.get(m.key);
    if (!e) continue;
    const cue = typeCueAt(text, m.start, m.end);
    if (!cue) continue;
    e.cues ??= {};
    e.cues[cue] = (e.cues[cue] ?? 0) + 1;
  }
}

/**
 * "-un" after "Kim Jong", "-in" after "Moon Jae": a short lower-case syllable hyphened to the last
 * word of a person's name is the rest of a given name. Suffixes that make an adjective of a name
 * ("Trump-era", "Kim-led") are not.
 */
const HYPHEN_SYLLABLE = /^-(\p{L}\p{Ll}{0,3})(?![\p{L}\p{N}-])/u;

function completeHyphenatedNames(text: string, entities: LocalEntity[], mentions: LocalMention[]): { entities: LocalEntity[]; mentions: LocalMention[] } {
  const renamed = new Map<string, string>();
  for (const e of entities) {
    if (e.type !== 'person' || !/\s\p{Lu}\p{Ll}{0,4}$/u.test(e.name)) continue;
    const own = mentions.filter((m) => m.key === e.key && m.text.replace(/\s+/g, ' ') === e.name);
    const suffixes = new Set(own.map((m) => HYPHEN_SYLLABLE.exec(text.slice(m.end, m.end + 8))?.[1]));
    const [suffix] = suffixes;
    if (suffixes.size !== 1 || !suffix || NAME_SUFFIX_WORDS.has(suffix.toLowerCase())) continue;
    renamed.set(e.key, `${e.name}-${suffix}`);
  }
  if (renamed.size === 0) return { entities, mentions };
  const keyOf = new Map<string, string>();
  const out = new Map<string, LocalEntity>();
  for (const e of entities) {
    const name = renamed.get(e.key);
    const key = name ? entityKey(e.type, name) : e.key;
    keyOf.set(e.key, key);
    const into = out.get(key);
    if (into) {
      for (const a of [e.name, ...e.aliases]) if (a !== into.name && !into.aliases.includes(a)) into.aliases.push(a);
      for (const r of e.roles) if (!into.roles.includes(r)) into.roles.push(r);
    } else {
      out.set(key, name ? { ...e, key, name, aliases: e.aliases.filter((a) => a !== name) } : e);
    }
  }
  for (const e of out.values()) if (e.place) e.place = keyOf.get(e.place) ?? e.place;
  const completedMentions = mentions.map((m) => {
    const key = keyOf.get(m.key) ?? m.key;
    const name = renamed.get(m.key);
    if (!name || m.text.replace(/\s+/g, ' ') !== name.slice(0, name.lastIndexOf('-'))) return key === m.key ? m : { ...m, key };
    const end = m.end + name.length - name.lastIndexOf('-');
    return { key, start: m.start, end, text: text.slice(m.start, end) };
  });
  return { entities: [...out.values()], mentions: completedMentions };
}
