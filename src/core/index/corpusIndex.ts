import type { Article, Diagnostic, Entity, MainEvent, Mention, NewsEvent, Span } from '../model/types';
import type { ArticleAnalysis } from '../nlp/analysis';
import type { Curated, CurationBase, CurationInput } from './curation';
import { NO_CURATION, curateSteps } from './curation';
import type { MergeResult } from './merge';
import { mergeSteps } from './merge';
import { repeatedLineSteps, withoutSpansOf } from './repeatedLines';
import type { Shard } from './shards';
import { shardKey } from './shards';
import type { Steps } from './steps';
import { runSliced, runSync } from './steps';
import type { Views } from './views';
import { applyCurated, buildViews, nameOrder } from './views';

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
  /** The merged corpus of another index of exactly these files (see withCuration): deriving then starts from it. */
  private resolved: CurationBase | undefined;
  private curation: CurationInput = NO_CURATION;
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
    copy.curation = this.curation;
    return copy;
  }

  /** The corrections this index applies. */
  get corrections(): CurationInput {
    return this.curation;
  }

  /**
   * Applies other corrections (curation decisions and watchlists). New decisions over the same
   * watchlists update the views in place at once, touching only the articles and entities they
   * change; other watchlists need the views derived again (see withCuration to do that aside).
   */
  setCuration(input: CurationInput): void {
    const previous = this.curation;
    const sameLists = input.watchlists.length === previous.watchlists.length && input.watchlists.every((w, i) => w === previous.watchlists[i]);
    this.curation = input;
    const d = this.derived;
    if (!d) {
      this.version++;
      return;
    }
    if (!sameLists) {
      this.resolved = d.merged;
      this.derived = undefined;
      this.version++;
      return;
    }
    applyCurated(d.views, runSync(curateSteps(d.views.base, { decisions: input.decisions, watchlists: [] })));
  }

  /**
   * A copy of this index with other corrections, whose views derive (in `prepare`) from this
   * index's merged entities, without merging again: for a change of watchlists, while this one
   * keeps answering.
   */
  withCuration(input: CurationInput): CorpusIndex {
    const copy = this.clone();
    copy.curation = input;
    copy.resolved = this.derived?.merged ?? this.resolved;
    return copy;
  }

  /** Problems of the corrections: what the files and lists said, and decisions that changed nothing. */
  curationDiagnostics(): Diagnostic[] {
    return [...(this.curation.diagnostics ?? []), ...this.d.listed.diagnostics, ...this.d.views.curated.diagnostics];
  }

  /** What the curation decisions did to an entity ("renamed from Sergei Lavrov"), for its card. */
  correctionsOf(entityId: string): string[] {
    return this.d.views.curated.notes.get(entityId) ?? [];
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
    this.resolved = undefined;
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
    if (!this.derived) this.install(runSync(deriveSteps(this.files, this.premerged, this.resolved, this.curation)));
    return this.derived as Derived;
  }

  private get v(): Views {
    return this.d.views;
  }

  private install(derived: Derived): void {
    this.derived = derived;
    if (this.keepMerged) this.merged = derived.mergeResult;
    derived.mergeResult = undefined;
    // The views hold what they need of a merge; its per-article maps need not stay in memory.
    this.premerged = undefined;
    this.resolved = undefined;
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
      const derived = await runSliced(deriveSteps(files, this.premerged, this.resolved, this.curation));
      if (version === this.version && !this.derived) this.install(derived);
    }
  }

  articles(): IndexedArticle[] {
    return this.v.articles;
  }

  article(id: string): IndexedArticle | undefined {
    return this.v.byArticle.get(id);
  }

  articlesAt(path: string): IndexedArticle[] {
    return this.v.byPath.get(path) ?? [];
  }

  entities(): Entity[] {
    return this.v.entityList;
  }

  entity(id: string): Entity | undefined {
    return this.v.entities.get(id);
  }

  mentionsOf(entityId: string): MentionRef[] {
    return this.v.byEntity.get(entityId) ?? [];
  }

  articleIdsOf(entityId: string): string[] {
    return [...new Set(this.mentionsOf(entityId).map((m) => m.articleId))];
  }

  /** The mention covering `offset` in an article (binary search over sorted mentions). */
  mentionAt(articleId: string, offset: number): Mention | undefined {
    const ms = this.v.byArticle.get(articleId)?.mentions;
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
    return this.v.eventsByEntity.get(entityId) ?? [];
  }

  timeline(): TimelineEntry[] {
    return this.v.timeline;
  }

  /** Every pair seen together, strongest first (built on first request: exports need it, hovers do not). */
  coOccurrences(): CoOccurrence[] {
    const d = this.v;
    if (!d.coOccurrence) {
      const list: CoOccurrence[] = [];
      for (const [a, row] of d.pairs) for (const [b, c] of row) if (a < b) list.push({ a, b, sentences: c.sentences, events: c.events });
      d.coOccurrence = list.sort((x, y) => y.sentences + y.events - (x.sentences + x.events) || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    }
    return d.coOccurrence;
  }

  /** Mentions of an article overlapping [start, end), in text order (binary search, no scan). */
  mentionsBetween(articleId: string, start: number, end: number): Mention[] {
    const ms = this.v.byArticle.get(articleId)?.mentions;
    if (!ms || end <= start) return [];
    // Mentions are sorted by start; a mention starting before `start` can still overlap it, but
    // never by more than the longest mention of the article.
    const reach = start - (this.v.longestMention.get(articleId) ?? 0);
    const from = lowerBound(ms, (m) => m.start < reach);
    const out: Mention[] = [];
    for (let i = from; i < ms.length && ms[i].start < end; i++) if (ms[i].end > start) out.push(ms[i]);
    return out;
  }

  /** The entities mentioned in one article with their mentions there, in order of first mention. */
  entitiesIn(articleId: string): { entity: Entity; mentions: Mention[] }[] {
    const byId = new Map<string, { entity: Entity; mentions: Mention[] }>();
    for (const m of this.v.byArticle.get(articleId)?.mentions ?? []) {
      let e = byId.get(m.entity);
      if (!e) {
        const entity = this.v.entities.get(m.entity);
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
    if (!q) return this.v.entityList.slice(0, limit);
    const d = this.v;
    const keys = (d.searchKeys ??= buildSearchKeys(d.entityList));
    const found = new Set<string>();
    for (let i = lowerBound(keys, (k) => k.key < q); i < keys.length && keys[i].key.startsWith(q); i++) found.add(keys[i].id);
    return [...found]
      .map((id) => this.v.entities.get(id) as Entity)
      .sort((a, b) => b.mentionCount - a.mentionCount || nameOrder(a.name, b.name))
      .slice(0, limit);
  }

  /** Every entity seen with `entityId`, with the sentences and events they share (unsorted; dates left out). */
  coMentions(entityId: string): ReadonlyMap<string, { readonly sentences: number; readonly events: number }> {
    return this.v.pairs.get(entityId) ?? EMPTY_ROW;
  }

  /** Entities most often seen with `entityId`, strongest first (sorted on first request per entity). */
  related(entityId: string, limit = 5): { entity: Entity; count: number }[] {
    const d = this.v;
    let sorted = d.relatedByEntity.get(entityId);
    if (!sorted) {
      sorted = [...(d.pairs.get(entityId) ?? [])]
        .map(([id, c]) => ({ id, count: c.sentences + c.events }))
        .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      d.relatedByEntity.set(entityId, sorted);
    }
    return sorted
      .slice(0, limit)
      .map((r) => ({ entity: this.v.entities.get(r.id) as Entity, count: r.count }))
      .filter((r) => r.entity !== undefined);
  }
}

const EMPTY_ROW: ReadonlyMap<string, { sentences: number; events: number }> = new Map();

interface Derived {
  /** The corpus as merged: what watchlists and decisions apply to. */
  merged: CurationBase;
  /** The watchlists' names found (over `merged`): what decisions apply to. */
  listed: Curated;
  views: Views;
  /** The merge this derive computed, handed to the index (see takeMerged) and then dropped. */
  mergeResult?: MergeResult;
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

/** Each article's mentions and events with the merge's entity ids: the corpus as merged. */
function* resolveSteps(list: Item[], merged: MergeResult): Steps<CurationBase> {
  const { entities, resolve } = merged;
  const articles = new Map<string, IndexedArticle>();
  const mentionsOf = new Map<string, MentionRef[]>();
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
    articles.set(article.id, { article, analysis, mentions, events, mainEvent: analysis.mainEvent, summary: analysis.summary });
    for (const m of mentions) {
      const refs = mentionsOf.get(m.entity);
      if (refs) refs.push(m);
      else mentionsOf.set(m.entity, [m]);
    }
  }
  return { entities, articles, mentionsOf };
}

/** `base` with the articles and entities `curated` changed: the base of the next corrections. */
function* layered(base: CurationBase, curated: Curated): Steps<CurationBase> {
  if (!curated.changed.size && !curated.touched.size) return base;
  const articles = new Map<string, IndexedArticle>();
  const mentionsOf = new Map<string, MentionRef[]>();
  let n = 0;
  for (const [id, item] of base.articles) {
    if (++n % 256 === 0) yield;
    const now = curated.changed.get(id) ?? item;
    articles.set(id, now);
    for (const m of now.mentions) {
      const refs = mentionsOf.get(m.entity);
      if (refs) refs.push(m);
      else mentionsOf.set(m.entity, [m]);
    }
  }
  return { entities: curated.entities, articles, mentionsOf };
}

/**
 * Merges (unless the merge or the merged corpus is given), finds the watchlists' names, derives
 * the views of that corpus, then applies the decisions to them as any later change of decisions is.
 */
function* deriveSteps(files: Map<string, Map<string, Unit>>, premerged: MergeResult | undefined, resolved: CurationBase | undefined, curation: CurationInput): Steps<Derived> {
  let merged = resolved;
  let mergeResult: MergeResult | undefined;
  if (!merged) {
    const list = yield* withoutRepeatedLines(withUniqueIds(files));
    yield;
    mergeResult = premerged ?? (yield* mergeSteps(list.map((i) => i.analysis)));
    merged = yield* resolveSteps(list, mergeResult);
  }
  const listed = yield* curateSteps(merged, { decisions: [], watchlists: curation.watchlists });
  const base = yield* layered(merged, listed);
  const none: Curated = { entities: base.entities as Map<string, Entity>, changed: new Map(), touched: new Set(), diagnostics: [], notes: new Map() };
  const views = yield* buildViews(base, [...base.articles.values()], none);
  if (curation.decisions.length) applyCurated(views, yield* curateSteps(base, { decisions: curation.decisions, watchlists: [] }));
  return { merged, listed, views, mergeResult };
}
