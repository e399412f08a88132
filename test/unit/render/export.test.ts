import * as assert from 'assert';
import { coOccurrenceGraphml, csvField, entitiesCsv, eventsCsv, exportJson, mentionsCsv, xmlEscape } from '../../../src/core/render/export';
import { buildIndex, HOSTILE, TWO_ARTICLES } from '../support/builtIndex';

/** A small RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('render: export', () => {
  it('writes entities, mentions and events as one JSON document', () => {
    const index = buildIndex(TWO_ARTICLES);
    const json = exportJson(index);
    assert.strictEqual(json.articles.length, 2);
    assert.strictEqual(json.entities.length, index.entities().length);
    assert.strictEqual(json.mentions.filter((m) => m.entity === 'person:sergei-lavrov').length, 5);
    const meeting = json.events.find((e) => e.label === 'Lavrov meets Jaishankar');
    assert.ok(meeting);
    assert.strictEqual(meeting.articleId, 'visit');
    assert.deepStrictEqual(meeting.who, ['person:sergei-lavrov']);
    assert.ok(json.coOccurrences.some((p) => [p.a, p.b].includes('person:s-jaishankar') && [p.a, p.b].includes('person:sergei-lavrov')));
  });

  it('writes CSV tables that read back, with formulas defused', () => {
    const index = buildIndex([...TWO_ARTICLES, HOSTILE]);
    const entities = parseCsv(entitiesCsv(index));
    assert.deepStrictEqual(entities[0], ['id', 'name', 'type', 'roles', 'aliases', 'mentions', 'articles', 'value']);
    const lavrov = entities.find((r) => r[0] === 'person:sergei-lavrov');
    assert.deepStrictEqual(lavrov?.slice(1, 7), ['Sergei Lavrov', 'person', 'Russian Foreign Minister', 'Lavrov', '5', '2']);
    const formula = entities.find((r) => r[2] === 'person' && r[1].includes('HYPERLINK'));
    assert.strictEqual(formula?.[1], `'=HYPERLINK("http://x")`);
    const mentions = parseCsv(mentionsCsv(index));
    assert.strictEqual(mentions.length - 1, index.articles().reduce((n, a) => n + a.mentions.length, 0));
    const events = parseCsv(eventsCsv(index));
    const meeting = events.find((r) => r[3] === 'Lavrov meets Jaishankar');
    assert.deepStrictEqual([meeting?.[4], meeting?.[6], meeting?.[7], meeting?.[8]], ['2024-01-31', 'Sergei Lavrov', 'S Jaishankar', 'New Delhi']);
    assert.ok(meeting?.[10].startsWith('Russian Foreign Minister Sergei Lavrov met'));
  });

  it('quotes CSV fields only when needed', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a,b'), '"a,b"');
    assert.strictEqual(csvField('say "x"'), '"say ""x"""');
    assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
    assert.strictEqual(csvField('-1'), "'-1");
    assert.strictEqual(csvField(-1), '-1');
    assert.strictEqual(csvField(null), '');
  });

  it('writes a well-formed GraphML co-occurrence graph, hostile names escaped', () => {
    const index = buildIndex([...TWO_ARTICLES, HOSTILE]);
    const xml = coOccurrenceGraphml(index);
    assert.strictEqual((xml.match(/<node /g) ?? []).length, index.entities().length);
    assert.strictEqual((xml.match(/<edge /g) ?? []).length, index.coOccurrences().length);
    assert.ok(xml.includes('<data key="label">**Evil** [Corp](command:workbench.action.quit) $(zap)</data>'));
    assert.ok(xml.includes('&lt;b&gt;boss&lt;/b&gt;'));
    // Every tag opened is closed: strip the declaration and self-closing tags, then pair the rest.
    const stack: string[] = [];
    for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) assert.strictEqual(stack.pop(), m[2]);
      else stack.push(m[2]);
    }
    assert.deepStrictEqual(stack, []);
  });

  it('drops characters XML cannot hold', () => {
    assert.strictEqual(xmlEscape('a\u0000b\u0007c<&>"\''), 'abc&lt;&amp;&gt;&quot;&apos;');
  });
});
