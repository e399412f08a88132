import * as assert from 'assert';
import { NameMatcher } from '../../../src/core/index/nameMatcher';

function spans(names: string[], text: string): [string, number[]][] {
  return new NameMatcher(names).find(text).map((m) => [text.slice(m.start, m.end), [...m.names]]);
}

describe('name matcher (Aho-Corasick over the text)', () => {
  it('finds every name on word boundaries, as written', () => {
    assert.deepStrictEqual(spans(['Lavrov', 'India'], 'Lavrov met Indian officials in India; Lavrov’s visit. lavrov'), [
      ['Lavrov', [0]],
      ['India', [1]],
      ['Lavrov', [0]],
    ]);
  });

  it('prefers the leftmost, then the longest, of overlapping names', () => {
    assert.deepStrictEqual(spans(['de Vries', 'Pieter de Vries', 'Vries Bank'], 'Pieter de Vries Bank and de Vries.'), [
      ['Pieter de Vries', [1]],
      ['de Vries', [0]],
    ]);
  });

  it('matches a name across any run of whitespace, and typographic apostrophes and hyphens as plain ones', () => {
    assert.deepStrictEqual(spans(["Kim Jong-un", "O'Brien"], 'Kim\n  Jong\u2011un spoke to O\u2019Brien.'), [
      ['Kim\n  Jong\u2011un', [0]],
      ['O\u2019Brien', [1]],
    ]);
  });

  it('finds names that end inside other names (failure and output links)', () => {
    assert.deepStrictEqual(spans(['abcd', 'bc', 'c d'], 'x abce bc c d'), [
      ['bc', [1]],
      ['c d', [2]],
    ]);
    assert.deepStrictEqual(spans(['she', 'he', 'hers'], 'ushers he she'), [
      ['he', [1]],
      ['she', [0]],
    ]);
  });

  it('gives every name that folds to the same pattern, and ignores empty names', () => {
    assert.deepStrictEqual(spans(['UN', ' ', 'UN '], 'the UN said'), [['UN', [0, 2]]]);
    assert.deepStrictEqual(new NameMatcher([]).find('anything'), []);
  });

  it('keeps offsets in text with surrogate pairs and combining marks', () => {
    const text = '😀 José Müller e\u0301 Müller';
    const found = new NameMatcher(['Müller']).find(text);
    assert.deepStrictEqual(
      found.map((m) => text.slice(m.start, m.end)),
      ['Müller', 'Müller'],
    );
  });

  it('matches 10,000 names in one pass', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Name${i} Surname${i % 97}`);
    const matcher = new NameMatcher(names);
    const text = Array.from({ length: 200 }, (_, i) => `Yesterday Name${i * 37} Surname${(i * 37) % 97} spoke.`).join(' ');
    const found = matcher.find(text);
    assert.strictEqual(found.length, 200);
    assert.deepStrictEqual(found[5].names, [5 * 37]);
  });
});
