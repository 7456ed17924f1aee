/**
 * Words that show a question is about something other than a procedure: prices, interest,
 * medicine, school fees, job hunting ("giá heo hơi", "lãi suất gửi tiết kiệm", "thuốc hạ sốt",
 * "cách làm hồ sơ xin việc"). When the best candidate does not itself contain such a word, the
 * words it shares with the question are an accident, and nothing fits.
 *
 * A word after "để" states a purpose ("lý lịch tư pháp để xin việc") and is not the topic; nor is
 * a word the caller says stands beside the ask (the story told before it, the rest of a purpose
 * clause: "đang nộp hồ sơ xin việc, công ty yêu cầu bản sao có chứng thực…").
 * Single syllables that fold onto common words ("giá"/"gia", "thuốc"/"thuộc") count only with
 * their marks.
 */
import { fold, hasMarks, type Token, tokenize } from "./normalize.ts";
import { findPhrase, type Phrase } from "./phrase-match.ts";
import { isPurpose } from "./purpose.ts";

export const OFF_TOPIC: readonly string[] = [
  "giá",
  "bảng giá",
  "lãi suất",
  "tiết kiệm",
  "thuốc",
  // two syllables, so it counts typed without marks ("nen uong thuoc gi"), where "thuoc" alone
  // may be "thuộc"
  "uống thuốc",
  "hạ sốt",
  "học phí",
  "chuyển trường",
  "lễ hội",
  "tiền điện",
  "xin việc",
  "tìm việc",
  // prices and markets: two syllables, so they count typed without marks too ("gia dat")
  "giá đất",
  "giá nhà",
  "giá xăng",
  "giá vàng",
  "tỷ giá",
  // banking and devices (a bank card is no public service; "lĩnh qua thẻ atm" is, so not "thẻ atm")
  "mật khẩu ngân hàng",
  "mật khẩu atm",
  "mã pin",
  "nuốt thẻ",
  "internet banking",
  "chết máy",
  "thời tiết",
  // social allowances paid by the commune have no procedure in this catalogue; a name that holds
  // the words whole (none today) still lets the question through
  "trợ cấp xã hội",
  "bảo trợ xã hội",
  // nor is claiming unemployment benefit (only authorising someone to collect it: "ủy quyền lĩnh
  // thay … trợ cấp thất nghiệp", whose name holds none of these phrases whole)
  "hưởng trợ cấp thất nghiệp",
  "làm trợ cấp thất nghiệp",
  "hồ sơ thất nghiệp",
  "bảo hiểm thất nghiệp",
  // saving and borrowing with a bank or a lending app: "tiết kiệm" alone is also in "tiết kiệm
  // nước", "lãi suất" in "hỗ trợ lãi suất vay vốn" (names of programmes, not a citizen's loan)
  "gửi tiết kiệm",
  "sổ tiết kiệm",
  "vay tiền",
  "vay tín chấp",
  "app vay",
  "ngân hàng nào",
  // wages owed by an employer, overtime: labour disputes, no procedure
  "nợ lương",
  "chậm lương",
  "chưa trả lương",
  "không trả lương",
  "tăng ca",
  // tickets, exam results, scams, fines looked up online
  "vé tàu",
  "vé xe",
  "vé máy bay",
  "điểm thi",
  "kết quả thi",
  "điểm chuẩn",
  "bài tập",
  "bị lừa",
  "lừa đảo",
  "giá thuê",
  "phạt nguội",
  // whether something is lawful: advice, which no procedure gives
  "đúng luật",
  "sai luật",
  "trái luật",
  // breastfeeding, a motorbike that will not start
  "cho bé bú",
  "cho con bú",
  "đề không nổ",
  "không nổ máy",
  // "gia đình văn hóa" titles and old-age allowances: no procedure in this catalogue names them
  // (grep of procedures/); a record whose aliases hold the words still lets the question through
  "gia đình văn hóa",
  "người cao tuổi",
  // health advice: a high fever, vaccination of people (veterinary records name "tiêm phòng" and
  // keep it); "bị sốt" alone is no topic ("bị sốt xuất huyết … tiền ốm đau" is sickness benefit)
  "sốt cao",
  "tiêm phòng",
  // driving schools and test trivia: learning and the test questions, not the licence ("học lái
  // xe máy thi bằng a1" asks for the licence, so not "học lái")
  "dạy lái",
  "mẹo thi",
  "đề thi",
  // money between people and employers: a transfer sent by mistake, a deposit, a pay rise
  "chuyển khoản nhầm",
  "tiền cọc",
  "tăng lương",
  // choosing a day or a hotel: fortune telling and travel advice
  "xem ngày",
  "xem tuổi",
  "khách sạn nào",
  // asking which provider is good, reputable or cheap is advice, not a procedure ("mua xe máy cũ
  // ở đâu uy tín", "trường nào dạy", "mua đất ở đâu rẻ"); a procedure is asked where to file
  "uy tín",
  "nào tốt",
  "ở đâu tốt",
  "giá rẻ",
  "ở đâu rẻ",
  "trường nào",
  "cần lưu ý gì",
  "chạy mấy giờ",
  // whether a thing done to the citizen is right, like "đúng luật": advice, no procedure
  "có đúng không",
  // how much a bank will lend; claiming unemployment money, like "hưởng trợ cấp thất nghiệp"
  "vay bao nhiêu",
  "vay được bao nhiêu",
  "tiền thất nghiệp",
];

/** Where the word asks the fee of a procedure ("làm hộ chiếu giá bao nhiêu"), it is no topic. */
const UNLESS: readonly string[] = ["giá bao nhiêu", "giá bao nhiu", "giá như thế nào", "giá cả thế nào"];

let compiled: readonly Phrase[] | undefined;
let unless: readonly Phrase[] | undefined;

/** The off-topic words of a question, each as the list of its accented syllables. */
export function offTopicWords(tokens: readonly Token[], beside: ReadonlySet<number> = new Set()): string[][] {
  compiled ??= OFF_TOPIC.map((w) => tokenize(w));
  unless ??= UNLESS.map((w) => tokenize(w));
  const excused = new Set(unless.flatMap((p) => findPhrase(tokens, p)));
  const out: string[][] = [];
  for (const p of compiled) {
    for (const at of findPhrase(tokens, p)) {
      if (excused.has(at)) continue;
      if (p.length === 1 && !hasMarks(tokens[at]!)) continue;
      if (at > 0 && isPurpose(tokens, at - 1)) continue;
      // a phrase of three syllables or more names its topic too closely to be an aside, even in the
      // story ("em chuyển khoản nhầm cho người lạ…, giờ đòi lại tiền thế nào")
      if (beside.has(at) && p.length < 3) continue;
      out.push(p.map((t) => t.accented));
      break;
    }
  }
  return out;
}

/**
 * True when the candidate's name and aliases (accented tokens: "giá" is not "gia đình") miss one of
 * the question's off-topic words. A word of several syllables must stand in the name as a whole
 * (its neighbouring folded pairs, when given): "đấu giá quyền sử dụng đất" has "giá" and "đất" but
 * says nothing of "giá đất".
 */
export function missesTopic(
  words: readonly (readonly string[])[],
  terms: ReadonlySet<string>,
  pairs?: ReadonlySet<string>,
): boolean {
  return words.some(
    (w) =>
      !w.every((syllable) => terms.has(syllable)) ||
      (pairs !== undefined && w.some((s, i) => i > 0 && !pairs.has(`${fold(w[i - 1]!)}_${fold(s)}`))),
  );
}
