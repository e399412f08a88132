import * as assert from 'assert';
import type { Article } from '../../../src/core/model/types';
import { repeatedLineSteps, withoutSpansOf } from '../../../src/core/index/repeatedLines';
import { runSync } from '../../../src/core/index/steps';
import { handAnalysis } from '../support/handAnalysis';

function site(id: string, body: string, source: string | null = 'example.com', path = `/corpus/${id}.json`): Article {
  return { id, path, title: id, source, date: null, text: body, format: 'json', bodyStart: 0, bodyEnd: body.length };
}

const NOTICE = 'We pay for your stories! Email us at tips@example.com';

describe('repeated lines: furniture a source repeats across its articles', () => {
  it('finds a line three different stories of one source carry, and only in that source', () => {
    const articles = [
      site('a', `Floods hit Dhaka on Monday.\n${NOTICE}\nRescue teams arrived.`),
      site('b', `Markets fell in Tokyo.\n${NOTICE}`),
      site('c', `${NOTICE}\nThe Cubs won the World Series.`),
      site('d', `A storm hit Lisbon.\n${NOTICE}`, 'other.org'),
    ];
    const found = runSync(repeatedLineSteps(articles));
    assert.deepStrictEqual([...found.keys()].sort(), ['a', 'b', 'c']);
    const [span] = found.get('a') ?? [];
    assert.deepStrictEqual([articles[0].text.slice(span.start, span.end), span.reason], [NOTICE, 'repeated']);
  });

  it('does not take the paragraphs that copies of one story share for furniture', () => {
    const story = 'Rescuers reached the boy on Sunday.\nThe well was 40 metres deep.\nOfficials said the search would go on.';
    const found = runSync(repeatedLineSteps([site('a', story), site('b', `${story}\nUpdated at noon.`), site('c', `Breaking.\n${story}`)]));
    assert.strictEqual(found.size, 0);
  });

  it('groups articles without a source by their folder', () => {
    const found = runSync(repeatedLineSteps(['a', 'b', 'c'].map((id, i) => site(id, `Story number ${i} about ${id}.\n${NOTICE}`, null, `/bbc/${id}.txt`))));
    assert.strictEqual(found.size, 3);
  });

  it('drops what an analysis found inside the spans, keeping places nationalities name', () => {
    const analysis = handAnalysis('a', [
      { name: 'Dhaka', type: 'place' },
      { name: 'Getty', type: 'organization' },
      { name: 'Bangladeshi', type: 'nationality', place: 'Bangladesh', mentions: 1 },
      { name: 'Bangladesh', type: 'place', mentions: 0 },
    ]);
    const getty = analysis.mentions.find((m) => m.text === 'Getty');
    assert.ok(getty);
    const out = withoutSpansOf({ ...analysis, summary: [{ start: getty.start, end: getty.end }] }, [{ start: getty.start, end: getty.end, reason: 'repeated' }]);
    assert.deepStrictEqual(
      out.entities.map((e) => e.name),
      ['Dhaka', 'Bangladeshi', 'Bangladesh'],
    );
    assert.ok(!out.mentions.some((m) => m.text === 'Getty'));
    assert.deepStrictEqual(out.summary, []);
    assert.deepStrictEqual(out.excluded, [{ start: getty.start, end: getty.end, reason: 'repeated' }]);
  });
});
