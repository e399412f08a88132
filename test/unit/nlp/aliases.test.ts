import * as assert from 'assert';
import fc from 'fast-check';
import { aliasIndex, aliasTarget } from '../../../src/core/nlp/aliases';

// Few distinct words, so that short forms often fit one, several or no full names.
const word = fc.constantFrom('john', 'f', 'kennedy', 'jr', 'smith', 'anna', 'lee', 'van', 'berg', 'iii');
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('aliases: the indexed lookup of the corpus merge', () => {
  it('answers exactly as aliasTarget scanning every full name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 12 }), fc.array(word, { maxLength: 3 }), (fullNames, shortWords) => {
        assert.strictEqual(aliasIndex(fullNames)(shortWords), aliasTarget(shortWords, fullNames));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the rules: surname or given name of exactly one full name; generational suffixes are no surnames', () => {
    const target = aliasIndex(['john f kennedy', 'john f kennedy jr', 'anna lee']);
    assert.strictEqual(target(['lee']), 'anna lee');
    assert.strictEqual(target(['anna']), 'anna lee');
    assert.strictEqual(target(['kennedy']), undefined);
    assert.strictEqual(target(['jr']), undefined);
    assert.strictEqual(target(['f', 'kennedy']), undefined);
    assert.strictEqual(target(['anna', 'lee']), undefined);
  });
});
