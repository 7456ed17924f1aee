/**
 * Spelling repair checked against the catalogue's syllable pairs: regional spellings (tr/ch, s/x,
 * d/gi/r, l/n, final n/ng, c/t; the teen code's f/ph, z/d/gi) and dropped letters ("khai sin",
 * "thường chú", "kin doanh") are replaced only when the repaired pair of neighbouring syllables occurs in a procedure name or
 * alias, and the typed pair does not.
 */
import type { Token } from "./normalize.ts";

const ONSET_SWAPS: readonly [string, string][] = [
  ["ch", "tr"],
  ["tr", "ch"],
  ["s", "x"],
  ["x", "s"],
  ["d", "gi"],
  ["gi", "d"],
  ["r", "d"],
  ["d", "r"],
  ["r", "gi"],
  ["l", "n"],
  ["n", "l"],
  // teen code: "f" for "ph" ("giấy fép"), "z" for "d"/"gi" ("zấy tờ")
  ["f", "ph"],
  ["z", "d"],
  ["z", "gi"],
];

const CODA_SWAPS: readonly [string, string][] = [
  ["ng", "n"],
  ["nh", "n"],
  ["n", "ng"],
  ["n", "nh"],
  ["c", "t"],
  ["t", "c"],
  ["m", "n"],
  ["ch", "t"],
];

/** Plausible intended syllables for a typed one (folded). */
export function spellingVariants(word: string): string[] {
  if (!/^[a-z]{2,7}$/.test(word)) return [];
  const out = new Set<string>();
  for (const [from, to] of ONSET_SWAPS) {
    if (
      word.startsWith(from) &&
      !(from === "d" && word.startsWith("d") && to === "gi" && word.startsWith("di"))
    ) {
      out.add(to + word.slice(from.length));
    }
  }
  for (const [from, to] of CODA_SWAPS) if (word.endsWith(from)) out.add(word.slice(0, -from.length) + to);
  if (/[aeiouy]n$/.test(word)) out.add(`${word}h`);
  if (/[aeiouy]n$/.test(word)) out.add(`${word}g`);
  out.delete(word);
  return [...out];
}

/**
 * Repairs tokens whose pair with a neighbour is unknown but becomes known after one variant.
 * Positions in `keep` (greetings and question frames: "chị" is not a misspelt "tri") are never
 * changed and are no evidence for their neighbours. Positions in `weak` (everyday words such as
 * "để", "cho", "lại") may be changed, but are evidence only when anchored, i.e. in a known pair with
 * their other neighbour: "để" sits before half the catalogue ("để đầu tư"), so "làm sao de giau"
 * must not become "để đầu", while "giay phep lai se" still becomes "lái xe" ("phép lái" is known).
 */
export function repairPairs(
  tokens: readonly Token[],
  pairs: ReadonlySet<string>,
  keep: ReadonlySet<number> = new Set(),
  weak: ReadonlySet<number> = new Set(),
): Token[] {
  const out = [...tokens];
  const known = (a: string, b: string) => pairs.has(`${a}_${b}`);
  const anchored = (at: number, other: number) =>
    !weak.has(at) || (other >= 0 && other < out.length && known(...ordered(out, at, other)));
  // An everyday word is itself changed only when the new spelling fits both its neighbours: "đất
  // rồi thi" must not become "đất đồi" ("đất đồi" is a catalogue pair, "đồi thi" is not).
  const bothSides = (at: number, v: string, other: string | null, otherAfter: boolean) =>
    !weak.has(at) || other === null || (otherAfter ? known(v, other) : known(other, v));
  for (let i = 0; i + 1 < out.length; i++) {
    if (keep.has(i) || keep.has(i + 1)) continue;
    const a = out[i]!.folded;
    const b = out[i + 1]!.folded;
    if (known(a, b)) continue;
    // A syllable that forms a known pair with its next neighbour is spelled right ("người hàn quốc").
    const after = i + 2 < out.length ? out[i + 2]!.folded : null;
    const fixB =
      !anchored(i, i - 1) || (after !== null && known(b, after))
        ? undefined
        : spellingVariants(b).find((v) => known(a, v) && bothSides(i + 1, v, after, true));
    if (fixB) {
      out[i + 1] = { accented: fixB, folded: fixB };
      continue;
    }
    const before = i > 0 ? out[i - 1]!.folded : null;
    if (before !== null && known(before, a)) continue;
    const fixA = !anchored(i + 1, i + 2)
      ? undefined
      : spellingVariants(a).find((v) => known(v, b) && bothSides(i, v, before, false));
    if (fixA) out[i] = { accented: fixA, folded: fixA };
  }
  return out;
}

/** The folded forms of two neighbouring positions, in text order. */
function ordered(tokens: readonly Token[], a: number, b: number): [string, string] {
  return a < b ? [tokens[a]!.folded, tokens[b]!.folded] : [tokens[b]!.folded, tokens[a]!.folded];
}
