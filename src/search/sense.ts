/**
 * Word senses read from neighbours. "mất" means "lost" after a paper ("mất căn cước") and "died"
 * after a person ("bà cụ nhà em mới mất", "bố mất rồi"): the second adds the official words of
 * death registration, as the vocabulary does for "qua đời". Like the vocabulary, a sense only adds
 * words; the citizen's own words stay.
 */
import type { Expansion } from "./expand.ts";
import { fold, hasMarks, type Token, tokenize } from "./normalize.ts";

/** People whose death a family registers. */
const PEOPLE = new Set(
  [
    "ông",
    "bà",
    "bố",
    "mẹ",
    "cha",
    "ba",
    "má",
    "cụ",
    "chồng",
    "vợ",
    "con",
    "anh",
    "chị",
    "người",
    "nội",
    "ngoại",
  ].map((w) => w.normalize("NFC")),
);

/** Words between the person and "mất" that keep the sense ("bà cụ mới mất", "bố đã mất"). */
const BETWEEN = new Set(["mới", "vừa", "đã", "cụ", "nội", "ngoại", "tôi", "em", "mình", "nhà"]);

/** Things that get lost: "mất" followed by one of these is "lost", whoever lost it. */
const LOST_THINGS = new Set(
  [
    "giấy",
    "sổ",
    "thẻ",
    "bằng",
    "hộ",
    "căn",
    "cccd",
    "cmnd",
    "ví",
    "xe",
    "biển",
    "bản",
    "tiền",
    "passport",
    "gplx",
    "bhyt",
    "bhxh",
    "cà",
  ].map((w) => w.normalize("NFC")),
);

const DEATH_REGISTRATION = tokenize("đăng ký khai tử");

/** A word list with the folded form of each word, for words typed without marks. */
function wordList(words: ReadonlySet<string>): {
  accented: ReadonlySet<string>;
  folded: ReadonlySet<string>;
} {
  return { accented: words, folded: new Set([...words].map(fold)) };
}
const PEOPLE_LIST = wordList(PEOPLE);
const BETWEEN_LIST = wordList(BETWEEN);
const LOST_LIST = wordList(LOST_THINGS);

/** Accent-aware membership: a word typed without marks matches by its folded form. */
const isWord = (t: Token, list: ReturnType<typeof wordList>) =>
  list.accented.has(t.accented) || (!hasMarks(t) && list.folded.has(t.folded));
const isDied = (t: Token) => t.accented === "mất" || (!hasMarks(t) && t.folded === "mat");

/**
 * Typed without marks, "chong mat" is also "chóng mặt" (dizzy): so it reads after how often or how
 * badly ("hay", "bị", "hơi", "thường", "đau đầu") or before another symptom ("buồn nôn", "hoa mắt").
 */
const DIZZY_BEFORE = new Set(["hay", "bi", "hoi", "thuong", "dau", "de", "nhuc"]);
const DIZZY_AFTER = new Set(["buon", "hoa", "nhuc", "dau", "u", "met", "choang"]);

function dizzy(tokens: readonly Token[], i: number): boolean {
  const person = tokens[i - 1];
  if (!person || hasMarks(person) || hasMarks(tokens[i]!) || person.folded !== "chong") return false;
  const before = tokens[i - 2];
  const after = tokens[i + 1];
  return (
    (before !== undefined && !hasMarks(before) && DIZZY_BEFORE.has(before.folded)) ||
    (after !== undefined && !hasMarks(after) && DIZZY_AFTER.has(after.folded))
  );
}

/** Expansions for "mất" said of a person. */
export function senseExpansions(tokens: readonly Token[]): Expansion[] {
  const out: Expansion[] = [];
  tokens.forEach((t, i) => {
    if (!isDied(t) || dizzy(tokens, i)) return;
    const next = tokens[i + 1];
    if (next && isWord(next, LOST_LIST)) return;
    let j = i - 1;
    while (j >= 0 && i - j <= 3 && isWord(tokens[j]!, BETWEEN_LIST) && !isWord(tokens[j]!, PEOPLE_LIST)) j--;
    if (j >= 0 && isWord(tokens[j]!, PEOPLE_LIST)) out.push({ positions: [i], tokens: DEATH_REGISTRATION });
  });
  return out;
}
