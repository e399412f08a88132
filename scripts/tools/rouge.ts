import { l as rougeL, n as rougeN } from 'js-rouge';
import { porterStem } from './porterStemmer';

/**
 * ROUGE as Google's rouge-score computes it with `use_stemmer=True`. js-rouge does the counting
 * (clipped n-gram matches; for ROUGE-Lsum the summary-level union LCS, whose choice among equally
 * long LCSs is rouge-score's); rouge-score's tokenizer is given to it: lower-case, every run of
 * characters outside [a-z0-9] separates, words longer than 3 characters Porter-stemmed as NLTK does,
 * and for ROUGE-Lsum sentences are the non-empty lines. Checked against a Python transcription of
 * rouge-score with NLTK 3.8 on the CNN/DailyMail dev set: identical to 1e-15.
 */

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 ? porterStem(w) : w));
}

/** rouge-score's sentence split for ROUGE-Lsum: newlines, dropping empty lines. */
function lines(text: string): string[] {
  return text.split('\n').filter((s) => s.length > 0);
}

/** F1 scores of `candidate` against `reference`; 0 when either has no token. */
export function rougeScores(candidate: string, reference: string): RougeScores {
  if (rougeTokens(candidate).length === 0 || rougeTokens(reference).length === 0) return { rouge1: 0, rouge2: 0, rougeLsum: 0 };
  return {
    rouge1: rougeN(candidate, reference, { n: 1, tokenizer: rougeTokens }),
    rouge2: rougeN(candidate, reference, { n: 2, tokenizer: rougeTokens }),
    rougeLsum: rougeL(candidate, reference, { tokenizer: rougeTokens, segmenter: lines }),
  };
}
