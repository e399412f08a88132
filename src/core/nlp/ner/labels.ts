/**
 * The tagger's labels: BILOU over PER/ORG/LOC/MISC (Begin, Inside, Last, Unit), plus O. MISC is
 * learned because telling "Japanese" (MISC) from "Japan" (LOC) helps the other types; it is not
 * reported as an entity.
 */

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

export const O = 0;
const POSITIONS = ['B', 'I', 'L', 'U'] as const;
type Position = (typeof POSITIONS)[number];

export const LABEL_COUNT = 1 + NER_TYPES.length * POSITIONS.length;

export function label(position: Position, type: number): number {
  return 1 + type * POSITIONS.length + POSITIONS.indexOf(position);
}

export function typeOf(l: number): number {
  return l === O ? -1 : Math.floor((l - 1) / POSITIONS.length);
}

export function positionOf(l: number): Position | 'O' {
  return l === O ? 'O' : POSITIONS[(l - 1) % POSITIONS.length];
}

export const LABEL_NAMES: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => POSITIONS.map((p) => `${p}-${t}`))];

/** Whether `l` may follow `prev` (-1: the sentence start) and, when `last`, end the sentence. */
function allows(prev: number, l: number, last: boolean): boolean {
  const open = prev > 0 && (positionOf(prev) === 'B' || positionOf(prev) === 'I');
  const p = positionOf(l);
  if (open) return (p === 'I' || p === 'L') && typeOf(l) === typeOf(prev) && !(last && p === 'I');
  if (p === 'I' || p === 'L') return false;
  return !(last && p === 'B');
}

/**
 * `allowed` as a table, for the decoder's inner loop: row `prev + 1` (row 0 is the sentence start),
 * column `l`; bit 1 set where `l` may follow, bit 2 where it may also end the sentence.
 */
export const TRANSITIONS: Uint8Array = (() => {
  const table = new Uint8Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let prev = -1; prev < LABEL_COUNT; prev++) {
    for (let l = 0; l < LABEL_COUNT; l++) table[(prev + 1) * LABEL_COUNT + l] = (allows(prev, l, false) ? 1 : 0) | (allows(prev, l, true) ? 2 : 0);
  }
  return table;
})();
