import * as assert from 'assert';
import { commandLink, commandUri, escapeMarkdown, truncate } from '../../../src/core/render/markdown';

/** What a CommonMark reader sees once backslash escapes are resolved. */
function unescape(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('render: markdown escaping', () => {
  it('escapes every markdown, HTML, link and icon syntax so the text renders as itself', () => {
    const hostile = '**bold** _it_ `code` [x](command:workbench.action.quit) ![i](http://x/y.png) <script>alert(1)</script> # h $(zap) &amp; https://evil.example | a | ~~s~~';
    const out = escapeMarkdown(hostile);
    assert.strictEqual(unescape(out), hostile, 'reads back as the same text');
    // No unescaped special character is left.
    assert.doesNotMatch(out.replace(/\\[!-/:-@[-`{-~]/g, ''), /[\\`*_{}[\]()<>#+\-.!|~:&$]/);
  });

  it('keeps text on one line so it cannot open a block (heading, list, quote, fence)', () => {
    const out = escapeMarkdown('line one\n# heading\n- item\n> quote\n```\r\nfence\u2028x');
    assert.ok(!/[\n\r\u2028]/.test(out));
    assert.strictEqual(unescape(out), 'line one # heading - item > quote ``` fence x');
  });

  it('encodes command arguments so nothing can close the link', () => {
    const uri = commandUri('newsLens.revealEntity', ['person:a) [evil](command:x "t']);
    assert.ok(uri.startsWith('command:newsLens.revealEntity?'));
    assert.doesNotMatch(uri.slice('command:newsLens.revealEntity?'.length), /[()[\]" ']/);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(uri.split('?')[1])), ['person:a) [evil](command:x "t']);
    assert.strictEqual(commandUri('newsLens.refresh'), 'command:newsLens.refresh');
  });

  it('builds a command link with an escaped label', () => {
    assert.strictEqual(commandLink('Open [x]', 'a.b', [1], 'Tip "q"'), '[Open \\[x\\]](command:a.b?%5B1%5D "Tip q")');
  });

  it('truncates on a word boundary', () => {
    assert.strictEqual(truncate('short', 10), 'short');
    assert.strictEqual(truncate('Russian Foreign Minister Sergei Lavrov', 20), 'Russian Foreign…');
    assert.strictEqual(truncate('abcdefghijklmnopqrstuvwxyz', 10), 'abcdefghi…');
  });
});
