import * as assert from 'assert';
import { rangeChoices } from '../../../src/core/render/filterChoices';

describe('render: the ranges "Filter by Date" offers', () => {
  it('offers the corpus\'s last week and 30 days, its months newest first and its years, with article counts', () => {
    const choices = rangeChoices(['2017-12-30', '2018-01-05', '2018-02-01', '2018-02-04', null]);
    assert.deepStrictEqual(
      choices.map((c) => [c.label, c.from, c.to, c.description]),
      [
        ['Last 7 days of the corpus', '2018-01-29', '2018-02-04', '2 articles \u00b7 29 Jan \u2013 4 Feb 2018'],
        ['Last 30 days of the corpus', '2018-01-06', '2018-02-04', '2 articles \u00b7 6 Jan \u2013 4 Feb 2018'],
        ['February 2018', '2018-02-01', '2018-02-28', '2 articles'],
        ['January 2018', '2018-01-01', '2018-01-31', '1 article'],
        ['December 2017', '2017-12-01', '2017-12-31', '1 article'],
        ['2018', '2018-01-01', '2018-12-31', '3 articles'],
        ['2017', '2017-01-01', '2017-12-31', '1 article'],
      ],
    );
  });

  it('offers only the last week of a corpus of one month, and nothing for an undated one', () => {
    assert.deepStrictEqual(rangeChoices(['2018-02-01', '2018-02-04']).map((c) => c.label), ['Last 7 days of the corpus']);
    assert.deepStrictEqual(rangeChoices([null, null]), []);
  });
});
