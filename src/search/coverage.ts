/**
 * How much of a question the best candidate explains: the IDF-weighted share of its meaningful
 * words found in the candidate (exactly, through a vocabulary expansion, or, for a word the
 * catalogue does not know, within a typo's edit distance), and the rarest word matched.
 * Words that only ask (aspect) or pick a sibling (cue) count when found and are not missed otherwise.
 */
import { editDistance } from "./edit-distance.ts";
import { fold, hasMarks, type Token } from "./normalize.ts";
import { isPurpose } from "./purpose.ts";
import type { QueryAnalysis } from "./query.ts";
import { fuzzyFor, type IndexedProcedure, type TokenIndex } from "./token-index.ts";

/**
 * Everyday words that frame a question without naming a procedure (people, "làm", "cho", "của",
 * "để"…): they count when the candidate has them and are not missed when it does not.
 */
export const SOFT_WORDS: ReadonlySet<string> = new Set(
  [
    "vợ",
    "chồng",
    "con",
    "cháu",
    "bé",
    "bố",
    "mẹ",
    "cha",
    "ông",
    "bà",
    "anh",
    "chị",
    "người",
    "nhà",
    "gia đình",
    "hai",
    "làm",
    "cho",
    "của",
    "để",
    "và",
    "thì",
    "mà",
    "đã",
    "đang",
    "sẽ",
    "được",
    "bị",
    "rồi",
    "nay",
    "mới",
    "nhỏ",
    "lớn",
    "giờ",
    "phải",
    "cần",
    "xin",
    "đi",
    "về",
    "ra",
    "vào",
    "ở",
    "tại",
    "có",
    "như",
    "này",
    "đó",
    "nữa",
    "lại",
    "luôn",
    "ngay",
    "sao",
    "hết",
    "một",
    "việc",
    "muốn",
    "giúp",
    "hộ",
    "dùm",
    "giùm",
    // who and where, in a citizen's own story ("bà cụ nhà em", "làm ở xã")
    "cụ",
    "nội",
    "ngoại",
    "xã",
    "phường",
    "quận",
    "huyện",
    "tỉnh",
    "sau",
    "trước",
    "khi",
    "nên",
    "vì",
    "tuần",
    // the rest of a citizen's story: counting and pointing at people and things ("hai đứa con", "mảnh đất
    // nhà em", "mấy bản", "cả nhà")
    "đứa",
    "nhau",
    "khác",
    "cả",
    "mấy",
    "mảnh",
    "ấy",
    "nó",
    "họ",
    "cũng",
    "vẫn",
    "đều",
    "nhiều",
  ].map((w) => w.normalize("NFC")),
);

const SOFT_FOLDED: ReadonlySet<string> = new Set([...SOFT_WORDS].map((w) => fold(w)));

/** True for a soft word (an unmarked token matches by its folded form). */
export function isSoft(t: Token): boolean {
  return SOFT_WORDS.has(t.accented) || (!hasMarks(t) && SOFT_FOLDED.has(t.folded));
}

export interface Coverage {
  readonly coverage: number;
  readonly specificity: number;
  /**
   * Phrase evidence: the rarity (pair IDF) of the rarest pair of neighbouring question words
   * found together in the candidate's name or an alias; a vocabulary term found counts as half
   * the maximum. 0 when the candidate only shares scattered single words with the question.
   */
  readonly phrase: number;
  /** True when a citizen term of the question (vocabulary.ts) is explained by the candidate's name. */
  readonly vocabulary: boolean;
}

/** Credit (0..1) for one query word in one candidate. */
export function termCredit(token: Token, doc: IndexedProcedure, index: TokenIndex): number {
  if (doc.allTerms.has(token.folded)) {
    if (hasMarks(token) && doc.folded.has(token.folded) && !doc.accented.has(token.accented)) return 0.5;
    return 1;
  }
  if (index.syllables.has(token.folded)) return 0;
  const max = fuzzyFor(token.folded);
  if (max === false) return 0;
  for (const term of doc.allTerms) if (editDistance(token.folded, term, max) <= max) return 0.6;
  return 0;
}

export function coverageOf(analysis: QueryAnalysis, doc: IndexedProcedure, index: TokenIndex): Coverage {
  let total = 0;
  let covered = 0;
  let specificity = 0;
  let phrase = 0;
  let vocabulary = false;
  const expansionsAt = new Map<number, (readonly Token[])[]>();
  for (const e of analysis.expansions) {
    for (const p of e.positions) expansionsAt.set(p, [...(expansionsAt.get(p) ?? []), e.tokens]);
  }
  // Words after "để" state a purpose ("chuyển lên đất ở để xây nhà", "lý lịch tư pháp để xin
  // việc"): like the soft words, they count when the candidate has them and are not missed otherwise.
  let purpose = false;
  analysis.content.forEach((t, i) => {
    if (/^\d+$/.test(t.folded)) return;
    if (isPurpose(analysis.content, i)) purpose = true;
    const weight = Math.min(index.idf(t.folded), index.maxIdf);
    let credit = termCredit(t, doc, index);
    if (credit > 0) specificity = Math.max(specificity, weight * credit);
    for (const expansion of expansionsAt.get(i) ?? []) {
      const found = expansion.filter((e) => doc.allTerms.has(e.folded));
      // Half the official words, or three of a long official name, explain the citizen's term.
      if (found.length >= Math.min(3, Math.ceil(expansion.length / 2))) {
        // A citizen term from the vocabulary is domain language: as specific as the rarest word found.
        credit = 1;
        specificity = Math.max(specificity, ...found.map((e) => index.idf(e.folded)), index.maxIdf / 2);
        phrase = Math.max(phrase, index.maxIdf / 2);
        vocabulary = true;
      }
    }
    // Story words (told before the ask, see clauses.ts) likewise count only when found.
    if ((analysis.functional.has(i) || isSoft(t) || purpose || analysis.story.has(i)) && credit === 0) return;
    total += weight;
    covered += weight * credit;
  });
  const words = analysis.content;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (isSoft(a) && isSoft(b)) continue;
    const pair = `${a.folded}_${b.folded}`;
    if (doc.namePairs.has(pair)) phrase = Math.max(phrase, index.pairIdf(pair));
  }
  return { coverage: total > 0 ? covered / total : 0, specificity, phrase, vocabulary };
}

/**
 * Words of any paperwork ("nộp hồ sơ ở đâu", "xin giấy đó", "thủ tục", "làm đơn"), folded: in an ask
 * they name no procedure of their own.
 */
const PAPERWORK: ReadonlySet<string> = new Set(["giay", "to", "nop", "thu", "tuc", "don", "ho_so"]);

function paperwork(words: readonly Token[], i: number): boolean {
  const t = words[i]!.folded;
  if (PAPERWORK.has(t)) return true;
  return (
    (t === "ho" && words[i + 1]?.folded === "so") || (t === "so" && i > 0 && words[i - 1]!.folded === "ho")
  );
}

/** How a citizen asks for advice rather than a procedure ("nên … thế nào", "cho em lời khuyên"), folded. */
const ADVICE: readonly (readonly string[])[] = [
  "nen",
  "loi khuyen",
  "khuyen",
  "tu van",
  "goi y",
  "co cach nao",
  "lam sao de",
  "lam the nao de",
].map((w) => w.split(" "));

function asksAdvice(tokens: readonly Token[]): boolean {
  return tokens.some((_, i) => ADVICE.some((w) => w.every((x, j) => tokens[i + j]?.folded === x)));
}

/**
 * Whether the ask of a long message (the content after its story, see clauses.ts) names something
 * and none of the shown candidates explains any of it: "mẹ em dạo này hay chóng mặt …, nên cho mẹ
 * ăn uống thế nào"; "muốn đặt vé tàu về quê ăn tết mà hết vé, có cách nào mua được vé không". The
 * candidates were then found through the story alone, which tells why the citizen writes, not what
 * is asked. False when there is no story or the ask names nothing but paperwork or a question frame
 * ("… thì làm thế nào", "… vậy em nộp hồ sơ ở đâu"), and when the message does not ask for advice
 * ("nên", "lời khuyên", "có cách nào", "làm sao để"): an ask of a procedure often uses words its
 * name does not ("… thì xin giấy đó ở đâu"), while advice is what the catalogue never gives.
 */
export function askUnexplained(
  analysis: QueryAnalysis,
  docs: readonly IndexedProcedure[],
  index: TokenIndex,
): boolean {
  if (analysis.story.size === 0 || !asksAdvice(analysis.tokens)) return false;
  const words = analysis.content;
  const ask: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    if (analysis.story.has(i) || analysis.functional.has(i) || isSoft(t) || /^\d+$/.test(t.folded)) continue;
    if (!paperwork(words, i)) ask.push(i);
  }
  if (ask.length === 0) return false;
  const explains = (doc: IndexedProcedure) =>
    ask.some(
      (i) =>
        termCredit(words[i]!, doc, index) > 0 ||
        analysis.expansions.some(
          (e) => e.positions.includes(i) && e.tokens.some((x) => doc.allTerms.has(x.folded)),
        ),
    );
  return !docs.some(explains);
}
