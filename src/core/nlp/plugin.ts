/** Our compromise plugin: the news lexicon, applied once by nlp.ts. */
export const newsPlugin = {
  words: {} as Record<string, string>,
};
