/**
 * Chat shorthand: the abbreviations Vietnamese citizens type in Telegram and Zalo messages ("ko",
 * "đc", "ntn", "bn", "vk", "ck", "đk"), written out before anything else reads the question, so
 * the stop phrases, cues, aspect and vocabulary see ordinary words ("đk kết hôn ntn" → "đăng ký
 * kết hôn như thế nào").
 *
 * Only a whole token is replaced, and only by its one common meaning; shorthand with several
 * meanings ("v", "c", "a", "vc", "hc", "nn") is left alone. This is data: add a line when a
 * shorthand is seen in real questions.
 */
import { type Token, tokenize } from "./normalize.ts";

export const SHORTHAND: Readonly<Record<string, string>> = {
  // không / được / gì / như thế nào / bao nhiêu (the question frames)
  ko: "không",
  k: "không",
  kh: "không",
  khg: "không",
  hok: "không",
  khum: "không",
  dc: "được",
  đc: "được",
  dk: "đăng ký",
  đk: "đăng ký",
  đky: "đăng ký",
  dky: "đăng ký",
  j: "gì",
  ntn: "như thế nào",
  bn: "bao nhiêu",
  bnhiu: "bao nhiêu",
  // people
  vk: "vợ",
  ck: "chồng",
  bme: "bố mẹ",
  mn: "mọi người",
  mng: "mọi người",
  ng: "người",
  // everyday words
  lm: "làm",
  trc: "trước",
  vs: "với",
  nc: "nước",
  ms: "mới",
  cx: "cũng",
  r: "rồi",
  mún: "muốn",
  bít: "biết",
  bik: "biết",
  nhìu: "nhiều",
  sdt: "số điện thoại",
  sđt: "số điện thoại",
  tks: "cảm ơn",
  thanks: "cảm ơn",
};

let compiled: ReadonlyMap<string, readonly Token[]> | undefined;

function table(): ReadonlyMap<string, readonly Token[]> {
  compiled ??= new Map(Object.entries(SHORTHAND).map(([k, v]) => [k.normalize("NFC"), tokenize(v)]));
  return compiled;
}

/** The tokens with every shorthand written out (a new array only when something changed). */
export function expandShorthand(tokens: readonly Token[]): readonly Token[] {
  const t = table();
  if (!tokens.some((x) => t.has(x.accented))) return tokens;
  return tokens.flatMap((x) => t.get(x.accented) ?? [x]);
}
