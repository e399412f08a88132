import * as assert from 'assert';
import { isFurnitureName, scoreIdentity } from '../../../scripts/tools/identityScore';

const gold = {
  entities: [
    { id: 'uma', type: 'person', names: ['Uma Thurman', 'Thurman'], articles: ['a1', 'a2', 'a3'] },
    { id: 'robert', type: 'person', names: ['Robert Thurman'], articles: ['a3'] },
    { id: 'tesla', type: 'organization', names: ['Tesla'], articles: ['a1'], namesIn: { a1: ['Tesla'] } },
  ],
};

describe('eval:identity: pairwise scores of "same entity" decisions', () => {
  it('is perfect when every gold entity is one of ours and no two are', () => {
    const s = scoreIdentity(gold, [
      { id: 'a1-long-id', mentions: [{ entity: 'p:uma', text: 'Uma Thurman' }, { entity: 'o:tesla', text: 'Tesla' }] },
      { id: 'a2', mentions: [{ entity: 'p:uma', text: "Thurman's" }] },
      { id: 'a3', mentions: [{ entity: 'p:uma', text: 'thurman' }, { entity: 'p:robert', text: 'Robert Thurman' }] },
    ]);
    assert.deepStrictEqual([s.precision, s.recall, s.items, s.found, s.goldPairs], [1, 1, 5, 5, 5]);
  });

  it('a split costs recall, a merge costs precision, and each is listed', () => {
    const s = scoreIdentity(gold, [
      { id: 'a1', mentions: [{ entity: 'p:uma', text: 'Uma Thurman' }] },
      { id: 'a2', mentions: [{ entity: 'o:thurman', text: 'Thurman' }] },
      { id: 'a3', mentions: [{ entity: 'p:robert', text: 'Thurman' }, { entity: 'p:robert', text: 'Robert Thurman' }] },
    ]);
    // Items: uma/a1/p:uma, uma/a2/o:thurman, uma/a3/p:robert, robert/a3/p:robert. Gold pairs: 3 (uma);
    // ours: 1 (p:robert holds uma and robert), right: 0.
    assert.deepStrictEqual([s.precision, s.recall], [0, 0]);
    assert.deepStrictEqual([...s.splits.keys()], ['uma']);
    assert.deepStrictEqual([...s.merges.keys()], ['p:robert']);
  });

  it('names page furniture by its first word', () => {
    for (const n of ['Skip Twitter', 'GETTY Bitcoin', 'Images Massa', 'Advertisement Continue', 'KNOW']) assert.ok(isFurnitureName(n), n);
    for (const n of ['Elon Musk', 'Glenn Close', 'Following', 'Sharon Stone', 'Credit Suisse']) assert.ok(!isFurnitureName(n), n);
  });
});
