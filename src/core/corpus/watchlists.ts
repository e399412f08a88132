import { parse } from 'csv-parse/sync';
import * as path from 'path';
import type { Diagnostic, EntityType } from '../model/types';

/**
 * Lists of names to find in every article: people and organizations under sanctions, in a leak,
 * on a beat. Two formats: CSV with the columns `name,type,aliases` (aliases separated by `;`), and
 * FollowTheMoney entities, one JSON object a line, as Aleph and OpenSanctions export them
 * (Person, Organization, Company and LegalEntity, with `properties.name` and `properties.alias`).
 */
export interface WatchEntry {
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface Watchlist {
  path: string;
  /** The file name: what entities on it carry in `watchlists`. */
  label: string;
  entries: WatchEntry[];
}

const CSV_TYPES: Record<string, EntityType> = {
  person: 'person',
  people: 'person',
  per: 'person',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  company: 'organization',
  legalentity: 'organization',
  place: 'place',
  location: 'place',
  loc: 'place',
  country: 'place',
  city: 'place',
  role: 'role',
  nationality: 'nationality',
};

const FTM_TYPES: Record<string, EntityType> = { Person: 'person', Organization: 'organization', Company: 'organization', LegalEntity: 'organization' };

/** A name worth looking for: two characters or more, with a letter or a digit. */
function usable(name: unknown): name is string {
  return typeof name === 'string' && name.trim().length >= 2 && /[\p{L}\p{N}]/u.test(name);
}

/** Reads a watchlist; rows it cannot use are reported at their line and left out. */
export function parseWatchlist(file: string, text: string): { list: Watchlist; diagnostics: Diagnostic[] } {
  const ext = path.extname(file).toLowerCase();
  const ftm = ext === '.json' || ext === '.jsonl' || ext === '.ndjson' || ext === '.ftm' || (ext !== '.csv' && text.trimStart().startsWith('{'));
  const diagnostics: Diagnostic[] = [];
  const entries = ftm ? readFtm(file, text, diagnostics) : readCsv(file, text, diagnostics);
  if (!entries.length && !diagnostics.length) diagnostics.push({ path: file, severity: 'warning', message: 'watchlist: no names in it' });
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { list: { path: file, label: path.basename(file), entries }, diagnostics };
}

function readCsv(file: string, text: string, diagnostics: Diagnostic[]): WatchEntry[] {
  const warn = (line: number | undefined, message: string): void => {
    diagnostics.push({ path: file, severity: 'warning', message: `watchlist: ${message}`, ...(line ? { line } : {}) });
  };
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        warn(typeof err?.lines === 'number' ? err.lines : undefined, `row skipped: ${err?.message ?? 'unreadable'}`);
        return undefined;
      },
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (err) {
    warn(undefined, `not a CSV file this can read: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
  if (rows.length && !('name' in rows[0].record)) {
    warn(1, 'the first line must name the columns: name,type,aliases');
    return [];
  }
  const entries: WatchEntry[] = [];
  for (const { record, info } of rows) {
    if (!usable(record.name)) {
      warn(info.lines, 'row skipped: no name');
      continue;
    }
    const type = CSV_TYPES[(record.type ?? '').toLowerCase().replace(/[\s_-]/g, '')];
    if (!type) {
      warn(info.lines, `row skipped: type ${JSON.stringify(record.type ?? '')} is not person, organization, place, role or nationality`);
      continue;
    }
    const aliases = (record.aliases ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter((a) => usable(a) && a !== record.name);
    entries.push({ name: record.name, type, aliases: [...new Set(aliases)] });
  }
  return entries;
}

function readFtm(file: string, text: string, diagnostics: Diagnostic[]): WatchEntry[] {
  const entries: WatchEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let o: { schema?: unknown; properties?: { name?: unknown; alias?: unknown } };
    try {
      o = JSON.parse(line) as typeof o;
    } catch {
      diagnostics.push({ path: file, severity: 'warning', message: 'watchlist: line skipped: not a JSON object', line: i + 1 });
      return;
    }
    const type = typeof o?.schema === 'string' ? FTM_TYPES[o.schema] : undefined;
    // Sanctions, addresses, ownership and the like are other schemata of the same export: not names.
    if (!type) return;
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(usable).map((s) => s.trim()) : usable(v) ? [v.trim()] : []);
    const [name, ...others] = strings(o.properties?.name);
    if (!name) {
      diagnostics.push({ path: file, severity: 'warning', message: `watchlist: line skipped: a ${String(o.schema)} without properties.name`, line: i + 1 });
      return;
    }
    entries.push({ name, type, aliases: [...new Set([...others, ...strings(o.properties?.alias)])].filter((a) => a !== name) });
  });
  return entries;
}
