import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Piece } from '../../../src/core/nlp/nlp';
import { parseText, pieces } from '../../../src/core/nlp/nlp';
import { FIXTURES, SEED_DIR } from '../paths';

function tagsOf(text: string, parts: Piece[]): string {
  return JSON.stringify(parseText(text, 0, parts).map((s) => s.tokens.map((t) => [t.text, t.start, [...t.tags].sort().join(',')])));
}

/** Real news, some of it run together on one line as scrapers deliver it, quotes and abbreviations included. */
function newsTexts(): string[] {
  const files = [
    ...fs.readdirSync(SEED_DIR).map((f) => path.join(SEED_DIR, f)),
    ...['two-articles/paris-visit.txt', 'two-articles/summit-berlin.txt', 'workspace/ferry-service.txt', 'corpus/plain.txt'].map((f) => path.join(FIXTURES, f)),
  ];
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const oneLine = texts.map((t) => t.replace(/\s*\n\s*/g, ' '));
  const quoted =
    'Mr. Smith said the U.S. would "consider it. We will decide\nnext week," and left. (Officials at the U.N. declined to comment.) Dr. Jones, of St. Mary\'s, said: "No. 10 knows." ';
  return [...texts, ...oneLine, oneLine.join(' '), quoted.repeat(40), `${'Short line.\n'.repeat(50)}${oneLine.join(' ')}\n${'Another.\n'.repeat(50)}`];
}

describe('nlp: long texts are given to compromise in pieces', () => {
  it('leaves a text whose lines are short in one piece', () => {
    const text = 'Harbour talks\n\nMayor Anna Berg met union leaders in Rotterdam on Monday.\n'.repeat(200);
    assert.deepStrictEqual(pieces(text), [{ start: 0, end: text.length }]);
  });

  it('cuts only where compromise ends a sentence: tags are identical to one parse of the whole text', () => {
    const texts = newsTexts();
    assert.ok(texts.some((t) => t.length > 6000), 'some texts are long enough for several windows');
    for (const text of texts) {
      // Every text is cut here (any line counts as long), not only those with long lines.
      const cut = pieces(text, 0);
      assert.strictEqual(cut.map((p) => text.slice(p.start, p.end)).join(''), text, 'the pieces cover the text');
      if (text.length > 4000) assert.ok(cut.length > 1, 'a long text is cut');
      assert.strictEqual(tagsOf(text, cut), tagsOf(text, [{ start: 0, end: text.length }]), text.slice(0, 80));
    }
  });

  it('cuts a run compromise would keep as one sentence into pieces no longer than a window', () => {
    for (const text of ['Mr. '.repeat(5000), 'A. '.repeat(7000), '.'.repeat(20_000), 'officials said budget '.repeat(1000), '👩‍👩‍👧'.repeat(3000), '😀'.repeat(5000), `x${'😀'.repeat(5000)}`]) {
      const cut = pieces(text);
      assert.ok(cut.length >= text.length / 2000, `${text.slice(0, 10)}: cut`);
      for (const p of cut) assert.ok(p.end - p.start <= 2000 && p.end > p.start);
      assert.strictEqual(cut.map((p) => text.slice(p.start, p.end)).join(''), text);
      for (const p of cut) assert.ok(!/[\ud800-\udbff]$/.test(text.slice(p.start, p.end)), 'never inside a surrogate pair');
    }
  });
});
