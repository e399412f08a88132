/**
 * A faster drop-in for compromise's `bulkMatch`, the step that picks which of its ~570 post-tagger
 * rules to try on each sentence and runs them. Stock compromise walks every hook word of the rule
 * net for every sentence, concatenating and filtering the rule lists as it goes: about a fifth of a
 * whole parse. Here each rule is filed under its rarest need, so a sentence looks only at rules that
 * can apply to it, and the survivors are put in exactly the order stock compromise would try them:
 * the tags come out identical (test/unit/nlp/sweep.test.ts compares both on real news).
 */

interface Rule {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
}

interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}

type Pointer = [number, number, number];

interface Methods {
  one: {
    cacheDoc(document: unknown[][]): Set<string>[];
    match(docs: unknown[][], rule: Rule): { ptrs: Pointer[] };
  };
}

type BulkMatch = (document: unknown[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => object[];

interface World {
  methods: { one: { bulkMatch: BulkMatch } };
}

/** A rule with every hook it is listed under (ascending hook numbers) and its position in each list. */
interface Entry {
  id: number;
  rule: Rule;
  hooks: number[];
  positions: number[];
}

interface HookIndex {
  keys: string[];
  at: Map<string, number>;
  /**
   * Per hook number, the rules to look at when a sentence has that word or tag: a rule with needs
   * only under its rarest need (it cannot apply without it), a rule with wants only under each want.
   */
  primary: Entry[][];
  /** Per entry, the sentence that last looked at it (a stamp, so nothing is cleared between sentences). */
  seen: Uint32Array;
  stamp: number;
}

const indexes = new WeakMap<Net, HookIndex | null>();

/** Indexes a rule net; null when two rules share a match string, whose order only the stock sweep keeps. */
function hookIndex(net: Net): HookIndex | null {
  const known = indexes.get(net);
  if (known !== undefined) return known;
  const keys = Object.keys(net.hooks);
  const at = new Map(keys.map((k, i) => [k, i]));
  const entries = new Map<Rule, Entry>();
  keys.forEach((k, i) =>
    net.hooks[k].forEach((rule, position) => {
      let e = entries.get(rule);
      if (!e) entries.set(rule, (e = { id: entries.size, rule, hooks: [], positions: [] }));
      e.hooks.push(i);
      e.positions.push(position);
    }),
  );
  const matches = new Set([...entries.keys()].map((r) => r.match));
  let index: HookIndex | null = null;
  if (matches.size === entries.size) {
    const primary: Entry[][] = keys.map(() => []);
    // Words are rarer than tags; among tags, the one fewer rules hang on is taken for the rarer.
    const rarity = (k: string): number => (k.startsWith('#') ? 1e6 : 0) + net.hooks[k].length;
    for (const e of entries.values()) {
      const needs = e.rule.needs.filter((k) => at.has(k));
      if (needs.length) primary[at.get(needs.reduce((a, b) => (rarity(b) < rarity(a) ? b : a))) as number].push(e);
      else for (const i of e.hooks) primary[i].push(e);
    }
    index = { keys, at, primary, seen: new Uint32Array(entries.size), stamp: 0 };
  }
  indexes.set(net, index);
  return index;
}

function hasAll(haves: Set<string>, list: string[]): boolean {
  for (const x of list) if (!haves.has(x)) return false;
  return true;
}

function hasAny(haves: Set<string>, list: string[]): boolean {
  for (const x of list) if (haves.has(x)) return true;
  return false;
}

function countIn(haves: Set<string>, list: string[]): number {
  let n = 0;
  for (const x of list) if (haves.has(x)) n++;
  return n;
}

/**
 * The rules worth trying on one sentence, with compromise's needs/ifNo/wants checks, in the order
 * stock compromise tries them: by the first of the rule's hooks (in the net's key order) that the
 * sentence has, then by the rule's place in that hook's list.
 */
function candidates(index: HookIndex, net: Net, haves: Set<string>, words: number): Rule[] {
  if (index.stamp === 0xffffffff) {
    index.seen.fill(0);
    index.stamp = 0;
  }
  const stamp = ++index.stamp;
  const found: { order: number; rule: Rule }[] = [];
  for (const k of haves) {
    const i = index.at.get(k);
    if (i === undefined) continue;
    for (const e of index.primary[i]) {
      if (index.seen[e.id] === stamp) continue;
      index.seen[e.id] = stamp;
      const rule = e.rule;
      if (words < rule.minWords || !hasAll(haves, rule.needs)) continue;
      if (rule.ifNo !== undefined && hasAny(haves, rule.ifNo)) continue;
      if (rule.wants.length !== 0 && countIn(haves, rule.wants) < rule.minWant) continue;
      let j = 0;
      while (!haves.has(index.keys[e.hooks[j]])) j++;
      found.push({ order: e.hooks[j] * 0x10000 + e.positions[j], rule });
    }
  }
  found.sort((a, b) => a.order - b.order);
  const out = found.map((f) => f.rule);
  for (const rule of net.always) if (words >= rule.minWords) out.push(rule);
  return out;
}

const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const index = hookIndex(net);
  if (!index) return (stock as BulkMatch)(document, net, methods, opts);
  const caches = methods.one.cacheDoc(document);
  const results: object[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const rule of candidates(index, net, caches[n], document[n].length)) {
      const { ptrs } = methods.one.match([document[n]], rule);
      for (const ptr of ptrs) {
        ptr[0] = n;
        results.push({ ...rule, pointer: ptr });
      }
      if (ptrs.length > 0 && opts.matchOne === true) return [results[0]];
    }
  }
  return results;
};

let stock: BulkMatch | undefined;

/** Makes compromise `world` use the faster rule sweep. */
export function useFastSweep(world: unknown): void {
  const one = (world as World).methods.one;
  stock ??= one.bulkMatch;
  one.bulkMatch = fastBulkMatch;
}

/** Puts compromise's own sweep back (for the equivalence test). */
export function useStockSweep(world: unknown): void {
  if (stock) (world as World).methods.one.bulkMatch = stock;
}
