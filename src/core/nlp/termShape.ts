/**
 * compromise makes each word a plain object of four fields and adds the others as its steps need
 * them (normal, index, id, dirty, chunk, confidence, switch, machine...), in an order that depends
 * on the word: 50-odd object shapes in 400 BBC stories. Every function that reads words, its and
 * ours, thus meets shapes it has not seen for a long while, and V8 throws its optimised code away
 * and compiles it again each time (a fresh worker spent about as long compiling as analysing
 * over its first hundred BBC stories). Here every word is made with all of those fields from the start, unset,
 * so all words share one shape; a field compromise never set reads as undefined, as before. Its
 * `unfreeze` step deleted `frozen` from every word after tagging, which would turn a word with
 * the field made in advance into a slow dictionary object: here it unsets the field instead.
 */

interface RawTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

type SplitWhitespace = (text: string, model: unknown) => RawTerm;

interface View {
  docs: { frozen?: boolean }[][];
}

type Step = (view: View) => void;

interface World {
  methods: { one: { tokenize: { splitWhitespace: SplitWhitespace } } };
  compute: Record<string, Step>;
}

let stock: { split: SplitWhitespace; unfreeze: Step } | undefined;

function fullTerm(split: SplitWhitespace): SplitWhitespace {
  return (text, model) => {
    const t = split(text, model);
    return {
      text: t.text,
      pre: t.pre,
      post: t.post,
      tags: t.tags,
      normal: undefined,
      machine: undefined,
      implicit: undefined,
      alias: undefined,
      index: undefined,
      id: undefined,
      dirty: undefined,
      chunk: undefined,
      confidence: undefined,
      switch: undefined,
      frozen: undefined,
      offset: undefined,
    } as RawTerm;
  };
}

const unsetFrozen: Step = (view) => {
  for (const terms of view.docs) for (const t of terms) t.frozen = undefined;
};

let full: SplitWhitespace | undefined;

/** Makes compromise `world` give every word it reads the same fields. */
export function useFullTerms(w: unknown): void {
  const world = w as World;
  stock ??= { split: world.methods.one.tokenize.splitWhitespace, unfreeze: world.compute.unfreeze };
  full ??= fullTerm(stock.split);
  world.methods.one.tokenize.splitWhitespace = full;
  world.compute.unfreeze = unsetFrozen;
}

/** Puts compromise's own word objects back (for baselines that measure compromise as published). */
export function useStockTerms(w: unknown): void {
  if (!stock) return;
  const world = w as World;
  world.methods.one.tokenize.splitWhitespace = stock.split;
  world.compute.unfreeze = stock.unfreeze;
}
