import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { nodeSource } from '../core/corpus/nodeSource';
import { DEFAULT_LIMITS } from '../core/corpus/source';
import * as os from 'os';
import { indexCorpus } from '../core/index/indexer';
import { WorkerPool } from '../core/index/workerPool';
import { toAnalysisJson } from '../core/render/analysisJson';
import { textReport } from '../core/render/textReport';

const USAGE = `Usage: news-lens analyze [PATH...] [options]

Analyse news articles (.txt, .md, .json, .jsonl files, or folders of them).
With no PATH, analyses the bundled sample corpus.

Options:
  --format json|text      output format (default: text)
  --out FILE              write to FILE instead of standard output
  --include GLOB          files to take from folders (default: **/*.{txt,md,json,jsonl})
  --summary-sentences N   sentences per summary (default: 3)
  --workers N             indexing worker threads (default: number of cores)
  --cache DIR             keep analyses in DIR; unchanged files are not analysed again
  --max-file-mb N         skip files larger than N MB (default: 20)
  -h, --help              show this help
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
        'summary-sentences': { type: 'string', default: '3' },
        workers: { type: 'string' },
        cache: { type: 'string' },
        'max-file-mb': { type: 'string', default: '20' },
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
  const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) {
    process.stderr.write('news-lens: --workers must be a whole number of at least 1\n');
    return 2;
  }
  const maxFileMb = Number(values['max-file-mb']);
  if (!(maxFileMb > 0)) {
    process.stderr.write('news-lens: --max-file-mb must be a positive number\n');
    return 2;
  }
  const roots = paths.length ? paths.map((p) => path.resolve(p)) : [bundledSeeds()];
  const pool = new WorkerPool({ script: path.join(__dirname, 'worker.js'), size: workers, fileTimeoutMs: 120_000 });
  let index;
  try {
    ({ index } = await indexCorpus(nodeSource, pool, {
      roots,
      include: values.include,
      analyze: { summarySentences },
      limits: { ...DEFAULT_LIMITS, maxFileBytes: Math.round(maxFileMb * 1024 * 1024) },
      cacheDir: values.cache ? path.resolve(values.cache) : undefined,
    }));
  } finally {
    await pool.dispose();
  }
  for (const d of index.diagnostics) {
    process.stderr.write(`news-lens: ${d.severity}: ${d.path}${d.line ? `:${d.line}` : ''}: ${d.message}\n`);
  }
  const output = values.format === 'json' ? JSON.stringify(toAnalysisJson(index), null, 2) + '\n' : textReport(index);
  if (values.out) await fs.writeFile(values.out, output, 'utf8');
  else await writeStdout(output);
  if (index.size === 0) {
    process.stderr.write(`news-lens: no article could be loaded from ${roots.join(', ')}\n`);
    return 1;
  }
  return 0;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, (os.availableParallelism?.() ?? os.cpus().length) || 1));
}

function writeStdout(s: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(s, (err) => (err ? reject(err) : resolve())));
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
