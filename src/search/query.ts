/**
 * Turns a raw citizen message into what the ranking needs: tokens (accented + folded, Telex
 * repaired), the aspect, the sibling cues, the content tokens left after stop phrases, and the
 * vocabulary expansions. Bounded work: the message is sanitised and capped first.
 */
import { aspectPositions, detectAspect } from "./aspect.ts";
import {
  circumstancePositions,
  clauseNumbers,
  followUpClauses,
  splitSegments,
  storyPositions,
} from "./clauses.ts";
import { isSoft } from "./coverage.ts";
import { cuePositions, detectCues, nationalityPositions, type Variant } from "./cues.ts";
import { type Expansion, expandQuery, officialPhrases, vocabularyPhrases } from "./expand.ts";
import { hasMarks, MAX_QUERY_TOKENS, sanitizeQuery, type Token, tokenize } from "./normalize.ts";
import { isPurpose } from "./purpose.ts";
import { senseExpansions } from "./sense.ts";
import { expandShorthand } from "./shorthand.ts";
import { repairPairs } from "./spelling.ts";
import { stopPhrasePositions } from "./stop-phrases.ts";
import { onlyToneKeys, repairToken } from "./telex.ts";
import type { Aspect } from "./types.ts";

export interface QueryAnalysis {
  /** All tokens (after Telex repair). */
  readonly tokens: readonly Token[];
  /** Tokens that carry the procedure meaning (stop phrases removed). */
  readonly content: readonly Token[];
  readonly aspect: Aspect | null;
  readonly cues: ReadonlySet<Variant>;
  readonly expansions: readonly Expansion[];
  /** Content tokens covered by an expansion (index into `content`). */
  readonly expandedContent: ReadonlySet<number>;
  /** Content tokens of the story told before the ask (index into `content`; see clauses.ts). */
  readonly story: ReadonlySet<number>;
  /** Content tokens that only ask (aspect) or pick a sibling (cue) (index into `content`). */
  readonly functional: ReadonlySet<number>;
  /**
   * Whether any content word names something (a sibling cue counts; an aspect word or an everyday
   * word does not): "phí bao nhiêu?" and "còn làm ở đâu" name nothing, "gia hạn bao lâu" does.
   */
  readonly namesSomething: boolean;
  /**
   * Tokens beside the ask (index into `tokens`): the story and every purpose clause, from "để" to
   * the end of its clause. What they mention ("đang nộp hồ sơ xin việc, công ty yêu cầu bản sao…";
   * "… để nộp hồ sơ xin việc") is why the citizen asks, not what (see off-topic.ts).
   */
  readonly beside: ReadonlySet<number>;
  /**
   * Whether the ask (the story set aside) names its procedure in the catalogue's own words ("…
   * giờ muốn đăng ký khai sinh cho bé"): the story then only tells why (see token-index.ts).
   */
  readonly namedOfficially?: boolean;
}

/**
 * Words every procedure shares, about handing in and getting back: in "nộp hồ sơ ở đâu", "thời gian
 * giải quyết bao lâu", "bao lâu thì xong" they name none.
 */
const GENERIC_WORDS = new Set(["nop", "mang", "xong", "buoc", "tra"]);
const GENERIC_PAIRS = new Set(["ho_so", "giay_to", "thu_tuc", "thoi_gian", "giai_quyet", "ket_qua"]);

function generic(words: readonly string[], i: number): boolean {
  return (
    GENERIC_WORDS.has(words[i]!) ||
    (i > 0 && GENERIC_PAIRS.has(`${words[i - 1]}_${words[i]}`)) ||
    (i + 1 < words.length && GENERIC_PAIRS.has(`${words[i]}_${words[i + 1]}`))
  );
}

/** Whether a phrase's folded words stand in a row among `words`. */
function foldedPhraseIn(words: readonly string[], p: readonly Token[]): boolean {
  for (let s = 0; s + p.length <= words.length; s++)
    if (words[s] === p[0]?.folded && p.every((t, k) => words[s + k] === t.folded)) return true;
  return false;
}

/** Pairs that open many official names ("đăng ký …", "cấp lại …"): they say no topic. */
const OPENING_PAIRS: ReadonlySet<string> = new Set([
  "dang_ki",
  "ki_khai",
  "cap_lai",
  "cap_doi",
  "giay_chung",
  "chung_nhan",
]);

/** Whether two phrases share a neighbouring pair of words that says a topic. */
function sharesPair(a: readonly Token[], b: readonly Token[]): boolean {
  const pairs = (p: readonly Token[]) =>
    p
      .slice(1)
      .map((t, i) => `${p[i]!.folded}_${t.folded}`)
      .filter((x) => !OPENING_PAIRS.has(x));
  const of = new Set(pairs(a));
  return pairs(b).some((x) => of.has(x));
}

/**
 * Pairs every procedure has ("hồ sơ", "giấy tờ", "thủ tục") and the bare act of registering ("…
 * đăng ký ở đâu"): a clause naming only these is a question frame, not the ask.
 */
const FRAME_PAIRS: ReadonlySet<string> = new Set([...GENERIC_PAIRS, "dang_ki"]);

/** Whether the word at `i` is part of a pair of a question frame (see FRAME_PAIRS). */
function genericPair(words: readonly string[], i: number): boolean {
  return (
    (i > 0 && FRAME_PAIRS.has(`${words[i - 1]}_${words[i]}`)) ||
    (i + 1 < words.length && FRAME_PAIRS.has(`${words[i]}_${words[i + 1]}`))
  );
}

/** Whether the word at `i` forms a known catalogue pair with the word before or after it. */
function inKnownPair(words: readonly string[], i: number, pairs: ReadonlySet<string>): boolean {
  return (
    (i > 0 && pairs.has(`${words[i - 1]}_${words[i]}`)) ||
    (i + 1 < words.length && pairs.has(`${words[i]}_${words[i + 1]}`))
  );
}

/**
 * Telex/VNI repair of every token against the known folded syllables. A repair that only drops
 * tone keys ("kys" → "ky", but also "bus" → "bu") is kept only when the repaired syllable forms a
 * known pair with a neighbour ("dang ky"): an English word in an out-of-scope message ("xe bus số
 * 32") must not be respelt into a catalogue syllable.
 */
function repair(
  tokens: readonly Token[],
  syllables: ReadonlySet<string>,
  pairs: ReadonlySet<string>,
): Token[] {
  const fixed = tokens.map((t) => (t.accented !== t.folded ? t.folded : repairToken(t.folded, syllables)));
  return tokens.map((t, i) => {
    const f = fixed[i]!;
    if (f === t.folded || (onlyToneKeys(t.folded) && pairs.size > 0 && !inKnownPair(fixed, i, pairs)))
      return t;
    return { accented: f, folded: f };
  });
}

/** Naming words a follow-up question may hold and still not be the ask (see followUpClauses). */
const FOLLOW_UP_WORDS = 2;

/** Content words (not soft) a main clause needs before its purpose clause is set aside. */
const MAIN_CLAUSE_WORDS = 2;

/**
 * Drops the vocabulary expansions of a purpose clause ("xác nhận độc thân để lấy chồng", "chuyển
 * lên đất ở để xây nhà"): the citizen asks for the paper of the main clause, not for what it is
 * for. When the main clause is only a question frame ("cần chuẩn bị gì để đăng ký kết hôn"), the
 * purpose is the question and keeps its expansions.
 */
function mainClause(at: number, expansions: Expansion[]): Expansion[] {
  if (at < 0) return expansions;
  return expansions.filter((e) => e.positions.some((p) => p < at));
}

/** Verbs of going somewhere, folded ("xuống thôn", "ra xã", "lên huyện", "về quê"). */
const MOTION: ReadonlySet<string> = new Set(["di", "ra", "len", "xuong", "ve", "den"]);

/**
 * Where the purpose clause set aside begins in the content (-1 when none is set aside). A clause
 * that only goes somewhere ("cán bộ xuống thôn để làm khai sinh lưu động", "lên huyện để làm căn
 * cước") names no paper: when no citizen term stands before "để", the purpose is the ask.
 */
function purposeAt(
  content: readonly Token[],
  clauseOf: readonly number[],
  expansions: readonly Expansion[],
): number {
  const at = content.findIndex((_, i) => isPurpose(content, i));
  if (at < 0) return -1;
  const before = content.slice(0, at).filter((t) => !isSoft(t)).length;
  if (before < MAIN_CLAUSE_WORDS) return -1;
  const named = expansions.some((e) => e.positions.some((p) => p < at));
  const goes = content.some((t, p) => p < at && clauseOf[p] === clauseOf[at] && MOTION.has(t.folded));
  return !named && goes ? -1 : at;
}

export function analyzeQuery(
  raw: string,
  syllables: ReadonlySet<string>,
  pairs: ReadonlySet<string> = new Set(),
): QueryAnalysis {
  const { tokens: shortened, segmentOf } = segmentTokens(sanitizeQuery(raw));
  const typed = repair(shortened, syllables, pairs);
  // Greetings and question frames are found before the spelling repair, which must not touch them.
  const framing = stopPhrasePositions(typed, vocabularyPhrases());
  // Everyday words typed with their marks ("rồi", "chị") are spelled right: only the rest is open
  // to repair (an unmarked "se" may still be a misspelt "xe"). In a message typed with marks, an
  // everyday word without any ("con", "cho") is spelled right too: "hai đứa con" is no "đứa công".
  const accented = typed.filter(hasMarks).length * 2 >= typed.length;
  // An unmarked "roi" closing a clause is "rồi" ("ở việt nam 7 năm rồi", "xe cũ nát quá rồi"), not
  // a misspelt "đổi" read with the next clause's first word ("… 7 năm rồi, nói …" is no "đổi nơi").
  const closing = (i: number) => typed[i]!.folded === "roi" && segmentOf[i + 1] !== segmentOf[i];
  const everyday = new Set(
    typed.flatMap((t, i) =>
      framing.has(i) || ((accented || hasMarks(t)) && isSoft(t)) || closing(i) ? [i] : [],
    ),
  );
  const weak = new Set(typed.flatMap((t, i) => (isSoft(t) ? [i] : [])));
  const tokens = repairPairs(typed, pairs, everyday, weak);
  const kept = tokens.flatMap((_, i) => (framing.has(i) ? [] : [i]));
  const content = kept.map((i) => tokens[i]!);
  const clauseOf = clauseNumbers(tokens, segmentOf);
  const asking = aspectPositions(content);
  const functional = new Set([...asking, ...cuePositions(content)]);
  // An everyday word inside a catalogue phrase names something: "hộ" in "hộ chiếu", "nhà" in "nhà ở".
  const contentFolded = content.map((t) => t.folded);
  const paired = (p: number) => inKnownPair(contentFolded, p, pairs);
  const contentClause = kept.map((i) => clauseOf[i]!);
  const naming = (p: number) =>
    !functional.has(p) && !/^\d+$/.test(content[p]!.folded) && (!isSoft(content[p]!) || paired(p));
  // A short follow-up question ("…, có phải về quê không", "còn phí bao nhiêu?") is not the ask:
  // the clause before it names the procedure it asks about. One naming more than two words ("có
  // phải đăng ký hộ kinh doanh không") is an ask of its own.
  const followUps = followUpClauses(tokens, clauseOf);
  const namingIn = new Map<number, number>();
  content.forEach((_, p) => {
    if (naming(p)) namingIn.set(contentClause[p]!, (namingIn.get(contentClause[p]!) ?? 0) + 1);
  });
  const shortFollowUp = (c: number) => followUps.has(c) && (namingIn.get(c) ?? 0) <= FOLLOW_UP_WORDS;
  // Papers every procedure has ("… thì nộp hồ sơ ở đâu", "cần giấy tờ gì") make no clause the ask.
  const story = storyPositions(
    contentClause,
    (p) => naming(p) && !genericPair(contentFolded, p) && !shortFollowUp(contentClause[p]!),
  );
  // A circumstance is set aside like the story when the rest still names the procedure.
  const aside = circumstancePositions(content, contentClause);
  const rest = content.filter((_, p) => !story.has(p) && !aside.has(p) && naming(p)).length;
  if (rest >= 2) for (const p of aside) story.add(p);
  const asideTokens = new Set(rest >= 2 ? [...aside].map((p) => kept[p]!) : []);
  // Someone's nationality ("vợ em người trung quốc") says who, through the foreign cue: its words
  // are set aside like the story when the rest still names the procedure.
  const nationality = nationalityPositions(content);
  const named = content.filter((_, p) => !story.has(p) && !nationality.has(p) && naming(p)).length;
  if (named >= 2) for (const p of nationality) story.add(p);
  // When the ask has a citizen term of its own, a term in the story ("lấy chồng người nhật, con sinh
  // bên đó, giờ muốn làm khai sinh") names what happened, not what is asked: its words are not added.
  // An ask without one ("… thuê nhà thì có phải khai báo gì với công an") keeps the story's.
  const all = [...expandQuery(content), ...senseExpansions(content)];
  const purpose = purposeAt(content, contentClause, all);
  const found = mainClause(purpose, all);
  // A term the ask repeats in the catalogue's own words ("… lâu chưa làm khai sinh, … giờ muốn đăng
  // ký khai sinh") is the ask's too, though only its first mention in the story was expanded.
  const askWords = new Set(content.flatMap((t, p) => (story.has(p) ? [] : [t.folded])));
  const told = (e: Expansion) =>
    e.positions.every((p) => story.has(p)) && !e.tokens.every((t) => askWords.has(t.folded));
  // An ask naming its procedure in the catalogue's own words ("… lấy chồng người hàn …, giờ muốn
  // đăng ký khai sinh cho bé") has a term of its own too, though the vocabulary adds nothing to it.
  // A story term naming the same thing ("mở quán …, có phải đăng ký hộ kinh doanh không") stays.
  const askFolded = content.filter((_, p) => !story.has(p)).map((t) => t.folded);
  const officials = officialPhrases().filter((o) => foldedPhraseIn(askFolded, o));
  const elsewhere = (e: Expansion) => told(e) && !officials.some((o) => sharesPair(o, e.tokens));
  const namedOfficially = officials.length > 0 && found.some(elsewhere);
  const expansions = found.some((e) => !told(e))
    ? found.filter((e) => !told(e))
    : namedOfficially
      ? found.filter((e) => !elsewhere(e))
      : found;
  const expandedContent = new Set<number>();
  for (const e of expansions) for (const p of e.positions) expandedContent.add(p);
  // The story's places in `tokens`: beside the ask, and not where the ask's own cues are read.
  const storyAt = [...story].map((p) => kept[p]!);
  const beside = new Set(storyAt);
  let purposeClause = -1;
  tokens.forEach((_, i) => {
    if (purposeClause >= 0 && clauseOf[i] !== purposeClause) purposeClause = -1;
    if (purposeClause < 0 && isPurpose(tokens, i)) purposeClause = clauseOf[i]!;
    if (purposeClause >= 0) beside.add(i);
  });
  return {
    tokens,
    content,
    aspect: detectAspect(tokens),
    // Sibling cues of a purpose clause are what the paper is for ("bản sao giấy khai sinh để bổ
    // sung hồ sơ nhập học"), not which sibling is asked.
    // Nor are those of a circumstance set aside ("đổi tên trên sổ hồng sau khi đổi căn cước").
    cues: askedCues(
      (purpose < 0 ? tokens : tokens.slice(0, kept[purpose])).filter((_, i) => !asideTokens.has(i)),
      new Set(storyAt.map((i) => tokens[i]!)),
    ),
    expansions,
    expandedContent,
    story,
    functional,
    // A sibling cue ("gia hạn", "cấp lại") names what is wanted here; "nộp hồ sơ" does not.
    namesSomething: content.some(
      (_, p) => !asking.has(p) && !generic(contentFolded, p) && (functional.has(p) || naming(p)),
    ),
    beside,
    namedOfficially,
  };
}

/** Cues that say who or where (a foreigner, a child, the border area): the story may tell them. */
const SUBJECT_CUES: ReadonlySet<Variant> = new Set<Variant>([
  "foreign",
  "border",
  "under14",
  "over14",
  "child",
]);

/**
 * Sibling cues of the ask. When the ask says what is to be done ("… giờ muốn đăng ký lại khai tử",
 * "thu hồi giấy đăng ký"), what the story says happened ("mất cả giấy", "xe cũ nát") does not pick
 * the sibling; who it is about ("bạn người mỹ") still does. An ask without an act of its own
 * ("… thủ tục thế nào") keeps all the story's cues. The story is given as token objects: `tokens`
 * may already be a filtered list.
 */
function askedCues(tokens: readonly Token[], storyTokens: ReadonlySet<Token>): Set<Variant> {
  const all = detectCues(tokens);
  const asked = detectCues(tokens.filter((t) => !storyTokens.has(t)));
  if (![...asked].some((c) => !SUBJECT_CUES.has(c))) return all;
  for (const c of all) if (SUBJECT_CUES.has(c)) asked.add(c);
  return asked;
}

/** Tokens of each punctuation-separated segment (shorthand written out), and each token's segment. */
function segmentTokens(text: string): { tokens: Token[]; segmentOf: number[] } {
  const tokens: Token[] = [];
  const segmentOf: number[] = [];
  splitSegments(text).forEach((segment, k) => {
    if (tokens.length >= MAX_QUERY_TOKENS) return;
    for (const t of expandShorthand(tokenize(segment, MAX_QUERY_TOKENS))) {
      if (tokens.length >= MAX_QUERY_TOKENS) break;
      tokens.push(t);
      segmentOf.push(k);
    }
  });
  return { tokens, segmentOf };
}
