/**
 * `npm run watchlist:make -- <corpus> --count N --out FILE`: writes a watchlist CSV (name,type,aliases)
 * of N names for benchmarks, made from the runs of capitalised words most frequent in a corpus
 * (another corpus than the one measured gives names that are found there only as often as real
 * lists' names are), padded with synthetic names when the corpus has too few. Nothing of the
 * corpus is kept beyond the file written: never commit it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { loadCorpus } from '../../src/core/corpus/load';
import { nodeSource } from '../../src/core/corpus/nodeSource';
import { csvField } from '../../src/core/render/export';

const ORGANIZATION = /\b(Bank|Corp|Corporation|Inc|Group|Ministry|Council|Party|Association|Agency|Company|Co|Ltd|Federation|Union|Committee|Commission|Board|Authority|Exchange|Fund|Institute|University|Department|Court|Reserve|Airlines|Motors|Petroleum|Oil|Securities|Holdings|Trust)$/;
const FIRST = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hiroshi', 'Ines', 'Jonas', 'Kwame', 'Lucia', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tamar'];
const LAST = ['Abernathy', 'Bellweather', 'Castellanos', 'Dunmore', 'Eriksen', 'Fairbanks', 'Gallagher', 'Hollister', 'Ivanova', 'Jankowski', 'Kettering', 'Lindqvist', 'Montague', 'Nakamura', 'Okonkwo', 'Pemberton', 'Quarshie', 'Rasmussen', 'Szabo', 'Thistlewood'];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { count: { type: 'string', default: '10000' }, out: { type: 'string' } } });
  const count = Number(values.count);
  if (!positionals[0] || !values.out || !(count > 0)) {
    process.stderr.write('usage: npm run watchlist:make -- <corpus dir or file> --count N --out FILE.csv\n');
    process.exitCode = 2;
    return;
  }
  const { articles } = await loadCorpus(nodeSource, [path.resolve(positionals[0])]);
  const counts = new Map<string, number>();
  const run = /\b[A-Z][a-z]+(?:\s+(?:de\s+|van\s+|von\s+|al-)?[A-Z][a-z]+){1,3}\b/g;
  for (const a of articles) for (const m of a.text.match(run) ?? []) counts.set(m.replace(/\s+/g, ' '), (counts.get(m.replace(/\s+/g, ' ')) ?? 0) + 1);
  const names = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([n]) => n);
  const rows: string[][] = [];
  for (const name of names.slice(0, count)) {
    const org = ORGANIZATION.test(name);
    const words = name.split(' ');
    // A third of the people also go by their surname, as on real lists.
    const alias = !org && rows.length % 3 === 0 ? words[words.length - 1] : '';
    rows.push([name, org ? 'organization' : 'person', alias]);
  }
  for (let i = 0; rows.length < count; i++) rows.push([`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`, 'person', '']);
  const csv = ['name,type,aliases', ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
  await fs.writeFile(values.out, csv);
  process.stdout.write(`wrote ${rows.length} names (${Math.min(names.length, count)} from ${articles.length} articles, ${Math.max(0, count - names.length)} synthetic) to ${values.out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`watchlist:make failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
