/**
 * A faster drop-in for compromise's `bulkMatch`, the step that picks which of its ~570 post-tagger
 * rules to try on each sentence and runs them. Stock compromise walks every hook word of the rule
 * net for every sentence, concatenating and filtering the rule lists as it goes: about a fifth of a
 * whole parse. Here each rule is filed under its rarest need, so a sentence looks only at rules that
 * can apply to it (its needs and wants checked against one bit per hook, not by string lookups),
 * and the survivors are put in exactly the order stock compromise would try them. A rule is then
 * tried only from the terms its first reg can match (and whose next term the regs after it can
 * take), instead of from every term with a fresh copy of the rest of the sentence, and a rule
 * anchored at the end ($) only when the last term can end it. The tags come out identical
 * (test/unit/nlp/sweep.test.ts compares both on real news).
 */

interface Reg {
  tag?: string;
  word?: string;
  method?: string;
  switch?: string;
  fastOr?: Set<string>;
  pos?: string;
  choices?: Reg[][];
  optional?: boolean;
  negative?: boolean;
  anything?: boolean;
  greedy?: boolean;
  start?: boolean;
  end?: boolean;
  [other: string]: unknown;
}

interface Rule {
  match: string;
  regs?: Reg[];
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
}

interface Term {
  text: string;
  normal: string;
  machine?: string | null;
  root?: string;
  implicit?: string;
  alias?: string[];
  tags: Set<string>;
  switch?: string;
  id: string;
}

interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}

type Pointer = [number, number, number, string?, string?];

type TermMethod = (t: Term) => boolean;

interface Methods {
  one: {
    cacheDoc(document: Term[][]): Set<string>[];
    match(docs: Term[][], rule: Rule): { ptrs: Pointer[]; byGroup: Record<string, Pointer[]> };
  };
}

type BulkMatch = (document: Term[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => object[];

interface World {
  methods: { one: { bulkMatch: BulkMatch; termMethods: Record<string, TermMethod | undefined> } };
}

/** A rule with every hook it is listed under (ascending hook numbers) and its position in each list. */
interface Entry {
  id: number;
  rule: Rule;
  hooks: number[];
  positions: number[];
  /** The hook numbers of the rule's needs and of its wants (all of them are hooks of the net). */
  needs: Int32Array;
  wants: Int32Array;
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
  /** The hooks the current sentence has, one bit per hook number (cleared again after the sentence). */
  has: Uint32Array;
  /** Per entry, where stock compromise would try it among the sentence's rules. */
  order: Float64Array;
}

const indexes = new WeakMap<Net, HookIndex | null>();

/**
 * Indexes a rule net; null when two rules share a match string, whose order only the stock sweep
 * keeps, or when a need or want is no hook (compromise's buildNet hooks every one: a net built
 * otherwise is left to the stock sweep too).
 */
function hookIndex(net: Net): HookIndex | null {
  const known = indexes.get(net);
  if (known !== undefined) return known;
  const keys = Object.keys(net.hooks);
  const at = new Map(keys.map((k, i) => [k, i]));
  const numbers = (list: string[]): Int32Array => Int32Array.from(list, (k) => at.get(k) ?? -1);
  const entries = new Map<Rule, Entry>();
  keys.forEach((k, i) =>
    net.hooks[k].forEach((rule, position) => {
      let e = entries.get(rule);
      if (!e) entries.set(rule, (e = { id: entries.size, rule, hooks: [], positions: [], needs: numbers(rule.needs), wants: numbers(rule.wants) }));
      e.hooks.push(i);
      e.positions.push(position);
    }),
  );
  const matches = new Set([...entries.keys()].map((r) => r.match));
  const unhooked = [...entries.values()].some((e) => e.needs.includes(-1) || e.wants.includes(-1));
  let index: HookIndex | null = null;
  if (matches.size === entries.size && !unhooked) {
    const primary: Entry[][] = keys.map(() => []);
    // Words are rarer than tags; among tags, the one fewer rules hang on is taken for the rarer.
    const rarity = (k: string): number => (k.startsWith('#') ? 1e6 : 0) + net.hooks[k].length;
    for (const e of entries.values()) {
      const needs = e.rule.needs.filter((k) => at.has(k));
      if (needs.length) primary[at.get(needs.reduce((a, b) => (rarity(b) < rarity(a) ? b : a))) as number].push(e);
      else for (const i of e.hooks) primary[i].push(e);
    }
    index = { keys, at, primary, seen: new Uint32Array(entries.size), stamp: 0, has: new Uint32Array((keys.length >> 5) + 1), order: new Float64Array(entries.size) };
  }
  indexes.set(net, index);
  return index;
}

/** Whether the sentence has hook number `i`. */
function has(index: HookIndex, i: number): boolean {
  return (index.has[i >> 5] & (1 << (i & 31))) !== 0;
}

function hasAll(index: HookIndex, list: Int32Array): boolean {
  for (let k = 0; k < list.length; k++) if (!has(index, list[k])) return false;
  return true;
}

function hasAny(haves: Set<string>, list: string[]): boolean {
  for (const x of list) if (haves.has(x)) return true;
  return false;
}

function countIn(index: HookIndex, list: Int32Array): number {
  let n = 0;
  for (let k = 0; k < list.length; k++) if (has(index, list[k])) n++;
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
  const present: number[] = [];
  for (const k of haves) {
    const i = index.at.get(k);
    if (i === undefined) continue;
    index.has[i >> 5] |= 1 << (i & 31);
    present.push(i);
  }
  const found: Entry[] = [];
  for (const i of present) {
    for (const e of index.primary[i]) {
      if (index.seen[e.id] === stamp) continue;
      index.seen[e.id] = stamp;
      const rule = e.rule;
      if (words < rule.minWords || !hasAll(index, e.needs)) continue;
      if (rule.ifNo !== undefined && hasAny(haves, rule.ifNo)) continue;
      if (e.wants.length !== 0 && countIn(index, e.wants) < rule.minWant) continue;
      let j = 0;
      while (!has(index, e.hooks[j])) j++;
      index.order[e.id] = e.hooks[j] * 0x10000 + e.positions[j];
      found.push(e);
    }
  }
  for (const i of present) index.has[i >> 5] = 0;
  found.sort((a, b) => index.order[a.id] - index.order[b.id]);
  const out = found.map((e) => e.rule);
  for (const rule of net.always) if (words >= rule.minWords) out.push(rule);
  return out;
}

const starts = new WeakMap<Rule, ((t: Term) => boolean) | null>();

/** The test a term must pass for a match of `rule` to start at it (null: any term may start one). */
function startTest(rule: Rule): ((t: Term) => boolean) | null {
  let test = starts.get(rule);
  if (test === undefined) starts.set(rule, (test = buildStartTest(rule.regs)));
  return test;
}

/** Keys of a reg that leave doesMatch's verdict to its tag, word, @method, %switch% or word list (the rest are capture-group and repeat marks). */
const SIMPLE = new Set(['tag', 'word', 'method', 'switch', 'fastOr', 'pos', 'operator', 'greedy', 'group', 'groupStart', 'groupEnd']);
/** The same for an (a|b) or (a && b) block, whose alternatives' first regs are then tested one by one. */
const BLOCK = new Set(['choices', 'operator', 'greedy', 'group', 'groupStart', 'groupEnd']);

/** Whether any reg, inside blocks too, passes `test`. */
function anyReg(regs: Reg[], test: (r: Reg) => boolean): boolean {
  return regs.some((r) => test(r) || (r.choices ?? []).some((alt) => anyReg(alt, test)));
}

function only(r: Reg, keys: Set<string>): boolean {
  return Object.keys(r).every((k) => r[k] === undefined || keys.has(k));
}

/**
 * What compromise's doesMatch asks of the first term of a match, in a rule with no ^ anchor of its
 * own (the match is tried only from terms passing the test, where ^ would mean something else): for
 * a first reg that must match its term (not optional, negative or a wildcard) by tag, word, @method,
 * %switch% or word list alone; for an (a|b) block of such alternatives, any of which may start it;
 * for an (a && b) block, every alternative that has such a test.
 */
function buildStartTest(regs: Reg[] | undefined): ((t: Term) => boolean) | null {
  const r = regs?.[0];
  if (!regs || !r || anyReg(regs, (x) => x.start === true)) return null;
  if (r.choices === undefined) return termTest(r);
  if (r.optional === true || r.negative === true || !only(r, BLOCK)) return null;
  const tests = r.choices.map((alt) => (alt.length > 0 ? termTest(alt[0]) : null));
  if (r.operator === 'and') {
    // Every alternative must match from this term: those with a test must pass it.
    const known = tests.filter((t) => t !== null) as ((t: Term) => boolean)[];
    return known.length === 0 ? null : (t) => known.every((test) => test(t));
  }
  if (r.operator !== 'or' || tests.some((t) => t === null)) return null;
  const any = tests as ((t: Term) => boolean)[];
  return (t) => any.some((test) => test(t));
}

function termTest(r: Reg): ((t: Term) => boolean) | null {
  if (r.optional === true || r.negative === true || r.anything === true || r.end === true || !only(r, SIMPLE)) return null;
  if (r.word !== undefined) {
    const w = r.word;
    return (t) => t.machine === w || t.text === w || t.normal === w || (t.alias?.includes(w) ?? false);
  }
  if (r.tag !== undefined) {
    const tag = r.tag;
    return (t) => t.tags.has(tag);
  }
  if (r.method !== undefined) {
    const method = termMethods[r.method];
    return typeof method === 'function' ? (t) => method(t) === true : () => false;
  }
  if (r.switch !== undefined) {
    const choice = r.switch;
    return (t) => t.switch === choice;
  }
  if (r.fastOr !== undefined) {
    const set = r.fastOr;
    const pos = r.pos;
    return (t) => (pos === undefined || t.tags.has(pos)) && (set.has(t.root || t.implicit || t.machine || t.normal) || set.has(t.text));
  }
  return null;
}

const ends = new WeakMap<Rule, ((terms: Term[]) => boolean) | null>();

/**
 * What a rule whose last reg is marked $ asks of the sentence's end, or null when it asks nothing
 * this can check. compromise refuses a match whose $ reg does not take the last term (and drops
 * any match that does not end there), so that reg must match the last term, or the term before it
 * when the two are halves of a contraction (a match of the first half steps over the second). The
 * sentence's end tested once thus turns away most tries of these rules from the start.
 */
function endTest(rule: Rule): ((terms: Term[]) => boolean) | null {
  let test = ends.get(rule);
  if (test === undefined) {
    const last = rule.regs?.[rule.regs.length - 1];
    const term = last?.end === true ? oneTermTest({ ...last, end: undefined }) : null;
    test =
      term === null
        ? null
        : (terms) => {
            const n = terms.length;
            return n > 0 && (term(terms[n - 1]) || (n > 1 && Boolean(terms[n - 2].implicit) && Boolean(terms[n - 1].implicit) && term(terms[n - 2])));
          };
    ends.set(rule, test);
  }
  return test;
}

interface Anchored {
  /** The rule with its first reg marked ^ and without its capture group or notIf, which are applied here. */
  rule: Rule;
  group: string | undefined;
  notIf: Rule | undefined;
  required: number;
  /** The test of the term after the first, when the first reg takes exactly one term (see nextTermTest). */
  second: ((t: Term) => boolean) | null;
  /** The rule as one test per term, when each of its regs takes exactly one term (see fixedTests). */
  fixed: ((t: Term) => boolean)[] | null;
  /** Where the capture group stands among those terms, and how many it takes (compromise's own count). */
  groupFrom: number;
  groupLength: number;
}

/** A reg that takes exactly one term, as its test: a simple reg, or an (a|b) or (a && b) block of simple one-reg alternatives. */
function oneTermTest(r: Reg): ((t: Term) => boolean) | null {
  if (r.greedy === true) return null;
  if (r.choices === undefined) return termTest(r);
  if (r.optional === true || r.negative === true || !only(r, BLOCK)) return null;
  const tests = r.choices.map((alt) => (alt.length === 1 && alt[0].greedy !== true ? termTest(alt[0]) : null));
  if (tests.some((t) => t === null)) return null;
  const all = tests as ((t: Term) => boolean)[];
  if (r.operator === 'and') return (t) => all.every((test) => test(t));
  return r.operator === 'or' ? (t) => all.some((test) => test(t)) : null;
}

/**
 * A rule whose every reg takes exactly one term (no optional, repeated, negative or wildcard reg)
 * matches where each term passes its reg's test, and nowhere else: such a rule is tried here
 * without compromise's general matcher and its copy of the rest of the sentence.
 */
function fixedTests(regs: Reg[]): ((t: Term) => boolean)[] | null {
  const tests = regs.map(oneTermTest);
  return tests.some((t) => t === null) ? null : (tests as ((t: Term) => boolean)[]);
}

/**
 * What the term after the first must pass, when the first reg takes exactly one term: the next
 * required reg's test, or that of one of the optional regs before it, which may take the term
 * instead. Null when a reg on the way has no such test (a negative, a wildcard, a $) or no
 * required reg follows.
 */
function nextTermTest(regs: Reg[]): ((t: Term) => boolean) | null {
  const tests: ((t: Term) => boolean)[] = [];
  for (const r of regs.slice(1)) {
    const test = r.negative === true ? null : buildStartTest([{ ...r, optional: undefined }]);
    if (test === null) return null;
    tests.push(test);
    if (r.optional !== true) return tests.length === 1 ? test : (t) => tests.some((x) => x(t));
  }
  return null;
}

const anchoredRules = new WeakMap<Rule, Anchored | null>();

/**
 * `rule` as tried from one term only: compromise tries it only from the first term it is given
 * when its first reg is marked ^. The whole match has to come back (compromise steps past a match
 * before dropping it for its capture group or its notIf), so those two are left to matchAtStarts.
 * Null for a rule with a $ anchor, whose matches compromise drops after stepping past them too.
 */
function anchoredAt(rule: Rule): Anchored | null {
  let a = anchoredRules.get(rule);
  if (a === undefined) {
    const regs = rule.regs as Reg[];
    const { group, notIf, ...rest } = rule as Rule & { group?: string | number; notIf?: Reg[] };
    a = anyReg(regs, (x) => x.end === true)
      ? null
      : {
          rule: { ...rest, regs: [{ ...regs[0], start: true }, ...regs.slice(1)] },
          group: group === undefined ? undefined : String(group),
          notIf: notIf === undefined ? undefined : { ...rest, match: '', regs: notIf },
          required: regs.filter((r) => r.optional !== true && r.negative !== true).length,
          second: regs[0].greedy !== true && regs[0].choices === undefined ? nextTermTest(regs) : null,
          fixed: fixedTests(regs),
          groupFrom: regs.findIndex((r) => r.group !== undefined && String(r.group) === String(group)),
          groupLength: regs.filter((r) => r.group !== undefined && String(r.group) === String(group)).length,
        };
    anchoredRules.set(rule, a);
  }
  return a;
}

/**
 * compromise tries a rule at every term of the sentence, copying the rest of the sentence each
 * time; a rule whose first term has a test is tried only at the terms passing it, anchored there,
 * stepping past each match as compromise does (matches never overlap) and then keeping it, or its
 * capture group, unless the rule's notIf matches inside it. Each try by compromise's matcher still
 * copies the rest of the sentence, which costs the square of its length: parseText gives
 * compromise no sentence longer than a few thousand characters (see `pieces` in nlp.ts), so that
 * cost is bounded.
 */
function matchAtStarts(terms: Term[], anchored: Anchored, test: (t: Term) => boolean, methods: Methods): Pointer[] {
  const out: Pointer[] = [];
  const last = terms.length - anchored.required;
  for (let i = 0; i <= last; i++) {
    if (!test(terms[i])) continue;
    // A contraction's first half may stand for two terms, so the next term is not checked after one.
    if (anchored.second !== null && !terms[i].implicit && !(i + 1 < terms.length && anchored.second(terms[i + 1]))) continue;
    const fixed = fixedMatch(terms, i, anchored);
    const found = fixed === null ? matchHere(terms, i, anchored, methods) : fixed;
    if (found === undefined) continue;
    const [end, part] = found;
    const vetoed = anchored.notIf !== undefined && methods.one.match([terms.slice(i, end)], anchored.notIf).ptrs.length > 0;
    if (!vetoed && part !== undefined) out.push([0, part[0], part[1], terms[part[0]].id, terms[part[1] - 1].id]);
    i = Math.max(i, end - 1);
  }
  return out;
}

/** A match found at `i`: where it ends, and the terms it keeps (its capture group, or all), if any. */
type Found = [end: number, part: [number, number] | undefined];

/**
 * The match of a rule of one-term regs at `i` (undefined: none), or null to leave the try to
 * compromise: where a term is half of a contraction, compromise may step over the other half.
 */
function fixedMatch(terms: Term[], i: number, anchored: Anchored): Found | undefined | null {
  const tests = anchored.fixed;
  if (tests === null) return null;
  for (let k = 0; k < tests.length; k++) if (terms[i + k].implicit) return null;
  for (let k = 0; k < tests.length; k++) if (!tests[k](terms[i + k])) return undefined;
  const end = i + tests.length;
  if (anchored.group === undefined) return [end, [i, end]];
  return [end, anchored.groupLength > 0 ? [i + anchored.groupFrom, i + anchored.groupFrom + anchored.groupLength] : undefined];
}

function matchHere(terms: Term[], i: number, anchored: Anchored, methods: Methods): Found | undefined {
  const found = methods.one.match([i === 0 ? terms : terms.slice(i)], anchored.rule);
  const whole = found.ptrs[0];
  if (whole === undefined) return undefined;
  const part = anchored.group === undefined ? whole : found.byGroup[anchored.group]?.[0];
  return [whole[2] + i, part === undefined ? undefined : [part[1] + i, part[2] + i]];
}

function matchFrom(terms: Term[], rule: Rule, test: ((t: Term) => boolean) | null, methods: Methods): Pointer[] {
  const end = endTest(rule);
  if (end !== null && !end(terms)) return [];
  if (test === null) return methods.one.match([terms], rule).ptrs;
  const anchored = anchoredAt(rule);
  if (anchored !== null) return matchAtStarts(terms, anchored, test, methods);
  let from = 0;
  while (from < terms.length && !test(terms[from])) from++;
  if (from === terms.length) return [];
  const { ptrs } = methods.one.match([from === 0 ? terms : terms.slice(from)], rule);
  for (const ptr of ptrs) {
    ptr[1] += from;
    ptr[2] += from;
  }
  return ptrs;
}

const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const index = hookIndex(net);
  if (!index) return (stock as BulkMatch)(document, net, methods, opts);
  const caches = methods.one.cacheDoc(document);
  const results: object[] = [];
  for (let n = 0; n < document.length; n++) {
    const terms = document[n];
    for (const rule of candidates(index, net, caches[n], terms.length)) {
      const ptrs = matchFrom(terms, rule, startTest(rule), methods);
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
/** compromise's @method tests (@hasHyphen, @hasComma...), for the first-term tests. */
let termMethods: Record<string, TermMethod | undefined> = {};

/** Makes compromise `world` use the faster rule sweep. */
export function useFastSweep(world: unknown): void {
  const one = (world as World).methods.one;
  stock ??= one.bulkMatch;
  termMethods = one.termMethods;
  one.bulkMatch = fastBulkMatch;
}

/** Puts compromise's own sweep back (for the equivalence test). */
export function useStockSweep(world: unknown): void {
  if (stock) (world as World).methods.one.bulkMatch = stock;
}
