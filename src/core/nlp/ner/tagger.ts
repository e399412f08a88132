import type { PreparedSentence } from './features';
import { MAX_DYNAMIC, dynamicFeatures } from './features';
import { LABEL_COUNT, NER_TYPES, TRANSITIONS, positionOf, typeOf } from './labels';
import type { NerType } from './labels';
import type { Scorer } from './model';

/**
 * Greedy left-to-right decoding over BILOU labels, one article at a time: each token takes the best
 * label that may follow the previous one. Greedy decoding with BILOU is as good as Viterbi for this
 * kind of tagger (Ratinov & Roth 2009) and keeps tagging a small fraction of the compromise parse.
 * The article is one unit because of the history features: what this word was labelled earlier in
 * the same article.
 */

/** Training's view of the decoder: the gold label of each token, and an update when the guess is wrong. */
export interface Learner {
  gold: readonly Int8Array[];
  /** Wrong labels' scores are raised by this much while learning, so the gold label must win by a margin. */
  margin: number;
  update(staticFeats: Uint32Array, from: number, to: number, dynamic: Uint32Array, gold: number, guess: number): void;
}

export interface TaggedSpan {
  sentence: number;
  /** Token indices inside the sentence, end exclusive. */
  from: number;
  to: number;
  type: NerType;
}

const TYPE_OF = Int8Array.from({ length: LABEL_COUNT }, (_, l) => typeOf(l));

export function decodeArticle(sentences: readonly PreparedSentence[], scorer: Scorer, learner?: Learner): Int8Array[] {
  const scores = new Float64Array(LABEL_COUNT);
  const dynamic = new Uint32Array(MAX_DYNAMIC);
  // Keyed by the word's hash cut to 30 bits: small integers are kept unboxed by V8, full 32-bit hashes would be allocated.
  const history = new Map<number, Int32Array>();
  return sentences.map((s, n) => {
    const count = s.tokens.length;
    const labels = new Int8Array(count);
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < count; i++) {
      scores.fill(0);
      scorer.add(s.feats, s.starts[i], s.starts[i + 1], scores);
      const word = s.lower[i] & 0x3fffffff;
      const seen = history.get(word);
      const dynamicCount = dynamicFeatures(s, i, prev, prev2, seen ? majority(seen) : -1, dynamic);
      scorer.add(dynamic, 0, dynamicCount, scores);
      const row = (prev + 1) * LABEL_COUNT;
      const bit = i === count - 1 || s.breakAfter[i] || (!learner && s.openAfter[i]) ? 2 : 1;
      if (learner) for (let l = 0; l < LABEL_COUNT; l++) if (l !== learner.gold[n][i]) scores[l] += learner.margin;
      let best = -1;
      for (let l = 0; l < LABEL_COUNT; l++) if (TRANSITIONS[row + l] & bit && (best < 0 || scores[l] > scores[best])) best = l;
      if (learner) {
        const gold = learner.gold[n][i];
        if (gold !== best) learner.update(s.feats, s.starts[i], s.starts[i + 1], dynamic.subarray(0, dynamicCount), gold, best);
      }
      labels[i] = best;
      prev2 = prev;
      prev = best;
      if (s.upperInitial[i]) {
        let counts = history.get(word);
        if (!counts) history.set(word, (counts = new Int32Array(NER_TYPES.length + 1)));
        counts[TYPE_OF[best] + 1]++;
      }
    }
    return labels;
  });
}

/** The label type a word had most often so far (0 for none, 1.. for the types). */
function majority(counts: Int32Array): number {
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return best;
}

/** The entity spans of a sentence's labels. */
export function spansOf(labels: readonly Int8Array[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  labels.forEach((ls, sentence) => {
    let open = -1;
    for (let i = 0; i < ls.length; i++) {
      const p = positionOf(ls[i]);
      if (p === 'O') continue;
      if (p === 'B') open = i;
      else if (p === 'U') out.push({ sentence, from: i, to: i + 1, type: NER_TYPES[typeOf(ls[i])] });
      else if (p === 'L' && open >= 0) {
        out.push({ sentence, from: open, to: i + 1, type: NER_TYPES[typeOf(ls[i])] });
        open = -1;
      }
    }
  });
  return out;
}

