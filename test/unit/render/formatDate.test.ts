import * as assert from 'assert';
import { formatDate } from '../../../src/core/render/formatDate';

describe('render: dates for headings', () => {
  it('writes a date at the precision it was resolved to', () => {
    assert.strictEqual(formatDate('2024-01-31'), '31 January 2024');
    assert.strictEqual(formatDate('2024-01'), 'January 2024');
    assert.strictEqual(formatDate('2024'), '2024');
  });

  it('leaves anything else as it is', () => {
    assert.strictEqual(formatDate('next week'), 'next week');
    assert.strictEqual(formatDate('2024-13-45'), '2024-13-45');
  });
});
