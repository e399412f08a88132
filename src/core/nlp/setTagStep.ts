/**
 * A faster drop-in for compromise's `setTag`, the method every lexicon, freeze and rule step calls
 * to tag terms (about 400 calls per 1,000 words), giving the same tags. Stock compromise reads
 * `process.env.DEBUG_TAGS` on every call (in Node a call into the environment, about 100 ns) and
 * trims and tests the tag's text with two regular expressions; here the variable is read once,
 * when the step is installed, and a plain tag goes straight to the terms. The parse took about 4%
 * less time on BBC stories. Multi-tag strings ("#Noun . #Verb"), odd tags and the debugging log
 * are left to compromise's own method. test/unit/nlp/sweep.test.ts compares the tags with stock
 * compromise's on real news.
 */

interface Term {
  tags: Set<string>;
  frozen?: boolean;
  dirty?: boolean;
  chunk?: string;
}

interface TagInfo {
  not?: string[];
  parents?: string[];
}

type SetTag = (terms: Term[], tag: unknown, world: World, isSafe?: unknown, reason?: string) => void;

interface World {
  model: { one: { tagSet?: Record<string, TagInfo> } };
  methods: { one: { setTag: SetTag } };
}

/** compromise keeps a term's chunk for noun and verb tags (set with the tag, as stock does). */
function chunkOf(term: Term, tag: string): void {
  if (tag === 'Noun' || tag === 'Verb') term.chunk = tag;
}

/** compromise's tagTerm: conflicting tags out (unless safe), parent tags in, then the tag. */
function tagTerm(term: Term, tag: string, tagSet: Record<string, TagInfo>, isSafe: boolean): void {
  if (term.tags.has(tag) || tag === '.') return;
  const safe = isSafe || term.frozen === true;
  const known = tagSet[tag];
  if (known) {
    const not = known.not;
    if (not) {
      for (const other of not) {
        // Stock compromise stops here with the earlier conflicting tags already removed.
        if (safe && term.tags.has(other)) return;
        term.tags.delete(other);
      }
    }
    if (known.parents) {
      for (const parent of known.parents) {
        term.tags.add(parent);
        chunkOf(term, parent);
      }
    }
  }
  term.tags.add(tag);
  term.dirty = true;
  chunkOf(term, tag);
}

let installed: { world: World; stock: SetTag; fast: SetTag } | undefined;

/**
 * Makes compromise `world` use the faster setTag (compromise's own while DEBUG_TAGS is set, to keep
 * its log). The same function is put back every time: baselines swap the two per document, and a
 * new function each time would leave compromise's call sites megamorphic, slowing both.
 */
export function useFastSetTag(w: unknown): void {
  const world = w as World;
  if (!installed || installed.world !== world) {
    const stock = installed?.stock ?? world.methods.one.setTag;
    installed = { world, stock, fast: fastSetTag(stock) };
  }
  if (process.env.DEBUG_TAGS) return;
  world.methods.one.setTag = installed.fast;
}

function fastSetTag(stock: SetTag): SetTag {
  const fast: SetTag = (terms, tag, given, isSafe, reason) => {
    if (!tag) return;
    if (Array.isArray(tag)) {
      for (const one of tag) fast(terms, one, given, isSafe);
      return;
    }
    if (typeof tag !== 'string' || tag.includes(' ')) {
      stock(terms, tag, given, isSafe, reason);
      return;
    }
    const plain = tag.startsWith('#') ? tag.slice(1) : tag;
    const tagSet = given.model.one.tagSet ?? {};
    for (const term of terms) tagTerm(term, plain, tagSet, isSafe === true);
  };
  return fast;
}

/** Puts compromise's own setTag back (for baselines and the equivalence test). */
export function useStockSetTag(): void {
  if (installed) installed.world.methods.one.setTag = installed.stock;
}
