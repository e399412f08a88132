import * as assert from 'assert';
import type { Entity } from '../../../src/core/model/types';
import type { ArticleAnalysis } from '../../../src/core/nlp/analysis';
import { mergeEntities } from '../../../src/core/index/merge';
import type { HandEntity } from '../support/handAnalysis';
import { handAnalysis } from '../support/handAnalysis';

/** Merges hand-built articles; returns the entities and, per article, each local name's corpus id. */
function merge(articles: Record<string, HandEntity[]>): { entities: Entity[]; idOf: (articleId: string, name: string, type?: string) => string | undefined; byName: (name: string) => Entity[] } {
  const analyses: ArticleAnalysis[] = Object.entries(articles).map(([id, es]) => handAnalysis(id, es));
  const { entities, resolve } = mergeEntities(analyses);
  const list = [...entities.values()];
  return {
    entities: list,
    idOf: (articleId, name, type) => {
      const e = articles[articleId].find((x) => x.name === name && (!type || x.type === type));
      return e && resolve.get(articleId)?.get(`${e.type}:${e.name.toLowerCase()}`);
    },
    byName: (name) => list.filter((e) => e.name === name || e.aliases.includes(name)),
  };
}

const person = (name: string, more: Partial<HandEntity> = {}): HandEntity => ({ name, type: 'person', ...more });
const org = (name: string, more: Partial<HandEntity> = {}): HandEntity => ({ name, type: 'organization', ...more });
const place = (name: string, more: Partial<HandEntity> = {}): HandEntity => ({ name, type: 'place', ...more });

/** Names that tie the articles given them into one story. */
const koreaStory = [place('Pyongyang'), place('Hokkaido'), person('Shinzo Abe')];

describe('merge: identity across articles', () => {
  describe('known variants of one name', () => {
    it('spelling: "Kim Jong-un", "Kim Jong Un" and "Kim Jong-Un" are one person', () => {
      const m = merge({ a: [person('Kim Jong-un')], b: [person('Kim Jong Un')], c: [person('Kim Jong-Un')] });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.articleCount]),
        [['person:kim-jong-un', 3]],
      );
    });

    it('the gazetteer\'s forms: "U.S.", "US" and "United States" are one place, named as the gazetteer names it', () => {
      const m = merge({ a: [place('U.S.')], b: [place('US')], c: [place('United States')] });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.name, e.articleCount]),
        [['place:united-states', 'United States', 3]],
      );
    });

    it('transliterations: "Mohamed Morsi" and "Mohammed Morsi", "Mazar-i-Sharif" and "Mazar-e-Sharif" are one, named as most mentions write it', () => {
      const m = merge({
        a: [person('Mohamed Morsi', { mentions: 5 }), place('Mazar-i-Sharif', { mentions: 2 })],
        b: [person('Mohammed Morsi', { mentions: 2 }), place('Mazar-e-Sharif')],
        c: [person('Ann Lee'), person('Anne Lee')],
      });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.articleCount]),
        [
          ['person:ann-lee', 1],
          ['person:anne-lee', 1],
          ['place:mazar-i-sharif', 2],
          ['person:mohamed-morsi', 2],
        ],
      );
    });

    it('a courtesy title: "Mr. Putin" is "Putin"', () => {
      const m = merge({ a: [person('Mr. Putin')], b: [person('Putin')] });
      assert.deepStrictEqual(
        m.entities.map((e) => e.articleCount),
        [2],
      );
    });

    it('a role or an owner a recogniser left in the span: "SpaceX CEO Elon Musk" and "Cubs\' Jason Heyward"', () => {
      const m = merge({ a: [person('SpaceX CEO Elon Musk'), person("Cubs' Jason Heyward")], b: [person('Elon Musk'), person('Jason Heyward')] });
      assert.deepStrictEqual(m.entities.map((e) => [e.name, e.articleCount]).sort(), [
        ['Elon Musk', 2],
        ['Jason Heyward', 2],
      ]);
    });

    it('a name in capitals (a transcript\'s speaker label) is shown as the articles write it in ordinary case; a single word in capitals may be an acronym', () => {
      const m = merge({ a: [person('ANNA BERG', { mentions: 9 })], b: [person('Anna Berg', { mentions: 2 })], c: [org('NATO', { mentions: 5 })], d: [org('Nato')] });
      assert.deepStrictEqual(m.entities.map((e) => e.name).sort(), ['Anna Berg', 'NATO']);
    });

    it('a middle initial: "Donald J. Trump" is "Donald Trump", the name shown', () => {
      const m = merge({ a: [person('Donald J. Trump')], b: [person('Donald Trump')], c: [person('Donald Trump')] });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.articleCount, e.aliases]),
        [['person:donald-trump', 3, ['Donald J. Trump']]],
      );
    });

    it('two initialled forms of one name stay apart, and the plain name may be either', () => {
      const m = merge({ a: [person('George W. Bush')], b: [person('George H. W. Bush')], c: [person('George Bush')] });
      assert.strictEqual(m.entities.length, 3);
      const plain = m.entities.find((e) => e.name === 'George Bush');
      assert.deepStrictEqual(plain?.possibleSame, ['person:george-h-w-bush', 'person:george-w-bush']);
    });

    it('a legal form or group word: "Goldman Sachs Group Inc." is "Goldman Sachs"; "Qualcomm Inc" is "Qualcomm"', () => {
      const m = merge({ a: [org('Goldman Sachs Group Inc.'), org('Qualcomm Inc')], b: [org('Goldman Sachs'), org('Qualcomm')], c: [org('Goldman Sachs')] });
      assert.deepStrictEqual(m.entities.map((e) => [e.id, e.articleCount]).sort(), [
        ['organization:goldman-sachs', 3],
        ['organization:qualcomm', 2],
      ]);
    });

    it('a generation tells a son from his father: "Patrick Paddock II" stays apart, possibly the same', () => {
      const m = merge({ a: [person('Patrick Paddock II')], b: [person('Patrick Paddock')] });
      assert.strictEqual(m.entities.length, 2);
      assert.deepStrictEqual(m.byName('Patrick Paddock')[0].possibleSame, ['person:patrick-paddock-ii']);
    });
  });

  describe('one type per name', () => {
    it('"Trump" is a person in every article, though one recogniser took him for an organization', () => {
      const m = merge({ a: [person('Trump', { mentions: 3 })], b: [org('Trump')], c: [person('Trump', { mentions: 2 })] });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.mentionCount]),
        [['person:trump', 6]],
      );
    });

    it('words around the mentions outweigh the recogniser: "shares of Tesla" make Tesla a company', () => {
      const m = merge({ a: [person('Tesla', { mentions: 4 })], b: [person('Tesla', { mentions: 3 })], c: [org('Tesla', { cues: { organization: 2 } })] });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.mentionCount]),
        [['organization:tesla', 8]],
      );
    });

    it('a listed name keeps its type unless other articles\' words say otherwise; then it is two entities, possibly the same', () => {
      const once = merge({ a: [place('Jordan', { mentions: 3 })], b: [person('Jordan')] });
      assert.deepStrictEqual(
        once.entities.map((e) => e.id),
        ['place:jordan'],
      );
      const split = merge({ a: [place('Jordan', { mentions: 3 })], b: [person('Jordan', { mentions: 2, cues: { person: 2 } })] });
      assert.deepStrictEqual(split.entities.map((e) => [e.id, e.possibleSame]).sort(), [
        ['person:jordan', ['place:jordan']],
        ['place:jordan', ['person:jordan']],
      ]);
    });

    it('a club that reads like a person where no word says so is the club; the person its articles insist on stays apart', () => {
      const m = merge({
        a: [org('Chelsea', { mentions: 6, cues: { organization: 3 } })],
        b: [org('Chelsea', { mentions: 4, cues: { organization: 2 } })],
        c: [person('Chelsea', { mentions: 3 })],
        d: [person('Chelsea', { mentions: 2, cues: { person: 2 } })],
      });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.mentionCount]).sort(),
        [
          ['organization:chelsea', 13],
          ['person:chelsea', 2],
        ],
      );
    });

    it('a place and a body of one name are not split: a country is also its government', () => {
      const m = merge({ a: [place('North Korea', { mentions: 5 })], b: [org('North Korea', { cues: { organization: 3 } })] });
      assert.deepStrictEqual(
        m.entities.map((e) => e.id),
        ['place:north-korea'],
      );
    });

    it('a team named after its city stays the team in match reports and is the city where an article reads it so', () => {
      const team = (m: number): HandEntity => org('Texas', { mentions: m, placeName: true });
      const m = merge({ a: [team(9)], b: [team(8)], c: [place('Texas', { mentions: 3, placeName: true })], d: [place('Texas', { mentions: 2, placeName: true })] });
      assert.deepStrictEqual(m.entities.map((e) => [e.id, e.mentionCount, e.possibleSame]), [
        ['organization:texas', 17, ['place:texas']],
        ['place:texas', 5, ['organization:texas']],
      ]);
      const named = merge({ a: [org('Tories', { mentions: 9 })], b: [org('Tories', { mentions: 8 })], c: [place('Tories', { mentions: 5 })] });
      assert.deepStrictEqual(named.entities.map((e) => [e.id, e.mentionCount]), [['organization:tories', 22]], 'no list knows the name as a place: the recogniser slipped');
    });

    it('a one-word "place" that is the surname of a person its article names is that person', () => {
      const m = merge({ a: [person('Max Verstappen'), place('Verstappen', { mentions: 4 })] });
      assert.deepStrictEqual(
        m.entities.map((e) => [e.id, e.mentionCount]),
        [['person:max-verstappen', 5]],
      );
    });

    it('so is one whose given name its article writes alone, where the corpus names the person in full', () => {
      const m = merge({
        a: [person('Quentin Tarantino', { mentions: 3 }), person('Uma Thurman'), place('Cannes')],
        b: [person('Uma Thurman'), person('Quentin', { mentions: 2 }), place('Tarantino', { mentions: 10 }), place('Cannes')],
        c: [person('Paris Hilton')],
        d: [place('Paris', { placeName: true }), org('Hilton', { mentions: 2 })],
      });
      assert.strictEqual(m.idOf('b', 'Tarantino'), 'person:quentin-tarantino');
      assert.deepStrictEqual(m.byName('Tarantino').map((e) => [e.id, e.mentionCount]), [['person:quentin-tarantino', 15]]);
      assert.strictEqual(m.idOf('d', 'Hilton'), 'organization:hilton', 'the given name is a place in that article, not a person');
    });
  });

  describe('short forms', () => {
    it('a surname joins the full name of its own article', () => {
      const m = merge({ a: [person('Sergei Lavrov'), person('Lavrov', { mentions: 3 })] });
      assert.strictEqual(m.idOf('a', 'Lavrov'), 'person:sergei-lavrov');
    });

    it('a surname joins the one full name of its story, and stays apart outside it, possibly the same', () => {
      const m = merge({
        a: [person('Sergei Lavrov'), place('Moscow'), place('Delhi'), person('S Jaishankar')],
        b: [person('Lavrov'), place('Moscow'), place('Delhi')],
        c: [person('Lavrov'), place('Lima'), org('Andean Pact')],
      });
      assert.strictEqual(m.idOf('b', 'Lavrov'), 'person:sergei-lavrov');
      assert.strictEqual(m.idOf('c', 'Lavrov'), 'person:lavrov');
      assert.deepStrictEqual(m.entities.find((e) => e.id === 'person:lavrov')?.possibleSame, ['person:sergei-lavrov']);
    });

    it('a surname that fits two full names of its story stays apart, possibly either', () => {
      const m = merge({
        a: [person('John F. Kennedy'), ...koreaStory],
        b: [person('John F. Kennedy Jr'), ...koreaStory],
        c: [person('Kennedy'), ...koreaStory],
      });
      assert.strictEqual(m.idOf('c', 'Kennedy'), 'person:kennedy');
      assert.deepStrictEqual(m.entities.find((e) => e.id === 'person:kennedy')?.possibleSame, ['person:john-f-kennedy', 'person:john-f-kennedy-jr']);
    });

    it('in an article naming two people of one surname, the one named far more often takes the bare surname', () => {
      const m = merge({ a: [person('Kim Jong Un', { mentions: 6 }), person('Kim Jong Il'), person('Kim', { mentions: 4 })] });
      assert.strictEqual(m.idOf('a', 'Kim'), 'person:kim-jong-un');
    });

    it('a surname outside any story joins the full name the corpus establishes it as', () => {
      const established = { a: [person('Donald Trump', { aliases: ['Trump'] })], b: [person('Donald Trump', { aliases: ['Trump'] })], c: [person('Donald Trump', { aliases: ['Trump'] })] };
      const m = merge({ ...established, d: [person('Trump'), org('Goldman Sachs')] });
      assert.strictEqual(m.idOf('d', 'Trump'), 'person:donald-trump');
      const seldom = merge({ a: established.a, b: established.b, d: [person('Trump'), org('Goldman Sachs')] });
      assert.strictEqual(seldom.idOf('d', 'Trump'), 'person:trump', 'two articles do not establish a name');
    });

    it('an acronym one article defines stays that article\'s: "Benavista Bowls Club (BBC)" is not the BBC of other stories', () => {
      const m = merge({
        bowls: [org('Benavista Bowls Club', { aliases: ['BBC'], mentions: 3 }), place('Estepona'), person('Margaret Ellis')],
        licence: [org('BBC', { mentions: 2 }), person('Tim Davie'), place('London')],
        weather: [org('BBC'), place('Scotland'), place('Glasgow')],
      });
      assert.strictEqual(m.idOf('licence', 'BBC'), 'organization:bbc');
      assert.strictEqual(m.idOf('weather', 'BBC'), 'organization:bbc');
      const club = m.entities.find((e) => e.name === 'Benavista Bowls Club');
      assert.deepStrictEqual([club?.articleCount, club?.mentionCount], [1, 3]);
      assert.deepStrictEqual(m.entities.find((e) => e.id === 'organization:bbc')?.mentionCount, 3);
    });

    it('a national body named by its acronym in one story and in full in another is one entity', () => {
      const m = merge({
        launch: [org('NASA', { mentions: 3 }), place('Florida'), person('Elon Musk')],
        budget: [org('National Aeronautics and Space Administration'), person('Jim Bridenstine'), place('Washington')],
      });
      assert.strictEqual(m.idOf('launch', 'NASA'), m.idOf('budget', 'National Aeronautics and Space Administration'));
    });

    it('an acronym joins the expansion of its own story', () => {
      const m = merge({
        a: [org('European Central Bank', { aliases: ['ECB'] }), place('Frankfurt'), person('Mario Draghi')],
        b: [org('ECB', { mentions: 2 }), place('Frankfurt'), person('Mario Draghi')],
      });
      assert.strictEqual(m.idOf('b', 'ECB'), 'organization:european-central-bank');
    });

    it('a team named without its city joins the team of its story', () => {
      const m = merge({
        a: [org('Chicago Cubs'), place('Chicago'), org('Cleveland Indians'), person('Ben Zobrist')],
        b: [org('Cubs', { mentions: 5 }), place('Chicago'), person('Ben Zobrist')],
      });
      assert.strictEqual(m.idOf('b', 'Cubs'), 'organization:chicago-cubs');
    });

    it('a person\'s name written as an acronym is no surname: "UN" does not join "Kim Jong Un"', () => {
      const m = merge({ a: [person('Kim Jong Un'), person('UN'), ...koreaStory] });
      assert.notStrictEqual(m.idOf('a', 'UN'), 'person:kim-jong-un');
    });
  });

  it('gives the same entities and ids whatever the order of the articles', () => {
    const articles: Record<string, HandEntity[]> = {
      a: [person('Sergei Lavrov', { aliases: ['Lavrov'] }), place('Moscow'), place('Delhi'), person('S Jaishankar')],
      b: [person('Jaishankar', { mentions: 2 }), person('Lavrov'), place('Moscow'), place('Delhi'), org('UN'), org('United Nations')],
      c: [org('SCO'), org('Shanghai Cooperation Organisation', { aliases: ['SCO'] }), place('Delhi'), place('Moscow')],
      d: [person('Lavrov'), place('Lima')],
    };
    const run = (order: string[]): string => {
      const analyses = order.map((id) => handAnalysis(id, articles[id]));
      const { entities, resolve } = mergeEntities(analyses);
      const ids = [...entities.values()].map((e) => JSON.stringify(e)).sort();
      const resolved = [...resolve].sort(([x], [y]) => (x < y ? -1 : 1)).map(([a, m]) => [a, [...m].sort()]);
      return JSON.stringify([ids, resolved]);
    };
    const first = run(['a', 'b', 'c', 'd']);
    assert.strictEqual(run(['d', 'c', 'b', 'a']), first);
    assert.strictEqual(run(['b', 'd', 'a', 'c']), first);
    assert.match(first, /person:sergei-lavrov/);
    assert.match(first, /organization:united-nations/);
  });
});
