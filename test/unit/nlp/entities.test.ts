import * as assert from 'assert';
import { analyze, names } from './helpers';

describe('entities: clean spans', () => {
  it('keeps titles, trailing punctuation and possessive \'s out of names', () => {
    const a = analyze("Prime Minister Narendra Modi's trip was praised by Mr. John Smith. Later, Smith spoke to Modi.");
    assert.deepStrictEqual(names(a, 'person').sort(), ['John Smith', 'Narendra Modi']);
    for (const m of a.mentions) assert.ok(!/[.,'’]$/.test(m.text) && !/['’]s$/.test(m.text), `mention "${m.text}"`);
  });

  it('reads a lone word capitalised only by its place as the common word the article also writes in lower case', () => {
    const a = analyze('Image processing has been part of photography since day one. The image was blurry.\nSelect (Friends) > (Follow). You choose who can follow you.\nApple said the picture was sharp.');
    const all = a.entities.map((e) => e.name);
    assert.ok(!all.includes('Image') && !all.includes('Follow'), all.join(', '));
    assert.ok(all.includes('Apple'), `a word the article never writes in lower case stays: ${all.join(', ')}`);
  });

  it('reads an acronym that spells a word as the body only in capitals: "Who won?" is a question, "the WHO" the World Health Organization', () => {
    assert.deepStrictEqual(analyze('Who won? Lars Olsen did.').entities.map((e) => e.name), ['Lars Olsen']);
    assert.deepStrictEqual(names(analyze('The WHO said the virus spread.'), 'organization'), ['World Health Organization']);
  });

  it('ends a name on a capitalised word', () => {
    const a = analyze("Not long ago, the United States' Trump Administration revealed an ambition to return to the moon.");
    assert.deepStrictEqual(names(a, 'organization'), ['Trump Administration'], 'an institution, without the verb after it');
  });

  it('splits hyphenated country pairs into both countries', () => {
    const a = analyze('India-Russia relations are strong, and Russian-Indian trade grew.');
    assert.deepStrictEqual(names(a, 'place').sort(), ['India', 'Russia']);
    const nat = a.entities.filter((e) => e.type === 'nationality');
    assert.deepStrictEqual(nat.map((e) => e.name).sort(), ['Indian', 'Russian']);
    for (const e of nat) assert.ok(a.entities.some((p) => p.key === e.place && p.type === 'place'), `${e.name} links to a place`);
  });

  it('reads "the state of Russia" as Russia', () => {
    const a = analyze('The heads of state of Russia and India will meet.');
    assert.ok(names(a, 'place').includes('Russia'));
    assert.ok(!a.mentions.some((m) => /state/i.test(m.text)));
  });

  it('keeps an organisation name whole when it ends in an organisation word', () => {
    const a = analyze('The Bank of Japan and the Asian Infrastructure Investment Bank met the Ministry of Defence.');
    const orgs = names(a, 'organization');
    for (const o of ['Bank of Japan', 'Asian Infrastructure Investment Bank', 'Ministry of Defence']) assert.ok(orgs.includes(o), `${o} in ${orgs}`);
  });

  it('gives unknown acronyms their spelled-out expansion within the article', () => {
    const a = analyze('The Collective Security Council of Eurasia met on Monday. The CSCE said it would act.');
    const e = a.entities.find((x) => x.aliases.includes('CSCE'));
    assert.strictEqual(e?.name, 'Collective Security Council of Eurasia');
  });

  it('reads names in all-caps headlines against the body', () => {
    const a = analyze('SHEARER NAMED ENGLAND CAPTAIN\nAlan Shearer was named captain of England on Friday.');
    const shearer = a.entities.find((e) => e.name === 'Alan Shearer');
    assert.strictEqual(a.mentions.filter((m) => m.key === shearer?.key).length, 2);
  });

  it('takes a name a company wherever one mention shows it is one, though it "said" things', () => {
    const a = analyze('The oil firm Yukos denied it. Later, Yukos said it would appeal, and Yukos shares fell.');
    assert.deepStrictEqual(names(a, 'organization'), ['Yukos']);
    assert.deepStrictEqual(names(a, 'person'), []);
  });

  it('keeps a listed name whole across its lowercase words, in either spelling', () => {
    const a = analyze('Monitors from the Organisation for Security and Cooperation in Europe arrived on Monday.');
    assert.deepStrictEqual(names(a, 'organization'), ['Organization for Security and Co-operation in Europe']);
  });

  it('keeps lowercase particles inside hyphenated names', () => {
    const a = analyze('Pakistan captain Inzamam-ul-Haq arrived in Mazar-i-Sharif on Thursday.');
    assert.deepStrictEqual(names(a, 'person'), ['Inzamam-ul-Haq']);
    assert.ok(names(a, 'place').includes('Mazar-i-Sharif'), `${names(a, 'place')}`);
  });

  it('takes company names that fuse their business into one word for organisations', () => {
    const a = analyze('Shares in NationsBank and KeyCorp rose, while Rabobank was unchanged.');
    assert.deepStrictEqual(names(a, 'organization').sort(), ['KeyCorp', 'NationsBank', 'Rabobank']);
  });

  it('reads a wire dateline as the place the story was filed from', () => {
    for (const [text, place] of [
      ['BONN 1996-08-22\nThe government said on Thursday it would act.', 'Bonn'],
      ['KHASAVYURT, Russia 1996-08-31\nTalks went on.', 'Khasavyurt'],
      ['MONTE CARLO (Reuters) - The race was won by a local driver.', 'Monte Carlo'],
    ]) {
      const a = analyze(text);
      assert.ok(names(a, 'place').includes(place), `${place} in ${names(a, 'place')}`);
      assert.ok(![...names(a, 'organization'), ...names(a, 'person')].some((n) => n.toLowerCase() === place.toLowerCase()), text);
    }
    assert.ok(!names(analyze('CRICKET - SURREY WIN AT THE OVAL\nSurrey beat Kent.'), 'place').includes('Cricket'));
    assert.deepStrictEqual(names(analyze('Talks went on.\nNATO (the alliance) said on Monday it would act.'), 'organization'), ['NATO']);
  });

  it('treats a city named as a side in a result as a club, a country as a place', () => {
    const a = analyze('Leicestershire beat Somerset by 10 wickets, while England drew with Pakistan.');
    assert.deepStrictEqual(names(a, 'organization').sort(), ['Leicestershire', 'Somerset']);
    assert.deepStrictEqual(names(a, 'place').sort(), ['England', 'Pakistan']);
  });
});

describe('entities: roles', () => {
  it('attaches capitalised titles, lowercase titles and appositives to the person', () => {
    const a = analyze('German coach Berti Vogts praised Foreign Minister Sergei Lavrov. Jane Doe, the company\'s chief executive, agreed.');
    const role = (n: string): string[] => a.entities.find((e) => e.name === n)?.roles ?? [];
    assert.ok(role('Berti Vogts').some((r) => r.includes('coach')), `Vogts: ${role('Berti Vogts')}`);
    assert.ok(role('Sergei Lavrov').includes('Foreign Minister'));
    assert.ok(role('Jane Doe').some((r) => r.includes('chief executive')), `Doe: ${role('Jane Doe')}`);
    assert.ok(a.entities.some((e) => e.type === 'role' && e.name === 'Foreign Minister'));
  });
});

describe('entities: aliases within an article', () => {
  it('joins a surname to the one full name it fits and keeps an ambiguous one apart', () => {
    const a = analyze('John F. Kennedy met John F. Kennedy Jr. in Boston. Kennedy said nothing. Later Sergei Lavrov arrived and Lavrov spoke.');
    const people = a.entities.filter((e) => e.type === 'person');
    const lavrov = people.find((p) => p.name === 'Sergei Lavrov');
    assert.ok(lavrov?.aliases.includes('Lavrov'));
    assert.ok(!people.find((p) => p.name === 'John F. Kennedy')?.aliases.includes('Kennedy'), 'Kennedy is ambiguous');
    assert.ok(people.some((p) => p.name === 'Kennedy'));
  });

  it('merges "US", "U.S." and "United States" into one place', () => {
    const a = analyze('The United States said the U.S. would act. US officials agreed.');
    const us = a.entities.filter((e) => e.type === 'place');
    assert.deepStrictEqual(us.map((e) => e.name), ['United States']);
    assert.deepStrictEqual([...us[0].aliases].sort(), ['U.S.', 'US']);
  });
});
