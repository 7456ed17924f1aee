/**
 * Text normalisation shared by the index and the query: Unicode NFC, lower case, punctuation to
 * spaces, and a tone-mark-free "folded" copy (đ → d) kept beside each accented token, because
 * folding makes words collide (thuế/thuê, sổ/số, căn/cần) and the accents still carry meaning.
 */

/** Longest query we look at, in characters and in tokens; the rest is ignored (bounded work). */
export const MAX_QUERY_CHARS = 600;
export const MAX_QUERY_TOKENS = 40;

const COMBINING_MARKS = /\p{M}+/gu;
/** Everything that is not a letter, a mark or a digit separates tokens. */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;

/** One token: the accented (NFC, lower-case) form and its folded copy. */
export interface Token {
  readonly accented: string;
  readonly folded: string;
}

/** Removes tone and vowel marks and maps đ → d. Input should already be lower case. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

const I_FOR_Y: Record<string, string> = { y: "i", ý: "í", ỳ: "ì", ỷ: "ỉ", ỹ: "ĩ", ỵ: "ị" };
const CONSONANTS_THEN_Y = /^[bcdđghklmnpqrstvx]+[yýỳỷỹỵ]$/;

/**
 * "ký"/"kí", "lý"/"lí", "mỹ"/"mĩ" are two accepted spellings of one syllable: a lone y after
 * consonants is written as i on both the index and the query side.
 */
export function unifyIY(token: string): string {
  if (!CONSONANTS_THEN_Y.test(token)) return token;
  return token.slice(0, -1) + I_FOR_Y[token.at(-1)!]!;
}

/** NFC + lower case + separators to single spaces. */
export function clean(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(SEPARATORS, " ").trim();
}

/** True when the token carries a Vietnamese mark (so its accents can be trusted). */
export function hasMarks(token: Token): boolean {
  return token.accented !== token.folded;
}

/**
 * The accented and folded forms of each word seen, so a word is folded once, not in every question
 * and record that has it. Bounded: emptied when it grows past WORD_FORMS words (a flood of made-up
 * words costs time, not memory).
 */
const wordForms = new Map<string, readonly [string, string]>();
const WORD_FORMS = 50_000;

function formsOf(word: string): readonly [string, string] {
  let forms = wordForms.get(word);
  if (forms === undefined) {
    const accented = unifyIY(word);
    forms = [accented, fold(accented)];
    if (wordForms.size >= WORD_FORMS) wordForms.clear();
    wordForms.set(word, forms);
  }
  return forms;
}

/** Splits a text into tokens (accented + folded), at most `maxTokens`. */
export function tokenize(text: string, maxTokens = Number.POSITIVE_INFINITY): Token[] {
  const out: Token[] = [];
  const cleaned = clean(text);
  if (cleaned === "") return out;
  for (const word of cleaned.split(" ")) {
    if (word === "") continue;
    const [accented, folded] = formsOf(word);
    // A new object for each occurrence: a question's tokens are told apart by identity.
    out.push({ accented, folded });
    if (out.length >= maxTokens) break;
  }
  return out;
}

/** Folded, cleaned text: "Đăng ký  Khai-sinh!" → "dang ky khai sinh". */
export function foldText(text: string): string {
  return fold(clean(text).split(" ").map(unifyIY).join(" "));
}

/**
 * Makes any input safe to search: caps its length before any regular expression runs, drops
 * control and format characters, and collapses a run of one repeated non-digit character (a
 * pathological "aaaa…" line) to three; digits are kept, so codes such as 1.000080 survive.
 */
export function sanitizeQuery(raw: string): string {
  const capped = raw.length > MAX_QUERY_CHARS * 4 ? raw.slice(0, MAX_QUERY_CHARS * 4) : raw;
  const text = capped
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]+/gu, " ")
    .replace(/(\P{N})\1{3,}/gu, "$1$1$1");
  return text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text;
}
