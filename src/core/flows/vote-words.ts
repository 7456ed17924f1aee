/**
 * "Câu trả lời có giúp ích cho bạn không?" answered in words instead of with 👍/👎: people who
 * rarely use a phone type "có ạ" or "không" to a yes/no question. Only whole, short answers count;
 * anything longer is a new question.
 */
import { foldedAnswer, isNoAnswer } from "./no-answer.ts";

const YES = new Set([
  "co",
  "co a",
  "co nhe",
  "co ich",
  "co ich a",
  "co giup",
  "co giup ich",
  "co giup ich a",
  "huu ich",
  "rat huu ich",
  "rat co ich",
  "dung roi",
  "dung a",
  "dung",
  "yes",
  "helpful",
]);

const NO = new Set([
  "khong dung",
  "khong giup",
  "khong giup duoc",
  "khong giup ich",
  "khong co ich",
  "chua dung",
  "chua giup",
  "sai",
  "sai roi",
  "not helpful",
  "wrong",
]);

/** "up" for a yes, "down" for a no, or null. */
export function voteWord(text: string): "up" | "down" | null {
  const folded = foldedAnswer(text);
  if (YES.has(folded)) return "up";
  if (NO.has(folded) || isNoAnswer(text)) return "down";
  return null;
}
