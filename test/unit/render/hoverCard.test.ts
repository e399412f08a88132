import * as assert from 'assert';
import { entityHoverCard, latestEvents } from '../../../src/core/render/hoverCard';
import { buildIndex, HOSTILE, TWO_ARTICLES } from '../support/builtIndex';

const COMMANDS = { revealEntity: 'newsLens.revealEntity', showMentions: 'newsLens.showMentions', openSummaries: 'newsLens.openSummaries' };

/** The links of a markdown text: [label](target "title"). */
function links(md: string): { label: string; target: string }[] {
  return [...md.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^ )]+)/g)].map((m) => ({ label: m[1], target: m[2] }));
}

describe('render: entity hover card', () => {
  it('shows name, type, role, aliases, counts, co-occurring entities and latest events', () => {
    const index = buildIndex(TWO_ARTICLES);
    const lavrov = index.entity('person:sergei-lavrov');
    assert.ok(lavrov);
    const card = entityHoverCard(index, lavrov, COMMANDS);
    const md = card.markdown;
    assert.match(md, /^\$\(person\) \*\*Sergei Lavrov\*\* · Person · \*Russian Foreign Minister\*\n/);
    assert.match(md, /\n5 mentions in 2 articles · Also: Lavrov\n/);
    assert.match(md, /\*\*Often with:\*\* (S Jaishankar|New Delhi|India|Russia|United Nations|New York) \(\d+\)/);
    // The dated meeting comes before the undated statement.
    const meets = md.indexOf('2024\\-01\\-31 — Lavrov meets Jaishankar \\(New Delhi\\)');
    const speaks = md.indexOf('undated — Lavrov speaks at the United Nations \\(New York\\)');
    assert.ok(meets > 0 && speaks > meets, md);
  });

  it('links only to the commands it allows, with the entity id as argument', () => {
    const index = buildIndex(TWO_ARTICLES);
    const lavrov = index.entity('person:sergei-lavrov');
    assert.ok(lavrov);
    const card = entityHoverCard(index, lavrov, COMMANDS);
    const found = links(card.markdown);
    assert.deepStrictEqual(found.map((l) => l.label), ['Reveal in Tree', 'Show All Mentions', 'Open Summaries']);
    for (const l of found) {
      const [command, query] = l.target.replace(/^command:/, '').split('?');
      assert.ok(card.enabledCommands.includes(command), command);
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(query)), ['person:sergei-lavrov']);
    }
    assert.deepStrictEqual(card.enabledCommands, Object.values(COMMANDS));
    const at = links(entityHoverCard(index, lavrov, COMMANDS, { mentionsAt: ['file:///a%20b.txt', 3, 7] }).markdown)[1];
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(at.target.split('?')[1])), ['person:sergei-lavrov', 'file:///a%20b.txt', 3, 7]);
  });

  it('escapes hostile names, roles, aliases and event labels: no extra links, HTML or icons', () => {
    const index = buildIndex([HOSTILE]);
    for (const entity of index.entities()) {
      const md = entityHoverCard(index, entity, COMMANDS).markdown;
      assert.strictEqual(links(md).length, 3, `only our three links in:\n${md}`);
      assert.doesNotMatch(md, /(?<!\\)</, 'no raw HTML');
      assert.doesNotMatch(md, /(?<!\\)\$\((?!person\)|organization\))/, 'no icon syntax from the text');
      assert.doesNotMatch(md, /(?<!\\)https?(?<!\\):\/\//, 'no autolink');
      assert.doesNotMatch(md, /(?<!\\)\*\*Evil/, 'no emphasis from the text');
    }
  });

  it('orders dated events newest first, undated last', () => {
    const index = buildIndex(TWO_ARTICLES);
    const entries = index.eventsOf('person:sergei-lavrov');
    assert.deepStrictEqual(latestEvents(entries, 5).map((e) => e.date), ['2024-01-31', null]);
    assert.strictEqual(latestEvents(entries, 1).length, 1);
  });
});
