/**
 * Where a purpose clause begins: "để" ("tách thửa để cho con xây nhà", "lý lịch tư pháp để xin
 * việc"). Typed without marks, "de" is also "đề" (đề nghị, đề xuất), "đê" (đê điều), "để lại"
 * (left behind: "đất ông bà để lại") or "đẻ" (đẻ con); it is read as "để" unless one of those
 * words follows.
 */
import { hasMarks, type Token } from "./normalize.ts";

const PURPOSE = "để";

/** Folded words after an unmarked "de" that make it another word than the purpose "để". */
const NOT_PURPOSE_AFTER: ReadonlySet<string> = new Set([
  "nghi",
  "xuat",
  "an",
  "tai",
  "dieu",
  "thi",
  "cap",
  "bat",
  "phong",
  "lai",
  "con",
  "ra",
  "muc",
  "cuong",
]);

/** True when the token at `i` opens a purpose clause. */
export function isPurpose(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.accented === PURPOSE) return true;
  if (t.folded !== "de" || hasMarks(t)) return false;
  const next = tokens[i + 1];
  return next !== undefined && !NOT_PURPOSE_AFTER.has(next.folded);
}
