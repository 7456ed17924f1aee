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
import { fold, type Token } from "./normalize.ts";

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

/**
 * What a follow-up question opens with, folded ("… cấp lại cccd ở đâu, có phải về quê không";
 * "… làm giấy khai sinh ở đâu? còn phí bao nhiêu?"; "… mất bao lâu"): it asks about the procedure
 * named before it, and names none of its own.
 */
const FOLLOW_UPS: readonly (readonly string[])[] = [
  "co phai",
  "co can",
  "co mat",
  "co lau",
  "mat bao",
  "mat may",
  "het bao",
  "bao lau",
  "bao nhieu",
  "bao gio",
  "khi nao",
  "le phi",
  "phi",
  "lam o dau",
  "nop o dau",
  "o dau",
].map((w) => w.split(" "));

/** Leading words a follow-up may carry ("còn", "vậy", "thế", "với lại", "cho em hỏi"), folded. */
const FOLLOW_UP_LEAD: ReadonlySet<string> = new Set([
  "con",
  "vay",
  "the",
  "va",
  "voi",
  "lai",
  "cho",
  "em",
  "hoi",
  "a",
]);

/** Clause numbers of follow-up questions (after the first clause), from the clause's first words. */
export function followUpClauses(tokens: readonly Token[], clauseOf: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (clauseOf[i] === 0 || (i > 0 && clauseOf[i - 1] === clauseOf[i])) continue;
    let k = i;
    while (k < tokens.length && clauseOf[k] === clauseOf[i] && FOLLOW_UP_LEAD.has(fold(tokens[k]!.folded)))
      k++;
    const opens = FOLLOW_UPS.some((w) =>
      w.every(
        (x, j) => k + j < tokens.length && clauseOf[k + j] === clauseOf[i] && tokens[k + j]!.folded === x,
      ),
    );
    if (opens) out.add(clauseOf[i]!);
  }
  return out;
}
