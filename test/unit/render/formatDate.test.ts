import * as assert from 'assert';
import { describeFilter, formatDate, formatRange } from '../../../src/core/render/formatDate';

describe('render: dates for headings', () => {
  it('writes a date at the precision it was resolved to', () => {
    assert.strictEqual(formatDate('2024-01-31'), '31 January 2024');
    assert.strictEqual(formatDate('2024-01'), 'January 2024');
    assert.strictEqual(formatDate('2024'), '2024');
  });

  it('reads an ISO week as the week of its Monday', () => {
    assert.strictEqual(formatDate('2018-W04'), 'week of 22 January 2018');
    assert.strictEqual(formatDate('2020-W53'), 'week of 28 December 2020');
  });

  it('leaves anything else as it is', () => {
    assert.strictEqual(formatDate('next week'), 'next week');
    assert.strictEqual(formatDate('2024-13-45'), '2024-13-45');
    assert.strictEqual(formatDate('2018-W60'), '2018-W60');
  });

  it('writes a range as short as it stays clear', () => {
    assert.strictEqual(formatRange('2018-01-22', '2018-02-04'), '22 Jan \u2013 4 Feb 2018');
    assert.strictEqual(formatRange('2017-12-01', '2018-02-04'), '1 Dec 2017 \u2013 4 Feb 2018');
    assert.strictEqual(formatRange('2018-01-03', '2018-01-09'), '3\u20139 January 2018');
    assert.strictEqual(formatRange('2018-01-03', '2018-01-03'), '3 January 2018');
    assert.strictEqual(formatRange('2018-01-03', null), 'from 3 Jan 2018');
    assert.strictEqual(formatRange(null, '2018-01-03'), 'until 3 Jan 2018');
  });

  it('describes a date and source filter for a view', () => {
    assert.strictEqual(describeFilter({ from: null, to: null, sources: [] }), '');
    assert.strictEqual(describeFilter({ from: '2018-01-22', to: '2018-02-04', sources: ['www.npr.org'] }), '22 Jan \u2013 4 Feb 2018 \u00b7 www.npr.org');
    assert.strictEqual(describeFilter({ from: null, to: null, sources: ['a', 'b'] }), '2 sources');
    assert.strictEqual(describeFilter({ from: null, to: null, sources: [''] }), 'no source');
  });
});
