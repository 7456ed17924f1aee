/**
 * Accent-aware stop phrases: greetings, particles and question frames that carry no procedure
 * meaning ("ad ơi cho em hỏi … ạ?"). Generic Vietnamese stop lists are harmful here (they drop
 * "nhận", "sao", "mới", "lại", "thường"), so this list is short and phrase-first.
 *
 * A query token matches a phrase token when their accented forms are equal, or when the query
 * token has no marks and the folded forms are equal: "cần" (need) is dropped but "căn" (căn cước)
 * is not; an unmarked "can" is ambiguous and so is only dropped inside a longer phrase.
 */
import { hasMarks, type Token, tokenize } from "./normalize.ts";
import { tokenMatches } from "./phrase-match.ts";

/** Longest first is not required: matching tries every phrase at each position, longest wins. */
export const STOP_PHRASES: readonly string[] = [
  // greetings and addressing
  "xin chào",
  "chào anh chị",
  "chào bạn",
  "chào ad",
  "ad ơi",
  "admin ơi",
  "anh chị ơi",
  "anh ơi",
  "chị ơi",
  "bạn ơi",
  "em chào",
  "cho em hỏi",
  "cho tôi hỏi",
  "cho mình hỏi",
  "cho cháu hỏi",
  "cho e hỏi",
  "cho hỏi",
  "xin hỏi",
  "em muốn hỏi",
  "tôi muốn hỏi",
  "mình muốn hỏi",
  "em hỏi",
  "hỏi chút",
  "làm ơn",
  "xin cảm ơn",
  "cảm ơn",
  "cám ơn",
  "bạn là ai",
  "khỏe không",
  "bạn ơi",
  "hello",
  "hi",
  "alo",
  "ok",
  "oke",
  "okay",
  "bạn",
  "dạ",
  "vâng",
  "mọi người ơi",
  "mn ơi",
  "giúp em với",
  "giúp mình với",
  "giúp với",
  "em cảm ơn",
  "em xin cảm ơn",
  // asking for help or advice (not "hướng dẫn viên", "tư vấn pháp luật", which are procedures)
  "kính gửi",
  "nhờ anh chị",
  "nhờ mọi người",
  "nhờ ad",
  "xin hướng dẫn",
  "hướng dẫn giúp",
  "hướng dẫn giùm",
  "hướng dẫn em",
  "hướng dẫn tôi",
  "hướng dẫn mình",
  "xin tư vấn",
  "nhờ tư vấn",
  "tư vấn giúp",
  "tư vấn giùm",
  "tư vấn cho em",
  "tư vấn cho tôi",
  "tư vấn cho mình",
  "xin chỉ giúp",
  "chỉ giúp",
  "chỉ giùm",
  "chỉ em",
  "bác ơi",
  "cô ơi",
  "chú ơi",
  // when it happened: context, not the procedure ("mới mất tuần trước")
  "tuần trước",
  "tuần rồi",
  "hôm qua",
  "hôm kia",
  "hôm trước",
  "tháng trước",
  "năm ngoái",
  "năm trước",
  "vừa rồi",
  "mới đây",
  "gần đây",
  "dạo này",
  "hiện nay",
  "hiện tại",
  "bây giờ",
  "sắp tới",
  // the channel, not the procedure ("đăng ký tạm trú trên vneid"; the aspect reads it first)
  "trên vneid",
  "qua vneid",
  "bằng vneid",
  "trên app vneid",
  "qua app vneid",
  "trên ứng dụng vneid",
  "qua ứng dụng vneid",
  "trên dịch vụ công",
  "qua dịch vụ công",
  "trên cổng dịch vụ công",
  "qua cổng dịch vụ công",
  // question frames (the aspect is detected before these are removed)
  "cần những giấy tờ gì",
  "cần giấy tờ gì",
  "cần những gì",
  "cần mang theo gì",
  "mang theo gì",
  "cần chuẩn bị gì",
  "làm thế nào",
  "làm như thế nào",
  "như thế nào",
  "thế nào",
  "làm sao",
  "phải làm sao",
  "ra sao",
  "như nào",
  "làm như nào",
  "những thủ tục gì",
  "cần những thủ tục gì",
  "phải làm những gì",
  "cần làm những gì",
  "ai biết",
  "hỏi xíu",
  "hỏi chút xíu",
  "làm gì",
  "cần làm gì",
  "phải làm gì",
  "làm những gì",
  "làm thủ tục gì",
  "thủ tục như thế nào",
  "giải quyết thế nào",
  "có phải khai báo gì không",
  "có mất phí không",
  "ở đâu",
  "chỗ nào",
  "bao lâu",
  "mất bao lâu",
  "bao nhiêu tiền",
  "hết bao nhiêu tiền",
  "mất bao nhiêu tiền",
  "bao nhiêu",
  "có được không",
  "được không",
  "có phải",
  "có cần",
  "không ạ",
  "thủ tục",
  "thủ tục gì",
  "tôi muốn",
  "em muốn",
  "mình muốn",
  "muốn",
  "cần",
  "thì",
  "là",
  "ạ",
  "ơi",
  "nhé",
  "nhỉ",
  "vậy",
  "với",
  "nha",
  "ad",
  "admin",
  "em",
  "e",
  "tôi",
  "mình",
  "mk",
  "mik",
  "cháu",
  "những",
  "các",
  "gì",
  "không",
  "nào",
  "ạh",
  "hả",
  "à",
  "đâu",
];

interface Phrase {
  readonly tokens: readonly Token[];
}

/** Phrases grouped by the folded form of their first word (any match starts there), longest first. */
type ByFirstWord = ReadonlyMap<string, readonly Phrase[]>;

function byFirstWord(list: readonly Phrase[]): ByFirstWord {
  const out = new Map<string, Phrase[]>();
  for (const p of [...list].sort((a, b) => b.tokens.length - a.tokens.length)) {
    const first = p.tokens[0]?.folded;
    if (first === undefined) continue;
    out.set(first, [...(out.get(first) ?? []), p]);
  }
  return out;
}

let phrases: ByFirstWord | undefined;

/** The stop phrases as tokens (built on first use). */
function stopPhrases(): ByFirstWord {
  phrases ??= byFirstWord(STOP_PHRASES.map((p) => ({ tokens: tokenize(p) })));
  return phrases;
}

function phraseAt(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  if (at + phrase.tokens.length > tokens.length) return false;
  if (phrase.tokens.length === 1) {
    // A single unmarked word is often ambiguous ("can" = cần or căn): drop it only when safe.
    const query = tokens[at]!;
    const wanted = phrase.tokens[0]!;
    if (query.accented === wanted.accented) return true;
    return !hasMarks(query) && query.folded === wanted.folded && SAFE_UNMARKED.has(query.folded);
  }
  for (let i = 0; i < phrase.tokens.length; i++) {
    if (!tokenMatches(tokens[at + i]!, phrase.tokens[i]!)) return false;
  }
  return true;
}

/** Unmarked single words that are still safe to drop (they collide with no procedure word). */
const SAFE_UNMARKED = new Set([
  "a",
  "oi",
  "nhe",
  "nhi",
  "vay",
  "voi",
  "ah",
  "ha",
  "muon",
  "toi",
  "chau",
  "nhung",
  "gi",
  "khong",
  "nao",
  "thi",
  "la",
  "ad",
  "admin",
  "em",
  "minh",
  "mk",
  "mik",
  "e",
  "cac",
  "nha",
  "dau",
  "hello",
  "hi",
  "alo",
  "ok",
  "oke",
  "okay",
]);

/** Phrases kept whole even though a word inside them is a stop word. */
const PROTECTED_PHRASES = ["trẻ em", "không phải", "không có"];
let protectedPhrases: readonly Phrase[] | undefined;
const NO_EXTRA: readonly (readonly Token[])[] = [];
/** Guards per list of extra protected phrases (the vocabulary's list is one constant array). */
const guardCache = new WeakMap<readonly (readonly Token[])[], ByFirstWord>();

function guardsFor(protect: readonly (readonly Token[])[]): ByFirstWord {
  let guards = guardCache.get(protect);
  if (!guards) {
    protectedPhrases ??= PROTECTED_PHRASES.map((p) => ({ tokens: tokenize(p) }));
    guards = byFirstWord(
      [...protectedPhrases, ...protect.map((p) => ({ tokens: p }))].filter((p) => p.tokens.length > 1),
    );
    guardCache.set(protect, guards);
  }
  return guards;
}

/**
 * Positions of the tokens that are stop phrases. `protect` lists further phrases kept whole (the
 * citizen vocabulary's terms: "sua nha" is "sửa nhà", not "sửa" and the particle "nha").
 */
export function stopPhrasePositions(
  tokens: readonly Token[],
  protect: readonly (readonly Token[])[] = NO_EXTRA,
): Set<number> {
  const guards = guardsFor(protect);
  const stopped = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!.folded;
    const guard = guards.get(first)?.find((p) => phraseAt(tokens, i, p))?.tokens.length ?? 0;
    if (guard > 0) {
      i += guard;
      continue;
    }
    let skip = 0;
    for (const phrase of stopPhrases().get(first) ?? []) {
      if (phraseAt(tokens, i, phrase)) {
        skip = phrase.tokens.length;
        break;
      }
    }
    if (skip > 0) for (let k = 0; k < skip; k++) stopped.add(i++);
    else i++;
  }
  return stopped;
}

/**
 * Removes stop phrases. Returns the kept tokens: empty when the message is only greetings,
 * particles and question frames ("xin chào", "cảm ơn ạ").
 */
export function removeStopPhrases(
  tokens: readonly Token[],
  protect: readonly (readonly Token[])[] = NO_EXTRA,
): Token[] {
  const stopped = stopPhrasePositions(tokens, protect);
  return tokens.filter((_, i) => !stopped.has(i));
}
