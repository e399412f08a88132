import * as assert from 'assert';
import { promises as fs } from 'fs';
import { parsePlainText } from '../../../src/core/corpus/parse';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import type { ArticleAnalysis, LocalEvent } from '../../../src/core/nlp/analysis';
import { analyzeArticle } from '../../../src/core/nlp/analyze';
import { EVENT_TYPES, resolveType, triggerOf } from '../../../src/core/nlp/eventTypes';
import type { Article } from '../../../src/core/model/types';
import { SEED_PATH } from '../paths';

function article(id: string, title: string, date: string | null, body: string): Article {
  const byline = date ? `Test Wire Updated on ${date}\n\n` : '';
  return parsePlainText(`${id}.txt`, `${title}\n\n${byline}${body}\n`, id);
}

function keyOf(a: ArticleAnalysis, type: string, pattern: RegExp): string {
  const e = a.entities.find((x) => x.type === type && pattern.test(x.name));
  assert.ok(e, `a ${type} entity matching ${pattern} (entities: ${a.entities.map((x) => `${x.type}:${x.name}`).join(', ')})`);
  return e.key;
}

describe('events: the seed article', () => {
  let seed: Article;
  let analysis: ArticleAnalysis;

  before(async () => {
    seed = parsePlainText(SEED_PATH, await fs.readFile(SEED_PATH, 'utf8'), 'seed');
    analysis = analyzeArticle(seed);
  });

  it('finds a meeting or talks event with both foreign ministers taking part', () => {
    const lavrov = keyOf(analysis, 'person', /Lavrov/);
    const jaishankar = keyOf(analysis, 'person', /Jaishankar/);
    const meetings = analysis.events.filter((e) => e.type === 'meeting');
    const both = meetings.find((e) => [...e.who, ...e.whom].includes(lavrov) && [...e.who, ...e.whom].includes(jaishankar));
    assert.ok(both, `meetings: ${meetings.map((e) => e.label).join(' | ')}`);
    assert.ok(/meet|talk|visit|exchange|consult/i.test(both.trigger.text));
    assert.strictEqual(seed.text.slice(both.trigger.start, both.trigger.end), both.trigger.text);
  });

  it('finds Lavrov stating or supporting, with India as the target', () => {
    const lavrov = keyOf(analysis, 'person', /Lavrov/);
    const india = keyOf(analysis, 'place', /^India$/);
    const found = analysis.events.find((e) => (e.type === 'support' || e.type === 'statement') && e.who.includes(lavrov) && e.whom.includes(india));
    assert.ok(found, `events: ${analysis.events.map((e) => `${e.type}: ${e.label}`).join(' | ')}`);
  });

  it('resolves "next year" against the article date to 2025', () => {
    const next = analysis.events.find((e) => e.when?.text === 'next year');
    assert.ok(next, 'an event dated "next year"');
    assert.strictEqual(next.when?.date, '2025');
  });

  it('gives every event offsets into the text, a type of the taxonomy and a confidence', () => {
    const types = new Set(EVENT_TYPES.map((t) => t.id as string));
    assert.ok(analysis.events.length >= 10, `only ${analysis.events.length} events`);
    for (const e of analysis.events) {
      assert.ok(types.has(e.type), e.type);
      assert.strictEqual(seed.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
      assert.ok(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
      assert.ok(e.confidence > 0 && e.confidence <= 1);
      assert.ok(e.typeLabel && e.label.length > 0);
    }
  });

  it('fills the main event from the headline and says what happened', () => {
    const me = analysis.mainEvent;
    assert.strictEqual(me.who, 'Sergei Lavrov', 'the headline\'s "Russian Foreign Minister" is Lavrov by his role');
    assert.ok(me.what && /reiterated his support/.test(me.what), `what: ${me.what}`);
    assert.ok(me.when?.date?.startsWith('2024'), `when: ${JSON.stringify(me.when)}`);
    assert.strictEqual(me.where, 'India');
    assert.ok(analysis.headline.includes('reiterated his support'), analysis.headline);
  });
});

describe('events: taxonomy', () => {
  it('maps trigger verbs and nouns to their types', () => {
    const cases: [string, 'verb' | 'noun', string][] = [
      ['meet', 'verb', 'meeting'],
      ['visit', 'noun', 'meeting'],
      ['talks', 'noun', 'meeting'],
      ['say', 'verb', 'statement'],
      ['reiterate', 'verb', 'statement'],
      ['support', 'verb', 'support'],
      ['sign', 'verb', 'cooperation'],
      ['agreement', 'noun', 'cooperation'],
      ['condemn', 'verb', 'criticism'],
      ['attack', 'verb', 'conflict'],
      ['earthquake', 'noun', 'disaster'],
      ['arrest', 'verb', 'legal'],
      ['elect', 'verb', 'election'],
      ['acquire', 'verb', 'economic'],
      ['arrive', 'verb', 'movement'],
    ];
    for (const [lemma, kind, type] of cases) assert.strictEqual(triggerOf(lemma, kind)?.type, type, `${kind} ${lemma}`);
    assert.strictEqual(triggerOf('table', 'noun'), undefined);
    assert.strictEqual(triggerOf('be', 'verb'), undefined);
  });

  it('gives verbs of harm the type of their sentence', () => {
    const kill = triggerOf('kill', 'verb');
    const die = triggerOf('die', 'verb');
    assert.ok(kill && die);
    assert.strictEqual(resolveType(kill, new Set(['disaster']), new Set(), false), 'disaster');
    assert.strictEqual(resolveType(die, new Set(['conflict']), new Set(), false), 'conflict');
    assert.strictEqual(resolveType(kill, new Set(), new Set(), true), 'conflict');
    assert.strictEqual(resolveType(die, new Set(), new Set(), false), 'disaster');
  });

  it('reads "win" as an election only when the sentence speaks of one', () => {
    const win = triggerOf('win', 'verb');
    assert.ok(win);
    assert.strictEqual(resolveType(win, new Set(), new Set(['cubs', 'series']), true), 'contest');
    assert.strictEqual(resolveType(win, new Set(), new Set(['won', 'the', 'election']), true), 'election');
  });
});

describe('events: the main event of a hand-written article', () => {
  const a = article(
    'raid',
    'Rebels attack army base in northern Mali',
    '2023-05-18',
    'Rebels attacked an army base near the town of Kidal on Tuesday by firing mortars at its gates, because the army had refused to withdraw. Three soldiers were killed, officials said.',
  );
  const analysis = analyzeArticle(a);
  const me = analysis.mainEvent;

  it('answers who and what from the headline', () => {
    assert.strictEqual(me.who, 'Rebels');
    assert.strictEqual(me.what, 'attack army base');
    assert.strictEqual(analysis.headline, 'Rebels attack army base');
  });

  it('resolves the weekday to the last such day before the article date', () => {
    assert.deepStrictEqual(me.when, { text: 'Tuesday', date: '2023-05-16' });
  });

  it('finds where, why and how as phrases of the text', () => {
    assert.ok(me.where?.endsWith('Mali'), `where: ${me.where}`);
    assert.ok(me.why?.startsWith('because the army had refused to withdraw'), `why: ${me.why}`);
    assert.ok(me.how?.startsWith('by firing mortars'), `how: ${me.how}`);
    for (const phrase of [me.who, me.what, me.when?.text, me.where, me.why, me.how]) assert.ok(phrase && a.text.includes(phrase), `${phrase} is in the text`);
  });

  it('types the attack as conflict with the rebels as agents', () => {
    const attack = analysis.events.find((e: LocalEvent) => e.trigger.text === 'attacked');
    assert.ok(attack);
    assert.strictEqual(attack.type, 'conflict');
    assert.strictEqual(attack.when?.date, '2023-05-16');
    const killed = analysis.events.find((e: LocalEvent) => e.trigger.text === 'killed');
    assert.strictEqual(killed?.type, 'conflict', 'killing in a sentence of an attack is conflict');
  });

  it('falls back to the title and the article date when nothing can be read', () => {
    const bare = analyzeArticle(article('bare', 'Weather', '2023-01-02', 'Sunny.'));
    assert.strictEqual(bare.mainEvent.what, 'Weather');
    assert.deepStrictEqual(bare.mainEvent.when, { text: '2023-01-02', date: '2023-01-02' });
    assert.strictEqual(bare.headline, 'Weather');
  });
});

describe('events: corpus timeline and co-occurrence', () => {
  const texts: [string, string, string | null, string][] = [
    ['a', 'Leaders meet in Paris', '2023-03-10', 'Alice Smith met Bob Jones in Paris on Thursday.'],
    ['b', 'Deal signed', '2023-03-12', 'Alice Smith and Bob Jones signed a trade deal.'],
    ['c', 'Undated note', null, 'Carol White praised Dan Brown.'],
  ];
  const index = new CorpusIndex();
  for (const [id, title, date, body] of texts) {
    const a = article(id, title, date, body);
    index.setFile(a.path, [a], [analyzeArticle(a)]);
  }
  const idOf = (name: string): string => {
    const e = index.entities().find((x) => x.name.includes(name) && x.type === 'person');
    assert.ok(e, `${name} among ${index.entities().map((x) => x.name).join(', ')}`);
    return e.id;
  };

  it('orders events by resolved date, undated last (by their article date)', () => {
    const timeline = index.timeline();
    assert.deepStrictEqual(
      timeline.map((t) => t.event.trigger.text),
      ['met', 'signed', 'praised'],
    );
    assert.deepStrictEqual(
      timeline.map((t) => t.date),
      ['2023-03-09', null, null],
    );
    assert.deepStrictEqual(
      timeline.map((t) => t.articleDate),
      ['2023-03-10', '2023-03-12', null],
    );
  });

  it('counts shared sentences and shared events for each pair', () => {
    const alice = idOf('Alice');
    const bob = idOf('Bob');
    const pair = index.coOccurrences().find((p) => (p.a === alice && p.b === bob) || (p.a === bob && p.b === alice));
    assert.ok(pair);
    assert.strictEqual(pair.sentences, 2);
    assert.strictEqual(pair.events, 2);
    assert.strictEqual(index.related(alice)[0].entity.id, bob);
    const carol = idOf('Carol');
    assert.ok(!index.coOccurrences().some((p) => (p.a === carol || p.b === carol) && (p.a === alice || p.b === alice)));
  });

  it('lists the events of an entity, newest first', () => {
    const events = index.eventsOf(idOf('Alice'));
    assert.deepStrictEqual(
      events.map((t) => t.event.trigger.text),
      ['signed', 'met'],
    );
  });
});
