import type { Entity, EntityType } from '../model/types';
import type { ArticleAnalysis, LocalEntity } from '../nlp/analysis';
import { aliasIndex, initialsOf } from '../nlp/aliases';
import type { Steps } from './steps';
import { runSync } from './steps';

/**
 * Bump with any change to how entities are merged: a merged-entities snapshot in the cache
 * (mergeSnapshot.ts) made by other merging code is then never used.
 */
export const MERGE_VERSION = 1;

export interface MergeResult {
  entities: Map<string, Entity>;
  /** articleId -> local key -> corpus entity id */
  resolve: Map<string, Map<string, string>>;
}

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

/** Local entities that share type and normalised name, across articles. */
interface Group {
  type: EntityType;
  slug: string;
  names: Map<string, number>;
  aliases: Set<string>;
  roles: string[];
  value?: string;
  place?: string;
  mentions: number;
  articles: Set<string>;
  /** The group this one was merged into, if any. */
  into?: Group;
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

function words(s: string): string[] {
  return slugOf(s).split('-').filter(Boolean);
}

function root(g: Group): Group {
  let r = g;
  while (r.into) r = r.into;
  return r;
}

/** The display name of a group: the form with most words, then the most frequent, then the first alphabetically. */
function canonical(g: Group): string {
  return [...g.names].sort((a, b) => words(b[0]).length - words(a[0]).length || b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/**
 * Merges the article-local entities of every article into corpus entities. Short forms join the one
 * full name they fit across the corpus ("Lavrov" -> "Sergei Lavrov"), acronyms join the one
 * expansion they spell ("SCO" -> "Shanghai Cooperation Organization") or that lists them as an
 * alias; an ambiguous short form stays its own entity. Ids are type plus the slug of the canonical
 * name (`person:sergei-lavrov`) and depend only on the corpus, not on the order of indexing.
 */
export function mergeEntities(analyses: Iterable<ArticleAnalysis>): MergeResult {
  return runSync(mergeSteps(analyses));
}

/** mergeEntities as steps: yields after every article and every few hundred groups. */
export function* mergeSteps(analyses: Iterable<ArticleAnalysis>): Steps<MergeResult> {
  const list = [...analyses].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  const groups: Group[] = [];
  // By type, then slug: a lookup by one joined string hashed a new string for every local entity.
  const byType = new Map<EntityType, Map<string, Group>>();
  const localGroup = new Map<string, Map<string, Group>>();
  const groupOf = (e: LocalEntity): Group => {
    const sl = slugOf(e.name);
    let ofType = byType.get(e.type);
    if (!ofType) byType.set(e.type, (ofType = new Map()));
    let g = ofType.get(sl);
    if (!g) {
      ofType.set(sl, (g = { type: e.type, slug: sl, names: new Map(), aliases: new Set(), roles: [], mentions: 0, articles: new Set() }));
      groups.push(g);
    }
    return g;
  };

  for (const a of list) {
    yield;
    const local = new Map<string, Group>();
    localGroup.set(a.articleId, local);
    let byKey: Map<string, LocalEntity> | undefined;
    for (const e of a.entities) {
      const g = groupOf(e);
      local.set(e.key, g);
      g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
      for (const al of e.aliases) g.aliases.add(al);
      for (const r of e.roles) if (!g.roles.includes(r)) g.roles.push(r);
      if (e.value && !g.value) g.value = e.value;
      if (e.place && !g.place) g.place = (byKey ??= new Map(a.entities.map((x) => [x.key, x]))).get(e.place)?.name;
    }
    for (const m of a.mentions) {
      const g = local.get(m.key);
      if (!g) continue;
      g.mentions++;
      g.articles.add(a.articleId);
    }
  }

  yield* joinShortForms(groups);

  const entities = new Map<string, Entity>();
  const articlesOf = new Map<string, Set<string>>();
  const idOf = new Map<Group, string>();
  yield;
  const rootsInOrder = groups.filter((g) => !g.into).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  yield;
  const members = new Map<Group, Group[]>();
  for (const g of groups) {
    const r = root(g);
    const l = members.get(r);
    if (l) l.push(g);
    else members.set(r, [g]);
  }
  let n = 0;
  for (const r of rootsInOrder) {
    if (++n % 256 === 0) yield;
    const all = members.get(r) ?? [r];
    // Most groups have no short forms joined to them: those are used as they are, not copied.
    const merged = all.length === 1 ? r : combined(r, all);
    const name = canonical(merged);
    const id = `${r.type}:${slugOf(name)}`;
    const aliases = [...new Set([...merged.names.keys(), ...merged.aliases])].filter((n) => n !== name).sort();
    const entity: Entity = { id, name, type: r.type, aliases, roles: merged.roles, mentionCount: merged.mentions, articleCount: merged.articles.size };
    if (merged.value) entity.value = merged.value;
    if (merged.place) entity.place = `place:${slugOf(merged.place)}`;
    entities.set(id, entity);
    articlesOf.set(id, merged.articles);
    for (const g of all) idOf.set(g, id);
  }

  const resolve = new Map<string, Map<string, string>>();
  for (const [articleId, local] of localGroup) {
    if (++n % 64 === 0) yield;
    const m = new Map<string, string>();
    for (const [key, g] of local) m.set(key, idOf.get(g) ?? idOf.get(root(g)) ?? '');
    resolve.set(articleId, m);
  }
  // Places that only nationalities name ("Iranian" -> Iran) are kept so the link resolves.
  // Their article count is that of the nationalities naming them; their mention count stays 0.
  const referenced = new Set([...entities.values()].map((e) => e.place).filter((p): p is string => !!p));
  for (const [id, e] of entities) if (e.mentionCount === 0 && !referenced.has(id)) entities.delete(id);
  for (const e of entities.values()) if (e.place && !entities.has(e.place)) delete e.place;
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

/** One group holding the names, aliases, roles, mentions and articles of all `members` of root `r`. */
function combined(r: Group, members: Group[]): Group {
  const merged: Group = { ...r, names: new Map(), aliases: new Set(), roles: [], mentions: 0, articles: new Set() };
  for (const g of members) {
    for (const [n, c] of g.names) merged.names.set(n, (merged.names.get(n) ?? 0) + c);
    for (const al of g.aliases) merged.aliases.add(al);
    for (const x of g.roles) if (!merged.roles.includes(x)) merged.roles.push(x);
    merged.mentions += g.mentions;
    for (const id of g.articles) merged.articles.add(id);
    merged.value ??= g.value;
    merged.place ??= g.place;
  }
  return merged;
}

/**
 * Joins surname-only people to the one full name they fit, and acronyms to their one expansion.
 * Candidates come from maps built once (by name tail, initials, alias), never from a scan of every
 * group per short form: that scan was quadratic and took minutes on a corpus of 19,000 articles.
 */
function* joinShortForms(all: Group[]): Steps<void> {
  const people = all.filter((g) => g.type === 'person');
  const fullNames = new Map<string, Group>();
  for (const g of people) {
    const w = g.slug.split('-');
    if (w.length > 1) fullNames.set(w.join(' '), g);
  }
  yield;
  const targetOf = aliasIndex(fullNames.keys());
  let n = 0;
  for (const g of people) {
    if (++n % 256 === 0) yield;
    const w = g.slug.split('-');
    if (fullNames.has(w.join(' '))) continue;
    const target = targetOf(w);
    if (target) g.into = fullNames.get(target);
  }

  for (const type of ['organization', 'place'] as const) {
    const ofType = all.filter((g) => g.type === type);
    yield;
    const names = new Map(ofType.map((g) => [g, canonical(g)]));
    yield;
    const byInitials = new Map<string, Group[]>();
    const byAlias = new Map<string, Group[]>();
    const add = (map: Map<string, Group[]>, key: string, g: Group): void => {
      const l = map.get(key);
      if (l) l.push(g);
      else map.set(key, [g]);
    };
    for (const o of ofType) {
      const name = names.get(o) as string;
      if (!name.includes(' ')) continue;
      add(byInitials, initialsOf(name), o);
      for (const alias of o.aliases) add(byAlias, alias, o);
    }
    for (const g of ofType) {
      if (++n % 256 === 0) yield;
      const name = names.get(g) as string;
      if (!/^[A-Z0-9.&]{2,8}$/.test(name)) continue;
      const letters = name.replace(/\./g, '');
      const fits = [...new Set([...(byInitials.get(letters) ?? []), ...(byAlias.get(name) ?? [])])].filter((o) => o !== g);
      if (fits.length === 1 && root(fits[0]) !== g) g.into = fits[0];
    }
  }
}
