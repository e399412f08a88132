import * as assert from 'assert';
import fc from 'fast-check';
import { aliasFits, aliasTarget } from '../../../src/core/nlp/aliases';

// Few distinct words, so that short forms often fit one, several or no full names.
const word = fc.constantFrom('john', 'f', 'kennedy', 'jr', 'smith', 'anna', 'lee', 'van', 'berg', 'iii');
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('aliases: the indexed lookup of the corpus merge', () => {
  it('finds the one fit exactly when aliasTarget, scanning every full name, does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 12 }), fc.array(word, { maxLength: 3 }), (fullNames, shortWords) => {
        const fits = aliasFits(fullNames)(shortWords);
        assert.strictEqual(fits.length === 1 ? fits[0] : undefined, aliasTarget(shortWords, fullNames));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the rules: surname or given name of a full name; generational suffixes are no surnames', () => {
    const fits = aliasFits(['john f kennedy', 'john f kennedy jr', 'anna lee']);
    assert.deepStrictEqual(fits(['lee']), ['anna lee']);
    assert.deepStrictEqual(fits(['anna']), ['anna lee']);
    assert.deepStrictEqual(fits(['kennedy']), ['john f kennedy', 'john f kennedy jr']);
    assert.deepStrictEqual(fits(['jr']), []);
    assert.deepStrictEqual(fits(['f', 'kennedy']), ['john f kennedy', 'john f kennedy jr']);
    assert.deepStrictEqual(fits(['anna', 'lee']), []);
  });

  it('fits a word read as a company or a place by surname only, never as a given name', () => {
    const fits = aliasFits(['tesla roadster', 'louis jordan']);
    assert.deepStrictEqual(fits(['tesla']), ['tesla roadster']);
    assert.deepStrictEqual(fits(['tesla'], true), []);
    assert.deepStrictEqual(fits(['jordan'], true), ['louis jordan']);
  });
});
