// Scores corpus-level identity against a hand-made gold (see scripts/tools/gold/README.md).
//
// An item is one gold entity in one article as the system resolved it: (gold entity, article,
// system entity), for every system mention in the article whose text is one of the names the
// gold gives the entity there. A name that two gold entities claim in the same article says
// nothing and is skipped. Pairwise precision is the share of item pairs the system puts in one
// entity that the gold does too; recall, the share of item pairs the gold puts in one entity that
// the system does too. An entity split in one article (a "Trump" person and a "Trump"
// organization) is two items and costs recall; two people merged ("Thurman" the daughter and
// "Robert Thurman" the father) cost precision.

export interface GoldEntity {
  id: string;
  type: string;
  names: string[];
  /** Article id prefixes where the entity is named. */
  articles: string[];
  /** Per article, the names that refer to it there when they are fewer than `names`. */
  namesIn?: Record<string, string[]>;
}

export interface Gold {
  entities: GoldEntity[];
}

export interface ScoredArticle {
  id: string;
  mentions: { entity: string; text: string }[];
}

export interface IdentityScore {
  precision: number;
  recall: number;
  items: number;
  /** Gold (entity, article) pairs with at least one item, and all of them. */
  found: number;
  goldPairs: number;
  /** For each gold entity named in more than one system entity: the system entities and their items. */
  splits: Map<string, Map<string, number>>;
  /** For each system entity holding more than one gold entity: the gold entities and their items. */
  merges: Map<string, Map<string, number>>;
}

/** Case, spacing, curly quotes and a possessive ending do not make another name. */
export function comparableName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .replace(/'s?$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

export function scoreIdentity(gold: Gold, articles: readonly ScoredArticle[]): IdentityScore {
  const byPrefix = new Map<string, ScoredArticle>();
  for (const a of articles) for (const e of gold.entities) for (const p of e.articles) if (a.id.startsWith(p)) byPrefix.set(p, a);
  // Which gold entities claim each name in each article.
  const claims = new Map<string, Set<string>>();
  const namesOf = (e: GoldEntity, p: string): Set<string> => new Set((e.namesIn?.[p] ?? e.names).map(comparableName));
  for (const e of gold.entities) {
    for (const p of e.articles) {
      for (const n of namesOf(e, p)) {
        const k = `${p}\u0000${n}`;
        const set = claims.get(k) ?? new Set<string>();
        set.add(e.id);
        claims.set(k, set);
      }
    }
  }
  const items = new Set<string>();
  const found = new Set<string>();
  let goldPairs = 0;
  for (const e of gold.entities) {
    for (const p of e.articles) {
      goldPairs++;
      const a = byPrefix.get(p);
      if (!a) continue;
      const names = namesOf(e, p);
      for (const m of a.mentions) {
        const n = comparableName(m.text);
        if (!names.has(n) || (claims.get(`${p}\u0000${n}`)?.size ?? 0) > 1) continue;
        items.add(`${e.id}\u0000${p}\u0000${m.entity}`);
        found.add(`${e.id}\u0000${p}`);
      }
    }
  }
  const byGold = new Map<string, Map<string, number>>();
  const bySystem = new Map<string, Map<string, number>>();
  const bump = (map: Map<string, Map<string, number>>, a: string, b: string): void => {
    const row = map.get(a) ?? new Map<string, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    map.set(a, row);
  };
  for (const item of items) {
    const [g, , s] = item.split('\u0000');
    bump(byGold, g, s);
    bump(bySystem, s, g);
  }
  let both = 0;
  let goldSame = 0;
  let systemSame = 0;
  for (const row of byGold.values()) {
    let n = 0;
    for (const c of row.values()) {
      n += c;
      both += pairs(c);
    }
    goldSame += pairs(n);
  }
  for (const row of bySystem.values()) systemSame += pairs([...row.values()].reduce((x, y) => x + y, 0));
  const splits = new Map([...byGold].filter(([, row]) => row.size > 1));
  const merges = new Map([...bySystem].filter(([, row]) => row.size > 1));
  return {
    precision: systemSame ? both / systemSame : 1,
    recall: goldSame ? both / goldSame : 1,
    items: items.size,
    found: found.size,
    goldPairs,
    splits,
    merges,
  };
}

/** Words that open the names of page furniture taken for entities ("Skip Twitter", "GETTY Bitcoin", "Images Massa"). */
const FURNITURE_WORDS = new Set([
  'skip', 'share', 'embed', 'advertisement', 'close', 'watch', 'watched', 'follow', 'getty', 'image', 'images', 'photo', 'photos', 'video',
  'videos', 'gallery', 'slideshow', 'replay', 'read', 'related', 'copyright', 'subscribe', 'newsletter', 'scroll', 'caption', 'know', 'need',
  'enlarge', 'toggle',
]);

/** The prefixes the issue names: no entity may begin with them. */
export const FORBIDDEN_PREFIXES = ['Skip', 'Share', 'Embed', 'Advertisement', 'KNOW', 'NEED', 'CLOSE', 'WATCH', 'Follow', 'GETTY', 'Image', 'Photo'];

export function isFurnitureName(name: string): boolean {
  const first = /^[^\p{L}]*(\p{L}+)/u.exec(name)?.[1].toLowerCase() ?? '';
  return FURNITURE_WORDS.has(first);
}
