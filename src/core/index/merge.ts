import type { Entity, EntityType } from '../model/types';
import type { ArticleAnalysis, LocalEntity, TypeEvidence } from '../nlp/analysis';
import { aliasFits, initialsOf } from '../nlp/aliases';
import { ORG_SUFFIXES } from '../nlp/lexicon';
import type { NameType, TypeDecision, TypeTally } from './identity';
import { NAME_TYPES, decideType, distinctiveWords, isAcronym, isNameType, localType, nameKey, writtenAsKey, withoutGeneration, withoutLegalForm, withoutMiddleInitials } from './identity';
import type { Steps } from './steps';
import { runSync } from './steps';

/**
 * Bump with any change to how entities are merged: a merged-entities snapshot in the cache
 * (mergeSnapshot.ts) made by other merging code is then never used.
 */
export const MERGE_VERSION = 9;

export interface MergeResult {
  entities: Map<string, Entity>;
  /** articleId -> local key -> corpus entity id */
  resolve: Map<string, Map<string, string>>;
}

/*
 * Identity across articles: when two mentions in different articles are one real-world thing.
 *
 * 1. Inside an article the recogniser has already joined short forms to what they stand for
 *    ("Lavrov" -> "Sergei Lavrov", "BBC" -> "Benavista Bowls Club" where the article defines it).
 *    That joining never leaves the article: another article's "BBC" is not the bowls club because
 *    one article said so.
 * 2. Across articles, entities join on the same name up to its known variants (identity.ts
 *    nameKey): spelling ("Kim Jong-un", "Kim Jong Un"; and a transliteration's doubled letters,
 *    "Mohammed Morsi", "Mohamed Morsi"), the gazetteer's forms ("U.S.", "US",
 *    "United States"), courtesy titles; a middle initial ("Donald J. Trump") or a company's legal
 *    form ("Goldman Sachs Group Inc.") where the corpus has only one such form of the name.
 * 3. A name's type is decided once for the corpus from all its mentions (identity.ts decideType):
 *    "Trump" is a person in every article, though one article's recogniser took him for an
 *    organization; "Tesla" is an organization where texts say "shares of Tesla". Where the texts
 *    disagree with enough evidence on each side, the name stays two entities, each listing the
 *    other in `possibleSame`, and each article's mention takes the type its own words say, else
 *    the type its recogniser gave, except that a "person" of a name that is mostly a body's is the
 *    body unless the article names a person of that surname (identity.ts localType).
 * 4. A short form an article does not resolve itself (a surname, a given name, an acronym, the last
 *    word of a team's name) joins a full name only when one candidate is unambiguous in its
 *    article or in its story: the articles sharing at least STORY_MIN_SHARED other distinctive
 *    names with it. A one-word person's name also joins the full name the corpus establishes it
 *    as: the one full name that the articles writing both resolve it to ("Trump" in an article on
 *    the tax bill is the Donald Trump of the articles that write "Donald Trump ... Trump").
 *    Otherwise the short form stays its own entity, with the candidates in `possibleSame`. An
 *    acronym is never established that way: one article defining "BBC" as the Benavista Bowls
 *    Club says nothing about any other article's BBC.
 *
 * Ids are type plus the slug of the canonical name (`person:sergei-lavrov`); every choice is made
 * over articles sorted by id and names sorted by key, so ids depend only on the corpus, not on the
 * order of indexing.
 */

/** Other names an article must share with one of a full name's articles to be in its story. */
const STORY_MIN_SHARED = 2;
/** A name in more than this share of a corpus's articles says nothing about which story an article tells. */
const STORY_COMMON_SHARE = 0.2;
/** Corpora smaller than this have no names too common to tell stories apart. */
const STORY_COMMON_MIN_ARTICLES = 10;
/**
 * A candidate wins over the others when it has at least this many times their evidence: in an
 * article that names both Kim Jong Un (five times) and his father Kim Jong Il (once), "Kim" is
 * the son; in a story, the full name whose articles share the most names with this one.
 */
const DOMINANCE = 3;
/** Articles that must resolve a one-word name to the same full name before the corpus takes it as that name's. */
const ESTABLISHED_MIN_ARTICLES = 3;
/** ... and their share of all the articles that resolve it. */
const ESTABLISHED_SHARE = 2 / 3;
/** A short form fitting more full names than this is too common a word to say which it may be. */
const MAX_POSSIBLE = 4;

export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/**
 * Slugs of names seen in recent merges: names repeat across articles, a corpus is merged again on
 * every change, and slug() is not cheap. Emptied when it outgrows what a large corpus names.
 */
const slugCache = new Map<string, string>();
const SLUG_CACHE_MAX = 200_000;

function slugOf(s: string): string {
  let v = slugCache.get(s);
  if (v === undefined) {
    if (slugCache.size >= SLUG_CACHE_MAX) slugCache.clear();
    slugCache.set(s, (v = slug(s)));
  }
  return v;
}

/** One article's entity, as the merge sees it. */
interface Local {
  articleId: string;
  entity: LocalEntity;
  /** nameKey for people, organizations and places; the slug of the name otherwise. */
  key: string;
  /** The gazetteer's name for it, when listed. */
  listed?: string;
  /** Its key is the surname of a person its article names in full. */
  surnameHere?: boolean;
  type: EntityType;
  mentions: number;
  /** The local entity a nationality names as its place. */
  place?: Local;
  group?: Group;
}

/** The entities of one type and key across articles, before and after joins. */
interface Group {
  type: EntityType;
  key: string;
  locals: Local[];
  /** The group this one was joined into, if any. */
  into?: Group;
  /** Groups that may be the same thing (see possibleSame). */
  maybe: Set<Group>;
  articles: Set<string>;
}

function root(g: Group): Group {
  let r = g;
  while (r.into) r = r.into;
  return r;
}

function join(g: Group, into: Group): void {
  const a = root(g);
  const b = root(into);
  if (a !== b) a.into = b;
}

function byKey<T extends { key: string; type: EntityType }>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

/**
 * Merges the article-local entities of every article into corpus entities, by the policy above.
 */
export function mergeEntities(analyses: Iterable<ArticleAnalysis>): MergeResult {
  return runSync(mergeSteps(analyses));
}

/** mergeEntities as steps: yields after every article and every few hundred names. */
export function* mergeSteps(analyses: Iterable<ArticleAnalysis>): Steps<MergeResult> {
  const list = [...analyses].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  const locals: Local[] = [];
  const byArticle = new Map<string, Local[]>();
  const tallies = new Map<string, TypeTally>();
  const givenNames = givenNamesBySurname(list);

  for (const a of list) {
    yield;
    const count = new Map<string, number>();
    for (const m of a.mentions) count.set(m.key, (count.get(m.key) ?? 0) + 1);
    const own: Local[] = [];
    const ofKey = new Map<string, Local>();
    const surnames = surnamesIn(a.entities);
    const namedApart = surnamesNamedApart(a.entities, givenNames);
    for (const e of a.entities) {
      const local: Local = { articleId: a.articleId, entity: e, key: '', type: e.type, mentions: count.get(e.key) ?? 0 };
      if (isNameType(e.type)) {
        const k = nameKey(e.name);
        local.key = k.key;
        local.listed = k.listed?.name;
        local.surnameHere = surnames.has(k.key);
        let tally = tallies.get(k.key);
        if (!tally) tallies.set(k.key, (tally = { votes: {}, cues: {}, listed: k.listed?.type }));
        // A one-word "place" that is the surname of a person the article names ("Max Verstappen ... Verstappen") is that person;
        // so is one whose given name the article writes alone, where the corpus names the person in full ("Quentin ... Tarantino").
        const surname = e.type === 'place' && !k.listed && !e.cues?.place && (surnames.has(k.key) || namedApart.has(k.key));
        if (e.typeScores) add(tally.votes, e.typeScores);
        else {
          const t = surname ? 'person' : e.type;
          tally.votes[t] = (tally.votes[t] ?? 0) + local.mentions;
        }
        if (e.cues) add(tally.cues, e.cues);
        if (e.placeName) tally.placeName = true;
      } else {
        local.key = slugOf(e.name);
      }
      own.push(local);
      ofKey.set(e.key, local);
    }
    for (const l of own) if (l.entity.place) l.place = ofKey.get(l.entity.place);
    byArticle.set(a.articleId, own);
    locals.push(...own);
  }

  yield;
  const decisions = new Map<string, TypeDecision>();
  for (const [key, tally] of tallies) decisions.set(key, decideType(tally));
  for (const l of locals) {
    const d = isNameType(l.type) ? decisions.get(l.key) : undefined;
    if (d) l.type = localType(d, l.type as NameType, l.entity.cues, l.surnameHere);
  }

  // Groups of full names; short forms wait for the story that resolves them.
  const groups = new Groups();
  const short: Local[] = [];
  for (const l of locals) {
    if (isShortForm(l)) short.push(l);
    else {
      l.group = groups.ensure(l.type, l.key);
      l.group.locals.push(l);
      if (l.mentions > 0) l.group.articles.add(l.articleId);
    }
  }
  yield;
  joinVariants(groups);
  yield* resolveShortForms(short, byArticle, list.length, decisions, groups);
  yield;
  // Again with the short forms' own groups: "Qualcomm Inc." and "Qualcomm".
  joinVariants(groups);
  linkSplitTypes(locals, decisions);
  return yield* buildEntities(groups.all(), byArticle);
}

/** The last words of the full names of people an article names. */
function surnamesIn(entities: LocalEntity[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const k = nameKey(e.name).key;
    if (k.includes(' ')) out.add(k.slice(k.lastIndexOf(' ') + 1));
  }
  return out;
}

/** For each surname of a person the corpus names in full, the given names it goes with ("tarantino" -> "quentin"). */
function givenNamesBySurname(analyses: readonly ArticleAnalysis[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of analyses) {
    for (const e of a.entities) {
      if (e.type !== 'person') continue;
      const words = nameKey(e.name).key.split(' ');
      if (words.length < 2 || words[0].length < 2) continue;
      const surname = words[words.length - 1];
      let given = out.get(surname);
      if (!given) out.set(surname, (given = new Set()));
      given.add(words[0]);
    }
  }
  return out;
}

/** Surnames whose person an article names by the given name alone, where the corpus names that person in full. */
function surnamesNamedApart(entities: LocalEntity[], givenNames: Map<string, Set<string>>): Set<string> {
  const alone = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const k = nameKey(e.name).key;
    if (!k.includes(' ')) alone.add(k);
  }
  const out = new Set<string>();
  if (alone.size === 0) return out;
  for (const e of entities) {
    if (e.type !== 'place') continue;
    const k = nameKey(e.name).key;
    const given = givenNames.get(k);
    if (given && [...given].some((g) => alone.has(g))) out.add(k);
  }
  return out;
}

/** The entities a name was split into by type ("Jordan" the country and the person) may be the same. */
function linkSplitTypes(locals: Local[], decisions: Map<string, TypeDecision>): void {
  const byKey = new Map<string, Set<Group>>();
  for (const l of locals) {
    if (!l.group || (decisions.get(l.key)?.kept.length ?? 1) < 2) continue;
    const set = byKey.get(l.key) ?? new Set<Group>();
    set.add(root(l.group));
    byKey.set(l.key, set);
  }
  for (const set of byKey.values()) {
    const list = [...set];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (list[i].type !== list[j].type) link(list[i], list[j]);
  }
}

function add(into: TypeEvidence, from: TypeEvidence): void {
  for (const t of NAME_TYPES) {
    const n = from[t];
    if (n) into[t] = (into[t] ?? 0) + n;
  }
}

/** The groups by type, then key (a lookup by one joined string hashed a new string for every local). */
class Groups {
  private readonly byType = new Map<EntityType, Map<string, Group>>();

  get(type: EntityType, key: string): Group | undefined {
    return this.byType.get(type)?.get(key);
  }

  ensure(type: EntityType, key: string): Group {
    let ofType = this.byType.get(type);
    if (!ofType) this.byType.set(type, (ofType = new Map()));
    let g = ofType.get(key);
    if (!g) ofType.set(key, (g = { type, key, locals: [], maybe: new Set(), articles: new Set() }));
    return g;
  }

  /** Every group, sorted by key then type: what is decided from them does not depend on the order of the articles. */
  all(): Group[] {
    const out: Group[] = [];
    for (const ofType of this.byType.values()) for (const g of ofType.values()) out.push(g);
    return out.sort(byKey);
  }
}

/**
 * Short forms that an article leaves unresolved: a one-word person name (surname or given name;
 * not one written as an acronym), an organization's or place's acronym, a one-word organization
 * name that may be a team's name without its city ("Cubs" for "Chicago Cubs"; not words that end
 * many names, such as "Council" or "Times").
 */
function isShortForm(l: Local): boolean {
  if (l.listed || l.key.includes(' ')) return false;
  if (l.type === 'person') return !isAcronym(l.entity.name);
  if (l.type === 'organization' || l.type === 'place') return isAcronym(l.entity.name) || (l.type === 'organization' && !ORG_SUFFIXES.has(l.key));
  return false;
}

/**
 * Middle initials and legal forms: "Donald J. Trump" joins "Donald Trump" when it is the only
 * initialled form of that name in the corpus (with "George W. Bush" and "George H. W. Bush" both
 * present, "George Bush" stays apart and may be either); "Goldman Sachs Group Inc." joins
 * "Goldman Sachs". A generation ("Jr", "II") tells a son from his father: such names stay apart,
 * marked as possibly the same.
 */
function joinVariants(groups: Groups): void {
  const initialled = new Map<string, Group[]>();
  const spelled = new Map<string, Group[]>();
  for (const g of groups.all()) {
    const folded = (g.type === 'person' || g.type === 'place') && root(g) === g ? transliterationKey(g.key) : undefined;
    if (folded) {
      const l = spelled.get(`${g.type}:${folded}`);
      if (l) l.push(g);
      else spelled.set(`${g.type}:${folded}`, [g]);
    }
    if (g.type === 'person') {
      const plain = withoutMiddleInitials(g.key);
      if (plain) {
        const l = initialled.get(plain);
        if (l) l.push(g);
        else initialled.set(plain, [g]);
      }
      // "Patrick Paddock II" may be the Patrick Paddock of another article, or his father.
      const senior = withoutGeneration(g.key);
      const other = senior && groups.get('person', senior);
      if (other) link(g, other);
    } else if (g.type === 'organization') {
      const plain = withoutLegalForm(g.key);
      const target = plain && groups.get('organization', plain);
      if (target) join(g, target);
    }
  }
  for (const [plain, variants] of initialled) {
    const target = groups.get('person', plain);
    if (!target) continue;
    if (variants.length === 1) join(variants[0], target);
    else for (const v of variants) link(v, target);
  }
  for (const variants of spelled.values()) {
    const roots = [...new Set(variants.map(root))];
    if (roots.length < 2) continue;
    // The most mentioned spelling names the entity: the others join it.
    const target = roots.reduce((a, b) => (mentionTotal(b) > mentionTotal(a) ? b : a));
    for (const v of roots) if (v !== target) join(v, target);
  }
}

/**
 * Spellings of one name in the Latin alphabet that transliterations of Arabic, Persian and Russian
 * names give ("Mohammed Morsi" and "Mohamed Morsi", "Mazar-i-Sharif" and "Mazar-e-Sharif"): doubled
 * letters written once, a one-letter vowel between two words left out. Only names of two words or
 * more: one word folded so could be another name.
 */
function transliterationKey(key: string): string | undefined {
  const words = key.split(' ').filter((w, i, all) => !(i > 0 && i < all.length - 1 && /^[aeiou]$/.test(w)));
  if (words.length < 2) return undefined;
  return words.map((w) => w.replace(/(\p{L})\1+/gu, '$1')).join(' ');
}

function mentionTotal(g: Group): number {
  let n = 0;
  for (const l of g.locals) n += l.mentions;
  return n;
}

function link(a: Group, b: Group): void {
  if (a === b) return;
  a.maybe.add(b);
  b.maybe.add(a);
}

/** Candidate full names for the short forms, from maps built once over the full-name groups. */
interface Candidates {
  of(l: Local): Group[];
}

function candidateIndex(all: Group[], isPlace: (key: string) => boolean): Candidates {
  const people = new Map<string, Group>();
  const orgTails = new Map<string, Group[]>();
  const byInitials = new Map<string, Group[]>();
  const byAlias = new Map<string, Group[]>();
  const push = (map: Map<string, Group[]>, key: string, g: Group): void => {
    const l = map.get(key);
    if (!l) map.set(key, [g]);
    else if (!l.includes(g)) l.push(g);
  };
  for (const g0 of all) {
    const g = root(g0);
    if (!g.key.includes(' ')) continue;
    if (g.type === 'person') people.set(g.key, g);
    if (g.type === 'organization' && isPlace(g.key.slice(0, g.key.lastIndexOf(' ')))) push(orgTails, g.key.slice(g.key.lastIndexOf(' ') + 1), g);
    if (g.type === 'organization' || g.type === 'place') {
      for (const l of g0.locals) {
        push(byInitials, initialsOf(l.listed ?? l.entity.name), g);
        for (const alias of l.entity.aliases) if (isAcronym(alias)) push(byAlias, alias.replace(/\./g, ''), g);
      }
    }
  }
  const personFits = aliasFits(people.keys());
  return {
    of(l: Local): Group[] {
      if (l.type === 'person') return personFits(l.key.split(' ')).map((k) => people.get(k) as Group);
      if (isAcronym(l.entity.name)) {
        const letters = l.entity.name.replace(/\./g, '');
        return [...new Set([...(byInitials.get(letters) ?? []), ...(byAlias.get(letters) ?? [])])].filter((g) => g.type === l.type);
      }
      return orgTails.get(l.key) ?? [];
    },
  };
}

/**
 * Joins each short form to its one candidate in its own article, else in its story, else to the
 * full name the corpus establishes it as; otherwise leaves it an entity of its own (one per type
 * and key across the corpus) that may be the candidates.
 */
function* resolveShortForms(
  short: Local[],
  byArticle: Map<string, Local[]>,
  articleCount: number,
  decisions: Map<string, TypeDecision>,
  table: Groups,
): Steps<void> {
  const groups = new Set<Group>();
  for (const locals of byArticle.values()) for (const l of locals) if (l.group) groups.add(l.group);
  const candidates = candidateIndex([...groups].sort(byKey), (key) => decisions.get(key)?.main === 'place');
  yield;
  const articlesOf = new Map<Group, Set<string>>();
  for (const g of groups) {
    const r = root(g);
    let s = articlesOf.get(r);
    if (!s) articlesOf.set(r, (s = new Set()));
    for (const a of g.articles) s.add(a);
  }
  // The distinctive names of each article: full names, not in too many articles to tell stories apart.
  const common = articleCount >= STORY_COMMON_MIN_ARTICLES ? STORY_COMMON_SHARE * articleCount : Infinity;
  const context = new Map<string, Set<Group>>();
  for (const [articleId, locals] of byArticle) {
    const set = new Set<Group>();
    for (const l of locals) {
      if (!l.group || !isNameType(l.type) || l.mentions === 0) continue;
      const r = root(l.group);
      if ((articlesOf.get(r)?.size ?? 0) <= common) set.add(r);
    }
    context.set(articleId, set);
  }
  const established = establishedShortForms(groups);

  const settle = (l: Local, target: Group | undefined, maybe: Group[]): void => {
    if (target) {
      l.group = target;
      target.articles.add(l.articleId);
    } else {
      l.group = table.ensure(l.type, l.key);
      if (l.mentions > 0) l.group.articles.add(l.articleId);
      if (maybe.length <= MAX_POSSIBLE) for (const g of maybe) link(l.group, g);
    }
    l.group.locals.push(l);
  };
  // First what articles resolve themselves: that also establishes what a short form stands for.
  const open: { l: Local; fits: Group[] }[] = [];
  let n = 0;
  for (const l of short) {
    if (++n % 256 === 0) yield;
    const fits = [...new Set(candidates.of(l).map(root))];
    const here = fits.filter((g) => articlesOf.get(g)?.has(l.articleId));
    const mine = here.length > 1 ? dominant(here.map((g) => ({ g, n: mentionsIn(byArticle.get(l.articleId) ?? [], g) }))) : here[0];
    if (mine && l.type === 'person') addTo(established, l.key, mine, l.articleId);
    if (mine) settle(l, mine, []);
    else open.push({ l, fits: here.length ? here : fits });
  }
  for (const { l, fits } of open) {
    if (++n % 256 === 0) yield;
    const own = context.get(l.articleId) ?? new Set<Group>();
    const inStory = fits.map((g) => ({ g, n: storyShared(l.articleId, own, g, articlesOf.get(g) ?? new Set(), context) })).filter((c) => c.n >= STORY_MIN_SHARED);
    const inOwnStory = dominant(inStory);
    if (inOwnStory) settle(l, inOwnStory, []);
    else if (inStory.length > 1) settle(l, undefined, inStory.map((c) => c.g));
    else settle(l, l.type === 'person' ? establishedAs(established.get(l.key), fits) : undefined, fits);
  }
}

/** The candidate with DOMINANCE times the evidence of every other one, if any. */
function dominant(scored: { g: Group; n: number }[]): Group | undefined {
  if (scored.length <= 1) return scored[0]?.g;
  const sorted = [...scored].sort((a, b) => b.n - a.n || byKey(a.g, b.g));
  return sorted[0].n >= DOMINANCE * sorted[1].n ? sorted[0].g : undefined;
}

/** Mentions of `g` (or anything joined into it) among an article's locals. */
function mentionsIn(locals: Local[], g: Group): number {
  let n = 0;
  for (const l of locals) if (l.group && root(l.group) === g) n += l.mentions;
  return n;
}

function addTo(map: Map<string, Map<Group, Set<string>>>, key: string, g: Group, articleId: string): void {
  let byGroup = map.get(key);
  if (!byGroup) map.set(key, (byGroup = new Map()));
  let arts = byGroup.get(g);
  if (!arts) byGroup.set(g, (arts = new Set()));
  arts.add(articleId);
}

/**
 * For each one-word person name, the full names articles resolve it to themselves: "Trump" is
 * "Donald Trump" in every article that writes both. Found in the aliases the recogniser gave the
 * full names (and, by the caller, in short forms that meet their full name in their own article).
 */
function establishedShortForms(groups: Iterable<Group>): Map<string, Map<Group, Set<string>>> {
  const out = new Map<string, Map<Group, Set<string>>>();
  for (const g of groups) {
    if (g.type !== 'person' || !g.key.includes(' ')) continue;
    for (const l of g.locals) {
      if (l.mentions === 0) continue;
      for (const alias of l.entity.aliases) {
        const k = nameKey(alias).key;
        if (k && !k.includes(' ')) addTo(out, k, root(g), l.articleId);
      }
    }
  }
  return out;
}

/**
 * The full name a short form stands for across the corpus: among its candidates, the one that
 * ESTABLISHED_MIN_ARTICLES or more articles resolve it to, and at least ESTABLISHED_SHARE of all
 * articles that resolve it. A name that articles seldom resolve, or resolve to several people,
 * is established as no one.
 */
function establishedAs(resolved: Map<Group, Set<string>> | undefined, fits: Group[]): Group | undefined {
  if (!resolved) return undefined;
  let total = 0;
  let best: Group | undefined;
  let bestCount = 0;
  for (const [g, arts] of resolved) {
    total += arts.size;
    if (fits.includes(g) && (arts.size > bestCount || (arts.size === bestCount && best && byKey(g, best) < 0))) {
      best = g;
      bestCount = arts.size;
    }
  }
  return best && bestCount >= ESTABLISHED_MIN_ARTICLES && bestCount >= ESTABLISHED_SHARE * total ? best : undefined;
}

/** The most distinctive names one other article of `candidate` shares with the article whose names are `own`. */
function storyShared(articleId: string, own: Set<Group>, candidate: Group, articles: Set<string>, context: Map<string, Set<Group>>): number {
  let best = 0;
  for (const a of articles) {
    const theirs = a === articleId ? undefined : context.get(a);
    if (!theirs) continue;
    let shared = 0;
    for (const g of own) if (g !== candidate && theirs.has(g)) shared++;
    if (shared > best) best = shared;
  }
  return best;
}

/**
 * The display name of a group. For people: a full name before a single one, then one not written
 * in capitals, then the most used, then one written as the group's key ("Elon Musk", not "SpaceX
 * CEO Elon Musk"), the longest, the first alphabetically. For others: the longest ("North Atlantic
 * Treaty Organization" before "NATO"; legal forms not counted), then one not written in capitals,
 * then the most used ("Goldman Sachs" before "Goldman Sachs Group Inc."), then one written as the
 * key. "Not written in capitals" counts for names of two words or more ("Hillary Clinton", not a
 * transcript's "HILLARY CLINTON:"); a single word in capitals may be an acronym ("ANA", "NATO").
 */
function canonical(type: EntityType, key: string, names: Map<string, number>): string {
  if (names.size === 1) return names.keys().next().value as string;
  const words = (s: string): number => distinctiveWords(s, type);
  const plain = (s: string): number => Number(writtenAsKey(s, key));
  const cased = (s: string): number => Number(/\p{Ll}/u.test(s) || !/\s/.test(s));
  const alpha = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...names].sort((a, b) =>
    type === 'person'
      ? Number(words(b[0]) > 1) - Number(words(a[0]) > 1) || cased(b[0]) - cased(a[0]) || b[1] - a[1] || plain(b[0]) - plain(a[0]) || words(b[0]) - words(a[0]) || alpha(a[0], b[0])
      : words(b[0]) - words(a[0]) || cased(b[0]) - cased(a[0]) || b[1] - a[1] || plain(b[0]) - plain(a[0]) || alpha(a[0], b[0]),
  );
  return sorted[0][0];
}

function* buildEntities(all: Group[], byArticle: Map<string, Local[]>): Steps<MergeResult> {
  const members = new Map<Group, Group[]>();
  for (const g of all) {
    const r = root(g);
    const l = members.get(r);
    if (l) l.push(g);
    else members.set(r, [g]);
  }
  yield;
  const roots = [...members.keys()].sort(byKey);
  const entities = new Map<string, Entity>();
  const idOf = new Map<Group, string>();
  const articlesOf = new Map<string, Set<string>>();
  const placeOf = new Map<string, Group>();
  let n = 0;
  for (const r of roots) {
    if (++n % 256 === 0) yield;
    const names = new Map<string, number>();
    const aliases = new Set<string>();
    const roles: string[] = [];
    const articles = new Set<string>();
    let mentions = 0;
    let value: string | undefined;
    let place: Group | undefined;
    for (const g of members.get(r) ?? []) {
      for (const l of g.locals) {
        const e = l.entity;
        names.set(e.name, (names.get(e.name) ?? 0) + 1);
        if (l.listed && !names.has(l.listed)) names.set(l.listed, 0);
        for (const al of e.aliases) aliases.add(al);
        for (const x of e.roles) if (!roles.includes(x)) roles.push(x);
        mentions += l.mentions;
        if (l.mentions > 0) articles.add(l.articleId);
        value ??= e.value;
        if (!place && l.place?.group) place = root(l.place.group);
      }
    }
    if (names.size === 0) continue;
    const name = canonical(r.type, r.key, names);
    const id = `${r.type}:${slugOf(name)}`;
    const known = entities.get(id);
    if (known) {
      // Two keys whose canonical names slug alike ("A.B.C." and "A B C") are one name.
      for (const al of [name, ...aliases]) if (al !== known.name && !known.aliases.includes(al)) known.aliases.push(al);
      known.aliases.sort();
      for (const x of roles) if (!known.roles.includes(x)) known.roles.push(x);
      known.mentionCount += mentions;
      const arts = articlesOf.get(id) as Set<string>;
      for (const a of articles) arts.add(a);
      known.articleCount = arts.size;
    } else {
      const entity: Entity = { id, name, type: r.type, aliases: [...new Set([...names.keys(), ...aliases])].filter((x) => x !== name).sort(), roles, mentionCount: mentions, articleCount: articles.size };
      if (value) entity.value = value;
      entities.set(id, entity);
      articlesOf.set(id, articles);
      if (place) placeOf.set(id, place);
    }
    idOf.set(r, id);
  }

  for (const [id, g] of placeOf) {
    const placeId = idOf.get(root(g));
    const e = entities.get(id);
    if (e && placeId) e.place = placeId;
  }
  yield;
  for (const r of roots) {
    const id = idOf.get(r);
    const e = id ? entities.get(id) : undefined;
    if (!e) continue;
    const maybe = new Set<string>();
    for (const g of members.get(r) ?? []) for (const m of g.maybe) {
      const other = idOf.get(root(m));
      if (other && other !== id) maybe.add(other);
    }
    if (maybe.size) e.possibleSame = [...new Set([...(e.possibleSame ?? []), ...maybe])].sort();
  }

  const resolve = new Map<string, Map<string, string>>();
  for (const [articleId, locals] of byArticle) {
    if (++n % 64 === 0) yield;
    const m = new Map<string, string>();
    for (const l of locals) {
      const id = l.group ? idOf.get(root(l.group)) : undefined;
      if (id) m.set(l.entity.key, id);
    }
    resolve.set(articleId, m);
  }
  // Places that only nationalities name ("Iranian" -> Iran) are kept so the link resolves.
  // Their article count is that of the nationalities naming them; their mention count stays 0.
  const referenced = new Set([...entities.values()].map((e) => e.place).filter((p): p is string => !!p));
  for (const [id, e] of entities) if (e.mentionCount === 0 && !referenced.has(id)) entities.delete(id);
  for (const e of entities.values()) {
    if (e.place && !entities.has(e.place)) delete e.place;
    if (e.possibleSame) {
      e.possibleSame = e.possibleSame.filter((p) => entities.has(p));
      if (e.possibleSame.length === 0) delete e.possibleSame;
    }
  }
  for (const e of entities.values()) {
    const place = e.place ? entities.get(e.place) : undefined;
    if (!place || place.mentionCount > 0) continue;
    const arts = articlesOf.get(place.id) ?? new Set<string>();
    for (const a of articlesOf.get(e.id) ?? []) arts.add(a);
    articlesOf.set(place.id, arts);
    place.articleCount = arts.size;
  }
  return { entities, resolve };
}
