import * as assert from 'assert';
import type { LocalEntity, LocalMention } from '../../../src/core/nlp/analysis';
import { typeCueAt, withEntityEvidence } from '../../../src/core/nlp/entityEvidence';

/** The cue for the first occurrence of `name` in `text`. */
function cue(text: string, name: string): string | undefined {
  const at = text.indexOf(name);
  return typeCueAt(text, at, at + name.length);
}

function found(text: string, names: [string, string, string?][]): { entities: LocalEntity[]; mentions: LocalMention[] } {
  const entities: LocalEntity[] = [];
  const mentions: LocalMention[] = [];
  for (const [surface, type, entityName = surface] of names) {
    const key = `${type}:${entityName.toLowerCase()}`;
    if (!entities.some((e) => e.key === key)) entities.push({ key, type: type as LocalEntity['type'], name: entityName, aliases: surface === entityName ? [] : [surface], roles: [] });
    let at = -1;
    while ((at = text.indexOf(surface, at + 1)) >= 0) {
      if (/\p{L}/u.test(text[at + surface.length] ?? '') || /\p{L}/u.test(text[at - 1] ?? '')) continue;
      if (mentions.some((m) => at < m.end && at + surface.length > m.start)) continue;
      mentions.push({ key, start: at, end: at + surface.length, text: surface });
    }
  }
  return { entities, mentions: mentions.sort((a, b) => a.start - b.start) };
}

describe('entity evidence: what the text around a name says', () => {
  it('cues to a person', () => {
    assert.strictEqual(cue('He met Mr. Trump on Friday.', 'Trump'), 'person');
    assert.strictEqual(cue('Founder Elon Musk said so.', 'Elon Musk'), 'person');
    assert.strictEqual(cue('Musk, 46, made the announcement.', 'Musk'), 'person');
    assert.strictEqual(cue("Trump's wife arrived.", 'Trump'), 'person');
    assert.strictEqual(cue('Silverman said she was sad.', 'Silverman'), 'person');
  });

  it('reads no person around a name that is a body\'s by its last word', () => {
    assert.strictEqual(cue('A spokesperson for the San Francisco Police Department said he may have been detained.', 'San Francisco Police Department'), undefined);
    assert.strictEqual(cue("Blackground Records' lawyer Frank Penski said so.", 'Blackground Records'), undefined);
    assert.strictEqual(cue("The Transport and General Workers' Union's members voted.", "Transport and General Workers' Union"), undefined);
    assert.strictEqual(cue('The Sunday Times, who broke the story, said so.', 'Sunday Times'), undefined);
    assert.strictEqual(cue('Jane Bank said she was sad.', 'Jane Bank'), undefined, 'a surname that is a body\'s word gets no cue either way');
    assert.strictEqual(cue('Jane Smith said she was sad.', 'Jane Smith'), 'person');
  });

  it('reads a post on a staff after a name as a cue to a club or firm', () => {
    assert.strictEqual(cue('Fulham boss Chris Coleman was pleased.', 'Fulham'), 'organization');
    assert.strictEqual(cue('Leinster centre Brian Healy scored twice.', 'Leinster'), 'organization');
    assert.strictEqual(cue('Chelsea manager said nothing.', 'Chelsea'), undefined, 'only before a name');
  });

  it('reads a title inside the mention as a cue to a person, whatever place shares the name', () => {
    assert.strictEqual(cue('The plan, Mr Houston argued, would cost jobs.', 'Mr Houston'), 'person');
    assert.strictEqual(cue('Dr. Fox will lead the campaign.', 'Dr. Fox'), 'person');
    assert.strictEqual(cue('Flights to Houston were cancelled.', 'Houston'), undefined);
    assert.strictEqual(cue('The band Sister Sledge played on.', 'Sister Sledge'), undefined, 'a word that also begins bands and feasts is no title');
  });

  it('cues to an organization', () => {
    assert.strictEqual(cue('Shares of Tesla fell 3%.', 'Tesla'), 'organization');
    assert.strictEqual(cue('The electric carmaker Tesla said so.', 'Tesla'), 'organization');
    assert.strictEqual(cue("Equifax's shareholders were angry.", 'Equifax'), 'organization');
    assert.strictEqual(cue('Tesla shares rose.', 'Tesla'), 'organization');
  });

  it('cues to a body in the words right after its name', () => {
    assert.strictEqual(cue('Telegram CEO Pavel Durov said the apps would return.', 'Telegram'), 'organization');
    assert.strictEqual(cue('Emails sent by Amazon employees were found.', 'Amazon'), 'organization');
    assert.strictEqual(cue('Band Aid founder Bob Geldof spoke.', 'Band Aid'), 'organization');
    assert.strictEqual(cue('Tesla shares fell 3%.', 'Tesla'), 'organization');
    assert.strictEqual(cue('Simon Rubinsohn, chief economist at Gerrard, said so.', 'Gerrard'), 'organization');
    assert.strictEqual(cue('Tony Macklin, director of product at Ask Jeeves, pointed out.', 'Ask Jeeves'), 'organization');
    assert.strictEqual(cue('The match at Wembley ended in a draw.', 'Wembley'), undefined);
  });

  it('cues to a place', () => {
    assert.strictEqual(cue('The firm is based in Panama.', 'Panama'), 'place');
    assert.strictEqual(cue('A Panama-based law firm.', 'Panama'), 'place');
    assert.strictEqual(cue('The girls were taken from the town of Chibok in 2014.', 'Chibok'), 'place');
    assert.strictEqual(cue('The families from the suburb of Scarsdale were on board.', 'Scarsdale'), 'place');
    assert.strictEqual(cue('The University of Chicago said.', 'Chicago'), undefined);
    assert.strictEqual(cue('Floods hit Sichuan province on Monday.', 'Sichuan'), 'place');
    assert.strictEqual(cue('A gunman in Nevada state killed 58.', 'Nevada'), 'place');
    assert.strictEqual(cue('Protesters gathered outside the US embassy.', 'US'), 'place');
  });

  it('no cue where the words say nothing of the type', () => {
    assert.strictEqual(cue('Tesla said it would build a plant.', 'Tesla'), undefined);
    assert.strictEqual(cue('He faced his rival Nico Rosberg.', 'Nico Rosberg'), undefined);
    assert.strictEqual(cue('She lived in Trump’s shadow.', 'Trump'), undefined);
  });

  it('counts the cues of each name into its entity', () => {
    const text = 'Shares of Tesla fell. Tesla shares rose. Tesla said nothing.';
    const out = withEntityEvidence(text, ...Object.values(found(text, [['Tesla', 'person']])) as [LocalEntity[], LocalMention[]]);
    assert.deepStrictEqual(out.entities[0].cues, { organization: 2 });
  });

  it('marks the bodies and places whose name is a known place\'s, whatever the recogniser read', () => {
    const text = 'Texas beat Boston. Milan Kundera wrote in Arsenal.';
    const out = withEntityEvidence(text, ...Object.values(found(text, [['Texas', 'organization'], ['Boston', 'place'], ['Milan Kundera', 'person'], ['Arsenal', 'organization']])) as [LocalEntity[], LocalMention[]]);
    assert.deepStrictEqual(
      out.entities.map((e) => [e.name, e.placeName]),
      [['Texas', true], ['Boston', true], ['Milan Kundera', undefined], ['Arsenal', undefined]],
    );
  });

  it('completes a hyphenated given name cut short, and not a name made an adjective', () => {
    const text = 'Kim Jong-un spoke. Kim Jong-un left. Kim said so. President Moon Jae-In agreed. The Moon Jae-era began.';
    const f = found(text, [
      ['Kim Jong', 'person'],
      ['Kim', 'person', 'Kim Jong'],
      ['Moon Jae', 'person'],
    ]);
    const out = withEntityEvidence(text, f.entities, f.mentions);
    assert.deepStrictEqual(
      out.entities.map((e) => e.name).sort(),
      ['Kim Jong-un', 'Moon Jae'],
    );
    assert.deepStrictEqual(
      out.mentions.map((m) => m.text),
      ['Kim Jong-un', 'Kim Jong-un', 'Kim', 'Moon Jae', 'Moon Jae'],
    );
    for (const m of out.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
  });

  it('gives a listed body its mention back from a person: "UN" is not Kim Jong Un', () => {
    const text = 'Kim Jong Un fired a missile.\nUN IN FOCUS\nThe UN met.';
    const f = found(text, [
      ['Kim Jong Un', 'person'],
      ['UN', 'person', 'Kim Jong Un'],
    ]);
    const out = withEntityEvidence(text, f.entities, f.mentions);
    const un = out.mentions.filter((m) => m.text === 'UN').map((m) => m.key);
    assert.deepStrictEqual(un, ['organization:united nations', 'organization:united nations']);
    assert.deepStrictEqual(
      out.entities.find((e) => e.name === 'Kim Jong Un')?.aliases,
      [],
    );
  });

  it('drops a name that runs across a spaced dash, and the entity left without mentions', () => {
    const text = 'GALAXY S9: WHAT WE KNOW - Sneak peek at CES.';
    const f = found(text, [['KNOW - Sneak', 'organization']]);
    const out = withEntityEvidence(text, f.entities, f.mentions);
    assert.deepStrictEqual([out.entities, out.mentions], [[], []]);
  });

  it('an acronym the article defines stands for its expansion throughout the article', () => {
    const text = 'The Benavista Bowls Club (BBC) won. BBC captain Ellis spoke. Tesla (TSLA) rose; the Foo Bar (XYZ) fell.';
    const f = found(text, [
      ['Benavista Bowls Club', 'organization'],
      ['BBC', 'organization'],
      ['Tesla', 'organization'],
      ['TSLA', 'organization'],
      ['Foo Bar', 'organization'],
      ['XYZ', 'organization'],
    ]);
    const out = withEntityEvidence(text, f.entities, f.mentions);
    assert.deepStrictEqual(
      out.mentions.map((m) => `${m.text}=${m.key}`),
      ['Benavista Bowls Club=organization:benavista bowls club', 'BBC=organization:benavista bowls club', 'BBC=organization:benavista bowls club', 'Tesla=organization:tesla', 'TSLA=organization:tesla', 'Foo Bar=organization:foo bar', 'XYZ=organization:xyz'],
    );
    assert.deepStrictEqual(out.entities.find((e) => e.name === 'Benavista Bowls Club')?.aliases, ['BBC']);
    assert.ok(!out.entities.some((e) => e.name === 'BBC' || e.name === 'TSLA'));
  });

  it('drops a participle opening a sentence, and keeps names that end alike', () => {
    const text = 'Following these claims, he left. Beijing has agreed. Reading the report, Sterling smiled. Beijing the capital.';
    const f = found(text, [
      ['Following', 'person'],
      ['Beijing', 'place'],
      ['Reading', 'place'],
      ['Sterling', 'person'],
    ]);
    const out = withEntityEvidence(text, f.entities, f.mentions);
    assert.deepStrictEqual(
      out.entities.map((e) => e.name),
      ['Beijing', 'Sterling'],
    );
  });
});
