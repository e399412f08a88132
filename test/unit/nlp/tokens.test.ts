import * as assert from 'assert';
import { parseText } from '../../../src/core/nlp/nlp';

function words(text: string): string[] {
  const tokens = parseText(text).flatMap((s) => s.tokens);
  for (const t of tokens) assert.strictEqual(text.slice(t.start, t.end), t.text, 'token offsets slice to the token');
  return tokens.map((t) => t.text);
}

describe('nlp: tokens without scraper debris', () => {
  it('cuts markup out of words, keeping exact offsets', () => {
    assert.deepStrictEqual(words('Jon [Olsen](command:workbench.action.terminal.new) said'), ['Jon', 'Olsen', 'said']);
    assert.deepStrictEqual(words('the <b>Berg</b> visit'), ['the', 'Berg', 'visit']);
    assert.deepStrictEqual(words('Erik ![Dahl](https://tracker.example/p.png) left'), ['Erik', 'Dahl', 'left']);
  });

  it('drops invisible format characters and the full stop before them at word ends', () => {
    assert.deepStrictEqual(words('with Björk Guðmundsdóttir.\u200b Then'), ['with', 'Björk', 'Guðmundsdóttir', 'Then']);
    assert.deepStrictEqual(words('met Zoë Saldaña\u200f in Oslo'), ['met', 'Zoë', 'Saldaña', 'in', 'Oslo']);
  });

  it('leaves ordinary words, acronyms and abbreviations alone', () => {
    assert.deepStrictEqual(words("AT&T and O'Neil (AP) met U.S. officials"), ['AT&T', 'and', "O'Neil", 'AP', 'met', 'U.S.', 'officials']);
  });
});
