import picomatch from 'picomatch';

/**
 * Glob matching whose time is bounded whatever the pattern and the path. picomatch (like every
 * JavaScript glob library) turns a glob into a backtracking regular expression; `**\/*a*a*a*a*b.txt`
 * against one 200-character name took over a minute, and a workspace's settings choose the
 * pattern. So picomatch is given one path segment and one segment of the pattern at a time, a
 * segment holds at most MAX_STARS wildcards (a segment pattern with two stars costs microseconds
 * on the longest name a file system allows), and `**` is matched here over whole segments by a
 * table of (pattern segment, path segment) pairs, each tested at most once.
 */
export const GLOB_LIMITS = { maxLength: 300, maxSegments: 64, maxStars: 2, maxBraces: 4 };

export type GlobMatcher = (path: string) => boolean;

const EXTGLOB = /[@!+*?]\(/;

/** Why `pattern` is refused, or undefined when it is within the limits. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'the pattern is empty';
  if (pattern.length > GLOB_LIMITS.maxLength) return `the pattern is longer than ${GLOB_LIMITS.maxLength} characters`;
  if (pattern.startsWith('!')) return 'negated patterns (!...) are not supported';
  let depth = 0;
  let braces = 0;
  for (const c of pattern) {
    if (c === '{') {
      depth++;
      braces++;
    } else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '/' && depth > 0) return 'a {...} group may not hold a /';
  }
  if (braces > GLOB_LIMITS.maxBraces) return `more than ${GLOB_LIMITS.maxBraces} {...} groups`;
  const segments = segmentsOf(pattern);
  if (segments.length > GLOB_LIMITS.maxSegments) return `more than ${GLOB_LIMITS.maxSegments} folder levels`;
  for (const segment of segments) {
    if (EXTGLOB.test(segment)) return `extended patterns such as +(...) are not supported ("${segment}")`;
    if (segment === '**') continue;
    const stars = segment.split('*').length - 1;
    if (stars > GLOB_LIMITS.maxStars) return `"${segment}" has ${stars} wildcards (*); a folder or file name may have at most ${GLOB_LIMITS.maxStars}`;
  }
  return undefined;
}

function segmentsOf(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s, i) => s !== '' && !(i === 0 && s === '.'));
}

/**
 * A matcher of '/'-separated paths (case ignored; a wildcard never matches a name starting with a
 * dot), or the reason the pattern is refused.
 */
export function compileGlob(pattern: string): GlobMatcher | { problem: string } {
  const problem = globProblem(pattern);
  if (problem) return { problem };
  const parts = segmentsOf(pattern).map((segment) => (segment === '**' ? null : picomatch(segment, { dot: false, nocase: true })));
  return (path: string) => matchSegments(parts, segmentsOf(path));
}

/**
 * Whether the pattern's segments (null for `**`, any number of names) match the path's: a table of
 * which suffixes of the pattern match which suffixes of the path, filled from the end, testing a
 * segment only where the rest already matches.
 */
function matchSegments(parts: (((s: string) => boolean) | null)[], names: string[]): boolean {
  const m = parts.length;
  const n = names.length;
  let next = new Uint8Array(n + 1);
  next[n] = 1;
  for (let i = m - 1; i >= 0; i--) {
    const row = new Uint8Array(n + 1);
    const part = parts[i];
    for (let j = n; j >= 0; j--) {
      if (part === null) row[j] = next[j] || (j < n && !names[j].startsWith('.') && row[j + 1]) ? 1 : 0;
      else row[j] = j < n && next[j + 1] && part(names[j]) ? 1 : 0;
    }
    next = row;
  }
  return next[0] === 1;
}
