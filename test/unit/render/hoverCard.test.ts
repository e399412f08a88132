import * as assert from 'assert';
import { entityHoverCard, entityTooltip, latestEvents } from '../../../src/core/render/hoverCard';
import { parseCurationFile } from '../../../src/core/corpus/curationFile';
import { parseWatchlist } from '../../../src/core/corpus/watchlists';
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
    // The statement has no date of its own: it is filed under its article's date, newer than the meeting.
    const speaks = md.indexOf('10 February 2024 — Lavrov speaks at the United Nations \\(New York\\)');
    const meets = md.indexOf('31 January 2024 — Lavrov meets Jaishankar \\(New Delhi\\)');
    assert.ok(speaks > 0 && meets > speaks, md);
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

  it('orders events newest first by their own date, else their article date, and undated last', () => {
    const index = buildIndex(TWO_ARTICLES);
    const [meeting, statement] = [...index.eventsOf('person:sergei-lavrov')].sort((a, b) => a.event.type.localeCompare(b.event.type));
    assert.deepStrictEqual([meeting.date, statement.date, statement.articleDate], ['2024-01-31', null, '2024-02-10']);
    const undated = { ...statement, articleDate: null };
    const older = { ...meeting, date: '2023-05-01' };
    assert.deepStrictEqual(latestEvents([undated, older, meeting, statement], 5), [statement, meeting, older, undated]);
    assert.strictEqual(latestEvents([meeting, statement], 1).length, 1);
  });

  it('names the entities it may be, each a link revealing it, and says so in the tree tooltip', () => {
    const index = buildIndex([
      { id: 'ferry', title: 'Ferry resumes', body: 'Harbour director Ana Ribeiro reopened the ferry to Lisbon. Ana Ribeiro thanked Valmora Island.', entities: [
        { key: 'person:ana ribeiro', type: 'person', name: 'Ana Ribeiro', surfaces: ['Ana Ribeiro'] },
        { key: 'place:lisbon', type: 'place', name: 'Lisbon', surfaces: ['Lisbon'] },
        { key: 'place:valmora island', type: 'place', name: 'Valmora Island', surfaces: ['Valmora Island'] },
      ] },
      { id: 'porto', title: 'Breakwater plan', body: 'Ribeiro told reporters in Porto that the breakwater would hold.', entities: [
        { key: 'person:ribeiro', type: 'person', name: 'Ribeiro', surfaces: ['Ribeiro'] },
        { key: 'place:porto', type: 'place', name: 'Porto', surfaces: ['Porto'] },
      ] },
    ]);
    const ribeiro = index.entity('person:ribeiro');
    assert.ok(ribeiro, index.entities().map((e) => e.id).join(', '));
    assert.deepStrictEqual(ribeiro.possibleSame, ['person:ana-ribeiro']);
    const card = entityHoverCard(index, ribeiro, COMMANDS);
    assert.match(card.markdown, /\n\*\*Possibly the same as:\*\* \[Ana Ribeiro\]\(command:newsLens\.revealEntity\?[^)]*\) \(Person\)\n/);
    const reveal = links(card.markdown).find((l) => l.label === 'Ana Ribeiro');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(reveal?.target.split('?')[1] ?? '')), ['person:ana-ribeiro']);
    assert.match(entityTooltip(index, ribeiro), /Possibly the same as: Ana Ribeiro \(Person\)/);
  });

  it('offers the corrections on a line of their own, allowed by id, and says what lists and decisions did', () => {
    const index = buildIndex(TWO_ARTICLES);
    const decisions = parseCurationFile('/c.json', JSON.stringify({ version: 1, decisions: [{ op: 'rename', entity: 'Lavrov', to: 'Sergey Lavrov' }] })).decisions;
    const { list } = parseWatchlist('/lists/[x](command:evil).csv', 'name,type,aliases\nSergei Lavrov,person,\n');
    index.setCuration({ decisions, watchlists: [list] });
    const lavrov = index.entity('person:sergey-lavrov');
    assert.ok(lavrov);
    const corrections = { rename: 'nl.rename', retype: 'nl.retype', merge: 'nl.merge', detach: 'nl.detach', ignore: 'nl.ignore' };
    const card = entityHoverCard(index, lavrov, { ...COMMANDS, corrections });
    assert.deepStrictEqual(
      links(card.markdown).map((l) => l.label),
      ['Reveal in Tree', 'Show All Mentions', 'Open Summaries', 'Rename…', 'Change Type…', 'Merge Into…', 'Detach Alias…', 'Not an Entity'],
    );
    assert.deepStrictEqual(card.enabledCommands, [...Object.values(COMMANDS), ...Object.values(corrections)]);
    assert.match(card.markdown, /\n\$\(eye\) On watchlist: \\\[x\\\]\\\(command\\:evil\\\)\\\.csv\n/);
    assert.match(card.markdown, /\n\$\(edit\) Corrected: renamed from Sergei Lavrov\n/);
    const plain = index.entity('place:new-delhi');
    assert.ok(plain);
    assert.ok(!entityHoverCard(index, plain, { ...COMMANDS, corrections }).enabledCommands.includes('nl.detach'), 'no alias, no Detach Alias');
  });
});
