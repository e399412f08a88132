import * as assert from 'assert';
import type { CorpusIndex } from '../../../src/core/index/corpusIndex';
import type { CurationInput } from '../../../src/core/index/curation';
import { NO_CURATION, slugOf } from '../../../src/core/index/curation';
import { slug } from '../../../src/core/index/merge';
import { parseCurationFile } from '../../../src/core/corpus/curationFile';
import { parseWatchlist } from '../../../src/core/corpus/watchlists';
import type { ArticleSpec } from '../support/builtIndex';
import { buildIndex } from '../support/builtIndex';

/**
 * A corpus with the machine's typical mistakes, built by hand (no NLP): a company typed as a
 * person, one person split in two types, an acronym joined to the wrong expansion, page furniture
 * taken for a person, and a name found only in part.
 */
const CORPUS: ArticleSpec[] = [
  {
    id: 'markets',
    title: 'Rates rise',
    date: '2024-03-01',
    body: 'The European Central Bank raised rates on Thursday. The ECB said inflation fell. Tesla said its shares rose. Skip Twitter.',
    entities: [
      { key: 'b', type: 'organization', name: 'European Central Bank', surfaces: ['European Central Bank', 'ECB'], aliases: ['ECB'] },
      { key: 't', type: 'person', name: 'Tesla', surfaces: ['Tesla'] },
      { key: 's', type: 'person', name: 'Skip Twitter', surfaces: ['Skip Twitter'] },
    ],
    events: [{ type: 'statement', trigger: 'said', who: ['b'], label: 'ECB says inflation fell', date: '2024-03-01' }],
  },
  {
    id: 'cricket',
    title: 'New captain',
    date: '2024-03-02',
    body: 'The ECB named a new captain. Pieter de Vries will lead the side, and de Vries said he was proud. Skip Twitter.',
    entities: [
      { key: 'c', type: 'organization', name: 'ECB', surfaces: ['ECB'] },
      { key: 'v', type: 'person', name: 'Vries', surfaces: ['Vries'] },
      { key: 's', type: 'person', name: 'Skip Twitter', surfaces: ['Skip Twitter'] },
    ],
    events: [
      { type: 'statement', trigger: 'named', who: ['c'], label: 'ECB names captain', date: '2024-03-02' },
      { type: 'statement', trigger: 'said', who: ['v'], label: 'de Vries proud', date: '2024-03-02' },
    ],
  },
  {
    id: 'summit',
    title: 'Summit',
    date: '2024-03-03',
    body: 'Donald Trump met Kim Jong Un in Singapore. Trump said the talks went well.',
    entities: [
      { key: 'd', type: 'person', name: 'Donald Trump', surfaces: ['Donald Trump'] },
      { key: 'o', type: 'organization', name: 'Trump', surfaces: ['Trump'] },
      { key: 'k', type: 'person', name: 'Kim Jong Un', surfaces: ['Kim Jong Un'] },
      { key: 'p', type: 'place', name: 'Singapore', surfaces: ['Singapore'] },
    ],
    events: [
      { type: 'meeting', trigger: 'met', who: ['d'], whom: ['k'], where: ['p'], label: 'Trump meets Kim', date: '2024-03-03' },
      { type: 'statement', trigger: 'said', who: ['o'], label: 'Trump says talks went well', date: '2024-03-03' },
    ],
  },
];

function decisions(...list: object[]): CurationInput {
  const text = JSON.stringify({ version: 1, decisions: list }, null, 2);
  const file = parseCurationFile('/corpus/.newslens/curation.json', text);
  return { decisions: file.decisions, watchlists: [], diagnostics: file.diagnostics };
}

function curated(input: CurationInput): CorpusIndex {
  const index = buildIndex(CORPUS);
  index.setCuration(input);
  return index;
}

function names(index: CorpusIndex): string[] {
  return index
    .entities()
    .map((e) => `${e.id} ${e.name} ${e.mentionCount}/${e.articleCount}`)
    .sort();
}

function mentionsIn(index: CorpusIndex, articleId: string): string[] {
  return (index.article(articleId)?.mentions ?? []).map((m) => `${m.text}=${m.entity}`);
}

/** Everything a view shows, in a comparable form. */
function everything(index: CorpusIndex): unknown {
  const entities = [...index.entities()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    entities,
    list: index.entities().map((e) => e.id),
    articles: index.articles().map((a) => ({ id: a.article.id, mentions: a.mentions, events: a.events })),
    byEntity: entities.map((e) => [e.id, index.mentionsOf(e.id).map((m) => `${m.articleId}:${m.start}`), index.eventsOf(e.id).map((t) => t.event.id), index.related(e.id, 10)]),
    timeline: index.timeline().map((t) => [t.event.id, t.event.who, t.event.whom, t.event.where]),
    pairs: index.coOccurrences(),
    search: index.searchEntities('tr').map((e) => e.id),
    at: index.mentionsBetween('cricket', 0, 200).map((m) => m.entity),
  };
}

describe('curation: the analyst corrects the machine', () => {
  it('looks names up by the merge\'s slug (ASCII names by a shorter road to the same)', () => {
    for (const name of ['Sergei Lavrov', "  O'Brien & Co.  ", 'AT&T', '---', 'U.S.', 'José Müller', 'Łódź', 'Kim Jong-un', '北京', 'e\u0301', 'A\tB\nC', '']) assert.strictEqual(slugOf(name), slug(name), name);
  });

  it('applies nothing when there is nothing to apply', () => {
    const plain = buildIndex(CORPUS);
    const none = curated(NO_CURATION);
    assert.deepStrictEqual(everything(none), everything(plain));
    assert.ok(!plain.entities().some((e) => e.curated));
  });

  it('rename: the entity takes the new name (and id); the old name stays an alias that later decisions can use', () => {
    const index = curated(decisions({ op: 'rename', entity: 'Donald Trump', to: 'Donald J. Trump' }, { op: 'retype', entity: 'Donald Trump', to: 'person' }));
    const e = index.entity('person:donald-j-trump');
    assert.ok(e);
    assert.deepStrictEqual([e.name, e.aliases, e.curated, e.mentionCount], ['Donald J. Trump', ['Donald Trump'], true, 1]);
    assert.strictEqual(index.entity('person:donald-trump'), undefined);
    assert.deepStrictEqual(mentionsIn(index, 'summit').slice(0, 1), ['Donald Trump=person:donald-j-trump']);
    assert.deepStrictEqual(index.eventsOf(e.id).map((t) => t.event.label), ['Trump meets Kim']);
    assert.deepStrictEqual(index.correctionsOf(e.id), ['renamed from Donald Trump']);
    assert.deepStrictEqual(index.curationDiagnostics(), []);
  });

  it('retype: the entity changes type; its mentions, events and co-occurrences follow', () => {
    const index = curated(decisions({ op: 'retype', entity: 'Tesla', to: 'organization', note: 'the company' }));
    assert.strictEqual(index.entity('person:tesla'), undefined);
    const tesla = index.entity('organization:tesla');
    assert.ok(tesla?.curated);
    assert.deepStrictEqual(mentionsIn(index, 'markets').filter((m) => m.startsWith('Tesla')), ['Tesla=organization:tesla']);
    assert.deepStrictEqual(index.mentionsOf('organization:tesla').map((m) => m.articleId), ['markets']);
    assert.ok(!index.coOccurrences().some((p) => p.a === 'person:tesla' || p.b === 'person:tesla'));
  });

  it('merge: the entities named become one, under the name given, with every mention and event', () => {
    const index = curated(decisions({ op: 'merge', entities: ['Donald Trump', 'Trump'], into: 'Donald Trump' }));
    const trump = index.entity('person:donald-trump');
    assert.ok(trump);
    assert.deepStrictEqual([trump.mentionCount, trump.aliases, trump.curated], [2, ['Trump'], true]);
    assert.strictEqual(index.entity('organization:trump'), undefined);
    assert.deepStrictEqual(
      index.eventsOf(trump.id).map((t) => t.event.label).sort(),
      ['Trump meets Kim', 'Trump says talks went well'],
    );
    assert.deepStrictEqual(mentionsIn(index, 'summit'), ['Donald Trump=person:donald-trump', 'Kim Jong Un=person:kim-jong-un', 'Singapore=place:singapore', 'Trump=person:donald-trump']);
  });

  it('merge into a name no entity has yet: the most mentioned takes it', () => {
    const index = curated(decisions({ op: 'merge', entities: ['Donald Trump', 'Trump'], into: 'President Trump' }));
    const e = index.entity('person:president-trump');
    assert.ok(e);
    assert.deepStrictEqual(e.aliases, ['Donald Trump', 'Trump']);
  });

  it('detach: the alias’s mentions become an entity of their own, in every article', () => {
    const before = buildIndex(CORPUS);
    assert.strictEqual(before.entity('organization:european-central-bank')?.mentionCount, 3, 'the cricket board’s ECB was joined to the bank');
    const index = curated(decisions({ op: 'detach', entity: 'European Central Bank', alias: 'ECB' }));
    const bank = index.entity('organization:european-central-bank');
    const ecb = index.entity('organization:ecb');
    assert.ok(bank && ecb);
    assert.deepStrictEqual([bank.mentionCount, bank.aliases], [1, []]);
    assert.deepStrictEqual([ecb.mentionCount, ecb.articleCount, ecb.curated], [2, 2, true]);
    assert.deepStrictEqual(index.eventsOf(ecb.id).map((t) => t.event.label), ['ECB names captain', 'ECB says inflation fell'], 'events whose actor was only named by the alias follow it');
  });

  it('ignore: the entity and its mentions are gone everywhere', () => {
    const index = curated(decisions({ op: 'ignore', name: 'Skip Twitter' }));
    assert.strictEqual(index.entity('person:skip-twitter'), undefined);
    for (const id of ['markets', 'cricket']) assert.ok(!mentionsIn(index, id).some((m) => m.startsWith('Skip')), id);
    assert.ok(!index.searchEntities('skip').length);
  });

  it('add: the name and its aliases are found in every article on word boundaries, and win over overlapping machine mentions', () => {
    const index = curated(decisions({ op: 'add', name: 'Pieter de Vries', type: 'person', aliases: ['de Vries'] }));
    const pieter = index.entity('person:pieter-de-vries');
    assert.ok(pieter);
    assert.deepStrictEqual([pieter.mentionCount, pieter.aliases, pieter.curated], [2, ['de Vries'], true]);
    assert.strictEqual(index.entity('person:vries'), undefined, 'the machine’s partial name had no mention left');
    assert.deepStrictEqual(mentionsIn(index, 'cricket').slice(1, 3), ['Pieter de Vries=person:pieter-de-vries', 'de Vries=person:pieter-de-vries']);
    assert.deepStrictEqual(index.eventsOf(pieter.id).map((t) => t.event.label), ['de Vries proud'], 'the event of the replaced mention');
    const text = index.article('cricket')?.article.text ?? '';
    for (const m of index.article('cricket')?.mentions ?? []) assert.strictEqual(text.slice(m.start, m.end), m.text);
  });

  it('add: a name some entity has joins it; a later add wins over an earlier one where they overlap', () => {
    const index = curated(decisions({ op: 'add', name: 'ECB', type: 'organization' }, { op: 'add', name: 'The ECB', type: 'organization' }));
    assert.deepStrictEqual(
      mentionsIn(index, 'cricket').filter((m) => m.includes('ECB')),
      ['The ECB=organization:the-ecb'],
    );
    assert.deepStrictEqual(mentionsIn(index, 'markets').filter((m) => m.includes('ECB')), ['The ECB=organization:the-ecb']);
  });

  it('applies decisions in the order written', () => {
    const mergeFirst = curated(decisions({ op: 'merge', entities: ['Trump'], into: 'Donald Trump' }, { op: 'ignore', name: 'Trump' }));
    assert.strictEqual(mergeFirst.entity('person:donald-trump'), undefined, 'after the merge, "Trump" names Donald Trump, who is ignored');
    const ignoreFirst = curated(decisions({ op: 'ignore', name: 'Trump' }, { op: 'merge', entities: ['Trump'], into: 'Donald Trump' }));
    assert.strictEqual(ignoreFirst.entity('person:donald-trump')?.mentionCount, 1);
    assert.strictEqual(ignoreFirst.entity('organization:trump'), undefined);
    assert.strictEqual(ignoreFirst.curationDiagnostics().length, 1, 'the merge found no "Trump" left');
    const renamed = curated(decisions({ op: 'rename', entity: 'Tesla', to: 'Tesla Inc' }, { op: 'retype', entity: 'Tesla Inc', to: 'organization' }));
    assert.ok(renamed.entity('organization:tesla-inc'));
  });

  it('a type chooses among entities of one name; a name fits its own entity before an alias', () => {
    const index = curated(decisions({ op: 'rename', entity: 'Trump', type: 'organization', to: 'Trump Organization' }));
    assert.ok(index.entity('organization:trump-organization'));
    assert.strictEqual(index.entity('person:donald-trump')?.name, 'Donald Trump');
    const byName = curated(decisions({ op: 'retype', entity: 'Trump', to: 'place' }));
    assert.ok(byName.entity('place:trump'), 'the entity named Trump, not the one with it as alias');
  });

  it('renaming onto another entity’s name makes them one', () => {
    const index = curated(decisions({ op: 'retype', entity: 'Trump', to: 'person' }, { op: 'rename', entity: 'Trump', type: 'person', to: 'Donald Trump' }));
    assert.deepStrictEqual(names(index).filter((n) => n.includes('trump')), ['person:donald-trump Donald Trump 2/1']);
  });

  it('bad input: every problem is a warning at its line, and the rest applies', () => {
    const text = [
      '{ "version": 1, "decisions": [',
      '  { "op": "rename", "entity": "Tesla", "to": "Tesla Inc" },',
      '  { "op": "explode", "entity": "Tesla" },',
      '  { "op": "retype", "entity": "Tesla Inc" },',
      '  { "op": "ignore", "name": "Nobody At All" },',
      '  { "op": "add", "name": "Unknown Person" },',
      '  { "op": "ignore", "name": "Skip Twitter", "by": "ana", "note": "share bar" },',
      '  { "op": "merge", "entities": ["Trump"] },',
      '  { "op": "add", "name": "Zanzibar Holdings", "type": "organization" },',
      '  { "op": "detach", "entity": "Tesla Inc", "alias": "TSLA" },',
      '  { "op": "rename", "entity": "Tesla Inc", "type": "robot", "to": "X" },',
      '  "not an object",',
      '  { "op": "ignore", "name": "Kim Jong Un" }',
      '  { "op": "retype", "entity": "Singapore", "to": "organization" },',
      '  { "op": "rename", "entity": Singapore, "to": "Singapura" }',
      '] }',
    ].join('\n');
    const file = parseCurationFile('/c/.newslens/curation.json', text);
    const index = curated({ decisions: file.decisions, watchlists: [], diagnostics: file.diagnostics });
    const problems = index.curationDiagnostics().map((d) => `${d.line}: ${d.message}`);
    const at = (line: number, pattern: RegExp): void => assert.ok(problems.some((p) => p.startsWith(`${line}: `) && pattern.test(p)), `line ${line} ${pattern}: ${problems.join('\n')}`);
    at(3, /unknown op "explode"/);
    at(4, /retype needs "to"/);
    at(5, /no entity is named “Nobody At All”/);
    at(6, /give "type" to add a new one/);
    at(8, /merge needs "into"/);
    at(9, /“Zanzibar Holdings” is not found in any article/);
    at(10, /no mention of “TSLA” belongs to Tesla Inc/);
    at(11, /"type" must be one of/);
    at(12, /must be an object/);
    at(14, /malformed JSON \(CommaExpected\)/);
    at(15, /malformed JSON/);
    at(15, /rename needs "entity"/);
    assert.ok(index.curationDiagnostics().every((d) => d.severity === 'warning' && d.path === '/c/.newslens/curation.json'));
    assert.ok(index.entity('person:tesla-inc'), 'the first decision applied');
    assert.strictEqual(index.entity('person:skip-twitter'), undefined, 'decisions after the bad ones applied');
    assert.ok(index.entity('organization:singapore'), 'decisions around a syntax error applied');
    assert.strictEqual(index.entity('person:kim-jong-un'), undefined, 'decisions around a syntax error applied');
  });

  it('bad input: a file that is not JSON at all, or not a curation file, says so and applies nothing', () => {
    for (const [text, pattern] of [
      ['this is not json', /malformed JSON/],
      ['', /empty/],
      ['[1, 2]', /expected an object/],
      ['{ "version": 2, "decisions": {} }', /"decisions" must be a list/],
      ['{ "version": 1 }', /no "decisions" list/],
    ] as const) {
      const file = parseCurationFile('/c.json', text);
      assert.strictEqual(file.decisions.length, 0, text);
      assert.ok(file.diagnostics.some((d) => pattern.test(d.message) && d.line === 1), `${text}: ${JSON.stringify(file.diagnostics)}`);
      const index = curated({ decisions: file.decisions, watchlists: [], diagnostics: file.diagnostics });
      assert.deepStrictEqual(names(index), names(buildIndex(CORPUS)));
    }
    assert.match(parseCurationFile('/c.json', '{ "version": 2, "decisions": [] }').diagnostics[0].message, /version 2 is not known/);
  });

  it('add and watchlists leave page furniture alone, as the analysis and the merge do', () => {
    const footer = 'Follow Pieter de Vries on Radio Mondo.';
    const spec = (id: string, body: string): ArticleSpec => ({ id, title: id, source: 'Mondo', body: `${body}\n${footer}`, entities: [] });
    const corpus = [spec('one', 'Pieter de Vries won the vote.'), spec('two', 'Rain fell on the coast.'), spec('three', 'The market rose again.')];
    const index = buildIndex(corpus);
    index.setCuration(decisions({ op: 'add', name: 'Pieter de Vries', type: 'person' }));
    assert.deepStrictEqual(index.mentionsOf('person:pieter-de-vries').map((m) => `${m.articleId}:${m.start}`), ['one:5']);
    const { list } = parseWatchlist('/lists/people.csv', 'name,type,aliases\nPieter de Vries,person,\n');
    const listed = buildIndex(corpus);
    listed.setCuration({ decisions: [], watchlists: [list] });
    assert.deepStrictEqual(listed.mentionsOf('person:pieter-de-vries').map((m) => `${m.articleId}:${m.start}`), ['one:5']);
  });

  it('a change of decisions updates the views in place exactly as deriving them afresh would', () => {
    const steps: object[][] = [
      [{ op: 'rename', entity: 'Donald Trump', to: 'Donald J. Trump' }],
      [{ op: 'rename', entity: 'Donald Trump', to: 'Donald J. Trump' }, { op: 'merge', entities: ['Trump', 'Donald J. Trump'], into: 'Donald J. Trump' }],
      [{ op: 'detach', entity: 'European Central Bank', alias: 'ECB' }, { op: 'ignore', name: 'Skip Twitter' }],
      [{ op: 'add', name: 'Pieter de Vries', type: 'person', aliases: ['de Vries'] }, { op: 'retype', entity: 'Tesla', to: 'organization' }, { op: 'retype', entity: 'Singapore', to: 'date' }],
      [{ op: 'retype', entity: 'Kim Jong Un', to: 'place' }, { op: 'add', name: 'Thursday', type: 'date' }],
      [],
    ];
    const live = buildIndex(CORPUS);
    live.entities();
    for (const step of steps) {
      const input = decisions(...step);
      live.setCuration(input);
      assert.deepStrictEqual(everything(live), everything(curated(input)), JSON.stringify(step));
    }
    assert.deepStrictEqual(everything(live), everything(buildIndex(CORPUS)));
  });
});

/** A surname the merge keeps apart from the one full name it may be (possibleSame), and a name typed two ways. */
const MAYBE: ArticleSpec[] = [
  { id: 'ferry', title: 'Ferry resumes', body: 'Harbour director Ana Ribeiro reopened the ferry to Lisbon. Ana Ribeiro thanked Valmora Island.', entities: [
    { key: 'a', type: 'person', name: 'Ana Ribeiro', surfaces: ['Ana Ribeiro'] },
    { key: 'l', type: 'place', name: 'Lisbon', surfaces: ['Lisbon'] },
    { key: 'v', type: 'place', name: 'Valmora Island', surfaces: ['Valmora Island'] },
  ] },
  { id: 'porto', title: 'Breakwater plan', body: 'Ribeiro told reporters in Porto that the breakwater would hold.', entities: [
    { key: 'r', type: 'person', name: 'Ribeiro', surfaces: ['Ribeiro'] },
    { key: 'p', type: 'place', name: 'Porto', surfaces: ['Porto'] },
  ] },
];

function maybeLinks(index: CorpusIndex): string[] {
  return index
    .entities()
    .filter((e) => e.possibleSame)
    .map((e) => `${e.id} -> ${(e.possibleSame ?? []).join(', ')}`)
    .sort();
}

describe('curation: possibleSame links of the merge', () => {
  const maybeCurated = (...list: object[]): CorpusIndex => {
    const index = buildIndex(MAYBE);
    index.setCuration(decisions(...list));
    return index;
  };
  /** Every link names an entity the index has, never the entity itself. */
  const valid = (index: CorpusIndex): void => {
    for (const e of index.entities()) {
      for (const id of e.possibleSame ?? []) {
        assert.ok(index.entity(id), `${e.id} links to ${id}, which is gone`);
        assert.notStrictEqual(id, e.id);
      }
      assert.ok(!e.possibleSame || e.possibleSame.length > 0, `${e.id}: an empty possibleSame`);
    }
  };

  it('the merge links the surname to the full name it may be', () => {
    assert.deepStrictEqual(maybeLinks(buildIndex(MAYBE)), ['person:ana-ribeiro -> person:ribeiro', 'person:ribeiro -> person:ana-ribeiro']);
  });

  it('a link follows the entity it names when it is renamed or retyped', () => {
    const renamed = maybeCurated({ op: 'rename', entity: 'Ana Ribeiro', to: 'Ana Maria Ribeiro' });
    assert.deepStrictEqual(maybeLinks(renamed), ['person:ana-maria-ribeiro -> person:ribeiro', 'person:ribeiro -> person:ana-maria-ribeiro']);
    valid(renamed);
    const retyped = maybeCurated({ op: 'retype', entity: 'Ana Ribeiro', to: 'organization' });
    assert.deepStrictEqual(maybeLinks(retyped), ['organization:ana-ribeiro -> person:ribeiro', 'person:ribeiro -> organization:ana-ribeiro']);
    valid(retyped);
  });

  it('an entity rebuilt by a decision keeps its own links', () => {
    const index = maybeCurated({ op: 'rename', entity: 'Ribeiro', to: 'J. Ribeiro' }, { op: 'add', name: 'Valmora', type: 'place' });
    assert.deepStrictEqual(maybeLinks(index), ['person:ana-ribeiro -> person:j-ribeiro', 'person:j-ribeiro -> person:ana-ribeiro']);
    valid(index);
  });

  it('merging the two ends the link; merging one into a third carries it over', () => {
    const both = maybeCurated({ op: 'merge', entities: ['Ribeiro', 'Ana Ribeiro'], into: 'Ana Ribeiro' });
    assert.deepStrictEqual(maybeLinks(both), []);
    assert.strictEqual(both.entity('person:ana-ribeiro')?.mentionCount, 3);
    valid(both);
    const third = maybeCurated({ op: 'merge', entities: ['Ana Ribeiro', 'Valmora Island'], into: 'Valmora Island', type: undefined });
    valid(third);
    assert.ok(maybeLinks(third).every((l) => !l.includes('ana-ribeiro')), maybeLinks(third).join('; '));
  });

  it('a link to an entity that is gone (not an entity, or left with no mention) is dropped', () => {
    const ignored = maybeCurated({ op: 'ignore', name: 'Ana Ribeiro' });
    assert.deepStrictEqual(maybeLinks(ignored), []);
    assert.strictEqual(ignored.entity('person:ribeiro')?.possibleSame, undefined);
    valid(ignored);
    const taken = maybeCurated({ op: 'add', name: 'Ana Ribeiro', type: 'organization' });
    valid(taken);
    assert.deepStrictEqual(maybeLinks(taken), []);
  });

  it('a detached alias leaves the links where they were', () => {
    const index = maybeCurated({ op: 'merge', entities: ['Ribeiro', 'Porto'], into: 'Porto', type: undefined }, { op: 'detach', entity: 'Porto', alias: 'Ribeiro' });
    valid(index);
  });

  it('in place as afresh, and undone back to the merge\'s links', () => {
    const live = buildIndex(MAYBE);
    live.entities();
    const steps: object[][] = [
      [{ op: 'rename', entity: 'Ana Ribeiro', to: 'Ana Maria Ribeiro' }],
      [{ op: 'ignore', name: 'Ana Ribeiro' }],
      [{ op: 'merge', entities: ['Ribeiro', 'Ana Ribeiro'], into: 'Ana Ribeiro' }],
      [{ op: 'retype', entity: 'Ana Ribeiro', to: 'organization' }, { op: 'rename', entity: 'Ribeiro', to: 'J. Ribeiro' }],
    ];
    for (const step of steps) {
      const input = decisions(...step);
      live.setCuration(input);
      valid(live);
      assert.deepStrictEqual(everything(live), everything(maybeCurated(...step)), JSON.stringify(step));
    }
    live.setCuration(NO_CURATION);
    assert.deepStrictEqual(maybeLinks(live), maybeLinks(buildIndex(MAYBE)));
  });
});

describe('curation: watchlists', () => {
  it('reads CSV (name,type,aliases) and FollowTheMoney lines, reporting rows it cannot use at their line', () => {
    const csv = parseWatchlist('/lists/sanctions.csv', 'Name,Type,Aliases\n"Pieter de Vries",person,"de Vries;P. de Vries"\nTesla,Company,\nNobody,,\n,person,x\n"Bad ""quote,person\n');
    assert.deepStrictEqual(csv.list.entries, [
      { name: 'Pieter de Vries', type: 'person', aliases: ['de Vries', 'P. de Vries'] },
      { name: 'Tesla', type: 'organization', aliases: [] },
    ]);
    assert.strictEqual(csv.list.label, 'sanctions.csv');
    assert.deepStrictEqual(
      csv.diagnostics.map((d) => d.line),
      [4, 5, 6],
    );
    const ftm = parseWatchlist(
      '/lists/leak.ftm.json',
      [
        JSON.stringify({ id: '1', schema: 'Person', properties: { name: ['Kim Jong Un', 'Kim Jong-un'], alias: ['Kim'] } }),
        JSON.stringify({ id: '2', schema: 'Sanction', properties: { program: ['x'] } }),
        '{broken',
        JSON.stringify({ id: '3', schema: 'LegalEntity', properties: { name: ['Benavista Bowls Club'] } }),
        JSON.stringify({ id: '4', schema: 'Company', properties: {} }),
      ].join('\n'),
    );
    assert.deepStrictEqual(ftm.list.entries, [
      { name: 'Kim Jong Un', type: 'person', aliases: ['Kim Jong-un', 'Kim'] },
      { name: 'Benavista Bowls Club', type: 'organization', aliases: [] },
    ]);
    assert.deepStrictEqual(
      ftm.diagnostics.map((d) => d.line),
      [3, 5],
    );
  });

  it('finds every listed name in every article; its entities carry the list, machine or not', () => {
    const { list } = parseWatchlist('/lists/watch.csv', 'name,type,aliases\nPieter de Vries,person,de Vries\nKim Jong Un,person,\nNational Bank,organization,\nChampion,person,\n');
    const index = buildIndex(CORPUS);
    index.entities();
    index.setCuration({ decisions: [], watchlists: [list] });
    const fresh = buildIndex(CORPUS);
    fresh.setCuration(index.corrections);
    assert.deepStrictEqual(everything(index), everything(fresh), 'derived again from the merged corpus, without merging');
    assert.deepStrictEqual(everything(index.withCuration(NO_CURATION)), everything(buildIndex(CORPUS)));
    assert.deepStrictEqual(index.entity('person:pieter-de-vries')?.watchlists, ['watch.csv']);
    assert.strictEqual(index.entity('person:pieter-de-vries')?.mentionCount, 2);
    assert.strictEqual(index.entity('person:pieter-de-vries')?.curated, undefined, 'a list is not a decision');
    assert.deepStrictEqual(index.entity('person:kim-jong-un')?.watchlists, ['watch.csv']);
    assert.deepStrictEqual(index.entities().filter((e) => e.watchlists).length, 2);
    const decided = buildIndex(CORPUS);
    decided.setCuration({ decisions: decisions({ op: 'rename', entity: 'de Vries', to: 'P. de Vries' }).decisions, watchlists: [list] });
    assert.deepStrictEqual(decided.entity('person:p-de-vries')?.watchlists, ['watch.csv'], 'decisions apply after the lists');
  });

  it('a listed name inside a longer name the analysis found does not split it', () => {
    const { list } = parseWatchlist('/lists/w.csv', 'name,type,aliases\nCentral Bank,organization,\n');
    const index = buildIndex(CORPUS);
    index.setCuration({ decisions: [], watchlists: [list] });
    assert.strictEqual(index.entity('organization:central-bank'), undefined);
    assert.strictEqual(index.entity('organization:european-central-bank')?.mentionCount, 3);
  });
});
