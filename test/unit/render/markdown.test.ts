import * as assert from 'assert';
import { commandLink, commandUri, escapeMarkdown, truncate } from '../../../src/core/render/markdown';

/** What a CommonMark reader sees once backslash escapes are resolved. */
function unescape(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * What VS Code shows for markdown with theme icons on: the markdown rendered, then each `$(name)`
 * drawn as an icon unless a backslash stands before it (then shown as text, without it).
 */
function rendered(md: string): string {
  return unescape(md).replace(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g, (_, escaped: string | undefined, name: string) => (escaped ? `$(${name})` : `<icon ${name}>`));
}

describe('render: markdown escaping', () => {
  it('escapes every markdown, HTML, link and icon syntax so the text renders as itself', () => {
    const hostile = '**bold** _it_ `code` [x](command:workbench.action.quit) ![i](http://x/y.png) <script>alert(1)</script> # h $(zap) &amp; https://evil.example | a | ~~s~~';
    const out = escapeMarkdown(hostile);
    assert.strictEqual(rendered(out), hostile, 'renders as the same text, the icon syntax included');
    // No unescaped special character is left.
    assert.doesNotMatch(out.replace(/\\[!-/:-@[-`{-~]/g, ''), /[\\`*_{}[\]()<>#+\-.!|~:&$]/);
  });

  it('shows icon syntax as text, even after a backslash of its own', () => {
    for (const text of ['$(zap)', '\\$(zap)', '$(zap~spin) and $(x-y)', '$(not an icon)', '$$(zap))']) assert.strictEqual(rendered(escapeMarkdown(text)), text);
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
