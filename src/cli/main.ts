import { randomBytes } from 'crypto';
import { createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { parseArgs } from 'util';
import { DEFAULT_INCLUDE } from '../core/corpus/discover';
import { globProblem } from '../core/corpus/glob';
import { nodeSource } from '../core/corpus/nodeSource';
import type { RecordFields } from '../core/corpus/records';
import { DEFAULT_LIMITS } from '../core/corpus/source';
import { DEFAULT_CACHE_MAX_MB, pruneCache } from '../core/index/analysisCache';
import { CURATION_FILE } from '../core/corpus/curationFile';
import { correctionsFrom } from '../core/index/curation';
import { indexCorpus } from '../core/index/indexer';
import { loadNerModel, packagedModelPath } from '../core/nlp/ner/recogniser';
import { WorkerPool, defaultPoolSize } from '../core/index/workerPool';
import { analysisJsonChunks } from '../core/render/analysisJson';
import { printable } from '../core/render/printable';
import { textReport } from '../core/render/textReport';

const USAGE = `Usage: news-lens analyze [PATH...] [options]
       news-lens cache prune DIR [--max-mb N]

Analyse news articles, or folders of them: plain text (.txt), Markdown (.md),
JSON and JSONL records (.json, .jsonl: news-please, NewsAPI, JSON Feed, ...),
web pages (.html, .htm), feeds (.rss, .atom, .xml), e-mail (.eml) and PDF (.pdf).
With no PATH, analyses the bundled sample corpus.

Options:
  --format json|text      output format (default: text)
  --out FILE              write to FILE instead of standard output
  --include GLOB          files to take from folders (default: ${DEFAULT_INCLUDE})
  --text-field NAME       JSON/JSONL field holding the article text (a.b reaches into objects)
  --title-field NAME      ... the title
  --date-field NAME       ... the publication date
  --source-field NAME     ... the source
  --records-field NAME    ... in a JSON object, the array of records
  --summary-sentences N   sentences per summary (default: 3)
  --workers N             indexing worker processes (default: number of cores)
  --cache DIR             keep analyses in DIR; unchanged files are not analysed again
  --cache-max-mb N        afterwards, remove the least recently used analyses
                          beyond N MB from DIR (default: ${DEFAULT_CACHE_MAX_MB})
  --max-file-mb N         skip files larger than N MB (default: 20)
  --file-timeout SECONDS  skip a file whose analysis takes longer (default: 120)
  --curation FILE         apply the corrections of a curation file (default: the first
                          PATH's ${CURATION_FILE}, when there is one)
  --watchlist FILE        find every name of a watchlist (CSV name,type,aliases or
                          FollowTheMoney JSON lines) in every article; repeatable
  -h, --help              show this help

cache prune removes the least recently used analyses from a cache folder until
it holds at most --max-mb megabytes (default: ${DEFAULT_CACHE_MAX_MB}; 0 empties it).
`;

/** The bundled seeds sit next to the built CLI (dist/cli.js -> ../seeds). */
export function bundledSeeds(): string {
  return path.join(__dirname, '..', 'seeds');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
        include: { type: 'string' },
        'text-field': { type: 'string' },
        'title-field': { type: 'string' },
        'date-field': { type: 'string' },
        'source-field': { type: 'string' },
        'records-field': { type: 'string' },
        'summary-sentences': { type: 'string', default: '3' },
        workers: { type: 'string' },
        cache: { type: 'string' },
        'max-file-mb': { type: 'string', default: '20' },
        'file-timeout': { type: 'string', default: '120' },
        'cache-max-mb': { type: 'string', default: String(DEFAULT_CACHE_MAX_MB) },
        'max-mb': { type: 'string', default: String(DEFAULT_CACHE_MAX_MB) },
        curation: { type: 'string' },
        watchlist: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`news-lens: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === 'cache') return cacheCommand(paths, values['max-mb']);
  if (command !== 'analyze') {
    process.stderr.write(command ? `news-lens: unknown command "${command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  if (values.format !== 'json' && values.format !== 'text') {
    process.stderr.write(`news-lens: --format must be json or text, not "${values.format}"\n`);
    return 2;
  }
  const summarySentences = Number(values['summary-sentences']);
  if (!Number.isInteger(summarySentences) || summarySentences < 0) {
    process.stderr.write('news-lens: --summary-sentences must be a whole number\n');
    return 2;
  }
  const workers = values.workers === undefined ? defaultPoolSize() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) {
    process.stderr.write('news-lens: --workers must be a whole number of at least 1\n');
    return 2;
  }
  const maxFileMb = Number(values['max-file-mb']);
  if (!(maxFileMb > 0)) {
    process.stderr.write('news-lens: --max-file-mb must be a positive number\n');
    return 2;
  }
  const cacheMaxMb = Number(values['cache-max-mb']);
  if (!(cacheMaxMb >= 0)) {
    process.stderr.write('news-lens: --cache-max-mb must be a number of megabytes\n');
    return 2;
  }
  const fileTimeout = Number(values['file-timeout']);
  if (!(fileTimeout > 0)) {
    process.stderr.write('news-lens: --file-timeout must be a positive number of seconds\n');
    return 2;
  }
  // An output that cannot be written is said now, not after an analysis of many minutes.
  const out = values.out === undefined ? undefined : path.resolve(values.out);
  const outProblem = out === undefined ? undefined : await unwritable(out);
  if (outProblem) {
    process.stderr.write(`news-lens: cannot write --out ${printable(out as string)}: ${outProblem}\n`);
    return 2;
  }
  const includeProblem = values.include === undefined ? undefined : globProblem(values.include);
  if (includeProblem) {
    process.stderr.write(`news-lens: --include "${printable(values.include as string)}" refused: ${includeProblem}\n`);
    return 2;
  }
  const fields: RecordFields = {};
  for (const key of ['text', 'title', 'date', 'source', 'records'] as const) {
    const name = values[`${key}-field`];
    if (name !== undefined && name.trim() === '') {
      process.stderr.write(`news-lens: --${key}-field needs a field name\n`);
      return 2;
    }
    if (name !== undefined) fields[key] = name.trim();
  }
  // The workers load the entity model; checking it here first turns a missing or damaged model into
  // one clear message instead of one failure per file.
  try {
    loadNerModel(packagedModelPath(__dirname));
  } catch (err) {
    process.stderr.write(`news-lens: ${(err as Error).message}\n`);
    return 70;
  }
  const roots = paths.length ? paths.map((p) => path.resolve(p)) : [bundledSeeds()];
  let corrections;
  try {
    corrections = await readCorrections(roots[0], values.curation, values.watchlist ?? []);
  } catch (err) {
    process.stderr.write(`news-lens: ${printable((err as Error).message)}\n`);
    return 2;
  }
  const cacheDir = values.cache ? path.resolve(values.cache) : undefined;
  const started = Date.now();
  const pool = new WorkerPool({ script: path.join(__dirname, 'worker.js'), size: workers, fileTimeoutMs: fileTimeout * 1000, timeoutOption: '--file-timeout' });
  let index;
  try {
    ({ index } = await indexCorpus(nodeSource, pool, {
      roots,
      include: values.include,
      analyze: { summarySentences },
      read: Object.keys(fields).length ? { fields } : undefined,
      limits: { ...DEFAULT_LIMITS, maxFileBytes: Math.round(maxFileMb * 1024 * 1024), maxFileBytesOption: '--max-file-mb' },
      cacheDir,
      curation: corrections,
    }));
  } finally {
    await pool.dispose();
  }
  for (const d of [...index.diagnostics, ...index.curationDiagnostics()]) {
    process.stderr.write(`news-lens: ${d.severity}: ${printable(d.path)}${d.line ? `:${d.line}` : ''}: ${printable(d.message)}\n`);
  }
  const chunks = values.format === 'json' ? analysisJsonChunks(index) : [textReport(index)];
  if (out !== undefined) {
    try {
      await writeFileFrom(out, chunks);
    } catch (err) {
      process.stderr.write(`news-lens: cannot write --out ${printable(out)}: ${printable((err as Error).message)}\n`);
      return 74;
    }
  } else await writeStdout(chunks);
  if (cacheDir && !index.diagnostics.some((d) => d.path === cacheDir)) await pruneCache(cacheDir, { maxBytes: cacheMaxMb * MB, keepSince: started });
  if (index.size === 0) {
    process.stderr.write(`news-lens: no article could be loaded from ${printable(roots.join(', '))}\n`);
    return 1;
  }
  return 0;
}

const MB = 1024 * 1024;

/** `news-lens cache prune DIR [--max-mb N]`. */
async function cacheCommand(args: string[], maxMb: string | undefined): Promise<number> {
  const [action, dir, ...extra] = args;
  if (action !== 'prune' || !dir || extra.length) {
    process.stderr.write(`news-lens: usage: news-lens cache prune DIR [--max-mb N]\n`);
    return 2;
  }
  const max = Number(maxMb);
  if (!(max >= 0)) {
    process.stderr.write('news-lens: --max-mb must be a number of megabytes\n');
    return 2;
  }
  const st = await fs.stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) {
    process.stderr.write(`news-lens: ${printable(dir)} is not a folder\n`);
    return 2;
  }
  const r = await pruneCache(path.resolve(dir), { maxBytes: max * MB });
  const mb = (n: number): string => `${(n / MB).toFixed(1)} MB`;
  process.stdout.write(`removed ${r.removed} entries (${mb(r.removedBytes)}); ${r.kept} entries (${mb(r.keptBytes)}) remain\n`);
  return 0;
}

/** Why `file` cannot be written, or undefined when its folder exists and is writable. */
async function unwritable(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  try {
    if (!(await fs.stat(dir)).isDirectory()) return `${printable(dir)} is not a folder`;
    await fs.access(dir, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `the folder ${printable(dir)} does not exist` : code === 'EACCES' || code === 'EPERM' ? `no permission to write in ${printable(dir)}` : printable((err as Error).message);
  }
  const existing = await fs.stat(file).catch(() => undefined);
  return existing?.isDirectory() ? 'it is a folder' : undefined;
}

/** Joins small pieces into writes of about 64 KB: one write per article would cost more than the writing. */
function* batched(chunks: Iterable<string>): Generator<string, void, undefined> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 1 << 16) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

/**
 * Streams the pieces into a temporary file beside `file` and renames it into place: the output is
 * never held whole in memory, and a run that fails midway leaves no half-written file.
 */
async function writeFileFrom(file: string, chunks: Iterable<string>): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await pipeline(Readable.from(batched(chunks)), createWriteStream(tmp));
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The curation file (the one given, else the first root's own, if it has one) and the watchlists.
 * A file named on the command line that cannot be read is an error; a default that is absent is not.
 */
async function readCorrections(firstRoot: string, curation: string | undefined, watchlists: string[]): Promise<ReturnType<typeof correctionsFrom>> {
  const read = async (file: string, what: string): Promise<{ path: string; text: string }> => {
    try {
      return { path: file, text: await fs.readFile(file, 'utf8') };
    } catch (err) {
      throw new Error(`cannot read the ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  const files: { path: string; text: string }[] = [];
  if (curation) files.push(await read(path.resolve(curation), 'curation file'));
  else {
    const own = path.join(firstRoot, CURATION_FILE);
    const text = await fs.readFile(own, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      process.stderr.write(`news-lens: applying the corrections in ${printable(own)}\n`);
      files.push({ path: own, text });
    }
  }
  const lists = await Promise.all(watchlists.map((w) => read(path.resolve(w), 'watchlist')));
  return correctionsFrom(files, lists);
}

/** Streams the pieces to standard output, waiting whenever the reader is behind. A reader that goes away (`| head`) ends the output quietly. */
async function writeStdout(chunks: Iterable<string>): Promise<void> {
  try {
    await pipeline(Readable.from(batched(chunks)), process.stdout, { end: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`news-lens: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
