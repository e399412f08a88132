import * as assert from 'assert';
import { printable } from '../../../src/core/render/printable';
import { textReport } from '../../../src/core/render/textReport';
import { buildIndex, TWO_ARTICLES } from '../support/builtIndex';

describe('render: text for a terminal', () => {
  it('shows control characters, line breaks and bidi overrides as escapes', () => {
    assert.strictEqual(printable('a\u001b[2Jb\nc\rd\te\u0007\u009b\u202ef\u2066g'), 'a\\u001b[2Jb\\nc\\rd\\te\\u0007\\u009b\\u202ef\\u2066g');
    assert.strictEqual(printable('Zoë Saldaña 👩‍👩‍👧 Tel Aviv'), 'Zoë Saldaña 👩‍👩‍👧 Tel Aviv', 'ordinary text is left alone');
  });

  it('keeps escape codes in titles out of the text report', () => {
    const index = buildIndex([{ ...TWO_ARTICLES[0], title: 'Lavrov visits India\u001b[2J\u001b]0;pwned\u0007' }, TWO_ARTICLES[1]]);
    const report = textReport(index);
    assert.doesNotMatch(report, /[^\P{Cc}\n]/u);
    assert.match(report, /== Lavrov visits India\\u001b\[2J/);
  });
});
