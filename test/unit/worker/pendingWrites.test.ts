import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCacheText } from '../../../src/core/index/analysisCache';
import { PendingWrites } from '../../../src/worker/pendingWrites';

describe('worker: cache entries written behind the index', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-pending-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('holds entries until written, answers for them meanwhile, and forgets one taken back', () => {
    const pending = new PendingWrites();
    pending.add(dir, 'k1', '{"a":1}', '/c/a.txt');
    pending.add(dir, 'k2', '{"b":2}', '/c/b.txt');
    pending.add(dir, 'k2', '{"b":3}', '/c/b.txt');
    assert.strictEqual(pending.size, 2, 'a file analysed again replaces its waiting entry');
    assert.strictEqual(pending.text(dir, 'k2'), '{"b":3}');
    assert.strictEqual(readCacheText(dir, 'k1'), undefined, 'not on disk yet');
    pending.take(dir, 'k1');
    pending.writeAll();
    assert.strictEqual(pending.size, 0);
    assert.strictEqual(readCacheText(dir, 'k1'), undefined);
    assert.strictEqual(readCacheText(dir, 'k2'), '{"b":3}');
    assert.deepStrictEqual(pending.takeFailures(), []);
  });

  it("reports a write that fails against the entry's file, once, and writes the others", async () => {
    const blocked = path.join(dir, 'not-a-folder');
    await fs.writeFile(blocked, 'x');
    const pending = new PendingWrites();
    pending.add(blocked, 'k1', '{}', '/c/a.txt');
    pending.add(dir, 'k2', '{}', '/c/b.txt');
    assert.strictEqual(pending.writeSlice(), true);
    const failures = pending.takeFailures();
    assert.deepStrictEqual(failures.map((f) => f.path), ['/c/a.txt']);
    assert.match(failures[0].message, /^could not write the analysis cache: /);
    assert.deepStrictEqual(pending.takeFailures(), []);
    assert.strictEqual(readCacheText(dir, 'k2'), '{}');
  });
});
