import * as assert from 'assert';
import fc from 'fast-check';
import { articleIdOfUriPath, articleUriPath, decodeArticleId, encodeArticleId } from '../../../src/core/render/articleUriPath';

describe('render: news-lens: article paths', () => {
  it('gives back any id, lone surrogates included, and never throws on any title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 120 }), (id, title) => {
        const p = articleUriPath(id, title);
        assert.strictEqual(articleIdOfUriPath(p), id === '' ? undefined : id);
        assert.doesNotThrow(() => decodeURIComponent(p), 'the path decodes: a title cut inside an escape or a pair would not');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps ordinary ids readable and spells a broken one as code units', () => {
    assert.strictEqual(articleUriPath('reuters-00001', 'BAHIA COCOA REVIEW'), '/reuters-00001/BAHIA%20COCOA%20REVIEW.txt');
    assert.strictEqual(encodeArticleId('cut-\ud83d'), '$006300750074002dd83d');
    assert.strictEqual(decodeArticleId('$006300750074002dd83d'), 'cut-\ud83d');
    assert.strictEqual(articleUriPath('x', 'Scholz meets Macron \ud83d'), '/x/Scholz%20meets%20Macron%20%EF%BF%BD.txt');
    assert.strictEqual(decodeArticleId('%E0%A4%A'), undefined, 'a malformed escape is no id');
    assert.strictEqual(decodeArticleId('$12'), undefined);
  });
});
