import type { Entity, Mention, Span } from '../model/types';
import type { CoOccurrence, IndexedArticle, MentionRef, TimelineEntry } from './corpusIndex';
import type { Curated, CurationBase } from './curation';
import type { Steps } from './steps';

/** Counts of one pair of entities; the same object serves both directions. */
interface PairCount {
  sentences: number;
  events: number;
}

/**
 * The corpus-level views of one state of the corpus: lookups by article, path, entity, the
 * timeline, co-occurrence and the sorted entity list. Built once from the merged corpus, then
 * brought up to date article by article when corrections change (`applyCurated`).
 */
export interface Views {
  articles: IndexedArticle[];
  byArticle: Map<string, IndexedArticle>;
  byPath: Map<string, IndexedArticle[]>;
  /** Position of each article in `articles`: orders an entity's mentions. */
  ordinal: Map<string, number>;
  entities: Map<string, Entity>;
  entityList: Entity[];
  byEntity: Map<string, MentionRef[]>;
  eventsByEntity: Map<string, TimelineEntry[]>;
  timeline: TimelineEntry[];
  /** Each article's timeline entries, in the order of its events. */
  entries: Map<string, TimelineEntry[]>;
  /** Both directions: pairs.get(a).get(b) === pairs.get(b).get(a). */
  pairs: Map<string, Map<string, PairCount>>;
  coOccurrence?: CoOccurrence[];
  relatedByEntity: Map<string, { id: string; count: number }[]>;
  /** Per article, the length of its longest mention (bounds the backwards reach of range queries). */
  longestMention: Map<string, number>;
  /** `searchKey` of every word-start suffix of every entity name and alias, sorted by key; built on first search. */
  searchKeys?: { key: string; id: string }[];
  /** The corrections these views show, over `base`. */
  curated: Curated;
  base: CurationBase;
}

let nameCollator: Intl.Collator | undefined;

/**
 * Orders names as people read them; a Collator is much faster than localeCompare in a sort. It is
 * made on first use: the first Collator of a process loads ICU's collation data (12 ms), which
 * was paid while the extension's bundle loaded, inside its activation time.
 */
export function nameOrder(a: string, b: string): number {
  nameCollator ??= new Intl.Collator('en');
  return nameCollator.compare(a, b);
}

/** The entity list's order: most mentioned first, then by name. */
export function entityOrder(a: Entity, b: Entity): number {
  return b.mentionCount - a.mentionCount || nameOrder(a.name, b.name);
}

// Oldest first by the event's own date, undated last; undated events by their article's date;
// then article, then position in the article.
const older = (x: string | null, y: string | null): number => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1);

export function byDate(a: TimelineEntry, b: TimelineEntry): number {
  return (
    older(a.date, b.date) ||
    (a.date === null ? older(a.articleDate, b.articleDate) : 0) ||
    (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
    a.event.sentence.start - b.event.sentence.start ||
    a.event.trigger.start - b.event.trigger.start
  );
}

const isDate = (id: string, entities: ReadonlyMap<string, Entity>): boolean => entities.get(id)?.type === 'date';

function timelineEntries(item: IndexedArticle): TimelineEntry[] {
  return item.events.map((event) => ({ articleId: item.article.id, event, date: event.when?.date ?? null, articleDate: item.article.date ?? null }));
}

/** The pairs an article contributes: entities sharing an event, and entities sharing a sentence (dates left out). */
function pairsOf(item: IndexedArticle, entries: TimelineEntry[], entities: ReadonlyMap<string, Entity>, add: (a: string, b: string, what: 'sentences' | 'events') => void): void {
  for (const entry of entries) {
    const participants = eventEntities(entry, entities);
    for (let i = 0; i < participants.length; i++) for (let j = i + 1; j < participants.length; j++) add(participants[i], participants[j], 'events');
  }
  coOccurInSentences(
    item.analysis.sentences,
    item.mentions.filter((m) => !isDate(m.entity, entities)),
    add,
  );
}

/** Calls `pair` once for every two distinct entities mentioned in the same sentence (mentions sorted by start). */
export function coOccurInSentences(sentences: readonly Span[], mentions: readonly Mention[], pair: (a: string, b: string, what: 'sentences') => void): void {
  let k = 0;
  const ids: string[] = [];
  for (const s of sentences) {
    ids.length = 0;
    while (k < mentions.length && mentions[k].start < s.start) k++;
    let j = k;
    while (j < mentions.length && mentions[j].start < s.end) {
      const id = mentions[j++].entity;
      if (!ids.includes(id)) ids.push(id);
    }
    for (let i = 0; i < ids.length; i++) for (let t = i + 1; t < ids.length; t++) pair(ids[i], ids[t], 'sentences');
  }
}

function longest(item: IndexedArticle): number {
  return item.mentions.reduce((n, m) => Math.max(n, m.end - m.start), 0);
}

/** Views of the corpus `base` describes, with no corrections yet: the whole corpus, in time slices. */
export function* buildViews(base: CurationBase, order: readonly IndexedArticle[], none: Curated): Steps<Views> {
  const v: Views = {
    articles: [...order],
    byArticle: new Map(),
    byPath: new Map(),
    ordinal: new Map(),
    entities: base.entities as Map<string, Entity>,
    entityList: [],
    byEntity: base.mentionsOf as Map<string, MentionRef[]>,
    eventsByEntity: new Map(),
    timeline: [],
    entries: new Map(),
    pairs: new Map(),
    relatedByEntity: new Map(),
    longestMention: new Map(),
    curated: none,
    base,
  };
  const add = pairAdder(v.pairs, 1);
  order.forEach((item, i) => {
    v.byArticle.set(item.article.id, item);
    v.ordinal.set(item.article.id, i);
    const atPath = v.byPath.get(item.article.path);
    if (atPath) atPath.push(item);
    else v.byPath.set(item.article.path, [item]);
  });
  for (const item of order) {
    yield;
    const entries = timelineEntries(item);
    v.entries.set(item.article.id, entries);
    for (const entry of entries) {
      v.timeline.push(entry);
      for (const id of eventEntities(entry, v.entities)) push(v.eventsByEntity, id, entry);
    }
    pairsOf(item, entries, v.entities, add);
    v.longestMention.set(item.article.id, longest(item));
  }
  v.timeline.sort(byDate);
  yield;
  let n = 0;
  for (const l of v.eventsByEntity.values()) {
    if (++n % 256 === 0) yield;
    l.sort((a, b) => -byDate(a, b));
  }
  yield;
  v.entityList = [...v.entities.values()].sort(entityOrder);
  return v;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const l = map.get(key);
  if (l) l.push(value);
  else map.set(key, [value]);
}

/** The entities taking part in an event, each once, dates left out. */
function eventEntities(entry: TimelineEntry, entities: ReadonlyMap<string, Entity>): string[] {
  const out: string[] = [];
  for (const ids of [entry.event.who, entry.event.whom, entry.event.where]) for (const id of ids) if (!out.includes(id) && !isDate(id, entities)) out.push(id);
  return out;
}

/** Adds `sign` to a pair's count; a pair whose counts fall to zero is removed from both rows. */
function pairAdder(pairs: Map<string, Map<string, PairCount>>, sign: 1 | -1): (x: string, y: string, what: 'sentences' | 'events') => void {
  const rowOf = (a: string): Map<string, PairCount> => {
    let row = pairs.get(a);
    if (!row) pairs.set(a, (row = new Map()));
    return row;
  };
  return (x, y, what) => {
    const row = rowOf(x);
    let c = row.get(y);
    if (!c) {
      if (sign < 0) return;
      c = { sentences: 0, events: 0 };
      row.set(y, c);
      rowOf(y).set(x, c);
    }
    c[what] += sign;
    if (c.sentences <= 0 && c.events <= 0) {
      row.delete(y);
      pairs.get(y)?.delete(x);
      if (!row.size) pairs.delete(x);
      if (!pairs.get(y)?.size) pairs.delete(y);
    }
  };
}

function sameContent(a: IndexedArticle, b: IndexedArticle): boolean {
  if (a === b) return true;
  if (a.mentions.length !== b.mentions.length || a.events.length !== b.events.length) return false;
  for (let i = 0; i < a.mentions.length; i++) {
    const x = a.mentions[i];
    const y = b.mentions[i];
    if (x.start !== y.start || x.end !== y.end || x.entity !== y.entity) return false;
  }
  const same = (p: string[], q: string[]): boolean => p.length === q.length && p.every((id, i) => id === q[i]);
  return a.events.every((e, i) => e === b.events[i] || (same(e.who, b.events[i].who) && same(e.whom, b.events[i].whom) && same(e.where, b.events[i].where)));
}

/**
 * Brings `v` from the corrections it shows to `next` (both over `v.base`). Only what differs is
 * touched: the articles whose mentions or events differ, and in them only the mentions, events and
 * co-occurring pairs that differ; the entities whose record differs. A correction to a handful of
 * entities thus costs a handful of articles' changes, whatever the size of the corpus. The maps are
 * updated in place; lists and articles handed out before are replaced, never changed.
 */
export function applyCurated(v: Views, next: Curated): void {
  const { base } = v;
  const updates: { before: IndexedArticle; after: IndexedArticle }[] = [];
  for (const id of new Set([...v.curated.changed.keys(), ...next.changed.keys()])) {
    const before = v.byArticle.get(id);
    const after = next.changed.get(id) ?? base.articles.get(id);
    if (before && after && !sameContent(before, after)) updates.push({ before, after });
  }
  // Mentions and timeline entries that go and come, by entity; the pairs that change with them.
  const goneMentions = new Set<MentionRef>();
  const newMentions = new Map<string, MentionRef[]>();
  const mentionsTouched = new Set<string>();
  const goneEntries = new Set<TimelineEntry>();
  const newEntries = new Map<string, TimelineEntry[]>();
  const eventsTouched = new Set<string>();
  const replacement = new Map<TimelineEntry, TimelineEntry>();
  const subtract = pairAdder(v.pairs, -1);
  const oldEntities = v.entities;
  const sentencesBefore = updates.map(({ before }) => sentenceEntities(before, oldEntities));

  // Out with what the old articles had that the new ones have not, judged by the entities they were counted with.
  for (const { before, after } of updates) {
    const kept = new Set(after.mentions);
    for (const m of before.mentions) {
      if (kept.has(m)) continue;
      goneMentions.add(m);
      mentionsTouched.add(m.entity);
    }
    const entries = v.entries.get(before.article.id) ?? [];
    entries.forEach((e, i) => {
      if (after.events[i] === e.event) return;
      goneEntries.add(e);
      for (const id of eventEntities(e, oldEntities)) eventsTouched.add(id);
    });
  }

  updateEntities(v, next);

  const add = pairAdder(v.pairs, 1);
  updates.forEach(({ before, after }, k) => {
    const id = after.article.id;
    const seen = new Set(before.mentions);
    for (const m of after.mentions) if (!seen.has(m)) push(newMentions, m.entity, m);
    const old = v.entries.get(id) ?? [];
    const entries = after.events.map((ev, i): TimelineEntry => {
      if (old[i]?.event === ev) return old[i];
      const e: TimelineEntry = { articleId: id, event: ev, date: ev.when?.date ?? null, articleDate: after.article.date ?? null };
      if (old[i]) replacement.set(old[i], e);
      const participants = eventEntities(e, v.entities);
      pairDelta(old[i] ? eventEntities(old[i], oldEntities) : [], participants, 'events', subtract, add);
      for (const x of participants) push(newEntries, x, e);
      return e;
    });
    v.entries.set(id, entries);
    const now = sentenceEntities(after, v.entities);
    sentencesBefore[k].forEach((ids, i) => pairDelta(ids, now[i] ?? [], 'sentences', subtract, add));
    v.byArticle.set(id, after);
    v.articles[v.ordinal.get(id) as number] = after;
    const atPath = v.byPath.get(after.article.path);
    if (atPath) v.byPath.set(after.article.path, atPath.map((x) => (x === before ? after : x)));
    v.longestMention.set(id, longest(after));
  });

  if (v.byEntity === base.mentionsOf && updates.length) v.byEntity = new Map(base.mentionsOf);
  const mentionOrder = (a: MentionRef, b: MentionRef): number => (v.ordinal.get(a.articleId) as number) - (v.ordinal.get(b.articleId) as number) || a.start - b.start || b.end - a.end;
  for (const id of new Set([...mentionsTouched, ...newMentions.keys()])) {
    const list = mergeSorted(v.byEntity.get(id) ?? [], goneMentions, (newMentions.get(id) ?? []).sort(mentionOrder), mentionOrder);
    if (list.length) v.byEntity.set(id, list);
    else v.byEntity.delete(id);
  }
  const newestFirst = (a: TimelineEntry, b: TimelineEntry): number => -byDate(a, b);
  for (const id of new Set([...eventsTouched, ...newEntries.keys()])) {
    const list = mergeSorted(v.eventsByEntity.get(id) ?? [], goneEntries, (newEntries.get(id) ?? []).sort(newestFirst), newestFirst);
    if (list.length) v.eventsByEntity.set(id, list);
    else v.eventsByEntity.delete(id);
  }
  if (replacement.size) v.timeline = v.timeline.map((e) => replacement.get(e) ?? e);
  v.curated = next;
  v.coOccurrence = undefined;
  v.relatedByEntity = new Map();
}

/** Per sentence of an article, the entities mentioned in it (dates left out), each once. */
function sentenceEntities(item: IndexedArticle, entities: ReadonlyMap<string, Entity>): string[][] {
  const out: string[][] = [];
  const mentions = item.mentions;
  let k = 0;
  for (const s of item.analysis.sentences) {
    const ids: string[] = [];
    while (k < mentions.length && mentions[k].start < s.start) k++;
    for (let j = k; j < mentions.length && mentions[j].start < s.end; j++) {
      const id = mentions[j].entity;
      if (!ids.includes(id) && !isDate(id, entities)) ids.push(id);
    }
    out.push(ids);
  }
  return out;
}

/** The pairs of `before` that `after` has not are counted out, those of `after` that `before` had not in. */
function pairDelta(before: string[], after: string[], what: 'sentences' | 'events', subtract: (a: string, b: string, w: 'sentences' | 'events') => void, add: (a: string, b: string, w: 'sentences' | 'events') => void): void {
  if (before.length === after.length && before.every((id) => after.includes(id))) return;
  for (let i = 0; i < before.length; i++) {
    for (let j = i + 1; j < before.length; j++) if (!after.includes(before[i]) || !after.includes(before[j])) subtract(before[i], before[j], what);
  }
  for (let i = 0; i < after.length; i++) {
    for (let j = i + 1; j < after.length; j++) if (!before.includes(after[i]) || !before.includes(after[j])) add(after[i], after[j], what);
  }
}

/**
 * `list` (sorted) without the items in `drop`, with `add` (sorted the same way)
 * merged in: one pass, where a sort of an entity's thousands of mentions per change would not be.
 */
function mergeSorted<T>(list: readonly T[], drop: ReadonlySet<T>, add: readonly T[], order: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  let j = 0;
  for (const x of list) {
    if (drop.has(x)) continue;
    while (j < add.length && order(add[j], x) < 0) out.push(add[j++]);
    out.push(x);
  }
  while (j < add.length) out.push(add[j++]);
  return out;
}

/** Takes the entities of `next`, keeping the entity list sorted. */
function updateEntities(v: Views, next: Curated): void {
  const gone = new Set<Entity>();
  const arriving: Entity[] = [];
  for (const id of new Set([...v.curated.touched, ...next.touched])) {
    const was = v.entities.get(id);
    const now = next.entities.get(id);
    if (was === now) continue;
    if (was) gone.add(was);
    if (now) arriving.push(now);
  }
  v.entities = next.entities;
  if (!gone.size && !arriving.length) return;
  v.searchKeys = undefined;
  if (arriving.length > 1000) {
    v.entityList = [...v.entities.values()].sort(entityOrder);
    return;
  }
  const list = gone.size ? v.entityList.filter((e) => !gone.has(e)) : [...v.entityList];
  for (const e of arriving.sort(entityOrder)) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entityOrder(list[mid], e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, e);
  }
  v.entityList = list;
}
