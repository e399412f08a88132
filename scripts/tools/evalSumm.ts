// Measures summaries against human-written ones: `npm run eval:summ -- FILE.jsonl [--summary-sentences N]
// [--details OUT.jsonl]`. FILE holds {id, article, reference} lines (reference: one sentence per line).
// Each article goes through the product's analysis (analyzeArticle, as the CLI's workers run it);
// a Lead-N baseline (the first N sentences by the same sentence splitter) is scored in the same run.
import { readFileSync, writeFileSync } from 'fs';
import { parseArgs } from 'util';
import { articleFromRecord } from '../../src/core/corpus/records';
import type { Span } from '../../src/core/model/types';
import { analyzeArticle } from '../../src/core/nlp/analyze';
import type { RougeScores } from './rouge';
import { rougeScores } from './rouge';
import { loadNerModel, packagedModelPath } from '../../src/core/nlp/ner/recogniser';

loadNerModel(packagedModelPath(__dirname));

interface Row {
  id: string;
  article: string;
  reference: string;
}

interface Tally {
  scores: RougeScores;
  words: number;
}

function readRows(path: string): Row[] {
  const rows: Row[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const r = JSON.parse(line) as Partial<Row>;
      if (typeof r.article !== 'string' || typeof r.reference !== 'string') throw new Error(`${path}:${i + 1}: expected {id, article, reference}`);
      rows.push({ id: String(r.id ?? i + 1), article: r.article, reference: r.reference });
    });
  return rows;
}

/** One sentence per line, as ROUGE-Lsum wants them. */
function summaryText(text: string, spans: Span[]): string {
  return spans.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).join('\n');
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function add(total: Tally, summary: string, reference: string): void {
  const s = rougeScores(summary, reference);
  total.scores.rouge1 += s.rouge1;
  total.scores.rouge2 += s.rouge2;
  total.scores.rougeLsum += s.rougeLsum;
  total.words += words(summary);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'summary-sentences': { type: 'string', default: '3' }, details: { type: 'string' } },
  });
  const path = positionals[0];
  const n = Number(values['summary-sentences']);
  if (!path || !Number.isInteger(n) || n < 1) {
    process.stderr.write('usage: npm run eval:summ -- FILE.jsonl [--summary-sentences N] [--details OUT.jsonl]\n');
    process.exitCode = 2;
    return;
  }
  const rows = readRows(path);
  const ours: Tally = { scores: { rouge1: 0, rouge2: 0, rougeLsum: 0 }, words: 0 };
  const lead: Tally = { scores: { rouge1: 0, rouge2: 0, rougeLsum: 0 }, words: 0 };
  const details: string[] = [];
  let analysisMs = 0;
  for (const row of rows) {
    const article = articleFromRecord({ text: row.article }, path, row.id, 'jsonl');
    if (typeof article === 'string') throw new Error(`${row.id}: ${article}`);
    const started = performance.now();
    const analysis = analyzeArticle(article, { summarySentences: n });
    analysisMs += performance.now() - started;
    const summary = summaryText(article.text, analysis.summary);
    const leadSummary = summaryText(article.text, analysis.sentences.filter((s) => s.start >= article.bodyStart).slice(0, n));
    add(ours, summary, row.reference);
    add(lead, leadSummary, row.reference);
    if (values.details) details.push(JSON.stringify({ id: row.id, summary, lead: leadSummary, reference: row.reference, scores: rougeScores(summary, row.reference), leadScores: rougeScores(leadSummary, row.reference) }));
  }
  if (values.details) writeFileSync(values.details, details.join('\n') + '\n');
  const count = rows.length || 1;
  const pct = (x: number): string => ((100 * x) / count).toFixed(1).padStart(6);
  const line = (name: string, t: Tally): string =>
    `${name.padEnd(10)}${pct(t.scores.rouge1)}${pct(t.scores.rouge2)}${pct(t.scores.rougeLsum)}${String(rows.length).padStart(10)}${(t.words / count).toFixed(1).padStart(11)}`;
  process.stdout.write(
    [
      `Summaries of ${rows.length} articles from ${path}, ${n} sentences each`,
      'ROUGE F1 x100, mean over articles, as rouge-score with use_stemmer=True: lower-cased [a-z0-9] tokens,',
      'Porter-stemmed (NLTK), ROUGE-Lsum = summary-level union LCS over newline-separated sentences.',
      `Lead-${n} = the first ${n} body sentences as split by News Lens's own sentence splitter.`,
      '',
      `${'system'.padEnd(10)}${'R1'.padStart(6)}${'R2'.padStart(6)}${'RLsum'.padStart(6)}${'articles'.padStart(10)}${'avg words'.padStart(11)}`,
      line('news-lens', ours),
      line(`lead-${n}`, lead),
      '',
      `analysis: ${(analysisMs / count).toFixed(1)} ms per article (parse, entities, events, summary)`,
      '',
    ].join('\n'),
  );
}

main();
