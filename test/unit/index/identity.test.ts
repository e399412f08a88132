import * as assert from 'assert';
import { decideType, distinctiveWords, isAcronym, localType, nameKey, withoutGeneration, withoutLegalForm, withoutMiddleInitials } from '../../../src/core/index/identity';

describe('identity: the rules that make two names one', () => {
  it('spelling: case, accents, hyphens, full stops and possessives do not make another name', () => {
    const k = nameKey('Kim Jong Un').key;
    for (const v of ['Kim Jong-un', 'Kim Jong-Un', 'KIM JONG UN', "Kim Jong Un's"]) assert.strictEqual(nameKey(v).key, k, v);
    assert.strictEqual(nameKey('François Hollande').key, nameKey('Francois Hollande').key);
    assert.strictEqual(nameKey('St. Louis').key, nameKey('St Louis').key);
    assert.notStrictEqual(nameKey('Kim Jong Il').key, k);
  });

  it('the gazetteer: "U.S.", "US", "USA" and "United States" are listed as one place', () => {
    for (const v of ['U.S.', 'US', 'USA', 'United States']) assert.deepStrictEqual(nameKey(v), { key: 'united states', listed: { name: 'United States', type: 'place' } }, v);
    assert.deepStrictEqual(nameKey('UN').listed, { name: 'United Nations', type: 'organization' });
  });

  it('national bodies: "NASA" and "National Aeronautics and Space Administration" are one listed body; an unlisted acronym is itself', () => {
    const nasa = nameKey('National Aeronautics and Space Administration');
    assert.deepStrictEqual(nasa.listed, { name: 'NASA', type: 'organization' });
    for (const v of ['NASA', "NASA's"]) assert.deepStrictEqual(nameKey(v), nasa, v);
    for (const v of ['Justice Department', 'DOJ', 'U.S. Justice Department']) assert.strictEqual(nameKey(v).key, nameKey('Department of Justice').key, v);
    assert.deepStrictEqual(nameKey('SEC'), { key: 'sec' });
  });

  it('courtesy titles in front: "Mr Trump", "Mr. Trump" and "Dr. Trump" are "Trump"; a lone title stays a name', () => {
    for (const v of ['Mr Trump', 'Mr. Trump', 'Dr. Trump', 'Mrs Trump']) assert.strictEqual(nameKey(v).key, 'trump', v);
    assert.strictEqual(nameKey('Lord').key, 'lord');
  });

  it('a role or an owner in front of a full name; not a role opening a body\'s name', () => {
    assert.strictEqual(nameKey('SpaceX CEO Elon Musk').key, 'elon musk');
    assert.strictEqual(nameKey('Tesla founder Elon Musk').key, 'elon musk');
    assert.strictEqual(nameKey("Cubs' Jason Heyward").key, 'jason heyward');
    assert.strictEqual(nameKey('General Motors').key, 'general motors');
    assert.strictEqual(nameKey('Office of the Director of National Intelligence').key, 'office of the director of national intelligence');
  });

  it('middle initials: "Donald J. Trump" has the plain form "Donald Trump"; two-word names have none', () => {
    assert.strictEqual(withoutMiddleInitials(nameKey('Donald J. Trump').key), 'donald trump');
    assert.strictEqual(withoutMiddleInitials(nameKey('George H. W. Bush').key), 'george bush');
    assert.strictEqual(withoutMiddleInitials('donald trump'), undefined);
    assert.strictEqual(withoutMiddleInitials('kim jong un'), undefined);
  });

  it('a generation: "Patrick Paddock II" has the plain form "Patrick Paddock"', () => {
    assert.strictEqual(withoutGeneration('patrick paddock ii'), 'patrick paddock');
    assert.strictEqual(withoutGeneration('john f kennedy jr'), 'john f kennedy');
    assert.strictEqual(withoutGeneration('malcolm x'), undefined);
  });

  it('legal forms and group words: "Goldman Sachs Group Inc." -> "goldman sachs", "The Qualcomm Inc" -> "qualcomm"', () => {
    assert.strictEqual(withoutLegalForm(nameKey('Goldman Sachs Group Inc.').key), 'goldman sachs');
    assert.strictEqual(withoutLegalForm('the qualcomm inc'), 'qualcomm');
    assert.strictEqual(withoutLegalForm('broadcom ltd'), 'broadcom');
    assert.strictEqual(withoutLegalForm('goldman sachs'), undefined);
    assert.strictEqual(withoutLegalForm('inc'), undefined);
  });

  it('acronyms as written', () => {
    for (const a of ['BBC', 'U.N.', 'AT&T', 'ICIJ']) assert.ok(isAcronym(a), a);
    for (const a of ['Bbc', 'B', 'NATIONALISATION']) assert.ok(!isAcronym(a), a);
  });

  it('distinctive words: initials, titles and legal forms do not count', () => {
    assert.strictEqual(distinctiveWords('Donald J. Trump', 'person'), 2);
    assert.strictEqual(distinctiveWords('Mr. Putin', 'person'), 1);
    assert.strictEqual(distinctiveWords('Goldman Sachs Group Inc.', 'organization'), 2);
  });

  describe('one type per name', () => {
    it('the recogniser\'s votes decide when no words around the mentions say anything', () => {
      assert.deepStrictEqual(decideType({ votes: { person: 42, organization: 17 }, cues: {} }), { main: 'person', kept: ['person'] });
    });

    it('a cue outweighs several votes, but not forty', () => {
      assert.strictEqual(decideType({ votes: { person: 7, organization: 1 }, cues: { organization: 2 } }).main, 'organization');
      assert.strictEqual(decideType({ votes: { place: 42, person: 1 }, cues: { person: 1 } }).main, 'place');
    });

    it('the gazetteer\'s type stands; a person the texts insist on is kept apart', () => {
      assert.deepStrictEqual(decideType({ votes: { place: 3, person: 9 }, cues: {}, listed: 'place' }), { main: 'place', kept: ['place'] });
      assert.deepStrictEqual(decideType({ votes: { place: 3, person: 2 }, cues: { person: 2 }, listed: 'place' }), { main: 'place', kept: ['place', 'person'] });
    });

    it('a place and a body are split only where the recogniser reads the name as the other often enough, and a body as a place only if the name is a known place\'s', () => {
      assert.deepStrictEqual(decideType({ votes: { place: 400 }, cues: { organization: 40 }, listed: 'place' }), { main: 'place', kept: ['place'] });
      assert.deepStrictEqual(decideType({ votes: { place: 12, organization: 8 }, cues: {}, listed: 'place' }), { main: 'place', kept: ['place', 'organization'] });
      assert.deepStrictEqual(decideType({ votes: { place: 4, organization: 1 }, cues: {} }), { main: 'place', kept: ['place'] }, 'one body reading');
      assert.deepStrictEqual(decideType({ votes: { place: 40, organization: 9 }, cues: {} }), { main: 'place', kept: ['place'] }, 'under a quarter');
      assert.deepStrictEqual(decideType({ votes: { organization: 40, place: 12 }, cues: {} }), { main: 'organization', kept: ['organization'] }, 'a body read as a place whose name no list knows as one');
      assert.deepStrictEqual(decideType({ votes: { organization: 40, place: 12 }, cues: {}, placeName: true }), { main: 'organization', kept: ['organization', 'place'] }, 'a team named after its city, the city in other articles');
      assert.deepStrictEqual(decideType({ votes: { organization: 40, place: 9 }, cues: {}, placeName: true }), { main: 'organization', kept: ['organization'] }, 'a city read as its team under a quarter of the time');
    });

    it('each article\'s entity takes a kept type by its own cues, else its own type, else the main type', () => {
      const split = { main: 'place' as const, kept: ['place' as const, 'person' as const] };
      assert.strictEqual(localType(split, 'organization', { person: 1 }), 'person');
      assert.strictEqual(localType(split, 'person', undefined), 'person');
      assert.strictEqual(localType(split, 'organization', undefined), 'place');
      assert.strictEqual(localType({ main: 'person', kept: ['person'] }, 'organization', { organization: 3 }), 'person');
    });

    it('an uncued "person" of a name that is mostly a body\'s is the body, unless its article names a person of that surname', () => {
      const club = { main: 'organization' as const, kept: ['organization' as const, 'person' as const] };
      assert.strictEqual(localType(club, 'person', undefined), 'organization');
      assert.strictEqual(localType(club, 'person', { person: 2 }), 'person');
      assert.strictEqual(localType(club, 'person', undefined, true), 'person');
      const network = { main: 'person' as const, kept: ['person' as const, 'organization' as const] };
      assert.strictEqual(localType(network, 'organization', undefined), 'organization');
    });
  });
});
