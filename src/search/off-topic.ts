/**
 * Words that show a question is about something other than a procedure: prices, interest,
 * medicine, school fees, job hunting ("giá heo hơi", "lãi suất gửi tiết kiệm", "thuốc hạ sốt",
 * "cách làm hồ sơ xin việc"). When the best candidate does not itself contain such a word, the
 * words it shares with the question are an accident, and nothing fits.
 *
 * A word after "để" states a purpose ("lý lịch tư pháp để xin việc") and is not the topic.
 * Single syllables that fold onto common words ("giá"/"gia", "thuốc"/"thuộc") count only with
 * their marks.
 */
import { hasMarks, type Token, tokenize } from "./normalize.ts";
import { findPhrase, type Phrase } from "./phrase-match.ts";

export const OFF_TOPIC: readonly string[] = [
  "giá",
  "bảng giá",
  "lãi suất",
  "tiết kiệm",
  "thuốc",
  "hạ sốt",
  "học phí",
  "chuyển trường",
  "lễ hội",
  "tiền điện",
  "xin việc",
  "tìm việc",
];

/** Where the word asks the fee of a procedure ("làm hộ chiếu giá bao nhiêu"), it is no topic. */
const UNLESS: readonly string[] = ["giá bao nhiêu", "giá bao nhiu", "giá như thế nào", "giá cả thế nào"];

let compiled: readonly Phrase[] | undefined;
let unless: readonly Phrase[] | undefined;

const PURPOSE = "để";

/** The off-topic words of a question, each as the list of its accented syllables. */
export function offTopicWords(tokens: readonly Token[]): string[][] {
  compiled ??= OFF_TOPIC.map((w) => tokenize(w));
  unless ??= UNLESS.map((w) => tokenize(w));
  const excused = new Set(unless.flatMap((p) => findPhrase(tokens, p)));
  const out: string[][] = [];
  for (const p of compiled) {
    for (const at of findPhrase(tokens, p)) {
      if (excused.has(at)) continue;
      if (p.length === 1 && !hasMarks(tokens[at]!)) continue;
      if (at > 0 && tokens[at - 1]!.accented === PURPOSE) continue;
      out.push(p.map((t) => t.accented));
      break;
    }
  }
  return out;
}

/**
 * True when the candidate's name and aliases (accented tokens: "giá" is not "gia đình") miss one of
 * the question's off-topic words.
 */
export function missesTopic(words: readonly (readonly string[])[], terms: ReadonlySet<string>): boolean {
  return words.some((w) => !w.every((syllable) => terms.has(syllable)));
}
