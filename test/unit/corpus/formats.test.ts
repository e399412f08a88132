import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_INCLUDE, discoverFiles } from '../../../src/core/corpus/discover';
import { nodeSource } from '../../../src/core/corpus/nodeSource';
import { readArticles } from '../../../src/core/corpus/read';
import type { ReadOptions } from '../../../src/core/corpus/read';
import type { Article, Diagnostic } from '../../../src/core/model/types';
import { analyzeArticle } from '../../../src/core/nlp/analyze';
import { REPORT, SCANNED, onePagePdf } from '../../support/pdfFixture';
import { FIXTURES, ROOT } from '../paths';

const FORMATS = path.join(FIXTURES, 'formats');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function read(name: string, bytes?: Uint8Array | string, options?: ReadOptions): Promise<{ articles: Article[]; diagnostics: Diagnostic[] }> {
  const data = bytes === undefined ? await fs.readFile(path.join(FORMATS, name)) : typeof bytes === 'string' ? utf8(bytes) : bytes;
  return readArticles(name, data, name.replace(/\.[^.]+$/, ''), options);
}

/** Markup, headers and page furniture that must never reach an article's text. */
const NOT_TEXT = [/<\/?[a-z][^>]*>/i, /&(?:amp|lt|gt|nbsp|quot);/, /dataLayer|font-family|\{\s*color/, /Share on|Tweet|Sign up|Subscribe|cookies|Accept all|Related stories|All rights reserved|Privacy|Contact us|Log in|Follow us/i, /^(?:Return-Path|Received|DKIM-Signature|Content-Type|MIME-Version|Message-ID):/m, /Press office|\+47 55/, /Photo: Coast Post/];

function assertClean(a: Article): void {
  for (const re of NOT_TEXT) assert.doesNotMatch(a.text, re, `${a.id}: ${re} in ${JSON.stringify(a.text)}`);
  assert.strictEqual(a.text.slice(a.bodyStart, a.bodyEnd).trim() !== '', true, `${a.id} has a body`);
}

function fields(a: Article): [string, string | null, string | null, string | undefined] {
  return [a.title, a.date, a.source, a.author];
}

describe('formats: web pages', () => {
  it('reads an Open Graph page with an <article>: title, date, site, author, URL, and the story alone', async () => {
    const { articles, diagnostics } = await read('harbour-reopens.html');
    assert.deepStrictEqual(diagnostics, []);
    const [a] = articles;
    assert.deepStrictEqual(fields(a), ['Bergen harbour reopens after three-day storm', '2024-03-05', 'Coast Post', 'Ingrid Solberg']);
    assert.strictEqual(a.url, 'https://coastpost.example/2024/03/05/bergen-harbour-reopens');
    assert.strictEqual(a.format, 'html');
    assertClean(a);
    assert.deepStrictEqual(a.composedFrom, ['title', 'body'], 'the description repeats the first paragraph: no lead');
    const paragraphs = a.text.slice(a.bodyStart).split('\n\n');
    assert.deepStrictEqual(
      paragraphs.map((p) => p.slice(0, 30)),
      ['The harbour of Bergen reopened', 'Mayor Marte Mjøs Persen thanke', 'Fishermen said the damage was ', 'Harbour director Kjell Olsen s'],
    );
    assert.match(a.text, /smaller than feared & most boats/, 'entities decoded');
    assert.doesNotMatch(a.text, /By Ingrid Solberg|5 March 2024/, 'byline and dateline are metadata, not story');
  });

  it('reads a page whose only metadata is JSON-LD (an @graph with references)', async () => {
    const { articles, diagnostics } = await read('council-budget.html');
    assert.deepStrictEqual(diagnostics, []);
    const [a] = articles;
    assert.deepStrictEqual(fields(a), ['Stavanger council approves a budget for new schools', '2024-02-28', 'West News', 'Hanna Lie']);
    assert.strictEqual(a.url, 'https://westnews.example/stavanger-budget');
    assertClean(a);
    assert.match(a.text, /^Stavanger council approves a budget for new schools\n\nThe city council voted 41 to 26 for the plan\.\n\nThe city council of Stavanger approved/);
    assert.doesNotMatch(a.text, /Front page|Editor: Per Dahl|Instagram/);
  });

  it('loads what a truncated page holds, without markup, and says it was cut short', async () => {
    const page = await fs.readFile(path.join(FORMATS, 'harbour-reopens.html'), 'utf8');
    for (const cut of [page.indexOf('Ferries to Stavanger') + 5, page.indexOf('<p>Fishermen') + 6, page.indexOf('<figcaption>') + 4]) {
      const { articles, diagnostics } = await read('cut.html', page.slice(0, cut));
      assert.strictEqual(articles.length, 1, `cut at ${cut}`);
      assert.strictEqual(articles[0].title, 'Bergen harbour reopens after three-day storm');
      assert.match(articles[0].text, /The harbour of Bergen reopened on Tuesday/);
      assert.doesNotMatch(articles[0].text, /[<>]/);
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.severity, d.message]),
        [['warning', 'the page ends without </body> or </html> (cut short?): its text may be incomplete']],
      );
    }
  });

  it('reports a page without story text, and one that is binary', async () => {
    const empty = await read('empty.html', '<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>');
    assert.deepStrictEqual(empty.articles, []);
    assert.match(empty.diagnostics[0].message, /no story text/);
    const binary = await read('image.html', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    assert.match(binary.diagnostics[0].message, /binary content/);
  });

  it('decodes the charset the page declares, and an undeclared legacy page as windows-1252', async () => {
    const body = '<p>Mayor Marte Mjøs Persen opened the new bridge in Bergen on Monday, the city said in a statement.</p>';
    const latin1 = Buffer.from(`<html><head><meta charset="iso-8859-1"><title>Bridge opens</title></head><body>${body}</body></html>`, 'latin1');
    assert.match((await read('latin1.html', latin1)).articles[0].text, /Mjøs Persen/);
    const undeclared = Buffer.from(`<html><head><title>Bridge opens</title></head><body>${body}</body></html>`, 'latin1');
    assert.match((await read('legacy.html', undeclared)).articles[0].text, /Mjøs Persen/);
  });
});

describe('formats: feeds', () => {
  it('reads an RSS 2.0 feed: one article per item, the channel as source, HTML reduced to text, each on its line', async () => {
    const { articles, diagnostics } = await read('nordic-wire.rss');
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(articles.map(fields), [
      ['Oslo opens a new metro line to Fornebu', '2024-03-01', 'Nordic Wire', 'Lars Berg'],
      ['Finnish parliament debates a new energy law', '2024-02-29', 'Nordic Wire', undefined],
    ]);
    assert.deepStrictEqual(articles.map((a) => [a.id, a.line, a.url, a.format]), [
      ['nordic-wire#1', 8, 'https://nordicwire.example/oslo-metro-fornebu', 'feed'],
      ['nordic-wire#2', 17, 'https://nordicwire.example/finland-energy-law', 'feed'],
    ]);
    for (const a of articles) assertClean(a);
    assert.match(articles[0].text, /will carry 60,000 passengers a day/);
    assert.match(articles[1].text, /Helsinki debated a law on wind power on Thursday\.\n\nMinister Kai Mykkänen/);
  });

  it('reads an Atom feed: html titles, xhtml content, the alternate link, authors', async () => {
    const { articles, diagnostics } = await read('baltic-report.atom');
    assert.deepStrictEqual(diagnostics, []);
    const [a] = articles;
    assert.deepStrictEqual(fields(a), ['Riga port expands its container terminal', '2024-03-04', 'Baltic Report', 'Ieva Ozola']);
    assert.strictEqual(a.url, 'https://balticreport.example/riga-terminal');
    assertClean(a);
    assert.match(a.text, /The Freeport of Riga said on Monday .* by 2026\.\n\nLatvian transport minister Kaspars Briškens/);
  });

  it('reads a JSON Feed', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Harbour Notes',
      items: [
        { id: '1', title: 'Quay repaired', content_html: '<p>The quay in Bergen was repaired on Monday.</p><p>Work took <em>two</em> weeks.</p>', date_published: '2024-03-11T10:00:00Z', authors: [{ name: 'Kari Holm' }] },
        { id: '2', content_text: 'A second note about the ferry to Stavanger, which resumed on Tuesday.', date_published: '2024-03-12T10:00:00Z' },
      ],
    };
    const { articles, diagnostics } = await read('notes.json', JSON.stringify(feed));
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(articles.map(fields), [
      ['Quay repaired', '2024-03-11', 'Harbour Notes', 'Kari Holm'],
      ['A second note about the ferry to Stavanger, which resumed on Tuesday.', '2024-03-12', 'Harbour Notes', undefined],
    ]);
    assert.strictEqual(articles[0].text, 'Quay repaired\n\nThe quay in Bergen was repaired on Monday.\n\nWork took two weeks.');
  });

  it('refuses a feed that declares entities (billion laughs) with a diagnostic, at once', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;
    const { articles, diagnostics } = await read('bomb.rss', bomb);
    assert.deepStrictEqual(articles, []);
    assert.strictEqual(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /declares entities in its DOCTYPE .*billion laughs/);
  });

  it('reads the good items of a feed around one of control characters, and says where a broken feed breaks', async () => {
    const feed = (middle: string): string =>
      `<rss version="2.0"><channel><title>Wire</title>\n<item><title>Port reopens</title><description>The port of Oslo reopened on Monday.</description></item>\n${middle}\n<item><title>Bridge closes</title><description>A bridge in Bergen closed on Tuesday.</description></item>\n</channel></rss>`;
    const control = await read('ctl.rss', feed('<item><title>Bad\u0001\u0002</title><description>x</description></item>'));
    assert.deepStrictEqual(control.articles.map((a) => a.title), ['Port reopens', 'Bridge closes']);
    assert.deepStrictEqual(control.diagnostics.map((d) => [d.line, d.message]), [[3, 'item 2 (line 3): binary content (NUL or control characters); item skipped']]);
    const broken = await read('broken.rss', feed('<item><title>Unclosed <b>tag</title></item>'));
    assert.ok(broken.articles.some((a) => a.title === 'Port reopens'));
    assert.match(broken.diagnostics[0].message, /^not well-formed XML \(line 3: Expected closing tag 'b'/);
    assert.strictEqual(broken.diagnostics[0].severity, 'warning');
  });

  it('notes an .xml file that is not a feed, and fails a .rss file that is not one', async () => {
    const other = await read('pom.xml', '<?xml version="1.0"?><project><name>x</name></project>');
    assert.deepStrictEqual(other.diagnostics.map((d) => [d.severity, d.message]), [['info', 'skipped: XML that is not an RSS or Atom feed (its root element is <project>)']]);
    const rss = await read('odd.rss', '<html><body>Not a feed</body></html>');
    assert.strictEqual(rss.diagnostics[0].severity, 'error');
  });
});

describe('formats: e-mail', () => {
  it('reads a press release: decoded subject, Date header, sender, quoted-printable text, attachments listed', async () => {
    const { articles, diagnostics } = await read('press-release.eml');
    const [a] = articles;
    assert.deepStrictEqual(fields(a), ['Cruise season in Bergen opens with record bookings – press release', '2024-03-06', 'Bergen Port Authority', undefined]);
    assert.strictEqual(a.format, 'eml');
    assertClean(a);
    assert.match(a.text, /more than in any year before, port director Kjell Olsen/, 'soft line breaks joined');
    assert.match(a.text, /Mayor Marte Mjøs Persen will welcome/, 'quoted-printable UTF-8 decoded');
    assert.deepStrictEqual(diagnostics.map((d) => [d.severity, d.message]), [['info', 'attachments not analysed: cruise-calls-2024.pdf (application/pdf, 57 B)']]);
  });

  it('reduces an HTML-only message to text', async () => {
    const eml = 'From: Desk <desk@paper.example>\r\nSubject: Ferry resumes\r\nDate: Mon, 11 Mar 2024 07:00:00 +0000\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>The ferry to Stavanger resumed on Monday.</p><p class="share">Share</p><p>Fjord Line said so.</p></body></html>\r\n';
    const [a] = (await read('html.eml', eml)).articles;
    assert.strictEqual(a.text, 'Ferry resumes\n\nThe ferry to Stavanger resumed on Monday.\n\nFjord Line said so.');
    assert.deepStrictEqual(fields(a), ['Ferry resumes', '2024-03-11', 'Desk', undefined]);
  });

  it('reports a multipart message whose boundary never occurs, and a file that is not e-mail', async () => {
    const broken = await read('broken.eml', 'From: a@b.example\nSubject: Broken\nContent-Type: multipart/mixed; boundary="nothere"\n\n--other\nContent-Type: text/plain\n\nHello body text.\n--other--\n');
    assert.deepStrictEqual(broken.articles, []);
    assert.match(broken.diagnostics[0].message, /multipart but none of its parts could be read \(is the boundary "nothere" used in the body\?\)/);
    const junk = await read('junk.eml', 'just some words\nand more');
    assert.match(junk.diagnostics[0].message, /not an e-mail message/);
  });
});

describe('formats: PDF', function () {
  this.timeout(60_000);

  it('reads the text layer: title from the document information, paragraphs from the layout', async () => {
    const { articles, diagnostics } = await read('report.pdf');
    assert.deepStrictEqual(diagnostics, []);
    const [a] = articles;
    assert.deepStrictEqual(fields(a), ['Tromso airport expands its runway', '2024-03-07', 'Avinor', 'Avinor press office']);
    assert.strictEqual(a.format, 'pdf');
    assert.strictEqual(
      a.text,
      'Tromso airport expands its runway\n\n' +
        'Avinor, the operator of Norwegian airports, said on Thursday that the runway of Tromso airport will be extended by 400 metres before the winter of 2025.\n\n' +
        'Transport minister Jon-Ivar Nygard said the longer runway would allow direct flights from North America, and the airport director Hanne Ottesen welcomed the decision.',
    );
  });

  it('takes the first line as the title when the document information has none worth the name', async () => {
    const [a] = (await read('untitled.pdf', onePagePdf({ ...REPORT, info: { Title: 'Microsoft Word - runway.docx' } }))).articles;
    assert.strictEqual(a.title, 'Tromso airport expands its runway');
  });

  it('the committed fixture is what the generator writes', async () => {
    assert.deepStrictEqual(await fs.readFile(path.join(FORMATS, 'report.pdf')), onePagePdf(REPORT));
  });

  it('says so for a scan without a text layer, an encrypted, a corrupt, a truncated and a mislabelled file', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['scan.pdf', onePagePdf(SCANNED), /no text layer on its page \(a scanned document\?\); News Lens does not do OCR/],
      ['locked.pdf', onePagePdf({ ...REPORT, encrypted: true }), /encrypted PDF \(a password is needed to open it\)/],
      ['corrupt.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 7)]), /not a readable PDF/],
      ['cut.pdf', onePagePdf(REPORT).subarray(0, 400), /not a readable PDF/],
      ['note.pdf', utf8('hello'), /not a PDF \(no %PDF- header\)/],
    ];
    for (const [name, bytes, reason] of cases) {
      const { articles, diagnostics } = await read(name, bytes);
      assert.deepStrictEqual(articles, [], name);
      assert.strictEqual(diagnostics.length, 1, name);
      assert.match(diagnostics[0].message, reason, name);
    }
  });
});

describe('formats: JSON shapes', () => {
  it('reads a NewsAPI response: source.name, publishedAt, author, description as lead, the truncation mark dropped', async () => {
    const { articles, diagnostics } = await read('newsapi.json');
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(articles.map(fields), [
      ['Iceland lifts the eruption warning for Grindavik', '2024-03-04', 'Reykjavik Daily', 'Jon Sigurdsson'],
      ['Copenhagen approves a tunnel under the harbour', '2024-03-02', 'Danish Times', undefined],
    ]);
    assert.ok(articles[0].text.endsWith('Prime Minister Katrin Jakobsdottir visited the town…'), articles[0].text);
    assert.ok(articles[1].text.endsWith('construction would start in 2026.'), articles[1].text);
    assert.deepStrictEqual(articles[0].composedFrom, ['title', 'lead', 'body']);
  });

  it('says what an API error answer was', async () => {
    const { diagnostics } = await read('error.json', JSON.stringify({ status: 'error', code: 'apiKeyInvalid', message: 'Your API key is invalid.' }));
    assert.deepStrictEqual(diagnostics.map((d) => d.message), ['the API answered with an error: Your API key is invalid.']);
  });

  it('reads `document` (XSum) and `story` text fields', async () => {
    const { articles, diagnostics } = await read('xsum.jsonl');
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(articles.map((a) => [a.id, a.line, a.title]), [
      ['xsum-34061785', 1, 'Storms closed roads across the Scottish Highlands on Sunday, Transport Scotland said.'],
      ['xsum-34062299', 2, 'Aberdeen City Council has approved plans for a new harbour at Nigg Bay, which the port said would bring 2,300 jobs to…'],
    ]);
    const story = await read('s.jsonl', JSON.stringify({ story: 'Floods hit Dhaka on Monday. Rescue teams arrived.', highlights: 'x' }));
    assert.strictEqual(story.articles[0].title, 'Floods hit Dhaka on Monday.');
  });

  it('reads any other shape through named fields (dotted paths), which are tried before the usual names', async () => {
    const shape = { response: { docs: [{ headline_text: 'Tram strike ends', body: { plain: 'Tram drivers in Gothenburg ended their strike on Friday.' }, meta: { published: '2024-03-08' }, outlet: 'GP' }] } };
    const without = await read('api.json', JSON.stringify(shape));
    assert.deepStrictEqual(without.articles, []);
    assert.match(without.diagnostics[0].message, /no article text/);
    const named = await read('api.json', JSON.stringify(shape), { fields: { records: 'response.docs', text: 'body.plain', title: 'headline_text', date: 'meta.published', source: 'outlet' } });
    assert.deepStrictEqual(named.diagnostics, []);
    assert.deepStrictEqual(named.articles.map(fields), [['Tram strike ends', '2024-03-08', 'GP', undefined]]);
    const missing = await read('api.json', JSON.stringify(shape), { fields: { records: 'response.items' } });
    assert.deepStrictEqual(missing.diagnostics.map((d) => d.message), ['no array of records at "response.items"']);
  });
});

describe('formats: every reader keeps offsets exact', function () {
  this.timeout(120_000);

  it('every mention of every fixture article slices to its text', async () => {
    let mentions = 0;
    for (const name of await fs.readdir(FORMATS)) {
      for (const a of (await read(name)).articles) {
        const analysis = analyzeArticle(a);
        for (const m of analysis.mentions) assert.strictEqual(a.text.slice(m.start, m.end), m.text, `${a.id} ${m.text}`);
        mentions += analysis.mentions.length;
      }
    }
    assert.ok(mentions > 50, `${mentions} mentions checked`);
  });
});

describe('formats: discovery', () => {
  it('the default include takes every kind the readers read, as package.json says', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(pkg.contributes.configuration.properties['newsLens.corpus.include'].default, DEFAULT_INCLUDE);
    const found = await discoverFiles(nodeSource, [FORMATS]);
    assert.deepStrictEqual(found.files.map((f) => path.basename(f)).sort(), (await fs.readdir(FORMATS)).sort());
    assert.deepStrictEqual(found.diagnostics, []);
  });

  it('names the files an include pattern matches that no reader reads', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-kinds-'));
    try {
      for (const name of ['a.txt', 'b.docx', 'c.docx', 'd.csv', 'README']) await fs.writeFile(path.join(dir, name), 'x\n');
      const found = await discoverFiles(nodeSource, [dir], '**/*');
      assert.deepStrictEqual(found.files.map((f) => path.basename(f)), ['a.txt']);
      assert.deepStrictEqual(found.diagnostics.map((d) => [d.path, d.severity]), [[dir, 'warning']]);
      assert.match(found.diagnostics[0].message, /^4 files match the include pattern \*\*\/\* but are not of kinds News Lens reads \(2 \.docx, 1 \.csv, 1 without extension\): not loaded\. News Lens reads \.txt \.md/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
