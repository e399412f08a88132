import type { Article, Diagnostic, Entity, MainEvent, Mention, NewsEvent, Span } from '../model/types';
import type { ArticleAnalysis } from '../nlp/analysis';
import type { MergeResult } from './merge';
import { mergeSteps } from './merge';
import { repeatedLineSteps, withoutSpansOf } from './repeatedLines';
import type { Shard } from './shards';
import { shardKey } from './shards';
import type { Steps } from './steps';
import { runSliced, runSync } from './steps';

export interface IndexedArticle {
  article: Article;
  analysis: ArticleAnalysis;
  /** Mentions with corpus entity ids, sorted by start. */
  mentions: MentionRef[];
  events: NewsEvent[];
  mainEvent: MainEvent;
  summary: Span[];
}

interface Item {
  article: Article;
  analysis: ArticleAnalysis;
}

/** What one file, or one shard of a large file, contributes. */
interface Unit {
  hash: string;
  items: Item[];
  /** The problems reading it gave (kept for a refresh that finds it unchanged). */
  diagnostics: Diagnostic[];
}

export interface MentionRef extends Mention {
  articleId: string;
}

/** Two entities seen together (dates left out: they co-occur with everything). */
export interface CoOccurrence {
  a: string;
  b: string;
  /** Sentences in which both are mentioned. */
  sentences: number;
  /** Events in which both take part. */
  events: number;
}

export interface TimelineEntry {
  articleId: string;
  event: NewsEvent;
  /** The event's own resolved date (ISO YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www), if the text gives one. */
  date: string | null;
  /** The publication date of the event's article: about when an undated event happened. */
  articleDate: string | null;
}

/**
 * The date an event is filed under: its own resolved date, else its article's publication date
 * (most news events happen around the day they are reported); null only when neither is known.
 */
export function filedDate(e: TimelineEntry): string | null {
  return e.date ?? e.articleDate ?? null;
}

/**
 * The corpus in memory: articles with their analyses, and the corpus-level views derived from
 * them (merged entities, lookups by id and offset, co-occurrence, timeline). Articles are added
 * and removed one by one; derived views are recomputed from the stored analyses, never by
 * re-running NLP.
 */
export class CorpusIndex {
  /** Articles by file, then by shard ('' for a whole file): the units of (re)indexing. */
  private readonly files = new Map<string, Map<string, Unit>>();
  private derived: Derived | undefined;
  /** Merged entities known for exactly the current files (from a snapshot): deriving then skips merging. */
  private premerged: MergeResult | undefined;
  /** The merge the last derive computed, until `takeMerged` hands it out to be kept. */
  private merged: MergeResult | undefined;
  private keepMerged = false;
  /** Bumped by every change, so a slow `prepare` never installs views of an older state. */
  private version = 0;
  diagnostics: Diagnostic[] = [];

  get size(): number {
    let n = 0;
    for (const shards of this.files.values()) for (const u of shards.values()) n += u.items.length;
    return n;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /**
   * A copy to change while this one keeps answering: files and their analyses are shared (they
   * are never mutated), only the maps holding them are copied.
   */
  clone(): CorpusIndex {
    const copy = new CorpusIndex();
    for (const [path, shards] of this.files) copy.files.set(path, new Map(shards));
    copy.diagnostics = [...this.diagnostics];
    return copy;
  }

  /**
   * Adds or replaces the articles of one file, or of one shard of it. `analyses[i]` belongs to
   * `articles[i]`. Replacing a whole file drops its shards, and the other way round.
   */
  setFile(path: string, articles: Article[], analyses: ArticleAnalysis[], shard?: Shard, hash = '', diagnostics: Diagnostic[] = []): void {
    this.putUnit(path, shard, { hash, items: articles.map((article, i) => ({ article, analysis: analyses[i] })), diagnostics });
  }

  /** The content hash the articles of a file (or shard) were analysed from, if known. */
  hashOf(path: string, shard?: Shard): string | undefined {
    return this.files.get(path)?.get(shardKey(shard))?.hash || undefined;
  }

  /** Takes a file's (or shard's) articles and analyses from another index, as they are; returns the problems reading it gave. */
  adopt(path: string, shard: Shard | undefined, from: CorpusIndex): Diagnostic[] | undefined {
    const unit = from.files.get(path)?.get(shardKey(shard));
    if (unit) this.putUnit(path, shard, unit);
    return unit?.diagnostics;
  }

  private putUnit(path: string, shard: Shard | undefined, unit: Unit): void {
    const key = shardKey(shard);
    let shards = this.files.get(path);
    if (!shards || (key === '') !== shards.has('')) this.files.set(path, (shards = new Map()));
    shards.set(key, unit);
    this.invalidate();
  }

  private invalidate(): void {
    this.derived = undefined;
    this.premerged = undefined;
    this.merged = undefined;
    this.keepMerged = false;
    this.version++;
  }

  /** Every file (and shard) with its content hash, sorted; undefined when a hash is unknown. */
  units(): string[] | undefined {
    const out: string[] = [];
    for (const [path, shards] of this.files) {
      for (const [shard, unit] of shards) {
        if (!unit.hash) return undefined;
        out.push(`${path}\u0000${shard}\u0000${unit.hash}`);
      }
    }
    return out.sort();
  }

  /**
   * Before deriving: with `merged` (made for exactly the current files, see mergeSnapshot.ts) the
   * derive uses it instead of merging; without, the merge it computes is kept for `takeMerged`.
   * Any change to the files drops both.
   */
  mergeFrom(merged: MergeResult | undefined): void {
    this.premerged = merged;
    this.keepMerged = merged === undefined;
    this.derived = undefined;
  }

  /** The merge computed by the last derive after `mergeFrom(undefined)`, once. */
  takeMerged(): MergeResult | undefined {
    const m = this.merged;
    this.merged = undefined;
    return m;
  }

  deleteFile(path: string): boolean {
    const had = this.files.delete(path);
    if (had) this.invalidate();
    return had;
  }

  clear(): void {
    this.files.clear();
    this.invalidate();
  }

  private get d(): Derived {
    if (!this.derived) this.install(runSync(deriveSteps(this.files, this.premerged)));
    return this.derived as Derived;
  }

  private install(derived: Derived): void {
    this.derived = derived;
    if (this.keepMerged) this.merged = derived.merged;
    derived.merged = undefined;
    // The views hold what they need of a merge; its per-article maps need not stay in memory.
    this.premerged = undefined;
    this.keepMerged = false;
  }

  /**
   * Computes the corpus-level views in short time slices, yielding to the event loop between them,
   * so a caller on a UI thread stays responsive. Afterwards every lookup is immediate. Changes made
   * while it runs make it start over.
   */
  async prepare(): Promise<void> {
    while (!this.derived) {
      const files = this.files;
      const version = ++this.version;
      const derived = await runSliced(deriveSteps(files, this.premerged));
      if (version === this.version && !this.derived) this.install(derived);
    }
  }

  articles(): IndexedArticle[] {
    return this.d.articles;
  }

  article(id: string): IndexedArticle | undefined {
    return this.d.byArticle.get(id);
  }

  articlesAt(path: string): IndexedArticle[] {
    return this.d.byPath.get(path) ?? [];
  }

  entities(): Entity[] {
    return this.d.entityList;
  }

  entity(id: string): Entity | undefined {
    return this.d.entities.get(id);
  }

  mentionsOf(entityId: string): MentionRef[] {
    return this.d.byEntity.get(entityId) ?? [];
  }

  articleIdsOf(entityId: string): string[] {
    return [...new Set(this.mentionsOf(entityId).map((m) => m.articleId))];
  }

  /** The mention covering `offset` in an article (binary search over sorted mentions). */
  mentionAt(articleId: string, offset: number): Mention | undefined {
    const ms = this.d.byArticle.get(articleId)?.mentions;
    if (!ms) return undefined;
    let lo = 0;
    let hi = ms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = ms[mid];
      if (offset < m.start) hi = mid - 1;
      else if (offset >= m.end) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  eventsOf(entityId: string): TimelineEntry[] {
    return this.d.eventsByEntity.get(entityId) ?? [];
  }

  timeline(): TimelineEntry[] {
    return this.d.timeline;
  }

  /** Every pair seen together, strongest first (built on first request: exports need it, hovers do not). */
  coOccurrences(): CoOccurrence[] {
    const d = this.d;
    if (!d.coOccurrence) {
      const list: CoOccurrence[] = [];
      for (const [a, row] of d.pairs) for (const [b, c] of row) if (a < b) list.push({ a, b, sentences: c.sentences, events: c.events });
      d.coOccurrence = list.sort((x, y) => y.sentences + y.events - (x.sentences + x.events) || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    }
    return d.coOccurrence;
  }

  /** Mentions of an article overlapping [start, end), in text order (binary search, no scan). */
  mentionsBetween(articleId: string, start: number, end: number): Mention[] {
    const ms = this.d.byArticle.get(articleId)?.mentions;
    if (!ms || end <= start) return [];
    // Mentions are sorted by start; a mention starting before `start` can still overlap it, but
    // never by more than the longest mention of the article.
    const reach = start - (this.d.longestMention.get(articleId) ?? 0);
    const from = lowerBound(ms, (m) => m.start < reach);
    const out: Mention[] = [];
    for (let i = from; i < ms.length && ms[i].start < end; i++) if (ms[i].end > start) out.push(ms[i]);
    return out;
  }

  /** The entities mentioned in one article with their mentions there, in order of first mention. */
  entitiesIn(articleId: string): { entity: Entity; mentions: Mention[] }[] {
    const byId = new Map<string, { entity: Entity; mentions: Mention[] }>();
    for (const m of this.d.byArticle.get(articleId)?.mentions ?? []) {
      let e = byId.get(m.entity);
      if (!e) {
        const entity = this.d.entities.get(m.entity);
        if (!entity) continue;
        byId.set(m.entity, (e = { entity, mentions: [] }));
      }
      e.mentions.push(m);
    }
    return [...byId.values()];
  }

  /**
   * Entities whose name or alias has a word starting with `query` (case and accents ignored;
   * "lav" and "sergei lav" both find Sergei Lavrov). Binary search over a sorted key list, so a
   * keystroke in Go to Symbol costs a few comparisons, not a pass over the corpus. Most
   * mentioned first; an empty query gives the most mentioned entities.
   */
  searchEntities(query: string, limit = 100): Entity[] {
    const q = searchKey(query);
    if (!q) return this.d.entityList.slice(0, limit);
    const d = this.d;
    const keys = (d.searchKeys ??= buildSearchKeys(d.entityList));
    const found = new Set<string>();
    for (let i = lowerBound(keys, (k) => k.key < q); i < keys.length && keys[i].key.startsWith(q); i++) found.add(keys[i].id);
    return [...found]
      .map((id) => this.d.entities.get(id) as Entity)
      .sort((a, b) => b.mentionCount - a.mentionCount || nameOrder(a.name, b.name))
      .slice(0, limit);
  }

  /** Every entity seen with `entityId`, with the sentences and events they share (unsorted; dates left out). */
  coMentions(entityId: string): ReadonlyMap<string, { readonly sentences: number; readonly events: number }> {
    return this.d.pairs.get(entityId) ?? EMPTY_ROW;
  }

  /** Entities most often seen with `entityId`, strongest first (sorted on first request per entity). */
  related(entityId: string, limit = 5): { entity: Entity; count: number }[] {
    const d = this.d;
    let sorted = d.relatedByEntity.get(entityId);
    if (!sorted) {
      sorted = [...(d.pairs.get(entityId) ?? [])]
        .map(([id, c]) => ({ id, count: c.sentences + c.events }))
        .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      d.relatedByEntity.set(entityId, sorted);
    }
    return sorted
      .slice(0, limit)
      .map((r) => ({ entity: this.d.entities.get(r.id) as Entity, count: r.count }))
      .filter((r) => r.entity !== undefined);
  }
}

const EMPTY_ROW: ReadonlyMap<string, { sentences: number; events: number }> = new Map();

interface Derived {
  articles: IndexedArticle[];
  byArticle: Map<string, IndexedArticle>;
  byPath: Map<string, IndexedArticle[]>;
  entities: Map<string, Entity>;
  entityList: Entity[];
  byEntity: Map<string, MentionRef[]>;
  eventsByEntity: Map<string, TimelineEntry[]>;
  timeline: TimelineEntry[];
  /** Both directions: pairs.get(a).get(b) === pairs.get(b).get(a). */
  pairs: Map<string, Map<string, { sentences: number; events: number }>>;
  coOccurrence?: CoOccurrence[];
  relatedByEntity: Map<string, { id: string; count: number }[]>;
  /** Per article, the length of its longest mention (bounds the backwards reach of range queries). */
  longestMention: Map<string, number>;
  /** `searchKey` of every word-start suffix of every entity name and alias, sorted by key; built on first search. */
  searchKeys?: { key: string; id: string }[];
  /** The merge this derive computed, handed to the index (see takeMerged) and then dropped. */
  merged?: MergeResult;
}

/** Lower-case, accents removed, runs of non-letters as one space. */
export function searchKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The first index of sorted `items` for which `before` is false. */
function lowerBound<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function buildSearchKeys(entities: Iterable<Entity>): { key: string; id: string }[] {
  const keys: { key: string; id: string }[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    for (const name of [e.name, ...e.aliases]) {
      const words = searchKey(name).split(' ');
      for (let i = 0; i < words.length; i++) {
        const key = words.slice(i).join(' ');
        if (key && !seen.has(key)) {
          seen.add(key);
          keys.push({ key, id: e.id });
        }
      }
    }
  }
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Article ids must be unique in the corpus. Natural ids (file name, record id) are kept where they
 * are; on a clash the file that sorts first keeps it and the others get a suffix from their path,
 * so ids do not depend on the order in which files finished indexing.
 */
function withUniqueIds(files: Map<string, Map<string, Unit>>): Item[] {
  const list = [...files.keys()]
    .sort()
    .flatMap((p) => [...(files.get(p)?.values() ?? [])].flatMap((u) => u.items))
    .sort((x, y) => (x.article.path === y.article.path ? (x.article.line ?? 0) - (y.article.line ?? 0) : x.article.path < y.article.path ? -1 : 1));
  const used = new Set<string>();
  return list.map(({ article, analysis }) => {
    let id = article.id;
    if (used.has(id)) {
      id = `${article.id}~${shortHash(`${article.path}:${article.line ?? 0}`)}`;
      for (let k = 2; used.has(id); k++) id = `${article.id}~${k}`;
    }
    used.add(id);
    return id === article.id && analysis.articleId === id
      ? { article, analysis }
      : { article: { ...article, id }, analysis: { ...analysis, articleId: id } };
  });
}

/** The items with what their analyses found in lines repeated across their source left out (see repeatedLines.ts). */
function* withoutRepeatedLines(items: Item[]): Steps<Item[]> {
  yield;
  const repeated = yield* repeatedLineSteps(items.map((i) => i.article));
  if (repeated.size === 0) return items;
  return items.map((i) => {
    const spans = repeated.get(i.article.id);
    return spans ? { article: i.article, analysis: withoutSpansOf(i.analysis, spans) } : i;
  });
}

function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function* deriveSteps(files: Map<string, Map<string, Unit>>, premerged?: MergeResult): Steps<Derived> {
  const list = yield* withoutRepeatedLines(withUniqueIds(files));
  yield;
  const merged = premerged ?? (yield* mergeSteps(list.map((i) => i.analysis)));
  const { entities, resolve } = merged;
  const articles: IndexedArticle[] = [];
  const byArticle = new Map<string, IndexedArticle>();
  const byPath = new Map<string, IndexedArticle[]>();
  const byEntity = new Map<string, MentionRef[]>();
  const eventsByEntity = new Map<string, TimelineEntry[]>();
  const timeline: TimelineEntry[] = [];
  const pairs = new Map<string, Map<string, { sentences: number; events: number }>>();
  const rowOf = (a: string): Map<string, { sentences: number; events: number }> => {
    let row = pairs.get(a);
    if (!row) pairs.set(a, (row = new Map()));
    return row;
  };
  // Both directions share one counter.
  const pair = (x: string, y: string, what: 'sentences' | 'events'): void => {
    const row = rowOf(x);
    let c = row.get(y);
    if (!c) {
      c = { sentences: 0, events: 0 };
      row.set(y, c);
      rowOf(y).set(x, c);
    }
    c[what]++;
  };

  for (const { article, analysis } of list) {
    yield;
    const local = resolve.get(article.id) ?? new Map<string, string>();
    const mapIds = (keys: string[]): string[] => [...new Set(keys.map((k) => local.get(k)).filter((x): x is string => !!x))];
    // One object per mention serves both the article's list and the entity's (hence articleId).
    const mentions: MentionRef[] = [];
    for (const m of analysis.mentions) {
      const entity = local.get(m.key);
      if (entity) mentions.push({ entity, start: m.start, end: m.end, text: m.text, articleId: article.id });
    }
    mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    const events: NewsEvent[] = analysis.events.map((e, i) => ({
      id: `${article.id}#e${i + 1}`,
      type: e.type,
      trigger: e.trigger,
      who: mapIds(e.who),
      whom: mapIds(e.whom),
      where: mapIds(e.where),
      when: e.when,
      sentence: e.sentence,
      confidence: e.confidence,
      label: e.label,
      typeLabel: e.typeLabel,
    }));
    const item: IndexedArticle = { article, analysis, mentions, events, mainEvent: analysis.mainEvent, summary: analysis.summary };
    articles.push(item);
    byArticle.set(article.id, item);
    const atPath = byPath.get(article.path);
    if (atPath) atPath.push(item);
    else byPath.set(article.path, [item]);

    for (const m of mentions) {
      let refs = byEntity.get(m.entity);
      if (!refs) byEntity.set(m.entity, (refs = []));
      refs.push(m);
    }
    for (const ev of events) {
      const entry: TimelineEntry = { articleId: article.id, event: ev, date: ev.when?.date ?? null, articleDate: article.date ?? null };
      timeline.push(entry);
      const participants = [...new Set([...ev.who, ...ev.whom, ...ev.where])].filter((id) => entities.get(id)?.type !== 'date');
      for (const id of participants) {
        let l = eventsByEntity.get(id);
        if (!l) eventsByEntity.set(id, (l = []));
        l.push(entry);
      }
      for (let i = 0; i < participants.length; i++) for (let j = i + 1; j < participants.length; j++) pair(participants[i], participants[j], 'events');
    }
    coOccurInSentences(
      analysis.sentences,
      mentions.filter((m) => entities.get(m.entity)?.type !== 'date'),
      pair,
    );
  }

  // Oldest first by the event's own date, undated last; undated events by their article's date;
  // then article, then position in the article.
  const older = (x: string | null, y: string | null): number => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1);
  const byDate = (a: TimelineEntry, b: TimelineEntry): number =>
    older(a.date, b.date) ||
    (a.date === null ? older(a.articleDate, b.articleDate) : 0) ||
    (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
    a.event.sentence.start - b.event.sentence.start ||
    a.event.trigger.start - b.event.trigger.start;
  timeline.sort(byDate);
  yield;
  let n = 0;
  for (const l of eventsByEntity.values()) {
    if (++n % 256 === 0) yield;
    l.sort((a, b) => -byDate(a, b));
  }

  yield;
  const entityList = [...entities.values()].sort((a, b) => b.mentionCount - a.mentionCount || nameOrder(a.name, b.name));
  yield;
  const longestMention = new Map<string, number>();
  for (const item of articles) longestMention.set(item.article.id, item.mentions.reduce((n, m) => Math.max(n, m.end - m.start), 0));
  return { articles, byArticle, byPath, entities, entityList, byEntity, eventsByEntity, timeline, pairs, relatedByEntity: new Map(), longestMention, merged };
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
