import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import nlp from 'compromise';
import { bareKey } from '../../../src/core/nlp/names/candidate';
import { parseText } from '../../../src/core/nlp/nlp';
import { useFastFreeze, useStockFreeze } from '../../../src/core/nlp/freezeStep';
import { useFastSetTag, useStockSetTag } from '../../../src/core/nlp/setTagStep';
import { useFastSweep, useStockSweep } from '../../../src/core/nlp/sweep';
import { useFullTerms, useStockTerms } from '../../../src/core/nlp/termShape';

const SEEDS = path.join(__dirname, '../../../../seeds');

const SAMPLES = [
  "Mr. Smith didn't say whether the U.S. would sell 1,200 tonnes of wheat to Iran by March 3, 2025, but he'd \"consider it\".",
  'Shares of Apple Inc. fell 3.5% on Monday after the Federal Reserve raised rates; analysts at Goldman Sachs had expected it.',
  'The 27-year-old striker, who joined from Real Madrid last summer, scored twice as Chelsea beat Arsenal 3-1 at Stamford Bridge.',
  "Police said the suspects were arrested near Nairobi's central market late on Friday night and would appear in court next week.",
  'SOCCER - ENGLISH PREMIER LEAGUE RESULTS\nLONDON 1996-08-24\nResults of English premier league matches on Saturday:',
  'May said she may visit the May Day parade in Reading, reading a speech about the will of Will Smith.',
  'The company, which makes chips for phones, said profits had fallen sharply in the three months to June, blaming weaker demand in China and a stronger dollar.',
  'Ministers are expected to approve the plan next week, although several MPs have warned that it could push up energy bills for millions of households.',
  'Speaking after the match, the coach said his players had been "outstanding" and that the team was now focused on the final against Brazil on Sunday.',
  'Prices rose by 2.4% in the year to March, the Office for National Statistics said, down from 3.1% a month earlier, giving the Bank of England room to cut rates.',
  'Firefighters battled the blaze for more than six hours before it was brought under control, and residents were told to keep their windows closed.',
  'He was sentenced to eight years in prison after being found guilty of fraud, having taken more than £2m from investors who trusted him with their savings.',
  'Analysts expect the new console to sell well over Christmas, but some warn that shortages of parts could leave shops struggling to meet demand.',
  'The singer, whose latest album topped the charts in both the US and the UK, will begin a world tour in Tokyo in the autumn, her spokesman confirmed.',
  // First terms tested by @method and and-blocks, %switch% words, notIf vetoes and capture groups.
  'The long-awaited follow-up sells well, the award-winning chef-owner says, and the low-cost start-up plans cuts.',
  'Traders buy, sell and swap shares while the firm\'s top car maker, South Korea\'s biggest, plans more job cuts.',
  'She was getting close to a deal when he sent back the forms, looked around and charged back in.',
  // Rules whose second reg is optional, so the term after the first may match it or the one after.
  'They did not agree, she will quickly leave, and the old picks up where they had never left.',
  // Contractions, whose first half a rule's word may take together with the second.
  "That's what they'd said: it's done, who's there, he's gone, she'd left, we're in, you'll see, I'm here, let's go, there's more, that'll do.",
  // Rules anchored at the sentence's end ($), some ending in a contraction or an (a|b) block.
  "Keep it simple. Don't go in. The new rules are tough, and they'll work hard. She said she'd. Look what we've got. It was the best",
  "Who could blame them? The deal they're in. Make it fast. Things fell apart: that's just how it is. Turn it up",
  // Frozen lexicon entries, nested ones and one cut by the sentence's end.
  'The Labour Party said the Prime Minister had read the New York Times in the living room, as in the Cold War.',
  'Excuse me, said the 20th Century Fox executive: the free market will re-elect the over-paid, and he gave up. New York',
  'Guns N Roses and New Kids on the Block played; the appeal court let it spin off, then she laid up in the United States',
];

function tagsOf(text: string): string {
  return JSON.stringify(parseText(text).map((s) => s.tokens.map((t) => [t.text, t.start, [...t.tags].sort().join(',')])));
}

/** The tags of real news with our faster step, then with compromise's own (put back by `useStock`), in pairs. */
function fastAndStock(useStock: () => void, useFast: () => void): [string, string, string][] {
  const texts = [...SAMPLES, ...fs.readdirSync(SEEDS).map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'))];
  const fast = texts.map(tagsOf);
  useStock();
  try {
    const stock = texts.map(tagsOf);
    return texts.map((t, i) => [t.slice(0, 60), fast[i], stock[i]]);
  } finally {
    useFast();
  }
}

describe('nlp: the faster rule sweep', () => {
  it('tags real news exactly as compromise\'s own sweep does', () => {
    const pairs = fastAndStock(() => useStockSweep(nlp.world()), () => useFastSweep(nlp.world()));
    assert.ok(pairs.every(([, fast]) => fast.length > 2));
    for (const [text, fast, stock] of pairs) assert.strictEqual(fast, stock, text);
  });
});

describe('nlp: the faster freeze step', () => {
  it('tags real news exactly as compromise\'s own freeze step does', () => {
    const labour = parseText(SAMPLES.find((t) => t.startsWith('The Labour Party')) ?? '')[0].tokens.find((t) => t.text === 'Labour');
    assert.ok(labour?.tags.has('Organization'), 'the frozen entry "labour party" was tagged');
    for (const [text, fast, stock] of fastAndStock(useStockFreeze, () => useFastFreeze(nlp.world()))) assert.strictEqual(fast, stock, text);
  });
});

describe('nlp: the faster setTag', () => {
  it('tags real news exactly as compromise\'s own setTag does', () => {
    const methods = (nlp.world() as unknown as { methods: { one: { setTag: unknown } } }).methods.one;
    const ours = methods.setTag;
    let stock: unknown;
    const pairs = fastAndStock(
      () => {
        useStockSetTag();
        stock = methods.setTag;
      },
      () => useFastSetTag(nlp.world()),
    );
    assert.notStrictEqual(ours, stock, 'the faster setTag was in use');
    for (const [text, fast, stock] of pairs) assert.strictEqual(fast, stock, text);
  });
});

describe('nlp: words of one shape', () => {
  /** The field lists of the words compromise gives for `texts` (with offsets, as parseText asks), each once. */
  function fieldLists(texts: string[]): Set<string> {
    const out = new Set<string>();
    for (const text of texts) {
      const doc = nlp(text);
      doc.compute('offset');
      for (const terms of doc.document as object[][]) for (const t of terms) out.add(Object.keys(t).join(','));
    }
    return out;
  }

  it('gives every word the same fields, frozen and contracted ones too, and tags as compromise\'s own words do', () => {
    const texts = [...SAMPLES, ...fs.readdirSync(SEEDS).map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'))];
    const lists = [...fieldLists(texts)];
    assert.strictEqual(lists.length, 1, 'one list of fields');
    for (const field of ['normal', 'machine', 'implicit', 'frozen', 'switch', 'confidence', 'offset']) assert.ok(lists[0].split(',').includes(field), field);
    const world = nlp.world();
    useStockTerms(world);
    try {
      assert.ok(fieldLists(texts).size > 5, 'compromise\'s own words come in many shapes');
    } finally {
      useFullTerms(world);
    }
    for (const [text, full, stock] of fastAndStock(() => useStockTerms(world), () => useFullTerms(world))) assert.strictEqual(full, stock, text);
  });

  it('gives our tokens the field of their lookup key from the start, whether it is asked for or not', () => {
    const tokens = parseText(SAMPLES.join('\n')).flatMap((s) => s.tokens);
    assert.ok(tokens.length > 100);
    tokens.filter((_, i) => i % 2 === 0).forEach(bareKey);
    assert.strictEqual(new Set(tokens.map((t) => Object.keys(t).join(','))).size, 1);
  });
});
