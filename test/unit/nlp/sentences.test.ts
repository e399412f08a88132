import * as assert from 'assert';
import * as fc from 'fast-check';
import { articleFromRecord } from '../../../src/core/corpus/records';
import { parseArticle } from '../../../src/core/nlp/analyze';
import type { ParsedSentence } from '../../../src/core/nlp/nlp';
import { parseText } from '../../../src/core/nlp/nlp';
import { MAX_SENTENCE_TOKENS, refineSentences } from '../../../src/core/nlp/sentences';

function split(text: string): ParsedSentence[] {
  return refineSentences(text, { start: 0, end: text.length }, parseText(text));
}

function sentencesOf(text: string): string[] {
  return split(text).map((s) => text.slice(s.start, s.end));
}

/** Every token in exactly one sentence, in order; offsets slice the text; spans cover their tokens. */
function assertConsistent(text: string, sentences: ParsedSentence[]): void {
  let lastEnd = 0;
  let lastTokenEnd = 0;
  for (const s of sentences) {
    assert.ok(s.tokens.length > 0, 'no empty sentence');
    assert.ok(s.start >= lastEnd && s.start <= s.end, 'sentences are in order and do not overlap');
    for (const t of s.tokens) {
      assert.strictEqual(text.slice(t.start, t.end), t.text, 'token offsets slice the text');
      assert.ok(t.start >= lastTokenEnd, 'tokens in order, none twice');
      assert.ok(t.start >= s.start && t.end <= s.end, 'the sentence span covers its tokens');
      lastTokenEnd = t.end;
    }
    lastEnd = s.end;
  }
}

describe('sentences: abbreviations and numbers', () => {
  it('keeps U.S., Mr., Dr., Jan., p.m. and decimals inside the sentence', () => {
    assert.deepStrictEqual(sentencesOf('The U.S. Army said Mr. Smith met Dr. Jones on Jan. 5 at 3.5 p.m. in Washington. He left.'), [
      'The U.S. Army said Mr. Smith met Dr. Jones on Jan. 5 at 3.5 p.m. in Washington.',
      'He left.',
    ]);
  });

  it('does not end a sentence at "No." before a number', () => {
    assert.deepStrictEqual(sentencesOf('He met her at No. 10 Downing Street. Then he left.'), ['He met her at No. 10 Downing Street.', 'Then he left.']);
  });

  it('still ends a sentence at "no." before a capitalised word', () => {
    assert.deepStrictEqual(sentencesOf('The answer was no. Talks ended.'), ['The answer was no.', 'Talks ended.']);
  });
});

describe('sentences: quotes', () => {
  it('ends a sentence after a closing quote that follows the period, keeping the quote', () => {
    assert.deepStrictEqual(sentencesOf('"I am done," he said. "We will fight." Then she left.'), [
      '"I am done," he said.',
      '"We will fight."',
      'Then she left.',
    ]);
  });

  it('handles curly single quotes as British papers print them', () => {
    assert.deepStrictEqual(sentencesOf('‘I had a taste of it at Hearts and enjoyed it.’ Locke smiled. ‘It is a fantastic opportunity.’'), [
      '‘I had a taste of it at Hearts and enjoyed it.’',
      'Locke smiled.',
      '‘It is a fantastic opportunity.’',
    ]);
  });

  it('does not split a quoted word inside a sentence', () => {
    assert.deepStrictEqual(sentencesOf('She called it "absurd" and walked out of the room. Nobody followed.'), [
      'She called it "absurd" and walked out of the room.',
      'Nobody followed.',
    ]);
  });
});

describe('sentences: lines and paragraphs', () => {
  it('ends sentences at blank lines and at line breaks of unwrapped text, even without punctuation', () => {
    assert.deepStrictEqual(sentencesOf('Storm hits the coast\n\nFirst paragraph here. Second sentence.\nPictured: the harbour wall'), [
      'Storm hits the coast',
      'First paragraph here.',
      'Second sentence.',
      'Pictured: the harbour wall',
    ]);
  });

  it('joins the lines of a hard-wrapped paragraph', () => {
    const text = [
      'The minister arrived in the capital on Monday for talks that officials',
      'described as difficult, and he met with President Obama and several',
      'members of the cabinet before the press conference in the afternoon.',
      'Both sides said that progress had been made on the main questions.',
    ].join('\n');
    assert.deepStrictEqual(sentencesOf(text), [
      'The minister arrived in the capital on Monday for talks that officials\ndescribed as difficult, and he met with President Obama and several\nmembers of the cabinet before the press conference in the afternoon.',
      'Both sides said that progress had been made on the main questions.',
    ]);
  });
});

describe('sentences: captions glued on without punctuation', () => {
  it('splits "Scroll down for video" from the caption that follows it', () => {
    assert.deepStrictEqual(sentencesOf('Scroll down for video The special relationship between Britain and the US was strong.'), [
      'Scroll down for video',
      'The special relationship between Britain and the US was strong.',
    ]);
  });

  it('splits a long run-on at a capitalised function word and at a "Label:" caption start', () => {
    const text =
      'Wannabe singer Kristina Karo claims the theft of her pet chicken as a child traumatised her and is now suing the actress for $5,000 ' +
      'In her lawsuit Karo states that the actress would come over to the chicken farm where she lived and play with the hen ' +
      'Happy couple: the actress and her partner at the premiere of their film.';
    assert.deepStrictEqual(sentencesOf(text), [
      'Wannabe singer Kristina Karo claims the theft of her pet chicken as a child traumatised her and is now suing the actress for $5,000',
      'In her lawsuit Karo states that the actress would come over to the chicken farm where she lived and play with the hen',
      'Happy couple: the actress and her partner at the premiere of their film.',
    ]);
  });

  it('caps the length of a block with no punctuation at all', () => {
    const text = Array.from({ length: 150 }, (_, i) => (i % 7 === 0 ? 'Harbour' : 'wall')).join(' ');
    const sentences = split(text);
    assert.ok(sentences.length >= 3, `cut into pieces (got ${sentences.length})`);
    for (const s of sentences) assert.ok(s.tokens.length <= MAX_SENTENCE_TOKENS, `${s.tokens.length} tokens`);
    assertConsistent(text, sentences);
  });
});

describe('sentences: invariants', () => {
  it('parseArticle numbers sentences and tokens consistently', () => {
    const text = 'Storm hits the coast.\n\n"It was awful," said Mr. Smith. "We ran." Scroll down for video Pictured: the wall';
    const article = articleFromRecord({ title: 'Storm', text }, 'a.json', 'a', 'json');
    assert.ok(typeof article !== 'string');
    const sentences = parseArticle(article);
    sentences.forEach((s, i) => s.tokens.forEach((t) => assert.strictEqual(t.sentence, i)));
    assertConsistent(article.text, sentences);
  });

  it('holds for arbitrary text made of hostile pieces', () => {
    const piece = fc.constantFrom(
      'word', 'Word', 'U.S.', 'Mr.', 'No.', '10', '3.5', '.', '!', '?', '…', ',', ':', ';', '"', "'", '‘', '’', '“', '”',
      '(', ')', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '-', '—', 'The', 'In', 'é', '😀', '@user', '#tag', 'http://x.y/z', '\u00a0', '\u200b',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), (pieces) => {
        const text = pieces.join('');
        assertConsistent(text, split(text));
      }),
      { numRuns: 300 },
    );
  });
});
