import type { Decision, PlacedDecision } from '../corpus/curationFile';
import { parseCurationFile } from '../corpus/curationFile';
import type { Watchlist } from '../corpus/watchlists';
import { parseWatchlist } from '../corpus/watchlists';
import type { Article, Diagnostic, Entity, EntityType, NewsEvent } from '../model/types';
import type { IndexedArticle, MentionRef } from './corpusIndex';
import { slug } from './merge';
import type { NameMatch } from './nameMatcher';
import { NameMatcher } from './nameMatcher';
import type { Steps } from './steps';

/**
 * Corrections applied to a merged corpus, after analysis and before its views are derived: the
 * watchlists' names found in every article, then the analyst's decisions in the order written
 * (rename, retype, merge, detach, ignore, add). No article is analysed again; text is only searched
 * for the names that `add` and the watchlists give, outside the page furniture. Whatever the merge
 * decides, this applies on top.
 *
 * Entities are named by their name or any alias, case and accents aside, with an optional type:
 * where a name fits several entities, its own name beats an alias, then the most mentioned wins
 * (rename, retype, detach, add) — ignore and merge take every entity the name fits best.
 */
export interface CurationInput {
  decisions: readonly PlacedDecision[];
  watchlists: readonly Watchlist[];
  /** What reading the curation files and watchlists found wrong, reported with the rest. */
  diagnostics?: readonly Diagnostic[];
}

export const NO_CURATION: CurationInput = { decisions: [], watchlists: [] };

/** The corpus as the corrections find it: entities, and each article's mentions and events with entity ids. */
export interface CurationBase {
  entities: ReadonlyMap<string, Entity>;
  articles: ReadonlyMap<string, IndexedArticle>;
  /** Every mention of an entity, article by article. */
  mentionsOf: ReadonlyMap<string, MentionRef[]>;
}

export interface Curated {
  entities: Map<string, Entity>;
  /** The articles whose mentions or events changed, as they now read; the others are the base's. */
  changed: Map<string, IndexedArticle>;
  /** Ids whose entity differs from the base's (changed, added or gone). */
  touched: Set<string>;
  diagnostics: Diagnostic[];
  /** What the decisions did to each entity, for its card ("renamed from Sergei Lavrov"). */
  notes: Map<string, string[]>;
}

/**
 * The corrections of curation files (applied in the order given, each in its own order) and
 * watchlists, read from their text; what cannot be read is in `diagnostics`.
 */
export function correctionsFrom(
  files: readonly { path: string; text: string }[],
  lists: readonly { path: string; text: string }[],
): { decisions: PlacedDecision[]; watchlists: Watchlist[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const decisions: PlacedDecision[] = [];
  for (const f of files) {
    const read = parseCurationFile(f.path, f.text);
    decisions.push(...read.decisions);
    diagnostics.push(...read.diagnostics);
  }
  const watchlists: Watchlist[] = [];
  for (const l of lists) {
    const read = parseWatchlist(l.path, l.text);
    if (read.list.entries.length) watchlists.push(read.list);
    diagnostics.push(...read.diagnostics);
  }
  return { decisions, watchlists, diagnostics };
}

export function isEmptyCuration(input: CurationInput): boolean {
  return input.decisions.length === 0 && input.watchlists.length === 0;
}

/** An entity as the corrections reshape it. Merged records point to the one they joined. */
interface Rec {
  name: string;
  type: EntityType;
  aliases: Set<string>;
  roles: string[];
  value?: string;
  place?: string;
  /** The base entity this record started as. */
  base?: Entity;
  into?: Rec;
  children: Rec[];
  removed: boolean;
  /** A decision changed it (the JSON says `curated`). */
  decided: boolean;
  /** Its entity differs from the base's: rebuilt at the end. */
  changed: boolean;
  watchlists: Set<string>;
  notes: string[];
  /** Base mentions moved to it (detach). */
  movedIn: MentionRef[];
  /** Mentions the corrections found in the text for it. */
  found: Found[];
  /** Slugs of its name and aliases, while they are unchanged. */
  slugs?: Set<string>;
}

/** A mention found in the text by `add` or a watchlist. */
interface Found {
  articleId: string;
  start: number;
  end: number;
  text: string;
  owner: Rec;
  alive: boolean;
  /** The found mention that took this one's place, when a later one overlapped it. */
  next?: Found;
}

function root(r: Rec): Rec {
  let x = r;
  while (x.into) x = x.into;
  return x;
}

function newRec(name: string, type: EntityType, base?: Entity): Rec {
  return {
    name,
    type,
    aliases: new Set(base?.aliases ?? []),
    roles: [...(base?.roles ?? [])],
    value: base?.value,
    place: base?.place,
    base,
    children: [],
    removed: false,
    decided: false,
    changed: false,
    watchlists: new Set(base?.watchlists ?? []),
    notes: [],
    movedIn: [],
    found: [],
  };
}

/** Base entity ids by the slug of each name and alias: built once per base, on the first lookup. */
const nameIndexes = new WeakMap<ReadonlyMap<string, Entity>, Map<string, string[]>>();

function nameIndex(entities: ReadonlyMap<string, Entity>): Map<string, string[]> {
  let index = nameIndexes.get(entities);
  if (!index) {
    index = new Map();
    for (const e of entities.values()) {
      for (const key of new Set([e.name, ...e.aliases].map(slugOf))) {
        const l = index.get(key);
        if (l) l.push(e.id);
        else index.set(key, [e.id]);
      }
    }
    nameIndexes.set(entities, index);
  }
  return index;
}

/** For each base entity id, the base entities whose `possibleSame` lists it: built once per base. */
const linkIndexes = new WeakMap<ReadonlyMap<string, Entity>, Map<string, string[]>>();

function linksTo(entities: ReadonlyMap<string, Entity>): Map<string, string[]> {
  let index = linkIndexes.get(entities);
  if (!index) {
    index = new Map();
    for (const e of entities.values()) {
      for (const p of e.possibleSame ?? []) {
        const l = index.get(p);
        if (l) l.push(e.id);
        else index.set(p, [e.id]);
      }
    }
    linkIndexes.set(entities, index);
  }
  return index;
}

const slugs = new Map<string, string>();

/**
 * `slug` of a name, cached; an ASCII name takes a shorter road to the same result (no accents to
 * strip, its letters and digits are [a-z0-9]): the first correction of a session slugs every name
 * and alias of the corpus (BBC: 16,000) to look entities up by them.
 */
export function slugOf(s: string): string {
  let v = slugs.get(s);
  if (v === undefined) {
    if (slugs.size > 100_000) slugs.clear();
    v = ASCII.test(s) ? s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x' : slug(s);
    slugs.set(s, v);
  }
  return v;
}

const ASCII = /^[ -~]*$/;

/** Matches of a matcher per article text, kept while both live: texts do not change, lists rarely. */
const matchCache = new WeakMap<NameMatcher, WeakMap<Article, NameMatch[]>>();

function matchesIn(matcher: NameMatcher, article: Article): NameMatch[] {
  let byArticle = matchCache.get(matcher);
  if (!byArticle) matchCache.set(matcher, (byArticle = new WeakMap()));
  let found = byArticle.get(article);
  if (!found) byArticle.set(article, (found = matcher.find(article.text)));
  return found;
}

/** One matcher per `add` decision's names and one per set of watchlists, reused while they stand. */
const addMatchers = new Map<string, NameMatcher>();
/** By the first list of a set of watchlists, with the whole set: a set is the same while its lists are. */
const listMatchers = new WeakMap<Watchlist, { lists: readonly Watchlist[]; matcher: NameMatcher; entries: { list: Watchlist; index: number }[] }>();

function addMatcher(names: string[]): NameMatcher {
  const key = JSON.stringify(names);
  let m = addMatchers.get(key);
  if (!m) {
    if (addMatchers.size >= 256) addMatchers.clear();
    addMatchers.set(key, (m = new NameMatcher(names)));
  }
  return m;
}

function describe(d: Decision): string {
  switch (d.op) {
    case 'merge':
      return `merge ${d.entities.map((e) => `“${e}”`).join(', ')}`;
    case 'ignore':
    case 'add':
      return `${d.op} “${d.name}”`;
    default:
      return `${d.op} “${d.entity}”`;
  }
}

/**
 * Applies watchlists and decisions to `base`. Cost follows what they touch: the entities they name
 * and the mentions of those, the articles where their names are found; nothing else is walked.
 */
export function* curateSteps(base: CurationBase, input: CurationInput): Steps<Curated> {
  const out: Curated = { entities: base.entities as Map<string, Entity>, changed: new Map(), touched: new Set(), diagnostics: [], notes: new Map() };
  if (isEmptyCuration(input)) return out;
  const run = new Curation(base);
  yield* run.watch(input.watchlists);
  for (const placed of input.decisions) {
    const problem = run.apply(placed.decision);
    if (problem) out.diagnostics.push({ path: placed.path, line: placed.line, severity: 'warning', message: `curation: ${describe(placed.decision)}: ${problem}` });
    yield;
  }
  return yield* run.finish(out);
}

class Curation {
  private readonly recOf = new Map<string, Rec>();
  private readonly recs: Rec[] = [];
  /** Records by slugs of names and aliases they gained (the base's names are in nameIndex). */
  private readonly overlay = new Map<string, Rec[]>();
  private readonly moved = new Map<MentionRef, Rec>();
  /** Base mentions a found mention took the place of, with that mention. */
  private readonly replaced = new Map<MentionRef, Found>();
  private readonly found = new Map<string, Found[]>();
  private readonly affected = new Set<string>();

  constructor(private readonly base: CurationBase) {}

  private recFor(id: string): Rec | undefined {
    let r = this.recOf.get(id);
    if (!r) {
      const e = this.base.entities.get(id);
      if (!e) return undefined;
      r = newRec(e.name, e.type, e);
      this.recOf.set(id, r);
      this.recs.push(r);
    }
    return r;
  }

  private created(name: string, type: EntityType): Rec {
    const r = newRec(name, type);
    r.changed = true;
    this.recs.push(r);
    this.remember(r, name);
    return r;
  }

  private remember(r: Rec, name: string): void {
    const key = slugOf(name);
    const l = this.overlay.get(key);
    if (!l) this.overlay.set(key, [r]);
    else if (!l.includes(r)) l.push(r);
    r.slugs = undefined;
  }

  private slugsOf(r: Rec): Set<string> {
    return (r.slugs ??= new Set([r.name, ...r.aliases].map(slugOf)));
  }

  private mentionCount(r: Rec): number {
    let n = 0;
    for (const x of this.tree(r)) n += (x.base?.mentionCount ?? 0) + x.found.length + x.movedIn.length;
    return n;
  }

  private tree(r: Rec): Rec[] {
    const out = [r];
    for (let i = 0; i < out.length; i++) out.push(...out[i].children);
    return out;
  }

  /** The entities `name` fits, best first: own name before alias, then most mentioned. */
  private lookup(name: string, type?: EntityType): Rec[] {
    const key = slugOf(name);
    const candidates = new Set<Rec>();
    for (const id of nameIndex(this.base.entities).get(key) ?? []) {
      const r = this.recFor(id);
      if (r) candidates.add(root(r));
    }
    for (const r of this.overlay.get(key) ?? []) candidates.add(root(r));
    const fits = [...candidates].filter((r) => !r.removed && (!type || r.type === type) && this.slugsOf(r).has(key));
    const tier = (r: Rec): number => (slugOf(r.name) === key ? 0 : 1);
    fits.sort((a, b) => tier(a) - tier(b) || this.mentionCount(b) - this.mentionCount(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return fits.filter((r) => tier(r) === tier(fits[0]));
  }

  private one(name: string, type: EntityType | undefined): Rec | string {
    const fits = this.lookup(name, type);
    if (!fits.length) return `no entity is named “${name}”${type ? ` (as a ${type})` : ''}`;
    return fits[0];
  }

  private note(r: Rec, text: string): void {
    r.decided = true;
    r.changed = true;
    r.slugs = undefined;
    r.notes.push(text);
  }

  /** Applies one decision; returns why it did nothing, if it did nothing. */
  apply(d: Decision): string | undefined {
    switch (d.op) {
      case 'rename': {
        const r = this.one(d.entity, d.type);
        if (typeof r === 'string') return r;
        if (r.name === d.to) return undefined;
        this.note(r, `renamed from ${r.name}`);
        r.aliases.add(r.name);
        r.aliases.delete(d.to);
        r.name = d.to;
        this.remember(r, d.to);
        return undefined;
      }
      case 'retype': {
        const r = this.one(d.entity, d.type);
        if (typeof r === 'string') return r;
        if (r.type === d.to) return undefined;
        this.note(r, `type changed from ${r.type}`);
        r.type = d.to;
        return undefined;
      }
      case 'merge':
        return this.merge(d.entities, d.into, d.type);
      case 'detach':
        return this.detach(d.entity, d.alias, d.type);
      case 'ignore': {
        const fits = this.lookup(d.name, d.type);
        if (!fits.length) return `no entity is named “${d.name}”${d.type ? ` (as a ${d.type})` : ''}`;
        for (const r of fits) {
          this.note(r, 'not an entity');
          r.removed = true;
        }
        return undefined;
      }
      case 'add':
        return this.add(d.name, d.type, d.aliases ?? []);
    }
  }

  private merge(names: string[], into: string, type: EntityType | undefined): string | undefined {
    const members: Rec[] = [];
    const missing: string[] = [];
    for (const n of names) {
      const fits = this.lookup(n, type);
      if (!fits.length) missing.push(n);
      for (const r of fits) if (!members.includes(r)) members.push(r);
    }
    let target: Rec | undefined = this.lookup(into, type)[0];
    if (!target && !members.length) return `no entity is named ${[...names, into].map((n) => `“${n}”`).join(' or ')}`;
    if (!target) {
      target = members.reduce((best, r) => (this.mentionCount(r) > this.mentionCount(best) ? r : best));
      this.note(target, `renamed from ${target.name}`);
      target.aliases.add(target.name);
      target.name = into;
      target.aliases.delete(into);
      this.remember(target, into);
    }
    for (const r of members) {
      if (r === target) continue;
      this.note(target, `merged with ${r.name}`);
      r.into = target;
      target.children.push(r);
      target.aliases.add(r.name);
      for (const a of r.aliases) target.aliases.add(a);
      target.aliases.delete(target.name);
      for (const x of r.roles) if (!target.roles.includes(x)) target.roles.push(x);
      for (const w of r.watchlists) target.watchlists.add(w);
      target.value ??= r.value;
      target.place ??= r.place;
    }
    return missing.length ? `no entity is named ${missing.map((n) => `“${n}”`).join(', ')} (the others were merged)` : undefined;
  }

  /** Every mention a record tree holds now: base mentions not moved or replaced, moved-in ones, found ones. */
  private *mentionsOfTree(r: Rec): Generator<{ mention: MentionRef | Found; owner: Rec }> {
    for (const x of this.tree(r)) {
      if (x.base) {
        for (const m of this.base.mentionsOf.get(x.base.id) ?? []) if (!this.replaced.has(m) && (this.moved.get(m) ?? x) === x) yield { mention: m, owner: x };
      }
      for (const m of x.movedIn) if (!this.replaced.has(m) && this.moved.get(m) === x) yield { mention: m, owner: x };
      for (const f of x.found) if (f.alive && f.owner === x) yield { mention: f, owner: x };
    }
  }

  private detach(name: string, alias: string, type: EntityType | undefined): string | undefined {
    const r = this.one(name, type);
    if (typeof r === 'string') return r;
    const key = slugOf(alias);
    if (slugOf(r.name) === key) return `“${alias}” is the entity's own name; rename it instead`;
    const moving = [...this.mentionsOfTree(r)].filter((x) => slugOf(x.mention.text) === key);
    if (!moving.length) return `no mention of “${alias}” belongs to ${r.name}`;
    const detached = this.created(alias, r.type);
    this.note(detached, `detached from ${r.name}`);
    this.note(r, `alias ${alias} detached`);
    for (const x of this.tree(r)) for (const a of [...x.aliases]) if (slugOf(a) === key) x.aliases.delete(a);
    for (const { mention } of moving) {
      if ('owner' in mention) {
        mention.owner = detached;
        detached.found.push(mention);
        this.affected.add(mention.articleId);
      } else {
        this.moved.set(mention, detached);
        detached.movedIn.push(mention);
        this.affected.add(mention.articleId);
      }
    }
    return undefined;
  }

  private add(name: string, type: EntityType | undefined, aliases: string[]): string | undefined {
    let target = this.lookup(name, type)[0] as Rec | undefined;
    if (!target && !type) return `no entity is named “${name}”: give "type" to add a new one`;
    target ??= this.created(name, type as EntityType);
    this.note(target, 'added by hand');
    if (name !== target.name) target.aliases.add(name);
    for (const a of aliases) {
      if (a !== target.name) target.aliases.add(a);
      this.remember(target, a);
    }
    const matcher = addMatcher([name, ...aliases]);
    let hits = 0;
    for (const item of this.base.articles.values()) {
      for (const m of matchesIn(matcher, item.article)) if (this.claim(item, m, target, true)) hits++;
    }
    return hits ? undefined : `“${name}” is not found in any article`;
  }

  /**
   * Makes a span found in the text a mention of `owner`, in place of the mentions it overlaps.
   * `add` always wins; a watchlist name inside a longer mention of the analysis does not (the
   * analysis found a longer name there).
   */
  private claim(item: IndexedArticle, span: { start: number; end: number }, owner: Rec, always: boolean): boolean {
    if (inFurniture(item, span)) return false;
    const articleId = item.article.id;
    const overlapping = overlaps(item.mentions, span);
    if (!always && overlapping.some((m) => m.start <= span.start && m.end >= span.end && m.end - m.start > span.end - span.start && !this.replaced.has(m))) return false;
    const f: Found = { articleId, start: span.start, end: span.end, text: item.article.text.slice(span.start, span.end), owner, alive: true };
    for (const m of overlapping) {
      if (this.replaced.has(m)) continue;
      this.replaced.set(m, f);
      const was = this.moved.get(m) ?? this.recFor(m.entity);
      if (was) root(was).changed = true;
    }
    const list = this.found.get(articleId);
    for (const other of list ?? []) {
      if (other.alive && other.start < span.end && span.start < other.end) {
        other.alive = false;
        other.next = f;
        root(other.owner).changed = true;
      }
    }
    if (list) list.push(f);
    else this.found.set(articleId, [f]);
    owner.found.push(f);
    owner.changed = true;
    if (f.text !== owner.name) owner.aliases.add(f.text);
    this.affected.add(articleId);
    return true;
  }

  *watch(lists: readonly Watchlist[]): Steps<void> {
    if (!lists.length) return;
    let compiled = listMatchers.get(lists[0]);
    if (!compiled || compiled.lists.length !== lists.length || compiled.lists.some((l, i) => l !== lists[i])) {
      const entries = lists.flatMap((list) => list.entries.map((_, index) => ({ list, index })));
      const names: string[] = [];
      const owners: number[] = [];
      entries.forEach(({ list, index }, i) => {
        const e = list.entries[index];
        for (const n of [e.name, ...e.aliases]) {
          names.push(n);
          owners.push(i);
        }
      });
      yield;
      const matcher = new NameMatcher(names);
      compiled = { lists, matcher, entries: names.map((_, k) => entries[owners[k]]) };
      listMatchers.set(lists[0], compiled);
    }
    const targets = new Map<number, Rec>();
    let n = 0;
    for (const item of this.base.articles.values()) {
      if (++n % 32 === 0) yield;
      for (const m of matchesIn(compiled.matcher, item.article)) {
        const { list, index } = compiled.entries[m.names[0]];
        const entry = list.entries[index];
        const key = m.names[0];
        let target = targets.get(key);
        if (!target) {
          const [fit] = this.lookup(entry.name, entry.type);
          target = fit ?? this.created(entry.name, entry.type);
          targets.set(key, target);
        }
        if (!this.claim(item, m, target, false)) continue;
        for (const k of m.names) root(target).watchlists.add(compiled.entries[k].list.label);
      }
    }
  }

  /** The final id of a record's entity, or null when it is not an entity. */
  private idOf = new Map<Rec, string | null>();

  private finalId(r: Rec): string | null {
    return this.idOf.get(root(r)) ?? null;
  }

  /** The id a root asks for: its base id while its name and type are the base's, else type and name. */
  private wantedId(r: Rec): string {
    return r.base && r.base.name === r.name && r.base.type === r.type ? r.base.id : `${r.type}:${slugOf(r.name)}`;
  }

  *finish(out: Curated): Steps<Curated> {
    const byId = new Map<string, Rec>();
    // Two roots that end up with one id are one entity: the later joins the one holding the id (a
    // base entity that keeps it, else the first root asking for it).
    for (const r of [...new Set(this.recs.map(root))]) {
      if (r.removed) {
        this.idOf.set(r, null);
        continue;
      }
      const id = this.wantedId(r);
      let holder = byId.get(id);
      if (!holder && this.base.entities.has(id)) {
        const owner = root(this.recFor(id) as Rec);
        if (owner !== r && !owner.removed && this.wantedId(owner) === id) holder = owner;
      }
      if (!holder || holder === r) {
        byId.set(id, r);
        this.idOf.set(r, id);
        continue;
      }
      r.into = holder;
      holder.children.push(r);
      for (const a of [r.name, ...r.aliases]) if (a !== holder.name) holder.aliases.add(a);
      for (const x of r.roles) if (!holder.roles.includes(x)) holder.roles.push(x);
      for (const w of r.watchlists) holder.watchlists.add(w);
      holder.changed = true;
      holder.decided ||= r.decided;
      holder.notes.push(`merged with ${r.name}`);
      byId.set(id, holder);
      this.idOf.set(holder, id);
    }
    const roots = [...new Set(this.recs.map(root))];
    yield;

    // Articles to rewrite: where a mention changed hands, or an entity it names changed id.
    for (const r of this.recs) {
      if (!r.base || this.finalId(r) === r.base.id) continue;
      for (const m of this.base.mentionsOf.get(r.base.id) ?? []) this.affected.add(m.articleId);
    }
    let n = 0;
    for (const articleId of this.affected) {
      if (++n % 64 === 0) yield;
      const item = this.base.articles.get(articleId);
      if (!item) continue;
      const rewritten = this.rewrite(item);
      if (rewritten) out.changed.set(articleId, rewritten);
    }
    yield;

    // Entities: the base's, with those the corrections changed rebuilt from their mentions.
    const entities = new Map(this.base.entities);
    const renamed = new Map<string, string | null>();
    for (const r of this.recs) {
      if (r.base && this.finalId(r) !== r.base.id) {
        renamed.set(r.base.id, this.finalId(r));
        entities.delete(r.base.id);
        out.touched.add(r.base.id);
      }
    }
    const kept = new Set<string>();
    for (const r of roots) {
      if (r.into || r.removed || !r.changed) continue;
      const e = this.entityOf(r);
      if (!e) continue;
      if (e.mentionCount === 0 && !(r.base && r.base.mentionCount === 0)) {
        entities.delete(e.id);
        out.touched.add(e.id);
        continue;
      }
      entities.set(e.id, e);
      out.touched.add(e.id);
      kept.add(e.id);
      const notes = this.tree(r).flatMap((x) => x.notes);
      if (notes.length) out.notes.set(e.id, [...new Set(notes)]);
    }
    yield;
    this.followPossibleSame(entities, renamed, kept, out.touched);
    // Nationalities point at their place by id.
    for (const [id, e] of entities) {
      if (!e.place || !renamed.has(e.place)) continue;
      const place = renamed.get(e.place);
      const copy: Entity = { ...e };
      if (place && entities.has(place)) copy.place = place;
      else delete copy.place;
      entities.set(id, copy);
      out.touched.add(id);
    }
    out.entities = entities;
    return out;
  }

  /**
   * `possibleSame` links follow what the decisions did to the entities they name: to the id an
   * entity now has (renamed, retyped, merged into another), and away when it is gone (not an
   * entity, left with no mention) or is now the linking entity itself (the analyst merged the two).
   * Only the entities rebuilt here and those linking to an id that changed are looked at.
   */
  private followPossibleSame(entities: Map<string, Entity>, renamed: ReadonlyMap<string, string | null>, kept: ReadonlySet<string>, touched: Set<string>): void {
    const linking = new Set(kept);
    const listed = linksTo(this.base.entities);
    for (const id of touched) {
      if (entities.has(id) && !renamed.has(id)) continue;
      for (const other of listed.get(id) ?? []) linking.add(other);
    }
    for (const id of linking) {
      const e = entities.get(id);
      if (!e?.possibleSame) continue;
      const now = [...new Set(e.possibleSame.map((p) => (renamed.has(p) ? renamed.get(p) : p)))]
        .filter((p): p is string => !!p && p !== id && entities.has(p))
        .sort();
      if (sameIds(now, e.possibleSame)) continue;
      const copy: Entity = { ...e };
      if (now.length) copy.possibleSame = now;
      else delete copy.possibleSame;
      entities.set(id, copy);
      touched.add(id);
    }
  }

  private entityOf(r: Rec): Entity | undefined {
    const id = this.idOf.get(r);
    if (!id) return undefined;
    const tree = this.tree(r);
    let mentions = 0;
    const articles = new Set<string>();
    for (const { mention } of this.mentionsOfTree(r)) {
      mentions++;
      articles.add(mention.articleId);
    }
    const aliases = new Set<string>();
    for (const x of tree) {
      if (x !== r) aliases.add(x.name);
      for (const a of x.aliases) aliases.add(a);
    }
    aliases.delete(r.name);
    const roles = [...r.roles];
    for (const x of tree) for (const role of x.roles) if (!roles.includes(role)) roles.push(role);
    const e: Entity = { id, name: r.name, type: r.type, aliases: [...aliases].sort(), roles, mentionCount: mentions, articleCount: articles.size };
    const value = tree.map((x) => x.value).find((v) => v !== undefined);
    if (value !== undefined) e.value = value;
    const place = tree.map((x) => x.place).find((p) => p !== undefined);
    if (place !== undefined) {
      const mapped = this.recOf.has(place) ? this.finalId(this.recOf.get(place) as Rec) : place;
      if (mapped) e.place = mapped;
    }
    const own = new Set(tree.map((x) => x.base?.id));
    const maybe = [...new Set(tree.flatMap((x) => x.base?.possibleSame ?? []))].filter((p) => !own.has(p));
    if (maybe.length) e.possibleSame = maybe;
    if (tree.some((x) => x.decided)) e.curated = true;
    const lists = new Set(tree.flatMap((x) => [...x.watchlists]));
    if (lists.size) e.watchlists = [...lists].sort();
    return e;
  }

  /** An article's mentions and events after the corrections, or undefined when they read as before. */
  private rewrite(item: IndexedArticle): IndexedArticle | undefined {
    const articleId = item.article.id;
    const mentions: MentionRef[] = [];
    // Where each base mention went: to its entity, to another, or nowhere (null).
    const dest: (string | null)[] = new Array(item.mentions.length);
    const varied = new Set<string>();
    item.mentions.forEach((m, i) => {
      let f = this.replaced.get(m);
      let to: string | null;
      if (f) {
        while (f.next) f = f.next;
        to = f.alive ? this.finalId(f.owner) : null;
      } else {
        const owner = this.moved.get(m) ?? this.recOf.get(m.entity);
        to = owner ? this.finalId(owner) : m.entity;
        if (to !== null) mentions.push(to === m.entity ? m : { ...m, entity: to });
      }
      dest[i] = to;
      if (to !== m.entity) varied.add(m.entity);
    });
    for (const f of this.found.get(articleId) ?? []) {
      if (!f.alive) continue;
      const id = this.finalId(f.owner);
      if (id !== null) mentions.push({ entity: id, start: f.start, end: f.end, text: f.text, articleId });
    }
    mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    // An event's participant goes where its mentions in the event's sentence went, else where all
    // its mentions in the article went, when they all went one way.
    const oneWay = (id: string, from = 0, to = Infinity): string | null | undefined => {
      let way: string | null | undefined;
      for (let i = 0; i < dest.length; i++) {
        const m = item.mentions[i];
        if (m.entity !== id || m.start < from || m.start >= to) continue;
        if (way === undefined) way = dest[i];
        else if (way !== dest[i]) return undefined;
      }
      return way;
    };
    const participant = (id: string, sentence: { start: number; end: number }): string | null => {
      const way = varied.has(id) ? (oneWay(id, sentence.start, sentence.end) ?? oneWay(id)) : undefined;
      if (way !== undefined) return way;
      const r = this.recOf.get(id);
      return r ? this.finalId(r) : id;
    };
    let eventsChanged = false;
    const events = item.events.map((e): NewsEvent => {
      const map = (ids: string[]): string[] => {
        const out: string[] = [];
        for (const id of ids) {
          const p = participant(id, e.sentence);
          if (p !== null && !out.includes(p)) out.push(p);
        }
        return out;
      };
      const who = map(e.who);
      const whom = map(e.whom);
      const where = map(e.where);
      if (sameIds(who, e.who) && sameIds(whom, e.whom) && sameIds(where, e.where)) return e;
      eventsChanged = true;
      return { ...e, who, whom, where };
    });
    if (!eventsChanged && sameMentions(mentions, item.mentions)) return undefined;
    return { ...item, mentions, events: eventsChanged ? events : item.events };
  }
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameMentions(a: MentionRef[], b: MentionRef[]): boolean {
  return a.length === b.length && a.every((m, i) => m.start === b[i].start && m.end === b[i].end && m.entity === b[i].entity);
}

/**
 * Page furniture (share bars, captions, prompts, lines repeated across a source) is left out of
 * entities by the analysis and the merge: a name found there by `add` or a watchlist is too.
 */
function inFurniture(item: IndexedArticle, span: { start: number; end: number }): boolean {
  return item.analysis.excluded.some((x) => x.start < span.end && span.start < x.end);
}

/** Longer than any mention the analysis makes (a name, a date phrase): bounds the walk back in `overlaps`. */
const LONGEST_MENTION = 1000;

/** The mentions (sorted by start) overlapping a span. */
function overlaps(mentions: readonly MentionRef[], span: { start: number; end: number }): MentionRef[] {
  const out: MentionRef[] = [];
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < span.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && span.start - mentions[i].start < LONGEST_MENTION; i--) if (mentions[i].end > span.start) out.push(mentions[i]);
  return out.reverse();
}
