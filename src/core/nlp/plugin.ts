import { DEMONYMS, GAZETTEER } from './gazetteer';

/**
 * Our compromise plugin: the news lexicon (countries, capitals, regions, international bodies,
 * demonyms), applied once by nlp.ts. Words added here cost nothing at parse time and make
 * compromise tag "G20", "Jaishankar"-free contexts and regions consistently; entities.ts reads the
 * same gazetteer for canonical names.
 */

const TAG_OF_KIND = { country: 'Country', city: 'City', region: 'Region', organization: 'Organization' } as const;

/** Lexicon forms that are ordinary English too and must not be forced to a proper-noun tag. */
export const AMBIGUOUS = new Set(['quad', 'fed', 'gulf', 'pacific', 'atlantic', 'arctic', 'antarctic', 'america', 'english', 'swiss', 'french', 'china', 'turkey', 'georgia', 'jordan', 'chad', 'guinea', 'niger']);

function usable(key: string): boolean {
  if (AMBIGUOUS.has(key) || /['()&,-]/.test(key)) return false;
  // Short acronyms ("un", "who", "us") collide with lowercase words; entities.ts matches them by case.
  return key.includes(' ') || /\d/.test(key) || key.length >= 5;
}

function buildWords(): Record<string, string> {
  const words: Record<string, string> = {};
  for (const [key, entry] of GAZETTEER) if (usable(key)) words[key] = TAG_OF_KIND[entry.kind];
  for (const key of DEMONYMS.keys()) if (usable(key) && !words[key]) words[key] = 'Demonym';
  return words;
}

export const newsPlugin = {
  words: buildWords(),
};
