/**
 * Story and ask in a long question. Citizens tell what happened before they ask ("con em đi học ở
 * hà nội ở trọ gần trường, chủ trọ bảo phải đăng ký tạm trú, làm ở đâu ạ"; "em sắp đi xuất khẩu
 * lao động thì có phải khai báo tạm vắng không"): the procedure is named in the ask, the clause
 * that comes last among those naming something; the clauses before it are the story. Story words
 * still count when a procedure has them, but they should neither lead the ranking nor count
 * against a candidate that does not mention them.
 *
 * Clauses end at punctuation and before the connectors that open a new clause ("thì", "mà",
 * "nhưng", "nên", "giờ"), written with their marks (unmarked "thi" is also the exam in "thi bằng
 * lái"). A circumstance ("… khi trả hết nợ ngân hàng", "… khi đi làm ăn xa") is told like a story,
 * wherever it stands.
 */
import type { Token } from "./normalize.ts";

/** Splits a message at clause punctuation; a dot inside a number ("1.000656") is no boundary. */
export function splitSegments(text: string): string[] {
  return text.split(/[,;:!?…\n]+|\.(?!\d)/u).filter((s) => s.trim() !== "");
}

/** Words that open a new clause ("bố mất rồi thì …", "… mà chưa có hộ chiếu"). */
const CONNECTORS: ReadonlySet<string> = new Set(
  ["thì", "mà", "nhưng", "nên", "giờ"].map((w) => w.normalize("NFC")),
);

/**
 * The clause number of each token, given the segment (punctuation-separated part) each came from:
 * a new clause starts with every segment and at every connector.
 */
export function clauseNumbers(tokens: readonly Token[], segmentOf: readonly number[]): number[] {
  const out: number[] = [];
  let clause = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && (segmentOf[i] !== segmentOf[i - 1] || CONNECTORS.has(tokens[i]!.accented))) clause++;
    out.push(clause);
  }
  return out;
}

/** Naming words a clause needs to be the ask: one word ("sửa", "nhanh") is too thin to name a procedure. */
const ASK_WORDS = 2;

/**
 * Positions (into `clauseOf`) of the story: the clauses before the ask, the last clause with at least
 * ASK_WORDS naming words. Empty when there is no such clause or no naming word before it (a
 * question with no story).
 */
export function storyPositions(
  clauseOf: readonly number[],
  naming: (position: number) => boolean,
): Set<number> {
  const count = new Map<number, number>();
  clauseOf.forEach((c, i) => {
    if (naming(i)) count.set(c, (count.get(c) ?? 0) + 1);
  });
  let ask = -1;
  for (const [c, n] of count) if (n >= ASK_WORDS && c > ask) ask = c;
  const story = new Set<number>();
  if (ask < 0) return story;
  clauseOf.forEach((c, i) => {
    if (c < ask) story.add(i);
  });
  const namesBefore = [...story].some(naming);
  return namesBefore ? story : new Set();
}

/** Words that open a circumstance: what happens around the ask, not the ask. */
const CIRCUMSTANCE: ReadonlySet<string> = new Set(["khi", "lúc"].map((w) => w.normalize("NFC")));

/** Positions from a circumstance word to the end of its clause ("khi trả hết nợ ngân hàng"). */
export function circumstancePositions(tokens: readonly Token[], clauseOf: readonly number[]): Set<number> {
  const out = new Set<number>();
  let open = -1;
  tokens.forEach((t, i) => {
    if (open >= 0 && clauseOf[i] !== open) open = -1;
    if (open < 0 && CIRCUMSTANCE.has(t.accented)) open = clauseOf[i]!;
    if (open >= 0) out.add(i);
  });
  return out;
}
