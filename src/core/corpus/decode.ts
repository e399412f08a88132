/** Turns raw file bytes into text, or says why it cannot. Never throws. */

/** `encoding` is the WHATWG label of the encoding the text was decoded from. */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (looksBinary(bytes)) return { ok: false, reason: 'binary content (NUL or control bytes), not a text article' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
  return nonBlank(text, 'utf-8');
}

/**
 * A web page or XML feed: the charset its markup declares (`<meta charset>`, a Content-Type meta,
 * `<?xml encoding?>`) within its first KiB, else UTF-8. An undeclared page that is not UTF-8 is
 * read as windows-1252, as browsers read it; XML must be UTF-8 unless it says otherwise.
 */
export function decodeMarkup(bytes: Uint8Array, kind: 'html' | 'xml'): Decoded {
  if (bytes.length === 0 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xef && bytes[1] === 0xbb)) {
    return decodeBytes(bytes);
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary content (NUL or control bytes), not a text article' };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const declared = (kind === 'html' ? /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i : /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i).exec(head)?.[1];
  const label = declared?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      const decoder = new TextDecoder(label);
      return nonBlank(decoder.decode(bytes), decoder.encoding);
    } catch {
      // An unknown label: decode as UTF-8 below.
    }
  }
  const utf8Text = decodeBytes(bytes);
  if (utf8Text.ok || kind === 'xml' || !/not valid UTF-8/.test(utf8Text.reason)) return utf8Text;
  return nonBlank(new TextDecoder('windows-1252').decode(bytes), 'windows-1252');
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return nonBlank(text, encoding);
  } catch {
    return { ok: false, reason: `not valid ${encoding.toUpperCase()} despite its byte order mark` };
  }
}

function nonBlank(text: string, encoding: string): Decoded {
  return text.trim() === '' ? { ok: false, reason: 'empty file (only white space)' } : { ok: true, text, encoding };
}

/** A NUL byte, or many C0 controls other than tab/newline/form feed, in the first 8 KiB means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > n * 0.1;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
