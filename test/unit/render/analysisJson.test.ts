import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { analysisJsonChunks, toAnalysisJson } from '../../../src/core/render/analysisJson';
import { buildArticle, buildIndex, HOSTILE, TWO_ARTICLES } from '../support/builtIndex';

describe('render: the JSON contract, streamed', () => {
  it('streams exactly the text JSON.stringify gives the whole object, with and without diagnostics', () => {
    const index = buildIndex([...TWO_ARTICLES, HOSTILE]);
    const whole = JSON.stringify(toAnalysisJson(index), null, 2) + '\n';
    assert.strictEqual([...analysisJsonChunks(index)].join(''), whole);
    index.diagnostics = [{ path: '/corpus/bad\n.json', severity: 'error', message: 'malformed JSON: "\u001b[2J"', line: 3 }];
    assert.strictEqual([...analysisJsonChunks(index)].join(''), JSON.stringify(toAnalysisJson(index), null, 2) + '\n');
  });

  it('streams an empty corpus as the same empty lists', () => {
    const index = new CorpusIndex();
    assert.strictEqual([...analysisJsonChunks(index)].join(''), JSON.stringify(toAnalysisJson(index), null, 2) + '\n');
  });

  it('never holds more than one article at a time: no piece is longer than the longest article JSON', () => {
    const specs = Array.from({ length: 200 }, (_, i) => ({ ...TWO_ARTICLES[i % 2], id: `a${i}` }));
    const index = new CorpusIndex();
    for (const spec of specs) {
      const { article, analysis } = buildArticle(spec);
      index.setFile(article.path, [article], [analysis]);
    }
    const longestArticle = Math.max(...toAnalysisJson(index).articles.map((a) => JSON.stringify(a, null, 2).length));
    const pieces = [...analysisJsonChunks(index)];
    const whole = pieces.join('');
    assert.ok(whole.length > 100 * longestArticle, 'the corpus is much larger than one article');
    // Indentation adds a few characters per line of the article's JSON.
    assert.ok(Math.max(...pieces.map((p) => p.length)) < longestArticle * 1.5, 'one article per piece');
    assert.strictEqual(whole, JSON.stringify(toAnalysisJson(index), null, 2) + '\n');
  });
});
