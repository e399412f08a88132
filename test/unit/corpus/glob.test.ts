import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import picomatch from 'picomatch';
import { DEFAULT_INCLUDE, discoverFiles } from '../../../src/core/corpus/discover';
import { compileGlob, globProblem } from '../../../src/core/corpus/glob';
import { nodeSource } from '../../../src/core/corpus/nodeSource';

const PATTERNS = [
  DEFAULT_INCLUDE,
  '*.txt',
  '**/*.txt',
  'news/**/*.jsonl',
  'news/*/*.json',
  '**/2024-*.{json,jsonl}',
  '**/*-reuters-*.jsonl',
  'a?c.md',
  '**/[ab]*.txt',
  '**/archive/**/*.md',
  'src/**',
  './news/*.txt',
  'News/**/*.TXT',
];

const PATHS = [
  'a.txt',
  'abc.md',
  'b.md',
  'x/a.txt',
  'news/a.jsonl',
  'news/2024/x.jsonl',
  'news/2024/x.json',
  'news/a/b/c/d.jsonl',
  'deep/er/2024-01.json',
  '2024-05.jsonl',
  'feed-reuters-1.jsonl',
  'x/feed-reuters-1.jsonl',
  '.hidden/a.txt',
  'x/.a.txt',
  'archive/a.md',
  'y/archive/z/b.md',
  'src/a',
  'src/a/b',
  'NEWS/A.TXT',
  'bad.json.bak',
];

describe('corpus: bounded glob matching', () => {
  it('matches as picomatch does over whole paths', () => {
    for (const pattern of PATTERNS) {
      const ours = compileGlob(pattern);
      assert.ok(typeof ours === 'function', `${pattern}: ${JSON.stringify(ours)}`);
      const theirs = picomatch(pattern.replace(/^\.\//, ''), { dot: false, nocase: true });
      for (const p of PATHS) assert.strictEqual(ours(p), theirs(p), `${pattern} on ${p}`);
    }
  });

  it('refuses patterns whose matching could backtrack without end, saying why', () => {
    assert.match(globProblem('**/*a*a*a*a*a*a*a*a*a*a*b.txt') ?? '', /has 11 wildcards \(\*\); a folder or file name may have at most 2/);
    assert.match(globProblem('**/+(a|aa)*.txt') ?? '', /extended patterns/);
    assert.match(globProblem('{a/b,c}/*.txt') ?? '', /may not hold a \//);
    assert.match(globProblem('!*.txt') ?? '', /negated/);
    assert.match(globProblem(`${'a/'.repeat(70)}*.txt`) ?? '', /folder levels/);
    assert.match(globProblem('x'.repeat(400)) ?? '', /longer than/);
    assert.strictEqual(globProblem('**/*-reuters-*.{json,jsonl}'), undefined);
  });

  it('matches the hardest allowed patterns against the deepest, longest paths (each segment pair tested once)', () => {
    const deep = `${Array.from({ length: 120 }, () => 'a'.repeat(30)).join('/')}/${'a'.repeat(240)}.txt`;
    const deepB = `${deep.slice(0, -4)}b.txt`;
    const cases: [string, boolean, boolean][] = [
      ['**/*a*/**/*a*b.txt', false, true],
      ['a*a*/**/a*a*/**/*b.txt', false, true],
      ['**/a*a*/a*a*/a*a*/*a*b.txt', false, true],
      ['**/**/**/**/*a*a.txt', true, false],
    ];
    for (const [pattern, onDeep, onDeepB] of cases) {
      const match = compileGlob(pattern);
      assert.ok(typeof match === 'function');
      assert.deepStrictEqual([match(deep), match(deepB)], [onDeep, onDeepB], pattern);
    }
  });

  describe('discovery with a hostile include pattern', () => {
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-glob-'));
      await fs.writeFile(path.join(dir, `${'a'.repeat(200)}.txt`), 'Long name\n\nThe council met.\n');
    });
    after(() => fs.rm(dir, { recursive: true, force: true }));

    it('refuses the pattern at once with one message and uses the default', async () => {
      const found = await discoverFiles(nodeSource, [dir], '**/*a*a*a*a*a*a*a*a*a*a*b.txt', undefined, { includeOption: 'newsLens.corpus.include' });
      assert.deepStrictEqual(found.files.map((f) => path.basename(f).length), [204]);
      assert.strictEqual(found.diagnostics.length, 1);
      assert.match(found.diagnostics[0].message, /^newsLens\.corpus\.include "\*\*\/\*a\*a.*" refused: .* the default .* is used instead$/);
      assert.ok(found.diagnostics[0].message.endsWith(`the default ${DEFAULT_INCLUDE} is used instead`));
    });
  });
});
