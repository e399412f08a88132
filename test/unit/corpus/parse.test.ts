import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeBytes } from '../../../src/core/corpus/decode';
import { loadCorpus } from '../../../src/core/corpus/load';
import { nodeSource } from '../../../src/core/corpus/nodeSource';
import { parseArticleFile, parsePlainText } from '../../../src/core/corpus/parse';
import { normaliseDate } from '../../../src/core/corpus/dates';
import { FIXTURES, SEED_PATH } from '../paths';

describe('corpus: the seed article', () => {
  it('reads title, source and date from the seed layout and keeps file offsets', async () => {
    const text = await fs.readFile(SEED_PATH, 'utf8');
    const a = parsePlainText(SEED_PATH, text, 'seed');
    assert.strictEqual(a.title, 'The Russian Foreign Minister reiterated his support for India s accession to the permanent program');
    assert.strictEqual(a.source, 'Mondo International');
    assert.strictEqual(a.date, '2024-01-31');
    assert.strictEqual(a.text, text, 'text is the whole file, so offsets are file offsets');
    assert.ok(a.text.slice(a.bodyStart).startsWith('Russian Foreign Minister Sergei Lavrov'));
    assert.ok(a.text.slice(a.bodyStart, a.bodyEnd).endsWith('international relations.'), 'trailing "Related Pages" is not body');
  });

  it('treats a file without the layout as title = first line, no source or date', () => {
    const a = parsePlainText('x.txt', 'Just a title\nAnd a body line.\n', 'x');
    assert.strictEqual(a.title, 'Just a title');
    assert.strictEqual(a.source, null);
    assert.strictEqual(a.date, null);
    assert.strictEqual(a.text.slice(a.bodyStart, a.bodyEnd), 'And a body line.');
  });

  it('accepts Published and Posted bylines', () => {
    assert.strictEqual(parsePlainText('a.txt', 'T\n\nDaily Wire Published on 2020-02-03\n\nBody.', 'a').date, '2020-02-03');
    assert.strictEqual(parsePlainText('a.txt', 'T\nCity Post Posted 12 March 2021\nBody.', 'a').source, 'City Post');
  });
});

describe('corpus: Markdown', () => {
  it('takes title, date and source from front matter', async () => {
    const file = path.join(FIXTURES, 'corpus', 'front-matter.md');
    const { articles } = parseArticleFile(file, await fs.readFile(file, 'utf8'), 'fm');
    assert.strictEqual(articles[0].title, 'Council approves the harbour plan');
    assert.strictEqual(articles[0].date, '2023-05-04');
    assert.strictEqual(articles[0].source, 'Harbour Gazette');
  });

  it('falls back to the first heading', async () => {
    const file = path.join(FIXTURES, 'corpus', 'heading-only.md');
    const { articles } = parseArticleFile(file, await fs.readFile(file, 'utf8'), 'h');
    assert.strictEqual(articles[0].title, 'Floods close roads in Valencia');
    assert.ok(articles[0].text.slice(articles[0].bodyStart).startsWith('Heavy rain'));
  });
});

describe('corpus: JSON and JSONL', () => {
  it('loads good JSONL lines and reports each broken one with its line number', async () => {
    const file = path.join(FIXTURES, 'corpus', 'news.jsonl');
    const { articles, diagnostics } = parseArticleFile(file, await fs.readFile(file, 'utf8'), 'news');
    assert.deepStrictEqual(
      articles.map((a) => [a.id, a.title, a.date, a.source]),
      [
        ['w1', 'Talks resume in Geneva', '2016-11-09', 'example.org'],
        ['news:3', 'Bank raises rates', '2020-03-01', 'Wire'],
      ],
    );
    assert.deepStrictEqual(
      diagnostics.map((d) => d.line),
      [2, 4],
    );
    assert.match(diagnostics[0].message, /malformed JSON/);
  });

  it('composes title, lead and body into the analysed text and says so', async () => {
    const file = path.join(FIXTURES, 'corpus', 'news.jsonl');
    const { articles } = parseArticleFile(file, await fs.readFile(file, 'utf8'), 'news');
    const a = articles[0];
    assert.deepStrictEqual(a.composedFrom, ['title', 'lead', 'body']);
    assert.strictEqual(a.text, 'Talks resume in Geneva\n\nDiplomats met again.\n\nDiplomats from both countries met in Geneva on Wednesday.');
    assert.strictEqual(a.text.slice(a.bodyStart), 'Diplomats from both countries met in Geneva on Wednesday.');
  });

  it('reads a news-please file from the Giveme5W1H set', () => {
    const rec = JSON.stringify({ title: 'T', description: 'D', text: 'Body here.', date_publish: '2016-11-12 00:00:00', publisher: 'standard', url: 'http://x' });
    const { articles } = parseArticleFile('a.json', rec, 'a');
    assert.strictEqual(articles[0].date, '2016-11-12');
    assert.strictEqual(articles[0].source, 'standard');
    assert.strictEqual(articles[0].url, 'http://x');
  });

  it('titles a record without one by its first sentence, or a word-boundary cut of a long first line', () => {
    const short = parseArticleFile('a.json', JSON.stringify({ text: 'Floods hit Dhaka on Monday. Rescue teams arrived.' }), 'a').articles[0];
    assert.strictEqual(short.title, 'Floods hit Dhaka on Monday.');
    const long = 'Officials ' + 'in the capital said the water was rising '.repeat(8) + 'and more';
    const a = parseArticleFile('b.json', JSON.stringify({ text: long }), 'b').articles[0];
    assert.ok(a.title.endsWith('…') && a.title.length <= 121, a.title);
    assert.ok(long.startsWith(a.title.slice(0, -1)) && long[a.title.length - 1] === ' ', 'cut on a word boundary');
  });

  it('reports malformed JSON instead of throwing', () => {
    const { articles, diagnostics } = parseArticleFile('bad.json', '{"title": ', 'bad');
    assert.strictEqual(articles.length, 0);
    assert.match(diagnostics[0].message, /malformed JSON/);
  });
});

describe('corpus: decoding', () => {
  it('rejects binary, invalid UTF-8 and empty input with a reason', () => {
    assert.match((decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])) as { reason: string }).reason, /binary/);
    assert.match((decodeBytes(new Uint8Array([0x61, 0xff, 0xfe, 0x62, 0x63])) as { reason: string }).reason, /not valid UTF-8 \(first bad byte at offset 1\)/);
    assert.match((decodeBytes(new Uint8Array([])) as { reason: string }).reason, /empty/);
    assert.match((decodeBytes(new TextEncoder().encode('  \n ')) as { reason: string }).reason, /empty/);
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Héllo Berlin', 'utf16le')]);
    const d = decodeBytes(le);
    assert.ok(d.ok && d.text.endsWith('Héllo Berlin'));
  });
});

describe('corpus: dates', () => {
  it('normalises common news date forms', () => {
    assert.strictEqual(normaliseDate('2016-11-09 00:00:00'), '2016-11-09');
    assert.strictEqual(normaliseDate('2020-03-01T08:00:00Z'), '2020-03-01');
    assert.strictEqual(normaliseDate('12 March 2021'), '2021-03-12');
    assert.strictEqual(normaliseDate('Jan. 5, 2019'), '2019-01-05');
    assert.strictEqual(normaliseDate('2019-02-30'), null);
    assert.strictEqual(normaliseDate('None'), null);
  });
});

describe('corpus: loading a folder', () => {
  it('loads every good file and turns each bad one into one diagnostic', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-load-'));
    try {
      await fs.writeFile(path.join(dir, 'good.txt'), 'Title line\n\nBody about Paris.\n');
      await fs.writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00]));
      await fs.writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61]));
      await fs.writeFile(path.join(dir, 'empty.md'), '');
      await fs.writeFile(path.join(dir, 'notes.csv'), 'a,b\n');
      const loaded = await loadCorpus(nodeSource, [dir]);
      assert.deepStrictEqual(
        loaded.articles.map((a) => a.title),
        ['Title line'],
      );
      const reasons = loaded.diagnostics.map((d) => `${path.basename(d.path)}: ${d.message}`).sort();
      assert.deepStrictEqual(reasons.length, 3, reasons.join('\n'));
      assert.match(reasons[0], /^binary\.txt: skipped: binary/);
      assert.match(reasons[1], /^empty\.md: skipped: empty file/);
      assert.match(reasons[2], /^latin1\.txt: skipped: not valid UTF-8/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing corpus path', async () => {
    const loaded = await loadCorpus(nodeSource, ['/definitely/not/here']);
    assert.strictEqual(loaded.articles.length, 0);
    assert.match(loaded.diagnostics[0].message, /not found/);
  });
});
