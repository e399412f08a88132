import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { appendDecision, parseCurationFile, removeDecision } from '../../../src/core/corpus/curationFile';
import { ROOT } from '../paths';

/** The example, word for word. */
const EXAMPLE = `{ "version": 1, "decisions": [
  { "op": "rename",  "entity": "Sergei Lavrov", "to": "Sergey Lavrov" },
  { "op": "retype",  "entity": "Tesla", "to": "organization" },
  { "op": "merge",   "entities": ["Kim Jong Un", "Kim Jong-un"], "into": "Kim Jong Un" },
  { "op": "detach",  "entity": "European Central Bank", "alias": "ECB" },
  { "op": "ignore",  "name": "Skip Twitter" },
  { "op": "add",     "name": "Pieter de Vries", "type": "person", "aliases": ["de Vries"] } ] }
`;

async function validator(): Promise<(doc: unknown) => boolean> {
  const schema = JSON.parse(await fs.readFile(path.join(ROOT, 'schema', 'curation.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  return (doc) => validate(doc) as boolean;
}

describe('curation file: .newslens/curation.json', () => {
  it('reads the example: six decisions, each at its line', () => {
    const file = parseCurationFile('/w/.newslens/curation.json', EXAMPLE);
    assert.deepStrictEqual(file.diagnostics, []);
    assert.deepStrictEqual(
      file.decisions.map((d) => [d.line, d.decision.op]),
      [
        [2, 'rename'],
        [3, 'retype'],
        [4, 'merge'],
        [5, 'detach'],
        [6, 'ignore'],
        [7, 'add'],
      ],
    );
    assert.deepStrictEqual(file.decisions[5].decision, { op: 'add', name: 'Pieter de Vries', type: 'person', aliases: ['de Vries'] });
  });

  it('the schema VS Code validates hand edits with accepts what the reader reads, and rejects what it warns about', async () => {
    const valid = await validator();
    assert.ok(valid(JSON.parse(EXAMPLE)));
    assert.ok(valid({ version: 1, decisions: [{ op: 'ignore', name: 'Embed', note: 'share bar', by: 'ana', at: '2026-11-29' }] }), 'extra fields');
    for (const bad of [
      { op: 'explode', entity: 'x' },
      { op: 'rename', entity: 'x' },
      { op: 'retype', entity: 'x', to: 'robot' },
      { op: 'merge', entities: [], into: 'x' },
      { op: 'add' },
      { op: 'ignore', name: '  ' },
    ]) {
      assert.ok(!valid({ version: 1, decisions: [bad] }), JSON.stringify(bad));
      const read = parseCurationFile('/c.json', JSON.stringify({ version: 1, decisions: [bad] }));
      assert.strictEqual(read.decisions.length, 0, JSON.stringify(bad));
      assert.strictEqual(read.diagnostics.length, 1, JSON.stringify(bad));
    }
  });

  it('writes a new file as 2-space JSON, fields in a stable order', () => {
    const text = appendDecision(undefined, { to: 'Sergey Lavrov', at: '2026-11-29T10:00:00.000Z', entity: 'Sergei Lavrov', op: 'rename' });
    assert.strictEqual(
      text,
      '{\n  "version": 1,\n  "decisions": [\n    {\n      "op": "rename",\n      "entity": "Sergei Lavrov",\n      "to": "Sergey Lavrov",\n      "at": "2026-11-29T10:00:00.000Z"\n    }\n  ]\n}\n',
    );
    assert.deepStrictEqual(parseCurationFile('/c.json', text).decisions[0].decision, { op: 'rename', entity: 'Sergei Lavrov', to: 'Sergey Lavrov' });
  });

  it('appends a decision as its own group of lines and leaves the rest as written', async () => {
    const valid = await validator();
    const after = appendDecision(EXAMPLE, { op: 'ignore', name: 'Embed' });
    const before = EXAMPLE.split('\n');
    const lines = after.split('\n');
    assert.deepStrictEqual(lines.slice(0, 6), before.slice(0, 6), 'the lines before the last decision are untouched');
    assert.strictEqual(lines[6], before[6].replace(' } ] }', ' },'), 'the last decision gains a comma');
    assert.deepStrictEqual(lines.slice(7, 11), ['    {', '      "op": "ignore",', '      "name": "Embed"', '    } ] }']);
    assert.ok(valid(JSON.parse(after)));
    assert.strictEqual(parseCurationFile('/c.json', after).decisions.length, 7);
    const empty = appendDecision('{ "version": 1, "decisions": [] }\n', { op: 'ignore', name: 'Embed' });
    assert.deepStrictEqual(JSON.parse(empty), { version: 1, decisions: [{ op: 'ignore', name: 'Embed' }] });
    const none = appendDecision('{ "version": 1 }', { op: 'ignore', name: 'Embed' });
    assert.deepStrictEqual(JSON.parse(none), { version: 1, decisions: [{ op: 'ignore', name: 'Embed' }] });
    assert.throws(() => appendDecision('{ "version": 1, "decisions": [ { "op": ', { op: 'ignore', name: 'x' }), /has errors/);
  });

  it('removes the last decision equal to one given (Undo), with only the lines it took', () => {
    const added = appendDecision(EXAMPLE, { op: 'ignore', name: 'Embed', at: 'now' });
    assert.strictEqual(removeDecision(added, { op: 'ignore', name: 'Embed', at: 'now' }), EXAMPLE);
    const first = removeDecision(EXAMPLE, { op: 'rename', entity: 'Sergei Lavrov', to: 'Sergey Lavrov' });
    assert.ok(first);
    assert.strictEqual(parseCurationFile('/c.json', first).decisions[0].decision.op, 'retype');
    assert.strictEqual(removeDecision(EXAMPLE, { op: 'ignore', name: 'Nobody' }), undefined);
    const only = appendDecision(undefined, { op: 'ignore', name: 'Embed' });
    assert.deepStrictEqual(JSON.parse(removeDecision(only, { op: 'ignore', name: 'Embed' }) ?? ''), { version: 1, decisions: [] });
  });
});
