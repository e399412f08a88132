/**
 * Alias rules shared by the article pass (entities.ts) and the corpus merge (index/merge.ts): a
 * short form joins a full name only when exactly one full name fits it, so "Kennedy" stays apart
 * when both John F Kennedy and John F Kennedy Jr are known.
 */

/** Generational suffixes are not surnames: "Kennedy" fits both John F Kennedy and John F Kennedy Jr. */
const GENERATION = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'et', '&']);

/**
 * The full name that a short name form refers to, or undefined when none or several fit.
 * Names are given as lower-case word lists joined by spaces; the short form fits a full name when
 * its words are the full name's last words (surname) or its first word (given name).
 */
export function aliasTarget(shortWords: string[], fullNames: Iterable<string>): string | undefined {
  if (shortWords.length === 0) return undefined;
  let found: string | undefined;
  for (const full of fullNames) {
    const all = full.split(' ');
    const words = all.length > 2 && GENERATION.has(all[all.length - 1]) ? all.slice(0, -1) : all;
    if (words.length <= shortWords.length) continue;
    const tail = words.slice(words.length - shortWords.length).join(' ') === shortWords.join(' ');
    const head = shortWords.length === 1 && words[0] === shortWords[0];
    if (!tail && !head) continue;
    if (found !== undefined && found !== full) return undefined;
    found = full;
  }
  return found;
}

/**
 * Every full name a short name form fits (by `aliasTarget`'s rule), over a fixed set of full names,
 * in time proportional to the short form instead of the number of names: the corpus merge asks
 * for every short form, over every full name of the corpus (tens of thousands on a large corpus).
 * `aliasTarget` is the one fit when exactly one is returned. With `surnameOnly`, a single word fits
 * by the last words alone: a word read as a company or a place may be a person's surname ("Ford",
 * "Jordan"), but it is not a given name ("Tesla" in "Tesla said" is not "Tesla Roadster").
 */
export function aliasFits(fullNames: Iterable<string>): (shortWords: string[], surnameOnly?: boolean) => string[] {
  const byTail = new Map<string, Set<string>>();
  const byFirst = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, full: string): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(full);
  };
  for (const full of fullNames) {
    const all = full.split(' ');
    const words = all.length > 2 && GENERATION.has(all[all.length - 1]) ? all.slice(0, -1) : all;
    // A short form must have fewer words than the full name: tails of 1 .. n-1 words.
    for (let k = 1; k < words.length; k++) add(byTail, words.slice(words.length - k).join(' '), full);
    if (words.length > 1) add(byFirst, words[0], full);
  }
  return (shortWords, surnameOnly = false) => {
    if (shortWords.length === 0) return [];
    const fits = new Set(byTail.get(shortWords.join(' ')));
    if (shortWords.length === 1 && !surnameOnly) for (const full of byFirst.get(shortWords[0]) ?? []) fits.add(full);
    return [...fits].sort();
  };
}

/** Initial letters of a multi-word name, as its acronym would spell them ("Shanghai Cooperation Organization" -> "SCO"). */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()))
    .map((w) => w[0].toUpperCase())
    .join('');
}
