import * as assert from 'assert';
import { porterStem } from '../../../scripts/tools/porterStemmer';
import { rougeScores, rougeTokens } from '../../../scripts/tools/rouge';

// Expected figures are rouge-score's own test cases (rouge_scorer_test.py) or worked out by hand.
describe('ROUGE as rouge-score computes it', () => {
  it('ROUGE-1: "testing" against "testing one two" has P 1, R 1/3, F 1/2', () => {
    assert.strictEqual(rougeScores('testing', 'testing one two').rouge1, 0.5);
  });

  it('ROUGE-2: "testing one" against "testing one two" has P 1, R 1/2, F 2/3', () => {
    assert.ok(Math.abs(rougeScores('testing one', 'testing one two').rouge2 - 2 / 3) < 1e-12);
  });

  it('ROUGE-Lsum: the union-LCS example of Lin (2004), section 3.2: P 4/10, R 4/5', () => {
    const s = rougeScores('w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5', 'w1 w2 w3 w4 w5');
    assert.ok(Math.abs(s.rougeLsum - (2 * 0.4 * 0.8) / 1.2) < 1e-12);
  });

  it('ROUGE-Lsum splits on newlines only, and lets each reference token count once', () => {
    // Reference "a b"; candidate sentences "b a" and "a". Both LCSs hit reference "a" (rouge-score
    // breaks the tie of "b a" towards "a"), so one hit: P 1/3, R 1/2, F 0.4.
    assert.ok(Math.abs(rougeScores('b a\na', 'a b').rougeLsum - 0.4) < 1e-12);
    assert.strictEqual(rougeScores('a b. a', 'a b').rougeLsum, rougeScores('a b a', 'a b').rougeLsum);
  });

  it('scores 0, without throwing, when a side has no token', () => {
    assert.deepStrictEqual(rougeScores('', 'w1 w2'), { rouge1: 0, rouge2: 0, rougeLsum: 0 });
    assert.deepStrictEqual(rougeScores('/ -- !', 'w1 w2'), { rouge1: 0, rouge2: 0, rougeLsum: 0 });
  });

  it('tokenises like rouge-score: lower case, [a-z0-9] runs, only words over 3 characters stemmed', () => {
    assert.deepStrictEqual(rougeTokens("The U.S.-led coalition's 3.5bn RUNNING was café"), ['the', 'u', 's', 'led', 'coalit', 's', '3', '5bn', 'run', 'was', 'caf']);
  });

  it('stems as NLTK’s PorterStemmer() does, not as Martin Porter’s reference versions', () => {
    const nltk: [string, string][] = [
      ['news', 'news'], ['days', 'day'], ['aces', 'ace'], ['dying', 'die'], ['carefully', 'care'], ['exceptionally', 'except'],
      ['enjoy', 'enjoy'], ['happy', 'happi'], ['ties', 'tie'], ['died', 'die'], ['generalization', 'gener'], ['possibly', 'possibl'],
      ['technologies', 'technolog'], ['agreed', 'agre'], ['hopping', 'hop'], ['filing', 'file'], ['skies', 'sky'], ['running', 'run'],
      ['caresses', 'caress'], ['ponies', 'poni'], ['relational', 'relat'], ['conditional', 'condit'], ['rational', 'ration'],
      ['hopeful', 'hope'], ['goodness', 'good'], ['electriciti', 'electr'], ['feudalism', 'feudal'], ['adjustment', 'adjust'],
      ['controlling', 'control'], ['rolling', 'roll'],
    ];
    for (const [word, stem] of nltk) assert.strictEqual(porterStem(word), stem, word);
  });
});
