import * as assert from 'assert';
import { resolveDatePhrase } from '../../../src/core/nlp/time';
import { analyze } from './helpers';

describe('temporal: date phrases resolved against the article date', () => {
  const on = '2024-01-31';
  it('resolves relative years, months, weeks and days', () => {
    assert.strictEqual(resolveDatePhrase('next year', on), '2025');
    assert.strictEqual(resolveDatePhrase('last year', on), '2023');
    assert.strictEqual(resolveDatePhrase('this month', on), '2024-01');
    assert.strictEqual(resolveDatePhrase('next month', on), '2024-02');
    assert.strictEqual(resolveDatePhrase('last month', on), '2023-12');
    assert.strictEqual(resolveDatePhrase('next week', on), '2024-W06');
    assert.strictEqual(resolveDatePhrase('yesterday', on), '2024-01-30');
    assert.strictEqual(resolveDatePhrase('tomorrow', on), '2024-02-01');
    assert.strictEqual(resolveDatePhrase('two days ago', on), '2024-01-29');
  });

  it('resolves weekdays to the nearest past one unless "next" says otherwise', () => {
    // 2024-01-31 is a Wednesday.
    assert.strictEqual(resolveDatePhrase('Friday', on), '2024-01-26');
    assert.strictEqual(resolveDatePhrase('on Wednesday', on), '2024-01-31');
    assert.strictEqual(resolveDatePhrase('last Wednesday', on), '2024-01-24');
    assert.strictEqual(resolveDatePhrase('next Friday', on), '2024-02-02');
  });

  it('resolves absolute dates, with the article year when none is given', () => {
    assert.strictEqual(resolveDatePhrase('Jan. 5', on), '2024-01-05');
    assert.strictEqual(resolveDatePhrase('5 March 2023', on), '2023-03-05');
    assert.strictEqual(resolveDatePhrase('March 2023', on), '2023-03');
    assert.strictEqual(resolveDatePhrase('1996-08-30', null), '1996-08-30');
    assert.strictEqual(resolveDatePhrase('1999', null), '1999');
    assert.strictEqual(resolveDatePhrase('next year', null), null);
    assert.strictEqual(resolveDatePhrase('February 30', on), null);
  });

  it('makes date entities with ISO values in analysis', () => {
    const a = analyze('The two leaders will meet next year, and met on Friday.');
    const values = a.entities.filter((e) => e.type === 'date').map((e) => e.value);
    assert.deepStrictEqual(values.sort(), ['2024-01-26', '2025']);
  });
});
