import * as assert from 'assert';
import { mentionChanges } from '../../../scripts/tools/diffMentions';

describe('diff:mentions: what a change did to the names of a corpus', () => {
  const entities = [
    { id: 'place:us', type: 'place' },
    { id: 'organization:us', type: 'organization' },
    { id: 'organization:google', type: 'organization' },
  ];
  const us = (start: number, entity = 'place:us'): { entity: string; start: number; end: number; text: string } => ({ entity, start, end: start + 2, text: 'US' });

  it('counts mentions retyped, dropped and found, by type and text, most first', () => {
    const before = {
      entities,
      articles: [
        { id: 'a', mentions: [us(0), us(10), { entity: 'organization:google', start: 20, end: 26, text: 'Google' }] },
        { id: 'b', mentions: [us(0)] },
      ],
    };
    const after = {
      entities,
      articles: [
        { id: 'a', mentions: [us(0, 'organization:us'), us(10, 'organization:us'), { entity: 'organization:google', start: 30, end: 36, text: 'Google' }] },
        { id: 'b', mentions: [us(0)] },
      ],
    };
    const c = mentionChanges(before, after);
    assert.strictEqual(c.same, 1);
    assert.deepStrictEqual(c.lost, [['place US', 2], ['organization Google', 1]]);
    assert.deepStrictEqual(c.gained, [['organization US', 2], ['organization Google', 1]]);
  });

  it('finds nothing changed between an output and itself', () => {
    const json = { entities, articles: [{ id: 'a', mentions: [us(0), us(5)] }] };
    assert.deepStrictEqual(mentionChanges(json, json), { same: 2, lost: [], gained: [] });
  });
});
