import * as assert from 'assert';
import { buildIndex } from '../../../src/core/index/build';
import { nodeSource } from '../../../src/core/corpus/nodeSource';
import { toAnalysisJson } from '../../../src/core/render/analysisJson';
import type { AnalysisJson } from '../../../src/core/render/analysisJson';
import { SEED_DIR } from '../paths';

describe('entities: the seed article through the analyze JSON', () => {
  let json: AnalysisJson;
  before(async () => {
    const { index } = await buildIndex(nodeSource, [SEED_DIR]);
    json = toAnalysisJson(index);
  });
  const ofType = (type: string): string[] => json.entities.filter((e) => e.type === type).map((e) => e.name);

  it('finds exactly two people, with their short forms as aliases and Foreign Minister roles', () => {
    const people = json.entities.filter((e) => e.type === 'person');
    assert.deepStrictEqual(people.map((p) => p.name).sort(), ['S Jaishankar', 'Sergei Lavrov']);
    const lavrov = people.find((p) => p.name === 'Sergei Lavrov');
    const jaishankar = people.find((p) => p.name === 'S Jaishankar');
    assert.ok(lavrov?.aliases.includes('Lavrov'), `Lavrov aliases: ${lavrov?.aliases}`);
    assert.ok(jaishankar?.aliases.includes('Jaishankar'), `Jaishankar aliases: ${jaishankar?.aliases}`);
    assert.ok(lavrov?.roles.some((r) => r.includes('Foreign Minister')), `Lavrov roles: ${lavrov?.roles}`);
    assert.ok(jaishankar?.roles.some((r) => r.includes('Foreign Minister')), `Jaishankar roles: ${jaishankar?.roles}`);
    assert.ok((lavrov?.mentionCount ?? 0) >= 9, 'every later "Lavrov" is a mention of him');
  });

  it('finds the places, including those named only by a region or a demonym', () => {
    const places = ofType('place');
    for (const p of ['Russia', 'India', 'Moscow', 'Afghanistan', 'Syria', 'Iran', 'Korean Peninsula', 'Middle East', 'North Africa', 'United States', 'Japan', 'Australia']) {
      assert.ok(places.includes(p), `${p} missing from ${places.join(', ')}`);
    }
    assert.ok(!places.includes('state of Russia') && !places.some((p) => p.endsWith(',')));
  });

  it('finds the organizations', () => {
    const orgs = ofType('organization');
    for (const o of ['UN Security Council', 'United Nations', 'G20', 'BRICS', 'Shanghai Cooperation Organization', 'Quadrilateral Security Dialogue']) {
      assert.ok(orgs.includes(o), `${o} missing from ${orgs.join(', ')}`);
    }
  });

  it('links nationalities to their place and resolves "next year" against the article date', () => {
    const iranian = json.entities.find((e) => e.type === 'nationality' && e.name === 'Iranian');
    assert.strictEqual(iranian?.place, 'place:iran');
    const next = json.entities.find((e) => e.type === 'date' && e.aliases.includes('next year'));
    assert.strictEqual(next?.value, '2025');
  });

  it('has no entity name ending in punctuation and every mention slices to its text', () => {
    for (const e of json.entities) assert.ok(!/[\p{P}]$/u.test(e.name), `"${e.name}" ends in punctuation`);
    for (const a of json.articles) {
      assert.ok(a.mentions.length > 50);
      for (const m of a.mentions) assert.strictEqual(a.text.slice(m.start, m.end), m.text);
      for (const m of a.mentions) assert.ok(json.entities.some((e) => e.id === m.entity), `mention of unknown entity ${m.entity}`);
    }
  });
});
