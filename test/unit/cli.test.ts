import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import type { AnalysisJson } from '../../src/core/render/analysisJson';
import { ROOT } from './paths';

/** The CLI as a user runs it: the built bundle (npm test builds before the unit tests). */
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** The example, with names from the seed: one decision of each operation. */
const SEED_DECISIONS = [
  { op: 'rename', entity: 'Sergei Lavrov', to: 'Sergey Lavrov' },
  { op: 'retype', entity: 'Moscow', to: 'organization', note: 'the Russian government, by metonymy' },
  { op: 'detach', entity: 'United Nations', alias: 'UN' },
  { op: 'merge', entities: ['UN Security Council', 'UN'], into: 'UN Security Council' },
  { op: 'ignore', name: 'Foreign Minister' },
  { op: 'add', name: 'Mondo International', type: 'organization', aliases: ['Mondo'] },
];

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: news-lens analyze', function () {
  this.timeout(120_000);

  it('prints the seed article with its source and date by default', () => {
    const r = run(['analyze']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /The Russian Foreign Minister reiterated his support for India s accession to the permanent program/);
    assert.match(r.stdout, /2024-01-31 · Mondo International/);
  });

  it('prints JSON that validates against the contract, with mentions that slice to their text', async () => {
    const r = run(['analyze', '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as AnalysisJson;
    const schema = JSON.parse(await fs.readFile(path.join(ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors, null, 2));
    assert.strictEqual(out.articles.length, 1);
    const [a] = out.articles;
    assert.deepStrictEqual([a.title.slice(0, 27), a.source, a.date], ['The Russian Foreign Ministe', 'Mondo International', '2024-01-31']);
    for (const m of a.mentions) assert.strictEqual(a.text.slice(m.start, m.end), m.text);
    const ids = new Set(out.entities.map((e) => e.id));
    for (const m of a.mentions) assert.ok(ids.has(m.entity), `mention entity ${m.entity} is listed`);
  });

  it('skips bad files with diagnostics, exits 0 while one article loads, non-zero when none does', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      await fs.writeFile(path.join(dir, 'good.txt'), 'Storm hits Lisbon\n\nA storm hit Lisbon on Monday.\n');
      await fs.writeFile(path.join(dir, 'bad.json'), '{"title": ');
      const ok = run(['analyze', dir, '--format', 'json']);
      assert.strictEqual(ok.status, 0);
      const out = JSON.parse(ok.stdout);
      assert.deepStrictEqual(
        out.articles.map((a: { title: string }) => a.title),
        ['Storm hits Lisbon'],
      );
      assert.match(out.diagnostics[0].message, /malformed JSON/);
      assert.match(ok.stderr, /bad\.json: malformed JSON/);
      const none = run(['analyze', path.join(dir, 'bad.json')]);
      assert.notStrictEqual(none.status, 0);
      assert.match(none.stderr, /no article could be loaded/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('writes --out through a temporary file, and refuses a missing folder before analysing anything', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      const out = path.join(dir, 'analysis.json');
      const ok = run(['analyze', '--format', 'json', '--out', out]);
      assert.strictEqual(ok.status, 0, ok.stderr);
      assert.strictEqual(JSON.parse(await fs.readFile(out, 'utf8')).articles.length, 1);
      assert.deepStrictEqual(await fs.readdir(dir), ['analysis.json'], 'no temporary file is left');
      const missing = path.join(dir, 'no', 'such', 'folder', 'analysis.json');
      const started = Date.now();
      const r = run(['analyze', '--format', 'json', '--out', missing]);
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /cannot write --out .*: the folder .*folder does not exist/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.ok(Date.now() - started < 5000, 'said at once, not after the analysis');
      const intoFolder = run(['analyze', '--out', dir]);
      assert.strictEqual(intoFolder.status, 2);
      assert.match(intoFolder.stderr, /it is a folder/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('--curation applies each of the six operations to the seed; entities a decision touched say "curated"', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      const file = path.join(dir, 'curation.json');
      await fs.writeFile(file, JSON.stringify({ version: 1, decisions: SEED_DECISIONS }, null, 2));
      const r = run(['analyze', '--curation', file, '--format', 'json']);
      assert.strictEqual(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as AnalysisJson;
      const schema = JSON.parse(await fs.readFile(path.join(ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
      assert.ok(new Ajv({ allErrors: true }).compile(schema)(out), 'the JSON still validates');
      const byId = new Map(out.entities.map((e) => [e.id, e]));
      assert.deepStrictEqual(byId.get('person:sergey-lavrov')?.aliases, ['Lavrov', 'Sergei Lavrov'], 'rename');
      assert.ok(!byId.has('person:sergei-lavrov'));
      assert.strictEqual(byId.get('organization:moscow')?.curated, true, 'retype');
      assert.strictEqual(byId.get('organization:united-nations')?.aliases.includes('UN'), false, 'detach');
      assert.deepStrictEqual(byId.get('organization:un-security-council')?.aliases, ['UN'], 'merge (of what was detached)');
      assert.ok(![...byId.values()].some((e) => e.name === 'Foreign Minister'), 'ignore');
      assert.strictEqual(byId.get('organization:mondo-international')?.mentionCount, 1, 'add');
      const [a] = out.articles;
      for (const m of a.mentions) assert.strictEqual(a.text.slice(m.start, m.end), m.text);
      assert.ok(a.mentions.some((m) => m.entity === 'organization:mondo-international' && m.text === 'Mondo International'));
      assert.deepStrictEqual(out.diagnostics, []);
      assert.strictEqual(out.entities.filter((e) => e.curated).length, 5);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('prints file names and JSON snippets on standard error without terminal escapes or line breaks', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      await fs.writeFile(path.join(dir, 'good.txt'), 'Storm hits Lisbon\n\nA storm hit Lisbon on Monday.\n');
      // Raw control characters make a JSON record binary; a bidi override is valid text and reaches the message's snippet.
      await fs.writeFile(path.join(dir, 'evil\u001b[2J\nname\u202e.json'), 'x\u202epwned');
      const r = run(['analyze', dir, '--format', 'json']);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /[^\P{Cc}\n]|\u202e/u, 'no control character or bidi override reaches the terminal');
      const lines = r.stderr.trim().split('\n');
      assert.strictEqual(lines.length, 1, `one line per problem: ${r.stderr}`);
      assert.match(lines[0], /evil\\u001b\[2J\\nname\\u202e\.json(:1)?: malformed JSON.*\\u202epwned/);
      // The JSON output keeps the name as it is (JSON escapes it).
      assert.ok(JSON.parse(r.stdout).diagnostics[0].path.endsWith('evil\u001b[2J\nname\u202e.json'));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('uses the first folder\'s .newslens/curation.json when there is no --curation, says so, and reports bad decisions at their line', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      await fs.writeFile(path.join(dir, 'storm.txt'), 'Storm hits Lisbon\n\nA storm hit Lisbon on Monday, said Ana Ribeiro.\n');
      await fs.mkdir(path.join(dir, '.newslens'));
      const own = path.join(dir, '.newslens', 'curation.json');
      await fs.writeFile(own, '{ "version": 1, "decisions": [\n  { "op": "rename", "entity": "Lisbon", "to": "Lisboa" },\n  { "op": "frobnicate" }\n] }\n');
      const r = run(['analyze', dir, '--format', 'json']);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`applying the corrections in ${own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const out = JSON.parse(r.stdout) as AnalysisJson;
      assert.ok(out.entities.some((e) => e.name === 'Lisboa' && e.curated));
      assert.deepStrictEqual(
        out.diagnostics.map((d) => [d.path, d.line, d.severity]),
        [[own, 3, 'warning']],
      );
      assert.match(out.diagnostics[0].message, /unknown op "frobnicate"/);
      assert.match(r.stderr, /curation\.json:3: /);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('names its own options, not VS Code settings, in limit messages; the time limit is an option', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      await fs.writeFile(path.join(dir, 'big.txt'), `Big file\n\n${'The council met on Monday. '.repeat(50_000)}\n`);
      const big = run(['analyze', dir, '--max-file-mb', '1']);
      assert.match(big.stderr, /big\.txt: skipped: .* over the 1\.0 MB per-file limit \(--max-file-mb\)/);
      const slow = run(['analyze', path.join(ROOT, 'seeds'), '--file-timeout', '0.001']);
      assert.match(slow.stderr, /analysis took longer than 1 ms \(--file-timeout\); file skipped/);
      assert.doesNotMatch(big.stderr + slow.stderr, /newsLens\./);
      assert.strictEqual(run(['analyze', '--file-timeout', 'soon']).status, 2);
      const glob = run(['analyze', dir, '--include', '**/*a*a*a*a*a*a*a*a*a*a*b.txt']);
      assert.strictEqual(glob.status, 2);
      assert.match(glob.stderr, /--include "\*\*\/\*a\*a.*" refused: .* has 11 wildcards/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a folder of web pages, feeds, e-mail, PDF, NewsAPI JSON and XSum JSONL with their titles, dates and sources', async () => {
    const r = run(['analyze', path.join(ROOT, 'test', 'fixtures', 'formats'), '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const schema = JSON.parse(await fs.readFile(path.join(ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const out = JSON.parse(r.stdout) as AnalysisJson;
    assert.ok(validate(out), JSON.stringify(validate.errors, null, 2));
    assert.deepStrictEqual(
      out.articles.map((a) => [path.basename(a.path), a.format, a.title, a.date, a.source]),
      [
        ['baltic-report.atom', 'feed', 'Riga port expands its container terminal', '2024-03-04', 'Baltic Report'],
        ['council-budget.html', 'html', 'Stavanger council approves a budget for new schools', '2024-02-28', 'West News'],
        ['harbour-reopens.html', 'html', 'Bergen harbour reopens after three-day storm', '2024-03-05', 'Coast Post'],
        ['newsapi.json', 'json', 'Iceland lifts the eruption warning for Grindavik', '2024-03-04', 'Reykjavik Daily'],
        ['newsapi.json', 'json', 'Copenhagen approves a tunnel under the harbour', '2024-03-02', 'Danish Times'],
        ['nordic-wire.rss', 'feed', 'Oslo opens a new metro line to Fornebu', '2024-03-01', 'Nordic Wire'],
        ['nordic-wire.rss', 'feed', 'Finnish parliament debates a new energy law', '2024-02-29', 'Nordic Wire'],
        ['press-release.eml', 'eml', 'Cruise season in Bergen opens with record bookings – press release', '2024-03-06', 'Bergen Port Authority'],
        ['report.pdf', 'pdf', 'Tromso airport expands its runway', '2024-03-07', 'Avinor'],
        ['xsum.jsonl', 'jsonl', 'Storms closed roads across the Scottish Highlands on Sunday, Transport Scotland said.', null, null],
        ['xsum.jsonl', 'jsonl', 'Aberdeen City Council has approved plans for a new harbour at Nigg Bay, which the port said would bring 2,300 jobs to…', null, null],
      ],
    );
    for (const a of out.articles) {
      for (const piece of [a.text, ...a.summary]) assert.doesNotMatch(piece, /<\/?[a-z][^>]*>|&amp;|Share on|Tweet|Sign up|cookies|Return-Path:|Received:|Content-Type:/i, `${a.id}: ${piece}`);
      for (const m of a.mentions) assert.strictEqual(a.text.slice(m.start, m.end), m.text);
      assert.ok(a.summary.length > 0, `${a.id} has a summary`);
    }
    assert.deepStrictEqual(r.stderr.trim().split('\n'), [`news-lens: info: ${path.join(ROOT, 'test', 'fixtures', 'formats', 'press-release.eml')}: attachments not analysed: cruise-calls-2024.pdf (application/pdf, 57 B)`]);
  });

  it('reads records of any shape through --text-field, --title-field, --date-field, --source-field and --records-field', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      const record = { headline_text: 'Tram strike ends', body: { plain: 'Tram drivers in Gothenburg ended their strike on Friday.' }, meta: { published: '2024-03-08' }, outlet: 'GP' };
      await fs.writeFile(path.join(dir, 'api.json'), JSON.stringify({ response: { docs: [record] } }));
      const plain = run(['analyze', dir]);
      assert.strictEqual(plain.status, 1);
      assert.match(plain.stderr, /no article text/);
      const named = run(['analyze', dir, '--records-field', 'response.docs', '--text-field', 'body.plain', '--title-field', 'headline_text', '--date-field', 'meta.published', '--source-field', 'outlet']);
      assert.strictEqual(named.status, 0, named.stderr);
      assert.match(named.stdout, /== Tram strike ends\n {3}2024-03-08 · GP/);
      assert.strictEqual(run(['analyze', dir, '--text-field', ' ']).status, 2);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('does not read its own cache as articles when --cache lies inside the analysed folder', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      await fs.copyFile(path.join(ROOT, 'test', 'fixtures', 'formats', 'xsum.jsonl'), path.join(dir, 'xsum.jsonl'));
      const args = ['analyze', dir, '--cache', path.join(dir, 'cache'), '--format', 'json'];
      const cold = run(args);
      assert.strictEqual(cold.status, 0, cold.stderr);
      assert.ok((await fs.readdir(path.join(dir, 'cache'))).length > 0, 'the cache was written inside the folder');
      const warm = run(args);
      assert.strictEqual(warm.status, 0, warm.stderr);
      assert.strictEqual(warm.stderr, '');
      const { articles, diagnostics } = JSON.parse(warm.stdout) as AnalysisJson;
      assert.deepStrictEqual([articles.map((a) => a.id), diagnostics], [['xsum-34061785', 'xsum-34062299'], []]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('--watchlist (repeatable) finds listed names; their entities carry the list; a missing file is an error', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-cli-'));
    try {
      const csv = path.join(dir, 'officials.csv');
      await fs.writeFile(csv, 'name,type,aliases\nSergei Lavrov,person,Lavrov\nMondo International,organization,\n');
      const ftm = path.join(dir, 'leak.ftm.json');
      await fs.writeFile(ftm, JSON.stringify({ schema: 'Person', properties: { name: ['S Jaishankar'], alias: ['Jaishankar'] } }) + '\n');
      const r = run(['analyze', '--watchlist', csv, '--watchlist', ftm, '--format', 'json']);
      assert.strictEqual(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as AnalysisJson;
      const byId = new Map(out.entities.map((e) => [e.id, e]));
      assert.deepStrictEqual(byId.get('person:sergei-lavrov')?.watchlists, ['officials.csv']);
      assert.deepStrictEqual(byId.get('person:s-jaishankar')?.watchlists, ['leak.ftm.json']);
      assert.deepStrictEqual(byId.get('organization:mondo-international')?.watchlists, ['officials.csv']);
      const missing = run(['analyze', '--watchlist', path.join(dir, 'nope.csv')]);
      assert.strictEqual(missing.status, 2);
      assert.match(missing.stderr, /cannot read the watchlist .*nope\.csv: ENOENT/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format with usage help', () => {
    const r = run(['analyze', '--format', 'xml']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--format must be json or text/);
  });

  it('keeps an acronym one article defines to that article: "Benavista Bowls Club (BBC)" and the BBC of other stories are two entities', () => {
    const r = run(['analyze', path.join(ROOT, 'test', 'fixtures', 'identity'), '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as AnalysisJson;
    const bbcIn = (id: string): string[] => [...new Set(out.articles.find((a) => a.id === id)?.mentions.filter((m) => m.text === 'BBC').map((m) => m.entity))];
    assert.deepStrictEqual(bbcIn('bowls-club'), ['organization:benavista-bowls-club']);
    assert.deepStrictEqual(bbcIn('licence-fee'), ['organization:bbc']);
    assert.deepStrictEqual(bbcIn('storm-warning'), ['organization:bbc']);
    const club = out.entities.find((e) => e.id === 'organization:benavista-bowls-club');
    assert.deepStrictEqual([club?.articleCount, club?.aliases], [1, ['BBC']]);
    assert.strictEqual(out.entities.find((e) => e.id === 'organization:bbc')?.articleCount, 2);
  });
});
