/**
 * A faster drop-in for compromise's `bulkMatch`, the step that picks which of its ~1,000 post-tagger
 * rules to try on each sentence and runs them. Stock compromise walks every hook word of the rule
 * net for every sentence and concatenates the rule lists as it goes: about a fifth of a whole parse.
 * This walks only the words and tags the sentence has, then visits the hooks in the net's own order,
 * so the rules run in exactly the order stock compromise runs them and the tags come out identical
 * (test/unit/nlp/sweep.test.ts compares both on real news).
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

interface HookIndex {
  at: Map<string, number>;
  lists: Rule[][];
  /** Per hook list, the number of each rule's match string: stock dedupes rules by that string. */
  ids: Uint32Array[];
  /** Per match-string number, the sentence that last saw it (a stamp, so nothing is cleared between sentences). */
  seen: Uint32Array;
  stamp: number;
}

const indexes = new WeakMap<Net, HookIndex>();

function hookIndex(net: Net): HookIndex {
  let index = indexes.get(net);
  if (!index) {
    const keys = Object.keys(net.hooks);
    const numbers = new Map<string, number>();
    const lists = keys.map((k) => net.hooks[k]);
    const ids = lists.map((list) => Uint32Array.from(list, (rule) => numbers.get(rule.match) ?? numbers.set(rule.match, numbers.size).size - 1));
    index = { at: new Map(keys.map((k, i) => [k, i])), lists, ids, seen: new Uint32Array(numbers.size), stamp: 0 };
    indexes.set(net, index);
  }
  return index;
}

/** The rules worth trying on one sentence, in stock order, with compromise's needs/ifNo/wants checks. */
function candidates(index: HookIndex, net: Net, haves: Set<string>, words: number): Rule[] {
  const hit: number[] = [];
  for (const k of haves) {
    const i = index.at.get(k);
    if (i !== undefined) hit.push(i);
  }
  hit.sort((a, b) => a - b);
  if (index.stamp === 0xffffffff) {
    index.seen.fill(0);
    index.stamp = 0;
  }
  const stamp = ++index.stamp;
  const out: Rule[] = [];
  for (const i of hit) {
    const list = index.lists[i];
    const ids = index.ids[i];
    for (let r = 0; r < list.length; r++) {
      // Stock drops a repeated match string before its checks, so a repeat never runs even when the first was filtered out.
      if (index.seen[ids[r]] === stamp) continue;
      index.seen[ids[r]] = stamp;
      const rule = list[r];
      if (words < rule.minWords || !rule.needs.every((x) => haves.has(x))) continue;
      if (rule.ifNo !== undefined && rule.ifNo.some((x) => haves.has(x))) continue;
      if (rule.wants.length !== 0 && rule.wants.filter((x) => haves.has(x)).length < rule.minWant) continue;
      out.push(rule);
    }
  }
  for (const rule of net.always) if (words >= rule.minWords) out.push(rule);
  return out;
}

const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const caches = methods.one.cacheDoc(document);
  const index = hookIndex(net);
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
