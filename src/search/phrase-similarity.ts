/**
 * The re-rank's phrase similarity (fuse.js Bitap, location ignored), computed so that a candidate
 * that only matters above some similarity costs little when it cannot reach it.
 *
 * fuse.js matches a pattern of up to 32 characters (Bitap's machine word) in one piece; a longer
 * one in 32-character chunks (0–31, 32–63, …, and the last 32 characters), scoring the mean of the
 * chunk scores, where a chunk found with e errors scores max(0.001, e/32) and a chunk not found
 * scores 1; the pattern matches when any chunk does. Bitap's result for one piece is the fewest
 * errors at which it matches, whatever the threshold above that: a lower threshold only stops the
 * search sooner. So the chunks are matched here one by one, with fuse.js's Bitap as `bitap.ts`
 * runs it (each piece compiled once per query), each with the threshold the still reachable
 * similarity allows. The result is fuse.js's own similarity whenever
 * it reaches the needed one, and `null` (provably below it) otherwise.
 */
import { type BitapPiece, bitapMatch, compilePiece } from "./bitap.ts";

/** fuse.js's default threshold: a piece with more errors than 60 % of its length is not found. */
export const FUSE_THRESHOLD = 0.6;
/** Fuse's Bitap matches patterns of up to 32 characters in one piece. */
const BITAP_WORD = 32;
/** Bitap's score of a piece found without errors (fuse.js keeps scores above 0). */
const MIN_PIECE_SCORE = 0.001;
/** Room for rounding: a candidate is only called below when it is below by more than this. */
const SLACK = 1e-6;

/** A fuse.js pattern and the pieces its Bitap search matches. */
export interface PhrasePattern {
  readonly text: string;
  readonly chunks: readonly BitapPiece[];
}

/** Splits a pattern the way fuse.js does (it lower-cases first; folded text already is). */
export function phrasePattern(pattern: string): PhrasePattern {
  const text = pattern.toLowerCase();
  const chunks: string[] = [];
  if (text.length <= BITAP_WORD) chunks.push(text);
  else {
    const remainder = text.length % BITAP_WORD;
    for (let i = 0; i < text.length - remainder; i += BITAP_WORD) chunks.push(text.slice(i, i + BITAP_WORD));
    if (remainder) chunks.push(text.slice(text.length - BITAP_WORD));
  }
  return { text, chunks: chunks.map(compilePiece) };
}

/** fuse.js's score of one chunk of a longer pattern, or `null` when not found within `threshold`. */
function pieceScore(chunk: BitapPiece, text: string, threshold: number): number | null {
  // Bitap matches a chunk equal to the whole text with 0 errors, scored 0.001 (the whole-text
  // shortcut, score 0, is only for the whole pattern).
  if (chunk.text === text) return MIN_PIECE_SCORE;
  const m = bitapMatch(chunk, text, threshold);
  return m.isMatch ? m.score : null;
}

/**
 * fuse.js's similarity (1 − score; 0 when it finds nothing) of `pattern` in `text` (lower case),
 * or `null` when that similarity is provably below `needed`.
 */
export function phraseSimilarity(pattern: PhrasePattern, text: string, needed: number): number | null {
  const { chunks } = pattern;
  if (chunks.length === 1) {
    const threshold = Math.min(FUSE_THRESHOLD, 1 - needed + SLACK);
    if (threshold < 0) return null;
    // fuse.js scores a pattern equal to the whole text 0 before any Bitap search.
    if (pattern.text === text) return 1;
    const m = bitapMatch(chunks[0]!, text, threshold);
    if (m.isMatch) return 1 - m.score;
    return threshold >= FUSE_THRESHOLD ? 0 : null;
  }
  // fuse.js compares the whole pattern with the text before matching chunks.
  if (pattern.text === text) return 1;
  const k = chunks.length;
  // The chunk scores may add up to this much for the mean to leave `needed` reachable.
  const budget = k * (1 - needed + SLACK);
  let total = 0;
  let found = false;
  for (let i = 0; i < k; i++) {
    // What this chunk may score, the later ones scoring at least the minimum.
    const room = budget - total - MIN_PIECE_SCORE * (k - 1 - i);
    if (room < MIN_PIECE_SCORE) return null;
    const threshold = Math.min(FUSE_THRESHOLD, room);
    const score = pieceScore(chunks[i]!, text, threshold);
    if (score !== null) {
      found = true;
      total += score;
    } else if (threshold >= FUSE_THRESHOLD) total += 1;
    else return null;
  }
  return found ? 1 - total / k : 0;
}
