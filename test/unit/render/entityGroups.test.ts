import * as assert from 'assert';
import { nameOrder } from '../../../src/core/index/views';
import type { Entity } from '../../../src/core/model/types';
import { entityDescription, groupEntities, matchesFilter, withArticle } from '../../../src/core/render/entityGroups';
import { buildIndex, TWO_ARTICLES } from '../support/builtIndex';

describe('render: entity groups for the tree', () => {
  it('groups by type in a fixed order with the most mentioned first', () => {
    const index = buildIndex(TWO_ARTICLES);
    const groups = groupEntities(index.entities(), 'mentions');
    assert.deepStrictEqual(groups.map((g) => g.label), ['People', 'Organizations', 'Places']);
    assert.deepStrictEqual(groups[0].entities.map((e) => e.name), ['Sergei Lavrov', 'S Jaishankar']);
  });

  it('sorts by name on request and filters by name, alias or role', () => {
    const index = buildIndex(TWO_ARTICLES);
    const byName = groupEntities(index.entities(), 'name');
    assert.deepStrictEqual(byName[0].entities.map((e) => e.name), ['S Jaishankar', 'Sergei Lavrov']);
    assert.deepStrictEqual(groupEntities(index.entities(), 'mentions', 'indian foreign').flatMap((g) => g.entities.map((e) => e.name)), ['S Jaishankar']);
    assert.deepStrictEqual(groupEntities(index.entities(), 'mentions', 'UN').flatMap((g) => g.entities.map((e) => e.name)), ['United Nations']);
    assert.deepStrictEqual(groupEntities(index.entities(), 'mentions', 'zzz'), []);
  });

  it('orders names as the collator does (case and accents aside), ties on mentions by name', () => {
    const names = ['Émile Zola', 'emma Stone', 'Emma Stone', 'Zoë Ball', 'Zoe Adams', 'Åsa Larsson', 'Abe Shinzo', 'de Gaulle', 'De Niro', 'Ólafur', 'Olaf', "O'Brien", 'Obama', 'Müller', 'Mueller', 'MUSK'];
    const people: Entity[] = names.map((name, i) => ({ id: `person:${i}`, type: 'person', name, aliases: [], roles: [], mentionCount: 1 + (i % 2) }) as unknown as Entity);
    const byName = groupEntities(people, 'name')[0].entities.map((e) => e.name);
    assert.deepStrictEqual(byName, [...names].sort(nameOrder));
    const byMentions = groupEntities(people, 'mentions')[0].entities.map((e) => e.name);
    const collated = (n: number) => people.filter((p) => p.mentionCount === n).map((p) => p.name).sort(nameOrder);
    assert.deepStrictEqual(byMentions, [...collated(2), ...collated(1)]);
    const kept = new Map(people.map((p) => [p.id, 3 - p.mentionCount]));
    assert.deepStrictEqual(groupEntities(people, 'mentions', '', kept)[0].entities.map((e) => e.name), [...collated(1), ...collated(2)]);
  });

  it('describes an entity by its role, else by its mentions', () => {
    const index = buildIndex(TWO_ARTICLES);
    assert.strictEqual(entityDescription(index.entity('person:sergei-lavrov')!), 'Russian Foreign Minister');
    assert.strictEqual(entityDescription(index.entity('place:new-delhi')!), '1 mention');
    assert.strictEqual(entityDescription(index.entity('organization:united-nations')!), '2 mentions');
    assert.ok(matchesFilter(index.entity('person:sergei-lavrov')!, ''));
  });

  it('lists only the entities a date or source filter keeps, ordered and described by their mentions there', () => {
    const index = buildIndex(TWO_ARTICLES);
    const kept = new Map([
      ['organization:united-nations', 2],
      ['person:sergei-lavrov', 2],
      ['place:new-york', 1],
    ]);
    const groups = groupEntities(index.entities(), 'mentions', '', kept);
    assert.deepStrictEqual(groups.map((g) => [g.label, g.entities.map((e) => e.name)]), [
      ['People', ['Sergei Lavrov']],
      ['Organizations', ['United Nations']],
      ['Places', ['New York']],
    ]);
    assert.strictEqual(entityDescription(index.entity('place:new-york')!, 1), '1 of 1 mention');
    assert.strictEqual(entityDescription(index.entity('organization:united-nations')!, 2), '2 of 2 mentions');
  });

  it('puts "a" or "an" before a type name in a message', () => {
    assert.deepStrictEqual(['organization', 'event', 'person', 'place', 'date'].map(withArticle), ['an organization', 'an event', 'a person', 'a place', 'a date']);
  });
});
