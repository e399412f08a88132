/**
 * Markdown for VS Code hovers and tooltips, built from hostile article text. Everything that comes
 * from an article goes through `escapeMarkdown`; only links we build ourselves (to our own command
 * ids) are live. The result is used with `supportHtml` off, `supportThemeIcons` on and `isTrusted`
 * limited to those ids.
 */

// Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all the ones
// with a meaning (emphasis, links, images, headings, lists, tables, code, HTML, entities, autolinks
// through ':' and '.') leaves nothing in the text that renders as syntax.
const SPECIAL = /[\\`*_{}[\]()<>#+\-.!|~:&$"'=^]/g;

/**
 * What VS Code draws as a theme icon in markdown that supports them (hovers, our tooltips). It does
 * so after the markdown is rendered, so markdown escapes do not stop it: `\$\(zap\)` renders as
 * `$(zap)` and then as the icon. Only a backslash left in the rendered text before it does (VS
 * Code's own escapeIcons), so one is put there, escaped itself.
 */
const THEME_ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * Text that renders as itself: on one line, every markdown, HTML and icon syntax escaped. For
 * markdown with theme icons on (`supportThemeIcons`), as every News Lens hover and tooltip has.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(THEME_ICON, '\\$&').replace(SPECIAL, '\\$&');
}

/** Collapses whitespace (newlines included) so article text cannot start a markdown block. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u0085\u2028\u2029]+/g, ' ').trim();
}

/** Shortens to `max` characters on a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * A `command:` URI with JSON arguments, percent-encoded so that nothing in the arguments can close
 * the markdown link (encodeURIComponent leaves `(`, `)`, `'`, `!`, `*` and `~` alone).
 */
export function commandUri(command: string, args: unknown[] = []): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}${args.length ? `?${query}` : ''}`;
}

/** A markdown link to one of our commands; label and tooltip are escaped. */
export function commandLink(label: string, command: string, args: unknown[], tooltip: string): string {
  return `[${escapeMarkdown(label)}](${commandUri(command, args)} "${tooltip.replace(/["\\]/g, '')}")`;
}
