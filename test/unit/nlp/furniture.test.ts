import * as assert from 'assert';
import { findFurniture, furnitureOf, withoutSpans } from '../../../src/core/nlp/furniture';
import { analyzeArticle } from '../../../src/core/nlp/analyze';
import { article } from './helpers';

describe('furniture: what is not the story', () => {
  it('share bars, video players and galleries are widgets', () => {
    for (const line of [
      "Skip in Skip x Embed x Share CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK SpaceX 1st: Recycled rocket | 2:30 SpaceX has racked up another first. AP 1 of 41 Skip in Skip x Embed x Share",
      'JUST WATCHED Why does North Korea keep launching ICBMs? Replay More Videos ... MUST WATCH Why does North Korea keep launching ICBMs? 01:14',
      '1 of 26 Full Screen Autoplay Close Skip Ad × The Chicago Cubs win World Series View Photos The Chicago Cubs won their first title since 1908',
      'CLOSE John Mahoney, who played cranky dad on "Frasier," dies at 77. (Feb. 6) AP',
      'Photo',
      'Slideshow (2 Images)',
      'A post shared by Elon Musk (@elonmusk) on Feb 4, 2018 at 9:50pm PST',
    ]) assert.strictEqual(furnitureOf(line), 'widget', line);
  });

  it('photo captions and credits', () => {
    for (const line of [
      'Getty Images Hamilton was left furious after the race was twice red flagged',
      'GETTY Max Verstappen overtook Kimi Raikkonen in the first racing lap of the Grand Prix',
      'Reuters The North Korean leader Kim Jong-un has carried out a number of missile tests in recent months',
      'Image copyright Getty Images Image caption The pair have been friends for over 20 years',
      'Enlarge this image toggle caption Alastair Grant/AP Alastair Grant/AP',
      'Michael Sheen and Sarah Silverman in 2016. (Photo: Gregg DeGuire, WireImage)',
      'The Cubs had not won the World Series since 1908 (Getty)',
      'Hundreds of thousands of people lined the street to watch 39 floats. [Photo/IC]',
      'The price of bitcoin rose by 900% last year. Photograph: George Frey/Getty Images',
      'David Becker/Getty Images',
      'Dimitrios Kambouris/WireImage via Getty Images, FILE',
      'FILE - In this Nov. 2, 2017 file photo, model Chrissy Teigen poses at the 2017 Revolve Awards in Los Angeles.',
      'Photos: Mass shooting at Las Vegas music festival Police stand at the scene of the shooting. Hide Caption 27 of 30',
      'The quarterback scrambles away from a linebacker during the first half of a game in Houston. (Anna Lindqvist/The Daily Ledger)',
      'Visitors walk past the museum in Oslo, Norway, January 1, 2018. REUTERS/Per Hansen',
      'Anna Lindqvist/Nordic Wire',
    ]) assert.strictEqual(furnitureOf(line), 'caption', line);
  });

  it('links, newsletter and follow prompts, notices and boxes of linked stories', () => {
    for (const line of [
      'Advertisement Continue reading the main story',
      'READ MORE: Second kidnapped Nigerian schoolgirl found by Army',
      'More: Tesla flying car? Elon Musk teases special upgrade of Roadster supercar',
      'Related: 34 things to know about the new tax law',
      'Chicago Cubs end most storied title drought in American sporting folklore | Bryan Armen Graham Read more',
      'Newsletter Sign Up Continue reading the main story Please verify you\'re not a robot by clicking the box.',
      'Follow James Dean on Twitter: @flatoday_jdean',
      'Read or Share this story: https://usat.ly/2Cc6gQo',
      'For more NFL coverage: http://www.pro32.ap.org and http://www.twitter.com/AP_NFL',
      'Blaine Friedlander can be reached at SkyWatchPost@gmail.com.',
      'Copyright 2017 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      'Scroll down for video',
      'Craving even more? Like us on Facebook or Follow us on Twitter.',
      "MOST READ IN NEWS 'DAD WAS A PAEDO' Joan Collins' son claims his father was a paedophile ERUPTION OF ANGER Mount Agung volcano erupts leaving tourists stranded PRINCE MARRY! Prince Harry and Meghan set a date at last FINAL MOMENTS CCTV of teen laughing with friends",
    ]) assert.strictEqual(furnitureOf(line), 'prompt', line);
  });

  it('leaves the story alone, including lines that name agencies, tweets and widgets\' words', () => {
    for (const line of [
      'EPA Administrator Lee Thomas said in a statement the areas had not shown they could meet the standards.',
      'Reuters "B" ordinary shares are currently listed on the London Stock Exchange.',
      'Share prices closed higher on Tuesday, while the close of trading in Tokyo was calm.',
      'Payment date will be April 13 and shareholders will have a right to subscribe to the issue.',
      'Plane taking off. Let\'s go Cubbies!!!! — DWade (@DwyaneWade) November 3, 2016',
      'Copyright holders say the new rules go too far.',
      'The Sun said it had seen the photos.',
      'LACKING DETAIL',
      'This year the picture is different: sales rose.',
      'Anna Berg visited Bergen on Saturday. A picture ![](https://tracker.example/pixel.png) appeared in the press release of the Red Cross.',
      'Berg later met Lars [Olsen](command:x), Erik ![Dahl](https://tracker.example/pixel.png) and Mette Bakke in Bergen.',
      'LONDON OILS/SEEDS CLOSE QUIETLY MIXED',
      'Best actress: Anna Berg (Night Shift/ Harbour Lights, NRK1)',
      'Fans gathered for the opening night of the Reading/Leeds Festival',
    ]) assert.strictEqual(furnitureOf(line), undefined, line);
  });

  it('finds whole lines, and labels inside a line, and is linear on a megabyte line', () => {
    const text = 'Title\nThe story begins.\nAdvertisement\nSkip Twitter post by @durov We were alerted by Apple. End of Twitter post by @durov\n';
    assert.deepStrictEqual(
      findFurniture(text, [{ start: 6, end: text.length }]).map((x) => [text.slice(x.start, x.end), x.reason]),
      [
        ['Advertisement', 'widget'],
        ['Skip Twitter post by @durov', 'widget'],
        ['End of Twitter post by @durov', 'widget'],
      ],
    );
    // A linked headline read as a region of its own, then the image label and its caption.
    const card = 'Extra Security for Women Image Police officers closed off the square.';
    const at = card.indexOf(' Image');
    assert.deepStrictEqual(
      findFurniture(card, [{ start: at, end: card.length }]).map((x) => card.slice(x.start, x.end)),
      ['Image'],
    );
    const long = 'x '.repeat(500_000);
    const t = Date.now();
    furnitureOf(long);
    assert.ok(Date.now() - t < 5000);
  });

  it('takes the captions of a slideshow, whose lines open with their place in it, and leaves a line opening "9/11" or "24/7"', () => {
    const text = '9/11 changed air travel.\n1/3 Earth from the ISS A view of the Nile.\n24/7 news followed.\n2/3 Frosty slopes of Mars This image of Mars.\nThe end.';
    assert.deepStrictEqual(
      findFurniture(text, [{ start: 0, end: text.length }]).map((x) => [text.slice(x.start, x.end), x.reason]),
      [
        ['1/3 Earth from the ISS A view of the Nile.', 'caption'],
        ['2/3 Frosty slopes of Mars This image of Mars.', 'caption'],
      ],
    );
    const once = '9/11 changed air travel.\n9/11 changed it again.';
    assert.deepStrictEqual(findFurniture(once, [{ start: 0, end: once.length }]), []);
  });

  it('takes a mail client\'s marks of attached files out of a forwarded e-mail, and leaves prose about attachments', () => {
    const text =
      'Ginny, please see the attached guaranty.\n- Lisa_resume.doc << File: Lisa_resume.doc >>\n(See attached file: Constellation Power (GISB draft).doc) (See attached file: Sam3102.doc)\n';
    const lines = findFurniture(text, [{ start: 0, end: text.length }]).map((x) => [text.slice(x.start, x.end), x.reason]);
    assert.deepStrictEqual(lines, [
      ['Lisa_resume.doc << File: Lisa_resume.doc >>', 'widget'],
      ['(See attached file: Constellation Power (GISB draft).doc)', 'widget'],
      ['(See attached file: Sam3102.doc)', 'widget'],
    ]);
  });

  it('takes spans out of regions', () => {
    assert.deepStrictEqual(
      withoutSpans(
        [
          { start: 0, end: 10 },
          { start: 20, end: 40 },
        ],
        [
          { start: 5, end: 8 },
          { start: 18, end: 25 },
          { start: 30, end: 40 },
        ],
      ),
      [
        { start: 0, end: 5 },
        { start: 8, end: 10 },
        { start: 25, end: 30 },
      ],
    );
  });

  it('keeps furniture out of entities, events and summaries, says so, and keeps every offset', () => {
    const text =
      'Rocket launch delayed\n\nSpaceX delayed the launch of its Falcon Heavy rocket in Florida on Tuesday, officials said.\nSkip in Skip x Embed x Share CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK 1 of 41\nGetty Images Lewis Hamilton celebrates victory at the Brazilian Grand Prix\nThe company said the launch would take place next week.\nAdvertisement Continue reading the main story\n';
    const a = { ...article('r', text), title: 'Rocket launch delayed', bodyStart: text.indexOf('SpaceX') };
    const analysis = analyzeArticle(a);
    const excluded = analysis.excluded.map((x) => [text.slice(x.start, x.end).slice(0, 20), x.reason]);
    assert.deepStrictEqual(excluded, [
      ['Skip in Skip x Embed', 'widget'],
      ['Getty Images Lewis H', 'caption'],
      ['Advertisement Contin', 'prompt'],
    ]);
    const inside = (start: number, end: number): boolean => analysis.excluded.some((x) => start < x.end && end > x.start);
    assert.ok(!analysis.mentions.some((m) => inside(m.start, m.end)), 'no mention inside furniture');
    assert.ok(!analysis.events.some((e) => inside(e.trigger.start, e.trigger.end)), 'no event inside furniture');
    assert.ok(!analysis.summary.some((s) => inside(s.start, s.end)), 'no summary sentence inside furniture');
    assert.ok(!analysis.entities.some((e) => /Hamilton|Skip|Embed|KNOW/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
    for (const m of analysis.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
  });

  it('reads a title whole but for its media tag', () => {
    const text = 'Meteor lights up New England sky (PHOTOS, VIDEO)\n\nA meteor lit up the sky above Boston on Tuesday.\n';
    const a = { ...article('m', text), title: 'Meteor lights up New England sky (PHOTOS, VIDEO)', bodyStart: text.indexOf('A meteor') };
    const analysis = analyzeArticle(a);
    assert.deepStrictEqual(
      analysis.excluded.map((x) => text.slice(x.start, x.end)),
      ['(PHOTOS, VIDEO)'],
    );
    assert.ok(!analysis.entities.some((e) => /VIDEO|PHOTOS/.test(e.name)));
    assert.ok(analysis.entities.some((e) => e.name === 'New England'), analysis.entities.map((e) => e.name).join(', '));
  });
});
