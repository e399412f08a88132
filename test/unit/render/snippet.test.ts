import * as assert from 'assert';
import { sentenceAt, sentenceSnippet } from '../../../src/core/render/snippet';

describe('render: mention snippets', () => {
  const text = 'First one. Russian Foreign Minister Sergei Lavrov concluded his visit to India in Moscow, his second visit to India this year and his fourth meeting. Last.';
  const sentences = [
    { start: 0, end: 10 },
    { start: 11, end: text.indexOf(' Last.') },
    { start: text.indexOf('Last.'), end: text.length },
  ];

  it('finds the sentence of a span', () => {
    assert.deepStrictEqual(sentenceAt(sentences, 3), sentences[0]);
    assert.deepStrictEqual(sentenceAt(sentences, 40, 45), sentences[1]);
    assert.strictEqual(sentenceAt(sentences, 10), undefined, 'between sentences');
  });

  it('keeps a short sentence whole and cuts a long one around the mention on word boundaries', () => {
    assert.deepStrictEqual(sentenceSnippet(text, sentences, 0, 5), { text: 'First one.', highlight: [0, 5] });
    const at = text.indexOf('India in Moscow');
    const snippet = sentenceSnippet(text, sentences, at, at + 5, 40);
    const s = snippet.text;
    assert.strictEqual(s.slice(...snippet.highlight), 'India');
    assert.ok(s.startsWith('…') && s.endsWith('…'), s);
    assert.ok(s.includes('India in Moscow'), s);
    assert.ok(s.length <= 44, s);
    const inner = s.slice(1, -1);
    const from = text.indexOf(inner);
    assert.ok(from > 0, 'a contiguous piece of the sentence');
    assert.strictEqual(text[from - 1], ' ', 'starts at a word');
    assert.strictEqual(text[from + inner.length], ' ', 'ends at a word');
  });

  it('keeps the span near the start when asked, for narrow labels', () => {
    const at = text.indexOf('India in Moscow');
    const snippet = sentenceSnippet(text, sentences, at, at + 5, 60, 12);
    assert.ok(snippet.highlight[0] <= 14, JSON.stringify(snippet));
    assert.strictEqual(snippet.text.slice(...snippet.highlight), 'India');
  });

  it('falls back to a window when no sentence holds the span', () => {
    assert.deepStrictEqual(sentenceSnippet('a\nb\nc', [], 2, 3, 10), { text: 'a b c', highlight: [2, 3] });
  });
});
