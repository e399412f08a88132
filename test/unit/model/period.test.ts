import * as assert from 'assert';
import { addDays, comparePeriods, daysBetween, isoWeekMonday, mondayOf, periodOf } from '../../../src/core/model/period';

describe('model: dates as periods of days', () => {
  it('gives the days a date of each precision covers', () => {
    assert.deepStrictEqual(periodOf('2018-01-22'), { start: '2018-01-22', end: '2018-01-22', precision: 'day' });
    assert.deepStrictEqual(periodOf('2018-02'), { start: '2018-02-01', end: '2018-02-28', precision: 'month' });
    assert.deepStrictEqual(periodOf('2024-02'), { start: '2024-02-01', end: '2024-02-29', precision: 'month' });
    assert.deepStrictEqual(periodOf('2017'), { start: '2017-01-01', end: '2017-12-31', precision: 'year' });
    assert.deepStrictEqual(periodOf('2018-W04'), { start: '2018-01-22', end: '2018-01-28', precision: 'week' });
    // ISO week 1 of 2021 starts on 4 January; 2020 has a week 53 that ends in 2021.
    assert.deepStrictEqual(periodOf('2021-W01')?.start, '2021-01-04');
    assert.deepStrictEqual(periodOf('2020-W53'), { start: '2020-12-28', end: '2021-01-03', precision: 'week' });
  });

  it('refuses impossible or foreign dates', () => {
    for (const bad of ['2018-02-30', '2018-13', '2018-W54', '2019-W53', 'next week', '', '18-01-01', '2018-1-5']) assert.strictEqual(periodOf(bad), undefined, bad);
  });

  it('counts days across months, years and leap days', () => {
    assert.strictEqual(addDays('2024-02-28', 1), '2024-02-29');
    assert.strictEqual(addDays('2017-12-31', 1), '2018-01-01');
    assert.strictEqual(addDays('2018-01-01', -1), '2017-12-31');
    assert.strictEqual(daysBetween('2017-12-25', '2018-01-04'), 10);
    assert.strictEqual(isoWeekMonday(2018, 4), '2018-01-22');
    assert.strictEqual(mondayOf('2018-01-28'), '2018-01-22');
    assert.strictEqual(mondayOf('2018-01-22'), '2018-01-22');
  });

  it('orders mixed precisions by the days they cover, a week among its days', () => {
    const dates = ['2018-02-01', '2018-W04', '2018', '2018-01-22', '2018-01', '2017-12-31', 'someday'];
    assert.deepStrictEqual([...dates].sort(comparePeriods), ['2017-12-31', '2018', '2018-01', '2018-W04', '2018-01-22', '2018-02-01', 'someday']);
  });
});
