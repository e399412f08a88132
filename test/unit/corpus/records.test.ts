import * as assert from 'assert';
import { parseBytes } from '../../../src/core/corpus/load';
import type { LoadedFile } from '../../../src/core/corpus/load';
import { parseJsonLines } from '../../../src/core/corpus/records';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const join = (...parts: (string | Uint8Array)[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? utf8(p) : p)));
const record = (id: string, title: string): string => JSON.stringify({ id, title, text: `${title}. Officials in Oslo said so on Monday.` });

function summary(file: LoadedFile): { ids: string[]; problems: string[] } {
  return { ids: file.articles.map((a) => a.id), problems: file.diagnostics.map((d) => `${d.line ?? '-'}: ${d.message}`) };
}

describe('corpus: no good record lost (JSONL)', () => {
  it('loads every good line around a line of control characters and reports that line alone', async () => {
    const bytes = join(record('a', 'Port reopens'), '\n', record('b', 'Bridge closes'), '\n', Uint8Array.from([0x7b, 0x00, 0x01, 0x02, 0x1f, 0x7d]), '\n', record('d', 'Ferry sails'), '\n');
    const { ids, problems } = summary(await parseBytes('feed.jsonl', bytes));
    assert.deepStrictEqual(ids, ['a', 'b', 'd']);
    assert.strictEqual(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /^3: line 3: binary content \(NUL or control characters\); line skipped$/);
  });

  it('loads every good line around a Latin-1 byte and says where the bad byte is', async () => {
    const latin1 = join('{"id": "c", "title": "Caf', Uint8Array.from([0xe9]), '", "text": "A caf\\u00e9 opened in Lyon."}');
    const bytes = join(record('a', 'Port reopens'), '\n', record('b', 'Bridge closes'), '\n', latin1, '\n', record('d', 'Ferry sails'));
    const { ids, problems } = summary(await parseBytes('feed.jsonl', bytes));
    assert.deepStrictEqual(ids, ['a', 'b', 'd']);
    assert.strictEqual(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /^3: line 3: not valid UTF-8 \(first bad byte at column 26\); line skipped$/);
  });

  it('treats a control-character line far into the file as it treats one at the start', async () => {
    const good = Array.from({ length: 200 }, (_, i) => record(`r${i}`, `Story ${i} about the harbour`));
    const lines = [...good.slice(0, 150), '{"id": "x", "title": "\u0000\u0000\u0000"}', ...good.slice(150)];
    const bytes = utf8(lines.join('\n'));
    assert.ok(bytes.indexOf(0) > 8192, 'the NUL bytes lie beyond the first 8 KiB');
    const { ids, problems } = summary(await parseBytes('late.jsonl', bytes));
    assert.strictEqual(ids.length, 200);
    assert.deepStrictEqual(problems, ['151: line 151: binary content (NUL or control characters); line skipped']);
  });

  it('reports a wholly binary file once, not line by line', async () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x0a, 0x00, 0x01]);
    const { ids, problems } = summary(await parseBytes('image.jsonl', bytes));
    assert.deepStrictEqual(ids, []);
    assert.deepStrictEqual(problems, ['-: skipped: binary content (NUL or control bytes), not a text article']);
  });

  it('reads a shard of a file as its own lines, numbered from where they start in the file', () => {
    const bytes = join(record('a', 'One'), '\n', Uint8Array.from([0x00, 0x01]), '\n', record('c', 'Three'), '\n', record('d', 'Four'));
    const third = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    const shard = parseJsonLines('s.jsonl', bytes.subarray(third), 's', 3);
    assert.deepStrictEqual(shard.articles.map((a) => [a.id, a.line]), [['c', 3], ['d', 4]]);
    assert.deepStrictEqual(shard.diagnostics, []);
    const first = parseJsonLines('s.jsonl', bytes.subarray(0, third), 's', 1);
    assert.deepStrictEqual(first.articles.map((a) => a.id), ['a']);
    assert.deepStrictEqual(first.diagnostics.map((d) => d.line), [2]);
  });
});

describe('corpus: no good record lost (JSON array)', () => {
  it('loads every good record of an array around one with control characters, reporting its line', async () => {
    const bytes = join('[\n', record('a', 'Port reopens'), ',\n', '{"id": "b", "title": "Bad\u0001\u0002", "text": "x"}', ',\n', record('c', 'Ferry sails'), '\n]\n');
    const { ids, problems } = summary(await parseBytes('array.json', bytes));
    assert.deepStrictEqual(ids, ['a', 'c']);
    assert.deepStrictEqual(problems, ['3: record 2 (line 3): binary content (NUL or control characters); record skipped']);
  });

  it('loads every good record of an array around one with invalid UTF-8', async () => {
    const bytes = join('[', record('a', 'Port reopens'), ',\n  {"id": "b", "title": "Caf', Uint8Array.from([0xe9, 0x20]), '", "text": "x"},\n', record('c', 'Ferry sails'), ']');
    const { ids, problems } = summary(await parseBytes('array.json', bytes));
    assert.deepStrictEqual(ids, ['a', 'c']);
    assert.strictEqual(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /^2: record 2 \(line 2\): not valid UTF-8/);
  });

  it('loads the complete records of a truncated array and reports where it breaks off', async () => {
    const bytes = utf8(`[${record('a', 'Port reopens')},\n${record('b', 'Bridge closes')},\n{"id": "c", "title": "Ferry`);
    const { ids, problems } = summary(await parseBytes('cut.json', bytes));
    assert.deepStrictEqual(ids, ['a', 'b']);
    assert.strictEqual(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /^3: record 3 \(line 3\): .*the file ends inside it/);
  });

  it('loads the other records around a malformed one', async () => {
    const bytes = utf8(`[${record('a', 'Port reopens')},\n{"id": "b", "title": oops},\n${record('c', 'Ferry sails')}]`);
    const { ids, problems } = summary(await parseBytes('mixed.json', bytes));
    assert.deepStrictEqual(ids, ['a', 'c']);
    assert.match(problems[0], /^2: record 2 \(line 2\): malformed JSON/);
  });

  it('still reports one malformed object once, for the whole file', async () => {
    const { ids, problems } = summary(await parseBytes('bad.json', utf8('{\n  "title": "Unfinished",\n  "text": oops\n}')));
    assert.deepStrictEqual(ids, []);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /^-: malformed JSON/);
  });

  it('gives the line of a control character in a single object', async () => {
    const { problems } = summary(await parseBytes('ctl.json', utf8('{\n  "title": "Tab\u0001",\n  "text": "x"\n}')));
    assert.deepStrictEqual(problems, ['2: skipped: binary content (NUL or control characters)']);
  });

  it('reads a UTF-16 array with a byte order mark record by record', async () => {
    const text = `[${record('a', 'Port reopens')}, {"id": "b", "title": "\u0000"}, ${record('c', 'Ferry sails')}]`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { ids, problems } = summary(await parseBytes('utf16.json', bytes));
    assert.deepStrictEqual(ids, ['a', 'c']);
    assert.strictEqual(problems.length, 1);
  });
});
