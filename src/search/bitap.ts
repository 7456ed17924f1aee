/**
 * fuse.js's Bitap search of one piece (a pattern of at most 32 characters), as `Fuse.match` runs it
 * with `ignoreLocation: true`, rewritten for the re-rank's hot loop: the pattern's character masks
 * are built once per query instead of once per candidate, the bit rows live in two reused
 * Int32Arrays instead of a new Array per error level, and characters are looked up by code unit
 * instead of as one-character property names. The arithmetic is fuse.js 7.5's, step for step, so
 * the result is the same: the fewest errors at which the piece is found, scored errors / length
 * (at least 0.001). `test/search/bitap.test.ts` checks it against `Fuse.match` itself.
 *
 * With the location ignored, fuse.js scans the whole text at each error level, stops at the first
 * level where the piece is found, and never goes past the level the threshold allows; a match
 * found earlier in a level does not change which level that is.
 */

/** Bitap works on one machine word. */
export const BITAP_MAX_PATTERN = 32;
/** fuse.js never scores a found piece below this. */
const MIN_SCORE = 0.001;

/** A piece compiled once: its length and the bit mask of each character (fuse's pattern alphabet). */
export interface BitapPiece {
  readonly text: string;
  /** Masks of the character codes below 128 (0 = not in the piece). */
  readonly ascii: Int32Array;
  /** Masks of the other characters. */
  readonly other: ReadonlyMap<number, number>;
}

export function compilePiece(text: string): BitapPiece {
  if (text.length === 0 || text.length > BITAP_MAX_PATTERN)
    throw new RangeError(`a Bitap piece has 1 to ${BITAP_MAX_PATTERN} characters`);
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const code = text.charCodeAt(i);
    const bit = 1 << (len - i - 1);
    if (code < 128) ascii[code]! |= bit;
    else other.set(code, (other.get(code) ?? 0) | bit);
  }
  return { text, ascii, other };
}

/** The bit rows of the current and the previous error level, grown as texts need. */
let rows = new Int32Array(0);
let previous = new Int32Array(0);

/**
 * fuse.js's result for `piece` in `text` with location ignored: `{ isMatch, score }` where score is
 * errors / length (at least 0.001) when found within `threshold`, and 1 otherwise.
 */
export function bitapMatch(
  piece: BitapPiece,
  text: string,
  threshold: number,
): { isMatch: boolean; score: number } {
  const errors = fewestErrors(piece, text, threshold);
  return errors < 0
    ? { isMatch: false, score: 1 }
    : { isMatch: true, score: Math.max(MIN_SCORE, errors / piece.text.length) };
}

/** The first error level at which fuse.js's Bitap finds the piece, or -1 when none within `threshold`. */
export function fewestErrors(piece: BitapPiece, text: string, threshold: number): number {
  const pattern = piece.text;
  const m = pattern.length;
  const n = text.length;
  // Below 0 even an exact occurrence (score 0) is over the threshold.
  if (threshold < 0) return -1;
  // fuse.js first looks for exact occurrences: one sets the threshold to 0, and level 0 finds it.
  if (text.includes(pattern)) return 0;
  const finish = n + m;
  if (rows.length < finish + 2) {
    rows = new Int32Array(finish + 2);
    previous = new Int32Array(finish + 2);
  }
  const { ascii, other } = piece;
  const mask = 1 << (m - 1);
  let bits = rows;
  let last = previous;
  for (let i = 0; i < m; i++) {
    // fuse.js stores (1 << i) - 1 in a plain array; reading it back with << truncates it to 32 bits,
    // which is what an Int32Array store does.
    bits[finish + 1] = (1 << i) - 1;
    for (let j = finish; j >= 1; j--) {
      const location = j - 1;
      let charMatch = 0;
      if (location < n) {
        const code = text.charCodeAt(location);
        charMatch = code < 128 ? ascii[code]! : (other.get(code) ?? 0);
      }
      let row = ((bits[j + 1]! << 1) | 1) & charMatch;
      if (i) row |= ((last[j + 1]! | last[j]!) << 1) | 1 | last[j + 1]!;
      bits[j] = row;
      if (row & mask) return i;
    }
    // fuse.js's score with the location ignored is errors / length; it stops before a level whose
    // score would exceed the threshold.
    if ((i + 1) / m > threshold) return -1;
    const swap = last;
    last = bits;
    bits = swap;
  }
  return -1;
}
