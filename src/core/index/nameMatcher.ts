/**
 * Finds many names at once in article text: an Aho-Corasick automaton over UTF-16 code units, so a
 * watchlist of 10,000 names costs one pass over each text, not 10,000 searches. Names match as
 * written (case included) on word boundaries; a run of whitespace in a name matches any run of
 * whitespace in the text (a name may wrap across lines), and typographic apostrophes and
 * non-breaking hyphens match their plain forms.
 */
export interface NameMatch {
  start: number;
  end: number;
  /** Indices of the names given to the matcher that this span matches (several names may fold alike). */
  names: readonly number[];
}

const SPACE = 32;

/** The code unit a character is compared as. */
function fold(c: number): number {
  if (c > SPACE && c < 0xa0) return c;
  if (c === SPACE || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return SPACE;
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc) return 39;
  if (c === 0x2010 || c === 0x2011) return 45;
  return c;
}

/** A name as the automaton reads it: folded, trimmed, whitespace runs as one space. */
function folded(name: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = fold(name.charCodeAt(i));
    if (c === SPACE && (out.length === 0 || out[out.length - 1] === SPACE)) continue;
    out.push(c);
  }
  while (out.length && out[out.length - 1] === SPACE) out.pop();
  return out;
}

/** Per code unit: 0 not yet known, 1 a word unit, 2 not. Filled as units are met. */
const wordUnits = new Uint8Array(0x10000);
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks (by code unit; surrogates count as letters). */
function isWordUnit(c: number): boolean {
  let k = wordUnits[c];
  if (k === 0) wordUnits[c] = k = (c >= 0xd800 && c <= 0xdfff) || WORD.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * Transitions of every state but the root in one open-addressing table keyed by (state, code
 * unit): a Map per state would cost far more memory for 100,000 states, and a Map keyed by one
 * number state * 65536 + code would hash heap numbers.
 */
class Transitions {
  private states: Int32Array;
  private codes: Uint16Array;
  private targets: Int32Array;
  private size = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.states = new Int32Array(capacity).fill(-1);
    this.codes = new Uint16Array(capacity);
    this.targets = new Int32Array(capacity);
  }

  private slot(state: number, code: number): number {
    const mask = this.states.length - 1;
    let i = (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    while (this.states[i] !== -1 && (this.states[i] !== state || this.codes[i] !== code)) i = (i + 1) & mask;
    return i;
  }

  get(state: number, code: number): number {
    const i = this.slot(state, code);
    return this.states[i] === -1 ? -1 : this.targets[i];
  }

  set(state: number, code: number, target: number): void {
    if ((this.size + 1) * 2 > this.states.length) this.grow();
    const i = this.slot(state, code);
    if (this.states[i] === -1) this.size++;
    this.states[i] = state;
    this.codes[i] = code;
    this.targets[i] = target;
  }

  private grow(): void {
    const { states, codes, targets } = this;
    this.states = new Int32Array(states.length * 2).fill(-1);
    this.codes = new Uint16Array(states.length * 2);
    this.targets = new Int32Array(states.length * 2);
    this.size = 0;
    for (let i = 0; i < states.length; i++) if (states[i] !== -1) this.set(states[i], codes[i], targets[i]);
  }
}

/** Up to this many names, texts are first checked for an anchor of each (see `anchors`). */
const MAX_ANCHORED = 32;

/**
 * The longest run of a folded pattern that folding leaves as it is in any text: no space,
 * apostrophe or hyphen (the characters other forms of which match them).
 */
function anchorOf(pattern: string): string {
  let best = '';
  for (const run of pattern.split(/[ '-]+/)) if (run.length > best.length) best = run;
  return best || pattern;
}

export class NameMatcher {
  /** Root transitions by code unit (-1: none): most characters of a text are read at the root. */
  private readonly rootNext = new Int32Array(0x10000).fill(-1);
  private readonly next: Transitions;
  private fail: Int32Array = new Int32Array(0);
  /** The next state on the failure chain that ends a pattern (-1: none). */
  private output: Int32Array = new Int32Array(0);
  /** Per state: the pattern it completes (-1: none). */
  private readonly terminal: number[] = [-1];
  private readonly depth: number[] = [0];
  private readonly patternNames: number[][] = [];
  private readonly maxLength: number;
  /**
   * For a few names: a piece of each that the text must hold as written for the name to be there.
   * A text without any is passed over by the engine's own search (far faster than reading it here):
   * most articles hold none of the names an analyst adds.
   */
  private readonly anchors: string[] | undefined;

  constructor(names: readonly string[]) {
    this.next = new Transitions(names.reduce((n, name) => n + name.length, 0));
    const byPattern = new Map<string, number>();
    let longest = 1;
    names.forEach((name, index) => {
      const codes = folded(name);
      if (!codes.length) return;
      const key = String.fromCharCode(...codes);
      let p = byPattern.get(key);
      if (p === undefined) {
        byPattern.set(key, (p = this.patternNames.length));
        this.patternNames.push([]);
        this.insert(codes, p);
        longest = Math.max(longest, codes.length);
      }
      this.patternNames[p].push(index);
    });
    this.maxLength = longest;
    this.link();
    if (byPattern.size <= MAX_ANCHORED) this.anchors = [...byPattern.keys()].map(anchorOf);
  }

  get patterns(): number {
    return this.patternNames.length;
  }

  private step(state: number, code: number): number {
    return state === 0 ? this.rootNext[code] : this.next.get(state, code);
  }

  /** Per state: the state it was reached from, and by which code unit (for the failure links). */
  private readonly parent: number[] = [0];
  private readonly via: number[] = [0];

  private insert(codes: number[], pattern: number): void {
    let s = 0;
    for (const c of codes) {
      let t = this.step(s, c);
      if (t === -1) {
        t = this.terminal.length;
        this.terminal.push(-1);
        this.depth.push(this.depth[s] + 1);
        this.parent.push(s);
        this.via.push(c);
        if (s === 0) this.rootNext[c] = t;
        else this.next.set(s, c, t);
      }
      s = t;
    }
    this.terminal[s] = pattern;
  }

  /** Failure and output links, set state by state in order of depth (a state's failure is shallower). */
  private link(): void {
    const n = this.terminal.length;
    this.fail = new Int32Array(n);
    this.output = new Int32Array(n).fill(-1);
    const byDepth = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.depth[a] - this.depth[b]);
    for (const state of byDepth) {
      const from = this.parent[state];
      if (state === 0 || from === 0) continue;
      const code = this.via[state];
      let f = this.fail[from];
      while (f !== 0 && this.step(f, code) === -1) f = this.fail[f];
      const t = this.step(f, code);
      const target = t === -1 ? 0 : t;
      this.fail[state] = target;
      this.output[state] = this.terminal[target] !== -1 ? target : this.output[target];
    }
  }

  /**
   * Every occurrence of a name in `text` on word boundaries; where occurrences overlap, the one
   * starting first wins, then the longest.
   */
  find(text: string): NameMatch[] {
    if (this.patternNames.length === 0) return [];
    if (this.anchors && !this.anchors.some((a) => text.includes(a))) return [];
    const found: { start: number; end: number; pattern: number }[] = [];
    let size = 1;
    while (size < this.maxLength) size *= 2;
    const ring = new Int32Array(size);
    const mask = size - 1;
    const { rootNext, fail, output, terminal, depth } = this;
    let fed = 0;
    let previous = -1;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      if (c === SPACE && previous === SPACE) continue;
      previous = c;
      ring[fed & mask] = i;
      fed++;
      let t = s === 0 ? rootNext[c] : this.next.get(s, c);
      while (t === -1 && s !== 0) {
        s = fail[s];
        t = s === 0 ? rootNext[c] : this.next.get(s, c);
      }
      s = t === -1 ? 0 : t;
      if (s === 0) continue;
      for (let o = terminal[s] !== -1 ? s : output[s]; o !== -1; o = output[o]) {
        const start = ring[(fed - depth[o]) & mask];
        const end = i + 1;
        if ((start === 0 || !isWordUnit(text.charCodeAt(start - 1))) && (end === text.length || !isWordUnit(text.charCodeAt(end)))) found.push({ start, end, pattern: terminal[o] });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: NameMatch[] = [];
    let reach = -1;
    for (const f of found) {
      if (f.start < reach) continue;
      out.push({ start: f.start, end: f.end, names: this.patternNames[f.pattern] });
      reach = f.end;
    }
    return out;
  }
}
