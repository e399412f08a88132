import { DEMONYMS, GAZETTEER, MAX_GAZETTEER_TOKENS, lookupKey, onlyInCapitals } from './gazetteer';
import type { Span } from '../model/types';
import type { ParsedSentence, Token } from './nlp';
import { lexiconEntries, lexiconTags } from './nlp';
import { AMBIGUOUS } from './plugin';
import { BODY_NAME_ENDINGS, NON_NAME_ACRONYMS, ORG_HEADS, ORG_SUFFIXES, PERSON_TITLES, PLACE_HEADS, ROLE_HEADS, STATES_AND_PROVINCES, THING_ACRONYMS } from './lexicon';
import { prepareArticle } from './ner/features';
import { hashString } from './ner/hash';
import type { NerType } from './ner/labels';
import type { Scorer } from './ner/model';
import { nerModel } from './ner/recogniser';
import type { TaggedSpan } from './ner/tagger';
import { decodeArticle, spansOf } from './ner/tagger';
import type { Candidate, EntityResult, Extra, NameType } from './names/candidate';
import { HAS_LOWER, PARTICLES, UPPER, bare, bareKey, gazetteerHit, isArabicArticle, textOf } from './names/candidate';
import { hasOrgCue, looksLikeName, personRoles, roleBefore } from './names/classify';
import { resolve } from './names/resolve';
import { ruleCandidates } from './names/scan';
import { isWeekday, isWeekdayWord } from './time';

/**
 * Entity extraction: which words name people, organizations and places is decided by the trained
 * tagger (ner/), reading the tokens of the article's one compromise parse; the rule layer (names/)
 * finds roles, nationalities and dates, gives its own reading of every token to the tagger as a
 * feature, and joins the names within the article (surnames to full names, acronyms to expansions).
 */

export type { EntityResult } from './names/candidate';
export { entityKey } from './names/resolve';

const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/**
 * Legal forms that close a company's name after a comma ("Cargill, Inc."). Fewer than the merge's
 * (index/identity.ts): after a comma "Co" opens an Irish county ("Ballybunion, Co Kerry"), "SA" is
 * South Africa and "Spa" a town.
 */
const COMMA_LEGAL_FORMS = new Set(['inc', 'incorporated', 'ltd', 'llc', 'corp', 'plc', 'lp', 'llp']);

const TAGGED_TYPES: Record<NerType, NameType | undefined> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: undefined };

export interface EntityContext {
  /** The article's date, which relative dates resolve against. */
  date?: string | null;
  /** Where the article's headline stands (its title, and the body's copy of it): every word there is capitalised. */
  headlines?: readonly Span[];
}

/** Finds the entity mentions of an article in its tagged sentences. */
export function extractEntities(text: string, sentences: ParsedSentence[], context: EntityContext = {}, model: Scorer = nerModel()): EntityResult {
  const articleDate = context.date ?? null;
  const inHeadline = (n: number): boolean => (context.headlines ?? []).some((h) => sentences[n].start >= h.start && sentences[n].start < h.end);
  const rules = ruleCandidates(text, sentences, articleDate);
  const ruled = resolve(text, rules.candidates, rules.extras);
  const opinions = opinionsOf(sentences, ruled);
  const prepared = prepareArticle(sentences.map((s, n) => ({ tokens: s.tokens, opinions: opinions[n] })));
  const byEnd = new Map<number, Candidate>();
  for (const c of rules.candidates) if (c.type === 'person') byEnd.set(c.end, c);
  const bySpan = new Map(rules.candidates.map((c) => [`${c.start}:${c.end}:${c.type}`, c]));
  const candidates: Candidate[] = [];
  const extras: Extra[] = [];
  // The tagger's names, mended where it cuts or joins them wrongly, in this order.
  let spans = spansOf(decodeArticle(prepared, model));
  for (const mend of [cutAtSpacedDash, joinPlaceAndPlural, joinInstitutionOf, splitAtPluralPossessives, splitAtAnd, splitPlaceAndState, stateAfterComma]) spans = mend(sentences, spans);
  spans = cutAtLowercaseWord(sentences, splitAtRuleNames(sentences, spans, ruled));
  const roleChars = coverage(text.length, rules.extras.filter((x) => x.type === 'role'));
  const inRole = (t: Token): boolean => roleChars[t.start] === 1;
  const tagged = tokensOf(spans);
  const lowercase = lowercaseWords(sentences);
  const namedWords = wordsOfNames(sentences, spans, rules.candidates, inRole);
  const storms = new Set<string>();
  const legalForms = new Set<string>();
  for (const span of spans) {
    // The tagger may run on from a legal form a name before took in ("Inc said": "Inc" and what follows).
    const sp = legalForms.has(`${span.sentence}:${span.from}`) ? { ...span, from: span.from + 1 } : span;
    const tokens = sentences[sp.sentence].tokens;
    // "the Bush administration" is the president, whatever the tagger read; "Senior Vice President
    // of CCNG, Inc.": a thing's name closed by a legal form is a company's.
    const tagType = isPresidentsName(tokens, sp) ? 'person' : (TAGGED_TYPES[sp.type] ?? (closedByLegalForm(tokens, sp.to) ? 'organization' : undefined));
    if (!tagType || sp.from === sp.to) continue;
    if (isOpeningAdverb(tokens, sp) || isCommonWordOpening(tokens, sp, lowercase)) continue;
    const storm = stormName(tokens, sp.from, sp.to);
    if (storm !== undefined) {
      storms.add(storm);
      continue;
    }
    if (prepared[sp.sentence].mode === 'normal' && isEmphasis(tokens, sp)) continue;
    if (tokens.slice(sp.from, sp.to).some(isDrawnOut)) continue;
    const [wordsFrom, wordsTo] = wholeWords(tokens, sp.from, sp.to, (i) => tagged.has(`${sp.sentence}:${i}`));
    // "the Trump Administration revealed": a name ends on a capitalised word, or on a number after
    // one ("Apollo 11"), not on "fell 3" ("shares of Tesla fell 3 percent").
    let whole = wordsTo;
    while (whole > wordsFrom + 1 && !UPPER.test(tokens[whole - 1].text) && !(/\d/.test(tokens[whole - 1].text) && UPPER.test(tokens[whole - 2].text))) whole--;
    // What is left of "On Wednesday", or of "ask the Queen on Monday" (a role the rule layer read), is no name.
    const beforeDay = beforeWeekday(tokens, wordsFrom, whole, tagType);
    if (beforeDay < whole && (beforeDay === wordsFrom || (beforeDay - wordsFrom === 1 && inRole(tokens[wordsFrom])))) continue;
    whole = beforeContactLabels(text, tokens, wordsFrom, beforeDay);
    if (whole === wordsFrom) continue;
    // A role the rule layer found is never part of the name after it ("Secretary of State John
    // Kerry"), but may open an institution's ("Envoy Air", an airline), also where the tagger left
    // the role's capitalised words out ("operated by Envoy Air" gave "Air").
    let from = isFunctionWordOpening(tokens, wordsFrom, whole) ? wordsFrom + 1 : wordsFrom;
    if (!INSTITUTIONS.has(tokens[whole - 1].normal)) while (from < whole - 1 && (inRole(tokens[from]) || isPrimeMinister(tokens[from]))) from++;
    else while (from > 0 && inRole(tokens[from - 1]) && UPPER.test(tokens[from - 1].text) && isSpaceOnlyBetween(tokens[from - 1], tokens[from])) from--;
    // "Queen bassist John Deacon", "the Queen at Balmoral", "If we beat Burnley": a name starts
    // with no word in lower case but a particle ("al Qaeda"; brands' capitals inside a word,
    // "eBay", "iPod", count). What follows such words is kept only as a name of two words or more
    // opening with a capital: a single word left over is as often a place, a day or a nationality
    // glued to the tagger's run as the name it was meant to be.
    const opened = from;
    while (from < whole && LOWER_WORD.test(tokens[from].text) && !NAME_PARTICLES.has(tokens[from].normal) && !isArabicArticle(tokens, from)) from++;
    if (from > opened && (whole - from < 2 || !UPPER.test(tokens[from].text))) continue;
    let type = tagType;
    const opening = particlesOpening(tokens, from, type);
    if (from > wordsFrom && looksLikeName(tokens.slice(from, whole))) type = 'person';
    else if (from === wordsFrom && opening < from) {
      from = opening;
      type = 'person';
    }
    else if (whole - from > 1 && BODY_HEADS.has(tokens[whole - 1].normal) && (type === 'person' || (type === 'place' && isBodyReadAsPlace(tokens.slice(from, whole))))) type = 'organization';
    if (tokens.slice(from, whole).every((t) => HOLIDAYS.has(t.normal)) || isFeastEve(tokens, from, whole) || isNewYear(tokens, from, whole)) continue;
    if (isAward(tokens, from, whole)) continue;
    if (inTeamSlot(text, sentences[sp.sentence], tokens[from].start, tokens[whole - 1].end)) {
      type = gazetteerHit(tokens.slice(from, whole))?.kind === 'country' ? 'place' : 'organization';
    }
    // "Mrs Howard will make …": a name after Mr, Mrs, Sir or Dr is a person's, whatever else the tagger read.
    if (whole - from > 1 && isTitleWord(tokens[from])) type = 'person';
    // The name starts after its courtesy title ("Mr. Smith", "Dr Dorn", "Sir Anthony Quayle"): CoNLL-2003's
    // training data leaves 25 of its 26 such titles out of the name. "Lady Gaga" and "Miss Piggy" keep theirs.
    while (whole - from > 1 && isTitleWord(tokens[from]) && !TITLES_OF_NAMES.has(tokens[from].normal)) from++;
    if (prepared[sp.sentence].mode !== 'upper' && (prepared[sp.sentence].mode === 'title' || inHeadline(sp.sentence)) && !gazetteerHit(tokens.slice(from, whole))) {
      whole = headlineVerbAt(tokens, from, whole, type === 'person');
    }
    if (type === 'person') whole = personNameEnd(tokens, from, whole);
    if (type === 'person' && whole - from > 1 && isPronounAfterName(tokens, whole - 1)) whole--;
    if (type === 'person' && prepared[sp.sentence].mode === 'normal' && isLastSyllableLeftOut(tokens, from, whole, (i) => tagged.has(`${sp.sentence}:${i}`))) whole++;
    if (type === 'person' && hasDigits(tokens.slice(from, whole))) continue;
    // "IRA", "ICANN" read as people: in CoNLL-2003's training data no acronym standing alone in an
    // ordinary line is a person's name (589 of its 742 are bodies').
    if (type === 'person' && whole - from === 1 && prepared[sp.sentence].mode === 'normal' && /^\p{Lu}{2,5}$/u.test(tokens[from].text)) type = 'organization';
    if (type === 'person' && whole - from === 1 && isCommonWordAlone(tokens, from, namedWords)) continue;
    if (type === 'person' && isCommonWordsName(tokens.slice(from, whole), lowercase)) continue;
    if (type === 'person' && (prepared[sp.sentence].mode !== 'normal' || inHeadline(sp.sentence)) && hasCommonWord(tokens.slice(from, whole), lowercase)) continue;
    if (type === 'person' && prepared[sp.sentence].mode === 'normal' && isCutFromLongerName(tokens, from, whole, (i) => tagged.has(`${sp.sentence}:${i}`) || inRole(tokens[i]))) continue;
    // "The CSCE said": the article opening a sentence is not the name's unless the name is known so ("The Hague").
    if (from < whole - 1 && tokens[from].normal === 'the' && !gazetteerHit(tokens.slice(from, whole))) from++;
    // "Mr" alone ("Mr Champion." where the tagger left out the common-noun surname), "The" alone
    // (what is left of "The company"), "MPs", "(The) DVD": a title, a closed-class word, an
    // acronym's plural or an acronym for a thing is never a name by itself; nor is "A" left of
    // "BERLIN (AP) - A tourist ship has".
    if (whole - from === 1 && (isNeverANameAlone(tokens[from]) || isOneLetterOpening(tokens, from) || isCommonAcronym(tokens, from) || isStageDirection(tokens[from]) || isNumberedPart(tokens, from) || isDayInList(tokens, from) || isWorld(tokens[from]))) continue;
    // "the Korean peninsula", "Swiss authorities": a nationality word alone is no place or body (in
    // CoNLL-2003 training data, 8 of 1,505 such words are: "the Indians" of baseball, "( Czech").
    if (whole - from === 1 && type !== 'person' && isNationalityWord(tokens[from])) continue;
    // "John F. Kennedy Jr.": a generational suffix belongs to the person's name.
    let to = type === 'person' && GENERATIONS.has(tokens[whole]?.normal ?? '') && /^,?\s*$/.test(tokens[whole - 1].post) ? whole + 1 : whole;
    // "Cargill, Inc.", "CCNG, Inc said": a legal form after a comma closes the company's name (all
    // five in CoNLL-2003's training data are marked so), never a name of its own.
    if (closedByLegalForm(tokens, to)) {
      legalForms.add(`${sp.sentence}:${to}`);
      to++;
      type = 'organization';
    }
    const c = taggedCandidate(text, tokens, from, to, type, prepared[sp.sentence].mode !== 'normal', byEnd, extras);
    // The rule layer's canonical name for the same name ("BONN" in a dateline is Bonn).
    c.canonical ??= bySpan.get(`${c.start}:${c.end}:${c.type}`)?.canonical;
    candidates.push(c);
  }
  dropThingsNamedLikePeople(text, candidates);
  bodiesNamedLikePeople(candidates);
  // "Harvey dumped more rain": the storm's name alone, in the article that names the storm.
  for (let i = candidates.length - 1; i >= 0 && storms.size > 0; i--) {
    const c = candidates[i];
    if (c.type === 'person' && c.tokens.length === 1 && storms.has(c.tokens[0].normal)) candidates.splice(i, 1);
  }
  planetsArePlaces(candidates);
  // International bodies of our curated list ("G20", "BRICS") are organizations even where the
  // tagger, which saw few of them in training, left them out.
  const taken = coverage(text.length, candidates);
  const bodies = rules.candidates.filter((c) => c.type === 'organization' && c.canonical && GAZETTEER.get(lookupKey(c.canonical))?.kind === 'organization' && !covers(taken, c));
  cover(taken, bodies);
  const places = lowercasePlaces(text, sentences, taken);
  cover(taken, places);
  const countries = countryAbbreviations(sentences, tokensOf(spans.filter((sp) => sp.type === 'MISC' && sp.to - sp.from > 1)), taken);
  cover(taken, countries);
  candidates.push(...bodies, ...places, ...countries);
  for (const x of rules.extras) if (!covers(taken, x)) extras.push(x);
  return resolve(text, candidates, extras);
}

/** A team's name in a line of results (capitalised words, "1860 Munich"), then its country in brackets if given. */
const TEAM = String.raw`((?:\d{1,4}\s+)?\p{Lu}[^\s\d():]*(?:\s+\p{Lu}[^\s():]*)*)(?:\s*\([^()\n]{1,40}\))?`;
/**
 * A line of results: "Bahia 2 Atletico Paranaense 0", "Tirana: Flamurtari Vlore (Albania) 0 Chemlon
 * Humenne (Slovakia) 2", "Newcastle 2-1 Bolton". The names in it are teams: clubs, or national
 * teams where the gazetteer lists the name as a country. CoNLL-2003's training data marks 1,263 of
 * the 1,272 name words of such lines as teams.
 */
const SCORE_LINE = new RegExp(`^(?:[^:\\n]{1,40}:\\s*)?${TEAM}\\s+(?:\\d{1,3}\\s+${TEAM}\\s+\\d{1,3}|\\d{1,3}\\s*[-–]\\s*\\d{1,3}\\s+${TEAM})(?:\\s*\\(.*)?\\s*$`, 'du');
const teamSlots = new WeakMap<ParsedSentence, [number, number][]>();

function inTeamSlot(text: string, sentence: ParsedSentence, start: number, end: number): boolean {
  let slots = teamSlots.get(sentence);
  if (!slots) {
    const m = SCORE_LINE.exec(text.slice(sentence.start, sentence.end));
    slots = [];
    for (const g of [1, 2, 3]) {
      const at = m?.indices?.[g];
      if (at) slots.push([sentence.start + at[0], sentence.start + at[1]]);
    }
    teamSlots.set(sentence, slots);
  }
  return slots.some(([a, b]) => start >= a && end <= b);
}

/**
 * Listed places whose names are also English words, and so are the word when written in lower case:
 * those our lexicon plugin does not force to a name, and more.
 */
const PLACES_THAT_ARE_WORDS = new Set([
  ...AMBIGUOUS,
  'island', 'jersey', 'reunion', 'the bottom', 'man', 'male', 'nice', 'reading', 'bath', 'mobile', 'victoria', 'far east',
  'wales', 'japan', 'panama', 'guernsey', 'cork', 'split', 'orange', 'march', 'may',
  // compromise's cities and regions that are also things or first names.
  'chile', 'cayenne', 'cologne', 'lima', 'mecca', 'para', 'phoenix', 'stanley', 'hamilton', 'douglas', 'windsor',
  'kingston', 'salem', 'vaughn', 'guadalupe', 'surrey', 'dunkirk', 'rio', 'essex', 'holland', 'sucre',
]);

/**
 * Place names known in lower case: the gazetteer's places and compromise's own cities, regions and
 * countries that its lexicon knows as nothing else ("chicago", "san francisco", "kerala"; not
 * "mobile" or "reading"), with the name each stands for; words of three letters or fewer are left
 * to the gazetteer ("usa" is the United States, not "Usa").
 */
interface LowerPlaces {
  names: Map<string, string>;
  /** The first words of the names, which turn nearly every other word away at once. */
  firstWords: Set<string>;
  /** Every beginning of a name of several words that ends before one of its spaces. */
  prefixes: Set<string>;
}

let lowerPlaces: LowerPlaces | undefined;

const LEXICON_PLACE = new Set(['City', 'Region', 'Country']);
const PLACE_ONLY = new Set([...LEXICON_PLACE, 'Place', 'ProperNoun']);

function lowerPlaceNames(): LowerPlaces {
  const names = new Map<string, string>();
  for (const [key, e] of GAZETTEER) if (e.type === 'place' && !onlyInCapitals(key)) names.set(key, e.name);
  for (const [word, tags] of lexiconEntries()) {
    if (!tags.some((t) => LEXICON_PLACE.has(t)) || !tags.every((t) => PLACE_ONLY.has(t))) continue;
    const key = lookupKey(word);
    if (key.length > 3 && !names.has(key)) names.set(key, word.replace(/(^|[ -])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()));
  }
  const prefixes = new Set<string>();
  for (const key of names.keys()) for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) prefixes.add(key.slice(0, at));
  return { names, firstWords: new Set([...names.keys()].map((k) => k.split(' ')[0])), prefixes };
}

/** Words before which a lower-case word is a common noun or part of one ("the island", "his china", "air asia"). */
const NOUN_OPENERS = ['Determiner', 'Possessive', 'Adjective', 'Value', 'Noun'];

/**
 * "we moved to mexico", "flights to san francisco": web text writes place names in lower case,
 * where the tagger, trained on edited news, sees no name. A run of lower-case words that is a
 * listed country, region or city, and not also an English word or a nationality, is that place,
 * unless a determiner, an adjective or a noun before it makes it a noun or part of one. Edited
 * news writes such names in capitals, so there the rule finds nothing.
 */
function lowercasePlaces(text: string, sentences: ParsedSentence[], taken: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const places = (lowerPlaces ??= lowerPlaceNames());
  const plain = (t: Token): boolean => /^\p{Ll}+$/u.test(t.text) && !/[#@/\\]$/.test(t.pre) && !/^(?:[@/\\]|\.\p{L})/u.test(t.post);
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      // Most words of any text are in lower case: one lookup turns nearly all of them away.
      if (!places.firstWords.has(tokens[i].text)) continue;
      const before = tokens[i - 1];
      if (!plain(tokens[i]) || (before && NOUN_OPENERS.some((tag) => before.tags.has(tag)) && !gazetteerHit([before]))) continue;
      let words = '';
      let match: { to: number; name: string } | undefined;
      for (let k = i; k < tokens.length && k - i < MAX_GAZETTEER_TOKENS && plain(tokens[k]); k++) {
        words = words ? `${words} ${tokens[k].text}` : tokens[k].text;
        const key = lookupKey(words);
        const name = places.names.get(key);
        if (name !== undefined && !DEMONYMS.has(key) && !PLACES_THAT_ARE_WORDS.has(words)) match = { to: k + 1, name };
        if (!places.prefixes.has(key)) break;
      }
      if (!match) continue;
      const run = tokens.slice(i, match.to);
      const place = { start: run[0].start, end: run[run.length - 1].end };
      if (!covers(taken, place)) {
        out.push(listedPlace(run, place, text.slice(place.start, place.end), match.name));
      }
      i = match.to - 1;
    }
  }
  return out;
}

/** The tokens of the spans, as "sentence:token". */
function tokensOf(spans: readonly TaggedSpan[]): Set<string> {
  return new Set(spans.flatMap((sp) => Array.from({ length: sp.to - sp.from }, (_, k) => `${sp.sentence}:${sp.from + k}`)));
}

/** A place of our lists that a rule found where the tagger saw none. */
function listedPlace(tokens: Token[], at: Span, text: string, canonical: string): Candidate {
  return { tokens, ...at, text, type: 'place', canonical, weak: false, caseless: false, guessed: false, orgCue: false, roles: [] };
}

/** A word of two to four capitals, dots allowed: "US", "U.K.", "UAE", "DPRK". */
const ABBREVIATION = /^(?:\p{Lu}\.?){2,4}$/u;

/**
 * "the US state of Nevada", "Initial US assessments": a country's abbreviation in capitals (US,
 * U.K., UAE, DPRK) is that country wherever the tagger left it out. In CoNLL-2003's training data
 * every one of the 413 such words is inside a name; the tagger, which saw "U.S." there but "US" six
 * times, leaves some out, and a retrained model leaves out others. Words in capitals get no guard
 * for the pronoun ("TELL US THE TRUTH"): the tagger reads "US" there as the country already, so a
 * guard changed nothing on news-cluster or BBC.
 */
function countryAbbreviations(sentences: ParsedSentence[], inLongerNames: ReadonlySet<string>, taken: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  sentences.forEach(({ tokens }, n) => {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const word = bare(t);
      // Inside a longer name of another kind ("the U.S. Open"), it is that name's; the tagger's
      // reading of the word alone as such a name ("US citizens") is its mistake: none of the 38 in
      // the training data stands alone.
      if (!ABBREVIATION.test(word) || inLongerNames.has(`${n}:${i}`)) continue;
      const entry = GAZETTEER.get(lookupKey(word));
      if (entry?.kind !== 'country' || !entry.name.includes(' ')) continue;
      const place = { start: t.start, end: t.start + word.length };
      if (covers(taken, place)) continue;
      out.push(listedPlace([t], place, word, entry.name));
    }
  });
  return out;
}

/** The tagger's type of each of our name types, the other way round from TAGGED_TYPES. */
const NER_TYPE_OF = new Map(Object.entries(TAGGED_TYPES).flatMap(([ner, ours]) => (ours ? [[ours, ner as NerType]] : [])));

/** A capitalised word in the plural's shape ("Papers", "Cubs", "Times"; not "Texas", "Aziz"). */
const PLURAL_WORD = /^\p{Lu}\p{Ll}*[^\Wsui]s$/u;

/**
 * Words that head a body's name before "of" ("Library of Congress", "Institute of Technology"): the
 * rule layer's ORG_HEADS but those that head a role ("US Secretary of State Rex Tillerson" is no body).
 */
const INSTITUTION_HEADS = new Set([...[...ORG_HEADS].filter((w) => !ROLE_HEADS.has(w)), 'library', 'consortium']);

/**
 * "The Library of Congress", "the International Consortium of Investigative Journalists": the
 * tagger, which mostly saw such names whole, may part one at "of" and type the parts apart (a
 * place "Library", a person "Investigative Journalists"). A name after "of" straight after
 * capitalised words ending in a word that heads a body's name is that body's name, whole.
 */
function joinInstitutionOf(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    const of = sp.from - 1;
    let from = of;
    if (of > 0 && tokens[of].text === 'of' && UPPER.test(tokens[sp.from].text) && INSTITUTION_HEADS.has(tokens[of - 1].normal) && UPPER.test(tokens[of - 1].text)) {
      while (from > 0 && UPPER.test(tokens[from - 1].text) && tokens[from - 1].normal !== 'the' && isSpaceOnlyBetween(tokens[from - 1], tokens[from])) from--;
    }
    if (from === of || !isSpaceOnlyBetween(tokens[of], tokens[sp.from])) {
      out.push(sp);
      continue;
    }
    while (out.length && out[out.length - 1].sentence === sp.sentence && out[out.length - 1].from >= from) out.pop();
    const cut = out[out.length - 1];
    if (cut?.sentence === sp.sentence && cut.to > from) out[out.length - 1] = { ...cut, to: from };
    out.push({ ...sp, from, type: 'ORG' });
  }
  return out;
}

/**
 * "behind Panama Papers", "the Chicago Cubs": the tagger may read a place and a capitalised plural
 * straight after it as two names, the place and a body called "Papers". Such a pair is one name,
 * of the second one's type. In CoNLL-2003's training data no place is followed so by a one-word
 * body in the plural's shape (the nine one-word bodies right after a place are "India RBI", "U.S.
 * Senate", "S. Korea Daewoo" and the like).
 */
function joinPlaceAndPlural(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const sp of spans) {
    const prev = out[out.length - 1];
    const tokens = sentences[sp.sentence].tokens;
    const next = prev?.sentence === sp.sentence && prev.type === 'LOC' && prev.to === sp.from && sp.type === 'ORG' && sp.to - sp.from === 1;
    if (next && isSpaceOnlyBetween(tokens[sp.from - 1], tokens[sp.from]) && PLURAL_WORD.test(tokens[sp.from].text)) out[out.length - 1] = { ...sp, from: prev.from };
    else out.push(sp);
  }
  return out;
}

/** A legal form after a comma follows the name that ends before token `to` ("Cargill, Inc."). */
function closedByLegalForm(tokens: Token[], to: number): boolean {
  return !!tokens[to] && /^,\s*$/.test(tokens[to - 1].post) && COMMA_LEGAL_FORMS.has(lookupKey(tokens[to].text));
}

/** Only a space between two words, the first no possessive: not "West Bank (Reuters)", not "Brazil's Petrobras". */
function isSpaceOnlyBetween(a: Token, b: Token): boolean {
  return /^ +$/.test(a.post) && !b.pre && bare(a) === a.text;
}

/** A plural possessive: compromise leaves its apostrophe after the word, in `post`. */
function isPluralPossessive(t: Token): boolean {
  return /^['’]/.test(t.post) && /s$/i.test(t.text);
}

/**
 * What a run of words is as a name by itself, if anything: listed (our gazetteer, compromise's
 * places), or a name of its own elsewhere in the article. Most articles never ask: the article's
 * names are gathered on the first question.
 */
function nameByItself(sentences: ParsedSentence[], spans: readonly TaggedSpan[]): (words: Token[]) => NerType | undefined {
  const key = (tokens: Token[]): string => lookupKey(tokens.map(bare).join(' '));
  let alone: Map<string, NerType> | undefined;
  return (words) => {
    const listed = gazetteerHit(words)?.type;
    if (listed) return NER_TYPE_OF.get(listed);
    const k = key(words);
    if (lexiconTags(k).some((t) => LEXICON_PLACE.has(t))) return 'LOC';
    alone ??= new Map(spans.filter((sp) => sp.type !== 'MISC').map((sp) => [key(sentences[sp.sentence].tokens.slice(sp.from, sp.to)), sp.type]));
    return alone.get(k);
  };
}

/**
 * "the Cubs' Wrigley Field", "Las Vegas' Mandalay Bay": compromise leaves the apostrophe of a plural
 * possessive outside the word, where the tagger's break at possessives does not see it, and the
 * tagger may run on. The span is split there when the words before the apostrophe are a name by
 * themselves: listed (our gazetteer, compromise's places), or a name of their own elsewhere in the
 * article. "The Workers' Party" and "the Cup Winners' Cup" stay whole.
 */
function splitAtPluralPossessives(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const typeAlone = nameByItself(sentences, spans);
  const out: TaggedSpan[] = [];
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    let from = sp.from;
    for (let i = sp.from; i < sp.to - 1; i++) {
      if (!isPluralPossessive(tokens[i])) continue;
      const type = typeAlone(tokens.slice(from, i + 1));
      if (type === undefined) continue;
      out.push({ ...sp, from, to: i + 1, type });
      from = i + 1;
      // "the Cubs' leak": what follows in lower case is no name.
      if (!UPPER.test(tokens[from].text)) break;
    }
    if (from === sp.from || (from < sp.to && UPPER.test(tokens[from].text))) out.push({ ...sp, from });
  }
  return out;
}

/**
 * "OECD and Panama", "Electronic Arts and Vivendi", "suing Condoleezza Rice and Donald Rumsfeld":
 * the tagger may run one name on over "and" into the next. A name is split at "and" when the words
 * on each side are a name by themselves (nameByItself), or the words after it are a person's name
 * (a given name and one more capitalised word) and those before it are a name of two words or
 * more. "Securities and Exchange Commission" and "Trinidad and Tobago" stay whole.
 */
function splitAtAnd(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const typeAlone = nameByItself(sentences, spans);
  const out: TaggedSpan[] = [];
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    let and = -1;
    for (let i = sp.from + 1; i < sp.to - 1 && and < 0; i++) if (tokens[i].text === 'and') and = i;
    if (and < 0 || gazetteerHit(tokens.slice(sp.from, sp.to))) {
      out.push(sp);
      continue;
    }
    const left = tokens.slice(sp.from, and);
    const right = tokens.slice(and + 1, sp.to);
    const person = right.length === 2 && right[0].tags.has('FirstName') && UPPER.test(right[1].text);
    const leftType = typeAlone(left) ?? (person && left.length > 1 && left.every((t) => UPPER.test(t.text)) ? 'PER' : undefined);
    const rightType = typeAlone(right) ?? (person ? 'PER' : undefined);
    if (leftType && rightType && UPPER.test(right[0].text)) out.push({ ...sp, to: and, type: leftType }, { ...sp, from: and + 1, type: rightType });
    else out.push(sp);
  }
  return out;
}

const STATE_NAMES = new Set(STATES_AND_PROVINCES.map(([name]) => lookupKey(name)));
const STATE_CODES = new Set(STATES_AND_PROVINCES.map(([, code]) => code));
const STATE_ABBREVIATIONS = new Set(STATES_AND_PROVINCES.flatMap(([, , ...short]) => short.map(lookupKey)));
/** Surnames too ("MaliVai Washington", "Joe Montana"): never split off a name. */
const STATES_NAMED_LIKE_PEOPLE = new Set(['washington', 'montana']);
/** Words that make a region of the state after them ("Southern California", "upstate New York"). */
const REGION_OPENERS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest',
  'northeastern', 'northwestern', 'southeastern', 'southwestern', 'upper', 'lower', 'mid', 'new', 'greater', 'upstate', 'downstate', 'rural',
  'coastal', 'lake', 'mount', 'mt', 'baja', 'west-central', 'east-central',
]);
const ZIP_CODE = /^\d{5}(?:-\d{4})?$/;
const COMMA = 44;
/** The keys a state's first word may have. */
const STATE_FIRST_WORDS = new Set([...STATE_NAMES].map((k) => k.split(' ')[0]).concat([...STATE_CODES].map(lookupKey), [...STATE_ABBREVIATIONS]));
/** The keys a state's last word may have, to pass over the other names at once. */
const STATE_ENDINGS = new Set([...STATE_NAMES].map((k) => k.slice(k.lastIndexOf(' ') + 1)).concat([...STATE_CODES].map(lookupKey), [...STATE_ABBREVIATIONS]));

/**
 * How many words from `i` write a state or province, 0 for none. After a town and a comma, its name
 * ("New Mexico"), its postal code in capitals ("KS") or the abbreviation news agencies use ("Kan.",
 * "N.Y."); run into the town's name, only its name, or in a place's name its code ("San Rafael
 * Ca"): abbreviations are surnames and words there ("Chris Penn", "Midnight Mass").
 */
function stateAt(tokens: Token[], i: number, written: 'address' | 'joined' | 'joined-place'): number {
  const t = tokens[i];
  if (!t || !UPPER.test(t.text) || bare(t) !== t.text) return 0;
  for (let n = 3; n > 0; n--) {
    const words = tokens.slice(i, i + n);
    if (words.length === n && words.slice(0, -1).every((w) => /^ +$/.test(w.post)) && STATE_NAMES.has(lookupKey(words.map((w) => w.text).join(' ')))) return n;
  }
  if (written === 'joined') return 0;
  if (written === 'joined-place') {
    // In capitals, a code is a club's or company's letters as often ("the win over Graz AK."), unless it closes an address's line or a postcode follows.
    const closing = /^\p{Lu}\p{Ll}$/u.test(t.text) || /^[ \t]*\n/.test(t.post) || (tokens[i + 1] ? ZIP_CODE.test(tokens[i + 1].text) : !/[.!?]/.test(t.post));
    return STATE_CODES.has(t.text.toUpperCase()) && /^\p{Lu}\p{L}$/u.test(t.text) && closing ? 1 : 0;
  }
  if (STATE_CODES.has(t.text)) return 1;
  return STATE_ABBREVIATIONS.has(lookupKey(t.text)) && (t.text.includes('.') || t.post.startsWith('.')) ? 1 : 0;
}

/**
 * "What to do in San Rafael Ca?", "Miramar California is a bit north of San Diego": written
 * without the comma, a town and its state run into one name for the tagger (a place, or a person
 * "Miramar California"). Such a name is two places when it ends in a state and the words before it
 * are capitalised words of no other use: not a region's ("Southern California", "West Virginia"),
 * not common words ("My Own Private Idaho", "Leaving New York", a film and a song), not a given
 * name ("Hannah Montana"), and the state no surname ("MaliVai Washington").
 */
function splitPlaceAndState(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    if (sp.type === 'MISC' || !STATE_ENDINGS.has(bareKey(tokens[sp.to - 1]))) {
      out.push(sp);
      continue;
    }
    let at = -1;
    // The longest state first: "Charleston West Virginia" is Charleston and West Virginia.
    for (let words = 3, k = sp.to - 3; words >= 1 && at < 0; words--, k++) {
      if (k <= sp.from) continue;
      if (stateAt(tokens, k, sp.type === 'LOC' ? 'joined-place' : 'joined') !== words || STATES_NAMED_LIKE_PEOPLE.has(tokens[k].normal)) continue;
      const town = tokens.slice(sp.from, k);
      const plain = town.every((t, m) => UPPER.test(t.text) && isSpaceOnlyBetween(t, tokens[sp.from + m + 1]) && !lexiconTags(t.normal).some((tag) => EMPHASIS_TAGS.has(tag)));
      if (plain && !REGION_OPENERS.has(town[0].normal) && !town[0].tags.has('FirstName') && !gazetteerHit(tokens.slice(sp.from, sp.to))) at = k;
    }
    if (at < 0) out.push(sp);
    else out.push({ ...sp, to: at, type: 'LOC' }, { ...sp, from: at, type: 'LOC' });
  }
  return out;
}

/**
 * "Lawrence, KS", "Baltimore, MD 21202", "Saginaw, Michigan 48604": a state after a town and a
 * comma is a place, also where the tagger, which saw states so only in Reuters' style ("Akron,
 * Ohio", "Carlsbad, Calif."), read a postal code as a body or left it out. In CoNLL-2003's
 * training data 53 of 54 states after a capitalised word and a comma are places. The state must end
 * the address (a postcode, punctuation or a lower-case word follows), and the word before the comma
 * be a place or no name the tagger read, unless a postcode follows ("Penn State, Michigan and Ohio
 * State" are teams).
 */
function stateAfterComma(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const bySentence = new Map<number, TaggedSpan[]>();
  for (const sp of spans) {
    const list = bySentence.get(sp.sentence);
    if (list) list.push(sp);
    else bySentence.set(sp.sentence, [sp]);
  }
  const spanAt = (n: number, i: number): TaggedSpan | undefined => bySentence.get(n)?.find((sp) => sp.from <= i && i < sp.to);
  const added: TaggedSpan[] = [];
  const retyped = new Set<TaggedSpan>();
  sentences.forEach((s, n) => {
    const tokens = s.tokens;
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i - 1].post.charCodeAt(0) !== COMMA || !/^,\s*$/.test(tokens[i - 1].post) || !UPPER.test(tokens[i - 1].text) || !STATE_FIRST_WORDS.has(bareKey(tokens[i]))) continue;
      const len = stateAt(tokens, i, 'address');
      if (!len) continue;
      const end = i + len;
      const next = tokens[end];
      const zip = !!next && ZIP_CODE.test(next.text);
      const closes = !next || zip || /[,;:.)!?\n]/.test(tokens[end - 1].post) || !UPPER.test(next.text);
      const town = spanAt(n, i - 1);
      if (!closes || (!zip && town && town.type !== 'LOC')) continue;
      const own = spanAt(n, i);
      if (own && own.from === i && own.to === end) {
        if (own.type !== 'LOC') retyped.add(own);
      } else if (!own && tokens.slice(i, end).every((_, k) => !spanAt(n, i + k))) added.push({ sentence: n, from: i, to: end, type: 'LOC' });
    }
  });
  if (!added.length && !retyped.size) return spans;
  return [...spans.map((sp) => (retyped.has(sp) ? { ...sp, type: 'LOC' as const } : sp)), ...added].sort((a, b) => a.sentence - b.sentence || a.from - b.from);
}

const SPACED_DASH = /^\s+[-–—]+\s+$/;

/**
 * "Bryan Hull - Analyst", "Chelsea - Arsenal": a spaced dash parts names, as the tagger, which never
 * saw one inside a name (CoNLL-2003 keeps hyphenated words whole), may run on over it. The name is
 * cut at every such dash; what follows one is kept only as a name by itself (listed, or named alone
 * elsewhere in the article), not a job title ("Political Correspondent"), and so is a single word
 * before it ("BASKETBALL - PHILIPPINE PRO-LEAGUE RESULTS"). The Arabic article's
 * hyphen stays ("Muqtada al - Sadr"). Without the cut, the mention across the dash was dropped whole.
 */
function cutAtSpacedDash(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const typeAlone = nameByItself(sentences, spans);
  const out: TaggedSpan[] = [];
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    // A run on into lower-case words after a dash is cutAtLowercaseWord's ("Yugansk - first to a").
    const cuts: number[] = [];
    for (let k = sp.from; k < sp.to - 1; k++) if (SPACED_DASH.test(tokens[k].post) && UPPER.test(tokens[k + 1].text) && !isArabicArticle(tokens, k)) cuts.push(k + 1);
    if (!cuts.length) {
      out.push(sp);
      continue;
    }
    const left = tokens.slice(sp.from, cuts[0]);
    if (left.length > 1 || typeAlone(left)) out.push({ ...sp, to: cuts[0] });
    cuts.forEach((from, n) => {
      const to = cuts[n + 1] ?? sp.to;
      const type = typeAlone(tokens.slice(from, to));
      if (type) out.push({ ...sp, from, to, type });
    });
  }
  return out;
}

/**
 * A name ends before a lower-case word that no name holds: "the District of Columbia ruled that the
 * US government" gave "Columbia ruled that the US", "Foo Fighters will play on Sunday and Iron
 * Maiden" one band. Greedy decoding must close a name it has opened, so one wrong step runs on over
 * the words after it; what is kept is the name before that word, and a name of two capitalised
 * words or more after the last such word ("Queen bassist John Deacon"). The words a name may hold
 * are NAME_CONNECTORS, read off the training data's names; a hyphen-joined word and a brand's
 * spelling stay ("Mazar-i-Sharif", "Apple iPod"). A person's name is held to fewer (personNameEnd).
 * Held-out tenths of the training data score the same with and without (17,987 names right and
 * 2,052 wrong against 17,985 and 2,056), and so do eng.testa and the web-text file: a rare slip in
 * Reuters' copy, but the one that put "Columbia ruled that the US" among the BBC stories' places.
 */
function cutAtLowercaseWord(sentences: ParsedSentence[], spans: TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    let cut = sp.to;
    let last = -1;
    for (let i = sp.from + 1; i < sp.to - 1; i++) {
      if (!isLowerWordOutside(tokens, i, NAME_CONNECTORS)) continue;
      cut = Math.min(cut, i);
      last = i;
    }
    if (cut === sp.to) {
      out.push(sp);
      continue;
    }
    while (cut > sp.from && NAME_CONNECTORS.has(tokens[cut - 1].normal)) cut--;
    if (cut > sp.from) out.push({ ...sp, to: cut });
    // "Queen bassist John Deacon": a name of capitalised words after a role's word stays, from that
    // word on, for the opening-word rule below to read.
    if (sp.to - last > 2 && tokens.slice(last + 1, sp.to).every((t) => UPPER.test(t.text))) out.push({ ...sp, from: last });
  }
  return out;
}

/** Which characters of the text the spans cover (1), in one pass: overlap tests then cost a span's length, not the list's. */
function coverage(length: number, spans: readonly { start: number; end: number }[]): Uint8Array {
  return cover(new Uint8Array(length + 1), spans);
}

function cover(chars: Uint8Array, spans: readonly { start: number; end: number }[]): Uint8Array {
  const length = chars.length - 1;
  for (const sp of spans) chars.fill(1, Math.max(0, sp.start), Math.min(length, sp.end));
  return chars;
}

function covers(chars: Uint8Array, x: { start: number; end: number }): boolean {
  for (let i = Math.max(0, x.start); i < x.end && i < chars.length; i++) if (chars[i] === 1) return true;
  return false;
}

/**
 * "In Nice Tony Molina": where the rule layer reads a tagged span as names side by side, one of
 * them a person opening with a given name, the tagger glued them, and the rule layer's names stand.
 */
function splitAtRuleNames(sentences: ParsedSentence[], spans: TaggedSpan[], ruled: EntityResult): TaggedSpan[] {
  const types = new Map(ruled.entities.map((e) => [e.key, e.type]));
  const out: TaggedSpan[] = [];
  // Both lists run in text order: one walk finds the rule mentions inside each span.
  const mentions = ruled.mentions;
  let first = 0;
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    const start = tokens[sp.from].start;
    const end = tokens[sp.to - 1].end;
    while (first < mentions.length && mentions[first].start < start) first++;
    const inside: typeof mentions = [];
    for (let k = first; k < mentions.length && mentions[k].start < end; k++) if (mentions[k].end <= end) inside.push(mentions[k]);
    const parts: TaggedSpan[] = [];
    let at = sp.from;
    for (const m of inside) {
      if (tokens[at]?.start !== m.start) break;
      let to = at + 1;
      while (to < sp.to && tokens[to].start < m.end) to++;
      const type = RULE_TYPES[types.get(m.key) ?? ''];
      if (!type) break;
      parts.push({ sentence: sp.sentence, from: at, to, type });
      at = to;
    }
    const glued = at === sp.to && parts.length > 1 && parts.some((p, k) => k > 0 && p.type === 'PER' && tokens[p.from].tags.has('FirstName'));
    if (glued) out.push(...parts);
    else out.push(sp);
  }
  return out;
}

/** Word classes of compromise's lexicon that open a sentence before a comma but never name anything. */
const OPENER_TAGS = new Set(['Adverb', 'Conjunction', 'Comparative', 'Superlative', 'Adjective', 'Preposition', 'Determiner', 'Pronoun', 'Modal']);

/** Feasts and seasons ("after Christmas", "Easter sales"): when things happen, not who, which body or where. */
const HOLIDAYS = new Set(['christmas', 'xmas', 'easter', 'hanukkah', 'chanukah', 'ramadan', 'diwali', 'thanksgiving', 'halloween', 'passover', 'eid', 'hogmanay', 'lent', 'advent', 'pentecost', 'whitsun']);

/** "New Year's Eve", "Christmas Eve": the eve of a feast is a time too. */
function isFeastEve(tokens: Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  return to - from === 1 && tokens[from].normal === 'eve' && !!before && /^(?:years?|year's|christmas|hallows)$/.test(before.normal.replace(/’/g, "'"));
}

/** "New Year's Eve", "Lunar New Year", "Happy New Year": a feast, not a body or a place. */
function isNewYear(tokens: Token[], from: number, to: number): boolean {
  const last = bareKey(tokens[to - 1]);
  if (last === 'new') return tokens[to] !== undefined && bareKey(tokens[to]) === 'year';
  return to - from >= 2 && last === 'year' && bareKey(tokens[to - 2]) === 'new';
}

/** A nationality or people's word ("Korean", "Swiss") that is not also a listed name ("Vatican"). */
function isNationalityWord(t: Token): boolean {
  const key = bareKey(t);
  return (DEMONYMS.has(key) || lexiconTags(key).includes('Demonym')) && !GAZETTEER.has(key);
}

/** Prizes named like people ("an Oscar nomination", "three Grammys"): what is won, not who. */
const AWARDS = new Set(['oscar', 'oscars', 'grammy', 'grammys', 'grammies', 'emmy', 'emmys']);

/**
 * An award, alone or after words that only describe it ("Strong Oscar contender"), where a
 * plural, a word before it ("an", "best film") or a noun after it ("Oscar hopefuls") shows it is
 * a thing: "Oscar scored twice" stays a person.
 */
function isAward(tokens: Token[], from: number, to: number): boolean {
  const word = tokens[to - 1].normal;
  if (!AWARDS.has(word) || !tokens.slice(from, to - 1).every((t) => wordClassIn(t.normal, OPENER_TAGS))) return false;
  const before = tokens[from - 1];
  const after = tokens[to];
  return (
    word.endsWith('s') ||
    to - from > 1 ||
    (!!before && /^\s*$/.test(before.post) && NOUN_OPENERS.some((tag) => before.tags.has(tag))) ||
    (!!after && /^\p{Ll}/u.test(after.text) && (after.tags.has('Noun') || after.tags.has('Adjective')))
  );
}

/** Words that open a storm's name; "Storm" alone also opens people's ("Storm Reid"), so only after "Tropical" or "Winter". */
const STORM_WORDS = new Set(['hurricane', 'typhoon', 'cyclone', 'supertyphoon']);
const STORM_OPENERS = new Set(['tropical', 'winter', 'super']);

/**
 * "Hurricane Harvey", "Typhoon Haiyan", "Tropical Storm Irma", or a name right after one of those
 * words: a storm's name (lower case), which is no person, company or place (CoNLL-2003 marks it
 * MISC). "the National Hurricane Center" is not one: the storm word must open the span, and the
 * word after it must not be an institution's.
 */
function stormName(tokens: Token[], from: number, to: number): string | undefined {
  const isStormWord = (i: number): boolean =>
    i >= 0 && (STORM_WORDS.has(tokens[i].normal) || (tokens[i].normal === 'storm' && i > 0 && STORM_OPENERS.has(tokens[i - 1].normal) && /^\s+$/.test(tokens[i - 1].post)));
  let at = from;
  if (at + 1 < to && STORM_OPENERS.has(tokens[at].normal) && isStormWord(at + 1)) at++;
  const name = isStormWord(at) && to - at === 2 ? at + 1 : to - from === 1 && isStormWord(from - 1) && /^\s+$/.test(tokens[from - 1].post) ? from : -1;
  if (name < 0 || !UPPER.test(tokens[name].text) || INSTITUTIONS.has(tokens[name].normal)) return undefined;
  return tokens[name].normal;
}

const PLANETS = new Set(['earth', 'mars', 'jupiter', 'saturn', 'venus', 'mercury', 'neptune', 'uranus', 'pluto']);

/**
 * "Earth's orbit", "a mission to Mars": a planet named alone is a place, though the tagger, which
 * saw no planet in training, reads it as a company or a person. It stays what the tagger read
 * where a neighbour marks a company ("shares in Mars") or where the article names a person with
 * that word ("Venus Williams", "Bruno Mars").
 */
function planetsArePlaces(candidates: Candidate[]): void {
  const inPeople = new Set(candidates.filter((c) => c.type === 'person' && c.tokens.length > 1).flatMap((c) => c.tokens.map((t) => t.normal)));
  for (const c of candidates) {
    const word = c.tokens.length === 1 ? c.tokens[0].normal : '';
    if (PLANETS.has(word) && (c.type === 'person' || c.type === 'organization') && !c.orgCue && !inPeople.has(word)) {
      c.type = 'place';
      c.canonical = undefined;
    }
  }
}

/**
 * Words the article shows as a name other than a common word's: those of people's names of two
 * words or more (the tagger's or the rule layer's), of one-word people after a title or a role
 * ("President Young"), and of names of other kinds: "Orange" the company, whose mentions the tagger
 * read as a person's are typed by the article's vote (without these, BBC lost "Orange" and "Real"
 * as clubs and companies).
 */
function wordsOfNames(sentences: ParsedSentence[], spans: readonly TaggedSpan[], ruled: readonly Candidate[], inRole: (t: Token) => boolean): Set<string> {
  const out = new Set<string>();
  for (const sp of spans) {
    const tokens = sentences[sp.sentence].tokens;
    const before = tokens[sp.from - 1];
    if (sp.type !== 'PER' || sp.to - sp.from > 1 || (before && (isTitleWord(before) || inRole(before)))) for (const t of tokens.slice(sp.from, sp.to)) out.add(bareKey(t));
  }
  for (const c of ruled) if (c.type === 'person' && c.tokens.length > 1) for (const t of c.tokens) out.add(bareKey(t));
  return out;
}

/**
 * "Good news: …", "Steady as she goes", "Green MEP Caroline Lucas": a "person" of one word,
 * capitalised only by its place (a sentence's start, after a quote or a colon), that compromise's
 * lexicon knows only as a word of another class than a noun or a name (an adjective, an adverb, a
 * verb), and that the article shows as no name elsewhere (wordsOfNames: "Ashley Young … Young
 * scored"), is that word. In CoNLL-2003's training data 2 of the 622 one-word people opening a line
 * are such words ("Little", "Green").
 */
function isCommonWordAlone(tokens: Token[], i: number, namedWords: ReadonlySet<string>): boolean {
  const key = bareKey(tokens[i]);
  return capitalisedByPosition(tokens, i) && !namedWords.has(key) && wordClassIn(key, EMPHASIS_TAGS);
}

/**
 * "the London Film Festival on Thursday", "Goldman on Friday", "took most of Fallujah Wednesday":
 * a weekday the tagger ran on to after a name is the date of what the sentence tells, not the
 * name's. After "on" it is cut from any name; straight after a number or a possessive ("Radio 1
 * Thursday", "Sky News' Sunday"), or after a place's word no lexicon knows as a common word, too.
 * Names that end in a weekday stay: "Sheffield Wednesday" (the only such names in CoNLL-2003's
 * training data), "Black Friday", "Easter Sunday", "Mike Friday". Returns the name's new end.
 */
function beforeWeekday(tokens: Token[], from: number, to: number, type: NameType): number {
  const day = to - 1;
  if (day <= from || !isWeekday(tokens[day])) return to;
  let on = day - 1;
  if (tokens[on].normal === 'the' && on > from) on--;
  if (tokens[on].normal === 'on') return on;
  const before = tokens[day - 1];
  const placeWord = type === 'place' && !HOLIDAYS.has(before.normal) && lexiconTags(bareKey(before)).every((t) => PLACE_ONLY.has(t));
  return placeWord || /\d$/.test(before.text) || /['’]s?$/.test(before.text) ? day : to;
}

const OFFICE_TERMS = new Set(['administration', 'presidency']);
const ADJECTIVE_ENDING = /(?:ic|ive|ist|ian|an|ish|ese|al)$/;
const NAME_TAGS = new Set(['LastName', 'Person', 'FirstName', 'MaleName', 'FemaleName', 'ProperNoun']);

/**
 * "the Bush administration", "the Biden administration": one word before "administration" or
 * "presidency" is the president's name, as CoNLL-2003 marks "the Clinton administration" (4 of 4
 * in its training data), whatever the tagger read (a thing, as "Bush" ends like "British"; a place;
 * a body); not a listed place, a party's or a nationality's word, nor a word the lexicon knows
 * otherwise ("the Kabul administration", "the Republican administration", "Labour").
 */
function isPresidentsName(tokens: Token[], sp: TaggedSpan): boolean {
  if (sp.to - sp.from !== 1 || !OFFICE_TERMS.has(tokens[sp.to]?.normal ?? '')) return false;
  const word = tokens[sp.from];
  const key = bareKey(word);
  return /^\p{Lu}\p{Ll}+$/u.test(word.text) && !isNationalityWord(word) && !gazetteerHit([word]) && !ADJECTIVE_ENDING.test(key) && lexiconTags(key).every((t) => NAME_TAGS.has(t));
}

/**
 * "PM Tony Blair", "Israeli PM Ehud Olmert": "PM" in capitals opening a name is the prime
 * minister's title, not a word of the name (which the tagger, reading it as the time of day, made
 * a body's); "7 p.m." is the time. Left to the tagger's side, so that the rule layer's readings the
 * model learned from stay as they were.
 */
function isPrimeMinister(t: Token): boolean {
  return t.text === 'PM';
}

/**
 * "the lead engineer for Mozilla Firefox" read as a person, in an article that names "Mozilla" and
 * "Firefox" alone as bodies: a "person" of two words or more with no role, every word of which the
 * article names alone as an organization, its last word mostly so, is a body's or a product's name.
 * As a person, its words took the bodies' mentions as its given name and surname.
 */
function bodiesNamedLikePeople(candidates: Candidate[]): void {
  const org = new Map<string, number>();
  const other = new Map<string, number>();
  for (const c of candidates) {
    if (c.tokens.length !== 1 || !c.type) continue;
    const counts = c.type === 'organization' ? org : other;
    counts.set(bareKey(c.tokens[0]), (counts.get(bareKey(c.tokens[0])) ?? 0) + 1);
  }
  const head = (t: Token): boolean => (org.get(bareKey(t)) ?? 0) > (other.get(bareKey(t)) ?? 0);
  for (const c of candidates) {
    if (c.type === 'person' && c.tokens.length > 1 && c.roles.length === 0 && c.tokens.every((t) => org.has(bareKey(t))) && head(c.tokens[c.tokens.length - 1])) c.type = 'organization';
  }
}

/** "MPs", "CEOs", "DVDs": the plural of an acronym is a common noun, not a name. */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;

const CURRENCY_TAGS = new Set(['Currency']);

/**
 * A title, a closed-class word, an acronym's plural or an acronym for a thing; a word compromise's
 * lexicon knows only as a currency ("3,40 Euros", "Bitcoin is trading", "$1=.6421 Sterling"): no
 * one-word name in CoNLL-2003's training and development data is such a word.
 */
export function isNeverANameAlone(t: Token): boolean {
  return isTitleWord(t) || isClosedClassWord(t) || PLURAL_ACRONYM.test(t.text) || isThingAcronym(t) || wordClassIn(bareKey(t), CURRENCY_TAGS);
}

/** What a transcript writes in brackets for what is heard, not said: "(Applause.)", "[Laughter]". */
const STAGE_DIRECTIONS = new Set(['applause', 'laughter', 'laughs', 'cheers', 'cheering', 'crosstalk', 'inaudible', 'unintelligible', 'booing', 'boos', 'silence', 'pause', 'sighs', 'music', 'applauding']);

/** "(Applause.)": a stage direction alone in brackets is no name (a transcript's, as the White House publishes them). */
function isStageDirection(t: Token): boolean {
  return STAGE_DIRECTIONS.has(t.normal) && /[([]$/.test(t.pre) && /^[.!]?[)\]]/.test(t.post);
}

/** Words that number the parts of a text, a building or a contest: "Section 7", "Article 4.6", "Page 71", "Sector - 37". */
const NUMBERED_PARTS = new Set([
  'section', 'sections', 'article', 'articles', 'chapter', 'clause', 'paragraph', 'page', 'pages', 'appendix', 'annex', 'exhibit', 'figure', 'table',
  'schedule', 'item', 'part', 'step', 'phase', 'stage', 'level', 'room', 'suite', 'floor', 'gate', 'platform', 'sector', 'team', 'group', 'round',
]);
const NUMBERING = /^(?:\d+(?:\.\d+)*[a-z]?|[IVX]+|[A-Z])$/;

/**
 * "Section 7 of the agreement", "see Article 4.6 below": a word that numbers a part, alone before
 * its number, is no name; where the part is one ("Room 101", "Chapter 11"), the name holds the
 * number, so the word alone is no name either. CoNLL-2003's training data marks no such word alone.
 */
function isNumberedPart(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return NUMBERED_PARTS.has(tokens[i].normal) && next !== undefined && /^\s*(?:[-–]\s*)?$/.test(tokens[i].post) && NUMBERING.test(next.text);
}

/** Labels of a signature's or a letterhead's contact lines ("Phone (713) 853-3242", "Direct Dial: 203...", "E-mail: x@y"). */
const CONTACT_LABELS = new Set(['phone', 'telephone', 'tel', 'fax', 'email', 'e-mail', 'mail', 'mobile', 'cell', 'office', 'home', 'web', 'website', 'direct', 'dial', 'pager']);
/** Labels that also end names ("the Home Office", "the Oval Office"): cut off only when they are the whole name. */
const LABELS_ENDING_NAMES = new Set(['office', 'home']);
/** A telephone number ("(713) 853-3242", "203.961.7523") or an e-mail address, after the labels and their colon. */
const CONTACT_FOLLOWS = /^[\s:?.]*(?:[(+]?\d[\d\s()./-]{6,}|[^\s@]+@)/;

/**
 * Where a name ends before the labels of a contact line that follow it ("John Staikos Direct Dial:
 * 203.961.7523" is John Staikos; "Phone (713) 853-3242" alone is no name): a run of such labels
 * before a telephone number or an e-mail address is cut off, and so is one label alone before a
 * colon ("Office: Coming Soon!"; not "the Home Office:").
 */
function beforeContactLabels(text: string, tokens: Token[], from: number, to: number): number {
  let end = to;
  while (end > from && CONTACT_LABELS.has(tokens[end - 1].normal) && (to - from === 1 || !LABELS_ENDING_NAMES.has(tokens[end - 1].normal))) end--;
  let after = text.slice(tokens[to - 1].end);
  // The tagger may stop inside the labels ("John Staikos Direct" before "Dial:").
  for (let label = /^[\s:?.]*([\p{L}-]+)/u.exec(after); label && CONTACT_LABELS.has(label[1].toLowerCase()); label = /^[\s:?.]*([\p{L}-]+)/u.exec(after)) after = after.slice(label[0].length);
  return end < to && (CONTACT_FOLLOWS.test(after) || (to - from === 1 && /^\s*:/.test(after))) ? end : to;
}

/**
 * "in the World!", "The World's Fair museum": the world alone is no place, as CoNLL-2003's training
 * data never marks it one (it writes "World" alone 8 times, as no name or a thing's).
 */
function isWorld(t: Token): boolean {
  return bareKey(t) === 'world';
}

/** "on Fri, Sat, or Sun": a weekday's short form among other days is a day, not a name ("Sat", "Sun"). */
function isDayInList(tokens: Token[], i: number): boolean {
  return isWeekdayWord(tokens[i]) && [i - 2, i - 1, i + 1, i + 2].some((k) => tokens[k] !== undefined && isWeekdayWord(tokens[k]));
}

/**
 * "Dan I for one was very happy", "Thanks Bill I will": the pronoun after a given name, not a regnal
 * number ("Elizabeth I was crowned", "Charles I, who"): a lower-case word follows that is no verb of
 * the past and no "who".
 */
function isPronounAfterName(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i].text === 'I' && tokens[i].tags.has('Pronoun') && next !== undefined && /^ +$/.test(tokens[i].post) && LOWER_WORD.test(next.text) && !next.tags.has('PastTense') && !['is', 'has', 'who', 'and', 'of'].includes(next.normal);
}

const INDEFINITE_OR_OWNED = new Set(['a', 'an', 'my', 'your', 'his', 'her', 'its', 'our', 'their']);

/**
 * "we have a CPA, Larry Lewis", "regarding their RFP.", "testing an ICBM.": an acronym after "a" or
 * a possessive pronoun and before a punctuation mark is a common noun (a job, a document, a
 * weapon), not a body's name; one before the word it qualifies stays ("a BBC reporter", "his
 * NFL-best", "his RBS 6 Nations"). The held-out tenths of CoNLL-2003's training data have no such
 * name; BBC and news-cluster have 8, all wrong ("a QC,", "an MSP,", "becomes an OBE.").
 */
function isCommonAcronym(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return /^\p{Lu}{2,6}$/u.test(tokens[i].text) && before !== undefined && INDEFINITE_OR_OWNED.has(before.normal) && !(after && /^[\s-]*$/.test(tokens[i].post));
}

/** "DVD", "HDTV", "GPS": an acronym for a thing, a unit or a condition, written in capitals, names nothing. */
function isThingAcronym(t: Token): boolean {
  if (!/^[\p{Lu}\d]+(?:['’]s)?$/u.test(t.text)) return false;
  const key = t.text.toLowerCase().replace(/['’]s$/, '');
  return THING_ACRONYMS.has(key) || NON_NAME_ACRONYMS.has(key);
}

/** Titles that open stage names and characters' names as often as they stand before a name. */
const TITLES_OF_NAMES = new Set(['lady', 'dame', 'miss', 'madame']);

/**
 * Words of address before a name that CoNLL-2003 leaves out of it as it does "Mr" ("Doctor" 3 times
 * in its training data): a letter's "Dear Nina,", a family's "Aunt Toni", a patient's "Doctor Hank".
 */
const ADDRESS_WORDS = new Set(['dear', 'doctor', 'aunt', 'auntie', 'uncle']);

function isTitleWord(t: Token): boolean {
  return PERSON_TITLES.has(t.normal.replace(/\.$/, '')) || ADDRESS_WORDS.has(t.normal);
}

/** "The", "When", "Our": a closed-class word written as one ("US" and "IT" are capitals, and names). */
function isClosedClassWord(t: Token): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(t.text) && wordClassIn(t.normal, FUNCTION_TAGS);
}

/**
 * "A", "I": a closed-class word of one letter, which isClosedClassWord cannot tell from an initial
 * ("A Stewart"), where its place capitalises it: at a sentence's start or after a dateline's dash.
 */
function isOneLetterOpening(tokens: Token[], i: number): boolean {
  return /^\p{Lu}$/u.test(tokens[i].text) && wordClassIn(tokens[i].normal, FUNCTION_TAGS) && capitalisedByPosition(tokens, i);
}

/** Word classes of a common word typed in capitals for emphasis: not nouns, which acronyms spell ("AIM", "ACT"). */
const EMPHASIS_TAGS = new Set(['Negative', 'Adjective', 'Adverb', 'Comparative', 'Superlative', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Expression', 'Modal', 'Conjunction', 'Preposition', 'Determiner', 'Copula', 'QuestionWord']);

/**
 * "It was NOT cheap", "GREAT service", "LOL": in an ordinary line, a lone word in capitals that is a
 * common word of another class than a noun is that word stressed, not an acronym. Known names stay.
 */
function isEmphasis(tokens: Token[], sp: TaggedSpan): boolean {
  if (sp.to - sp.from !== 1) return false;
  const word = tokens[sp.from];
  return word.text.length > 1 && /^\p{Lu}+$/u.test(word.text) && !gazetteerHit([word]) && wordClassIn(word.text.toLowerCase(), EMPHASIS_TAGS);
}

/** A letter three times or more at a word's end, or four times anywhere: "Soooo", "Brilll", "VERYYYY"; not "IEEE" or "VIII". */
const DRAWN_OUT = /(\p{Ll})\1\1$|(\p{L})\2\2\2/u;

/**
 * "Sooooo good", "VERYYYY rude": a word drawn out for stress, as web text writes, is no name nor part
 * of one. No name in CoNLL-2003's training or development data is written so; on BBC and
 * news-cluster, only shouts and groans that were read as names ("Chaaaapmannnnn", "Errrrrr", "Booo").
 */
function isDrawnOut(t: Token): boolean {
  return DRAWN_OUT.test(bare(t));
}

/** Whether compromise's lexicon knows the word, and only in classes of `classes`. */
function wordClassIn(word: string, classes: ReadonlySet<string>): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && tags.every((t) => classes.has(t));
}

/** "Later, Yukos said", "Meanwhile, Jones waited": a capitalised adverb before a comma at a sentence's start. */
function isOpeningAdverb(tokens: Token[], sp: TaggedSpan): boolean {
  return sp.from === 0 && sp.to === 1 && /^\s*,/.test(tokens[0].post) && wordClassIn(tokens[0].normal, OPENER_TAGS);
}

/** The words the article writes in lower case, at least once. */
function lowercaseWords(sentences: ParsedSentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) if (/^\p{Ll}+$/u.test(t.text)) out.add(t.text);
  return out;
}

/**
 * Where capitals say nothing: a sentence's first word (also after a full stop the splitter missed),
 * or a word just after an opening bracket or quote, a bullet, a colon, or a dateline's dash.
 */
function capitalisedByPosition(tokens: Token[], i: number): boolean {
  if (i === 0 || /[([{"“‘'•*>:–—-]\s*$/.test(tokens[i].pre) || /:\s*$/.test(tokens[i - 1].post) || afterDateline(tokens, i)) return true;
  // A sentence the splitter left joined to the one before ("… of the film. If Bafta can't …").
  const before = tokens[i - 1];
  return /^[.!?]+["'”’)]*\s+$/.test(before.post) && HAS_LOWER.test(before.text) && !before.tags.has('Abbreviation');
}

/**
 * "BERLIN (AP) - A tourist ship", "SAN JOSE, Dec 31 (Reuters) - A plane": the first word after a
 * dateline's dash, which compromise leaves at the end of the word before. A dash inside a sentence
 * ("the vote - Labour won") follows lower-case words and no bracket.
 */
function afterDateline(tokens: Token[], i: number): boolean {
  const dash = /\s[-–—]\s*$/.exec(tokens[i - 1].post);
  if (!dash) return false;
  return /\)\s*$/.test(tokens[i - 1].post.slice(0, dash.index + 1)) || tokens.slice(0, i).every((t) => !HAS_LOWER.test(t.text));
}

/**
 * "Image processing has…", "Select (Friends) > (Follow)": a lone word capitalised only by its
 * place, which the same article also writes in lower case, is that common word, whatever the
 * tagger read into its capital. Known names ("Turkey", "China") stay.
 */
function isCommonWordOpening(tokens: Token[], sp: TaggedSpan, lowercase: Set<string>): boolean {
  if (sp.to - sp.from !== 1 || !capitalisedByPosition(tokens, sp.from)) return false;
  const word = tokens[sp.from];
  return !gazetteerHit([word]) && (lowercase.has(word.text.toLowerCase()) || wordClassIn(word.normal, FUNCTION_TAGS));
}

/** A determiner straight before a name: "the Tesla Roadster", "his Falcon Heavy", "a Galaxy S9". */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|his|her|its|their|our|my|your)\s+$/iu;

/**
 * A "person" of two or more words that the article writes after a determiner more often than not
 * ("the Tesla Roadster", "a Tesla Roadster") is a thing: a car, a rocket, a phone. People's names
 * seldom follow one ("the late John Smith" has its adjective between). Its mentions are dropped, so
 * that it does not take the article's other uses of its words ("Tesla") as a person's short form.
 */
export function dropThingsNamedLikePeople(text: string, candidates: Candidate[]): void {
  const votes = new Map<string, { after: number; all: number }>();
  const keyOf = (c: Candidate): string => lookupKey(c.text);
  const multiWordPeople = candidates.filter((c) => c.type === 'person' && c.tokens.length > 1);
  for (const c of multiWordPeople) {
    const v = votes.get(keyOf(c)) ?? { after: 0, all: 0 };
    v.all++;
    if (DETERMINER_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start))) v.after++;
    votes.set(keyOf(c), v);
  }
  const things = new Set([...votes].filter(([, v]) => v.after * 2 > v.all).map(([k]) => k));
  if (!things.size) return;
  for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i].type === 'person' && things.has(keyOf(candidates[i]))) candidates.splice(i, 1);
}

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);

/**
 * "Kim Jong Il", "Lee Myung Bak": a Korean name's third syllable, written apart, is a short word
 * the tagger may leave out when the lexicon knows it as something else ("il" is a pronoun). A
 * name of two short words that the lexicon knows as names or not at all, followed after one space
 * by a capitalised word of two or three letters that no other name takes, ends with that word.
 * Song titles ("Look What You", "Just Lose It") open with common words and are left alone.
 */
function isLastSyllableLeftOut(tokens: Token[], from: number, to: number, tagged: (i: number) => boolean): boolean {
  const next = tokens[to];
  return (
    to - from === 2 &&
    next !== undefined &&
    tokens.slice(from, to).every((t) => /^\p{Lu}\p{Ll}{1,4}$/u.test(t.text) && lexiconTags(t.normal).every((tag) => GIVEN_NAME_TAGS.has(tag))) &&
    /^\p{Lu}\p{Ll}{1,2}(?:['’]s)?$/u.test(next.text) &&
    tokens[to - 1].post === ' ' &&
    next.pre === '' &&
    !tagged(to)
  );
}

/** "Galaxy S9", "Dec. 25", "Skibby 1:45": people's names have no digits; products, dates and results do. */
export function hasDigits(name: readonly Token[]): boolean {
  return name.some((t) => /\d/.test(t.text));
}

/** Lower-case words that belong to people's names, as "van" in "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set([...PARTICLES, 'della', 'den', 'ter', 'ten', 'dos', 'das', 'di', 'do', 'ibn', 'bint', 'ben', 'zu', 'y', 'wa', 'el']);

/** Particles that open a person's name written without the given name ("van Gogh", "van der Walt", "de Klerk"); "bin", "ibn" and "bint" ("son of", "daughter of") open only people's. */
const OPENING_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'della', 'di', 'du', 'da']);
const PATRONYMICS = new Set(['bin', 'ibn', 'bint']);

/**
 * The first word of a name the tagger found, taken back over the lower-case particles before it.
 * "look to bin Laden", "met de Klerk": a lower-case particle straight before a name the tagger left
 * it out of opens the name when the name is a person's, and makes it one when the particle is a
 * patronymic ("bin Laden" read as a place). In CoNLL-2003's training data, 5 of the 6 such
 * particles after a word outside any name are in the person's name that follows.
 */
function particlesOpening(tokens: Token[], from: number, type: NameType): number {
  let at = from;
  while (at > 0 && NAME_PARTICLES.has(tokens[at - 1].text) && isSpaceOnlyBetween(tokens[at - 1], tokens[at])) at--;
  if (at === from || !(PATRONYMICS.has(tokens[from - 1].text) || (type === 'person' && OPENING_PARTICLES.has(tokens[from - 1].text)))) return from;
  // After a capitalised word the particles are inside a name the tagger cut ("Walter van der Vijver"), not its start.
  const before = tokens[at - 1];
  return before && UPPER.test(before.text) && isSpaceOnlyBetween(before, tokens[at]) ? from : at;
}

/**
 * Lower-case words any name may hold: of the 23,499 names of CoNLL-2003's training data, the 385
 * lower-case words inside one are nearly all these and the particles ("Bank of England", "Jan de
 * Vries", "Inzamam ul Haq").
 */
const NAME_CONNECTORS = new Set([...NAME_PARTICLES, 'of', 'and', 'the', 'for', 'in', 'on', 'et', 'des', 'e', 'a', 'ul', 'ur', 'upon', 'au', 'sur', 'af', 'st']);

/** A word in lower case with no capital inside ("eBay", "iPod" are brands' spellings of names). */
const LOWER_WORD = /^\p{Ll}[^\p{Lu}]*$/u;

/** Whether token `k` is a lower-case word none of `allowed`, and not the second half of a hyphenated word ("Inzamam-ul-Haq", "Blu-ray"). */
function isLowerWordOutside(tokens: Token[], k: number, allowed: ReadonlySet<string>): boolean {
  return LOWER_WORD.test(tokens[k].text) && !allowed.has(tokens[k].normal) && !tokens[k - 1].post.endsWith('-');
}

/**
 * "Mr. Incredible on a Cubs Halloween flight", "shoot Harambe. And so …": a person's name holds no
 * lower-case word but a particle ("Ludwig van Beethoven"), and does not run on past a full stop
 * after a word that is neither an abbreviation nor an initial. Where the tagger ran on, the name
 * ends there.
 */
function personNameEnd(tokens: Token[], from: number, to: number): number {
  for (let k = from + 1; k < to; k++) {
    const before = tokens[k - 1];
    const fullStop = before.post.startsWith('.') && HAS_LOWER.test(before.text) && !before.tags.has('Abbreviation');
    if (fullStop || isLowerWordOutside(tokens, k, NAME_PARTICLES)) {
      let end = k;
      while (end > from + 1 && NAME_PARTICLES.has(tokens[end - 1].normal)) end--;
      return end;
    }
  }
  return to;
}

/**
 * "When Google launched …", "As Bitcoin Bubble Loses Air": a word of a closed class that opens a
 * sentence or a headline is not the first word of the name after it, unless the whole is a known
 * name.
 */
export function isFunctionWordOpening(tokens: Token[], from: number, to: number): boolean {
  if (to - from < 2 || !capitalisedByPosition(tokens, from) || !/^\p{Lu}\p{Ll}+$/u.test(tokens[from].text) || gazetteerHit(tokens.slice(from, to))) return false;
  return QUANTIFIERS.has(tokens[from].normal) || wordClassIn(tokens[from].normal, OPENING_TAGS);
}

/** Determiners that count ("Some Liverpool fans"), unlike the articles that begin names ("El Salvador", "All Blacks"). */
const QUANTIFIERS = new Set(['some', 'many', 'most', 'each', 'every', 'any', 'several', 'few', 'both', 'another']);

/**
 * Closed word classes of compromise's lexicon, whose words are never a name alone ("Who",
 * "Themselves", "Please", "Never"). Not verbs, adverbs, modals or adjectives: "Reading" and "Bury"
 * are clubs, "May" and "Such" people, "Young" and "Brown" surnames.
 */
const FUNCTION_TAGS = new Set(['Reflexive', 'QuestionWord', 'Conjunction', 'Expression', 'Pronoun', 'Preposition', 'Determiner', 'Copula', 'Auxiliary', 'Negative']);

/**
 * The classes of those that open a sentence before a name but are not part of one: not
 * determiners ("De Wilde", "El Salvador", "La Stampa") nor auxiliaries ("Will Smith"); initials
 * ("A Stewart") and capitals ("U.S.") are kept out by their shape.
 */
const OPENING_TAGS = new Set([...FUNCTION_TAGS].filter((t) => t !== 'Determiner' && t !== 'Auxiliary'));

/**
 * "Bitcoin Price LIVE", "As Bitcoin Bubble Loses Air": in a headline every word is capitalised, so
 * a "person" there that holds a word the article writes in lower case (other than a given name
 * or a particle, "Cole refuses to blame van Persie") is the headline's words, not a name. The
 * body's mentions of a real name still count.
 */
export function hasCommonWord(core: Token[], lowercase: Set<string>): boolean {
  return core.length > 1 && core.some((t) => t.text.length > 2 && lowercase.has(t.text.toLowerCase()) && !t.tags.has('FirstName') && !NAME_PARTICLES.has(t.text));
}

/** Verbs that end a name in a headline whatever its type, as no name holds them ("Kim Says", "Apple Store Has"). */
const HEADLINE_VERBS = new Set(['is', 'has', 'was', 'says']);

const PRESENT_TAGS = new Set(['PresentTense']);

/**
 * "Equifax Makes Changes", "Kim Says": in a headline in title case, a name ends before a verb of the
 * present that follows its first word; in a person's name only before "Is", "Has", "Was" or "Says",
 * as surnames can be such verbs ("Tim Dams"). Listed names are whole, and so are words that are
 * also the nouns names are made of ("Northern States Power", "Global Networks"). Headlines in
 * capitals are left alone: wire headlines ("STOCK MARKETS") pile up nouns that read as verbs.
 */
function headlineVerbAt(tokens: Token[], from: number, to: number, person: boolean): number {
  for (let k = from + 1; k < to; k++) {
    const word = tokens[k].normal;
    const noun = word.slice(0, -1);
    if (HEADLINE_VERBS.has(word)) return k;
    if (!person && word.endsWith('s') && wordClassIn(word, PRESENT_TAGS) && !ORG_SUFFIXES.has(noun) && !ORG_HEADS.has(noun) && !PLACE_HEADS.has(noun)) return k;
  }
  return to;
}

/**
 * "Breaking News" in an article that also writes "breaking" and "news": a "person" every word of
 * which the article writes in lower case, with no given name among them, is no person's name.
 */
function isCommonWordsName(core: Token[], lowercase: Set<string>): boolean {
  return core.length > 1 && core.every((t) => lowercase.has(t.text.toLowerCase()) && !t.tags.has('FirstName'));
}

/**
 * "Rapid and Accurate Image Super Resolution": a "person" straight after a capitalised word inside
 * a sentence, which the tagger left out of every name and which is no title, is the tail of a
 * longer name that is not a person's.
 */
function isCutFromLongerName(tokens: Token[], from: number, to: number, named: (i: number) => boolean): boolean {
  const prev = tokens[from - 1];
  // One word after a capital may be a surname after a given name the tagger missed ("Dennis Mitchell").
  if (to - from < 2 || from < 2 || !prev || !UPPER.test(prev.text) || !HAS_LOWER.test(prev.text) || ROLE_HEADS.has(prev.normal) || named(from - 1)) return false;
  if (prev.post.trim() || tokens[from].pre.trim() || capitalisedByPosition(tokens, from - 1)) return false;
  return !['Honorific', 'Title', 'Person', 'FirstName', 'LastName', 'Place', 'Organization', 'Acronym'].some((t) => prev.tags.has(t));
}

/** Last words of an institution's name, never of a person's ("the Trump Administration", "Kennedy Foundation"). */
const INSTITUTIONS = new Set(['administration', 'ministry', 'department', 'government', 'committee', 'commission', 'council', 'university', 'agency', 'corporation', 'inc', 'ltd', 'plc', 'llc', 'party', 'parliament', 'federation', 'association', 'organization', 'organisation', 'institute', 'foundation', 'authority', 'secretariat', 'directorate', 'air', 'airlines', 'airways']);

/** Last words that make a "person" a body: the institutions', and BODY_NAME_ENDINGS; not "Hospital" or "Museum", places in CoNLL-2003. */
const BODY_HEADS: ReadonlySet<string> = new Set([...INSTITUTIONS, ...BODY_NAME_ENDINGS]);

/** Of BODY_HEADS, those that end places' names too: in CoNLL-2003's training data ("West Bank", "Soviet Union", "Russian Federation"), and "Bel Air". */
const PLACE_NAME_HEADS = new Set(['bank', 'union', 'federation', 'air']);

/** "Policy Institute", "West Virginia University" read as places: a body's by its last word, unless a list or the training data's places end so. */
function isBodyReadAsPlace(words: Token[]): boolean {
  return !PLACE_NAME_HEADS.has(words[words.length - 1].normal) && !gazetteerHit(words);
}

const RULE_TYPES: Record<string, NerType> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/**
 * A name never stops inside a hyphenated word ("Tsai Ing-wen", "al-Qaeda", "Kim Jong-un", also
 * "al - Qaeda" as text joined from words writes it): compromise
 * makes each part a token, and the tagger may leave a part out. A part joins the name unless it is
 * a word compromise knows ("U.S.-based") or belongs to another name ("India-Russia").
 */
function wholeWords(tokens: Token[], from: number, to: number, inOtherName: (i: number) => boolean): [number, number] {
  const part = (i: number): boolean => !inOtherName(i) && (UPPER.test(tokens[i].text) || PARTICLES.has(tokens[i].normal) || lexiconTags(tokens[i].normal).length === 0);
  const hyphen = (i: number): boolean => tokens[i].post === '-' || isArabicArticle(tokens, i);
  while (from > 0 && hyphen(from - 1) && part(from - 1)) from--;
  while (to < tokens.length && hyphen(to - 1) && part(to)) to++;
  return [from, to];
}

/** A name the tagger found, with the roles and canonical name the rule layer knows for it. */
function taggedCandidate(text: string, tokens: Token[], from: number, to: number, type: NameType, caseless: boolean, rulePeople: Map<number, Candidate>, extras: Extra[]): Candidate {
  const core = tokens.slice(from, to);
  const span = textOf(text, core);
  const hit = gazetteerHit(core);
  const before = tokens[from - 1];
  const after = tokens[to];
  const ruled = type === 'person' ? rulePeople.get(span.end) : undefined;
  const roles = type !== 'person' ? [] : ruled ? [...ruled.roles] : personRoles(text, tokens, roleBefore(tokens, from), to, extras);
  return { tokens: core, ...span, type, canonical: hit?.type === type ? hit.name : undefined, weak: false, caseless, guessed: false, orgCue: hasOrgCue(core, before, after), roles };
}

/** The rule layer's reading of each token: a hash of the position and type of the rule mention covering it, 0 outside any. */
function opinionsOf(sentences: ParsedSentence[], ruled: EntityResult): Uint32Array[] {
  const types = new Map(ruled.entities.map((e) => [e.key, e.type]));
  const out = sentences.map((s) => new Uint32Array(s.tokens.length));
  const tokens = sentences.flatMap((s, n) => s.tokens.map((t, i) => ({ start: t.start, n, i })));
  let k = 0;
  for (const m of ruled.mentions) {
    while (k < tokens.length && tokens[k].start < m.start) k++;
    let end = k;
    while (end < tokens.length && tokens[end].start < m.end) end++;
    const type = types.get(m.key);
    for (let j = k; j < end; j++) {
      const pos = end - k === 1 ? 'U' : j === k ? 'B' : j === end - 1 ? 'L' : 'I';
      out[tokens[j].n][tokens[j].i] = hashString(`${pos}-${type}`);
    }
  }
  return out;
}

/** The rule layer's opinions of an article's tokens, as the tagger is trained on them. */
export function ruleOpinions(text: string, sentences: ParsedSentence[], articleDate: string | null): Uint32Array[] {
  const rules = ruleCandidates(text, sentences, articleDate);
  return opinionsOf(sentences, resolve(text, rules.candidates, rules.extras));
}
