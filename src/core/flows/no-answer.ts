/**
 * "No" typed in the citizen's words, for a step that asks a yes/no question ("Do you have a
 * photo?"): people with little phone experience answer "không" rather than pick the choice.
 * Compared without tone marks, case, punctuation or a trailing particle, so "Ko", "khong ạ",
 * "không có" and "chưa có ảnh" all count.
 */
import { fold } from "../text.ts";

const NO_ANSWERS = new Set([
  "khong",
  "ko",
  "k",
  "kg",
  "hong",
  "khong co",
  "ko co",
  "k co",
  "chua co",
  "chua",
  "khong co anh",
  "ko co anh",
  "chua co anh",
  "khong co hinh",
  "khong can",
  "thoi",
  "no",
  "none",
  "no photo",
]);

const PARTICLES = /\s+(a|nhe|nha|ak|ah|oi|day|ad)$/;

/** A short answer folded, without the trailing particle ("Không ạ" → "khong"). */
export function foldedAnswer(text: string): string {
  return fold(text).replace(PARTICLES, "");
}

export function isNoAnswer(text: string): boolean {
  return NO_ANSWERS.has(foldedAnswer(text));
}
