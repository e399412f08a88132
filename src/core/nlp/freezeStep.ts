/**
 * A faster drop-in for compromise's `freeze` step, giving the same tags. The step tags the words of
 * its frozen lexicon ("labour party", "new york times"), and at every word that opens any
 * multi-word entry it joins the following words into a string for every length such an entry could
 * have and looks each up. Nearly all of those strings begin with words no frozen entry begins with.
 * Here the string is grown a word at a time only while what it holds so far begins a frozen entry,
 * and only those strings are looked up: the step took 144 ms per 1,000 BBC stories, now 60 ms.
 * test/unit/nlp/sweep.test.ts compares the tags with stock compromise's on real news.
 *
 * The beginnings are gathered on first use: nothing adds words to compromise after nlp.ts applies
 * our plugin.
 */

type Tags = string | string[];

interface Term {
  normal: string;
  machine?: string | null;
  tags: Set<string>;
  frozen?: boolean;
}

interface World {
  model: { one: { frozenLex: Record<string, Tags>; _multiCache?: Record<string, number> } };
  methods: { one: { setTag(terms: Term[], tag: Tags, world: World, isSafe: boolean, reason: string): void } };
  compute: Record<string, (view: { docs: Term[][] }) => void>;
}

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Every beginning of a multi-word key that ends before one of its spaces ("new", "new york"). */
function beginnings(entries: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const key of Object.keys(entries)) {
    for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) out.add(key.slice(0, at));
  }
  return out;
}

const wordOf = (t: Term): string => t.machine || t.normal;

type Step = World['compute'][string];

let installed: { world: World; stock: Step; fast: Step } | undefined;

/**
 * Makes compromise `world` use the faster freeze step. The same step is put back every time: a
 * baseline swaps the two per document, and a new one would gather the beginnings again each time.
 */
export function useFastFreeze(w: unknown): void {
  const world = w as World;
  if (!installed || installed.world !== world) installed = { world, stock: installed?.stock ?? world.compute.freeze, fast: fastFreeze(world) };
  world.compute.freeze = installed.fast;
}

function fastFreeze(world: World): Step {
  let begins: Set<string> | undefined;
  const found: string[] = [];
  return (view) => {
    const { frozenLex } = world.model.one;
    const multi = world.model.one._multiCache ?? {};
    const setTag = world.methods.one.setTag;
    begins ??= beginnings(frozenLex);
    for (const terms of view.docs) {
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i];
        const word = wordOf(t);
        if (multi[word] !== undefined && terms[i + 1]) {
          // Stock compromise stops at the sentence's end, and tags every entry it finds here, longest first.
          const end = Math.min(i + multi[word] - 1, terms.length - 1);
          let n = 0;
          let text = word;
          for (let k = i + 1; k <= end && begins.has(text); k++) {
            text += ' ' + wordOf(terms[k]);
            found[n++] = text;
          }
          while (n-- > 0) {
            if (!own(frozenLex, found[n])) continue;
            const words = terms.slice(i, i + n + 2);
            setTag(words, frozenLex[found[n]], world, false, '1-frozen-multi-lexicon');
            for (const term of words) term.frozen = true;
          }
        }
        if (frozenLex[word] !== undefined && own(frozenLex, word)) {
          setTag([t], frozenLex[word], world, false, '1-freeze-lexicon');
          t.frozen = true;
        }
      }
    }
  };
}

/** Puts compromise's own step back (for the equivalence test). */
export function useStockFreeze(): void {
  if (installed) installed.world.compute.freeze = installed.stock;
}
