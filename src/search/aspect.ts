/**
 * What a question asks about (papers, fee, time, place, online submission, steps, legal basis,
 * conditions, result), so the answer can lead with it. Detected on the whole query, before stop
 * phrases are removed, accent-aware ("phí" is a fee, "phi nông nghiệp" is not).
 */
import type { Token } from "./normalize.ts";
import { FirstWordIndex, findPhrase, foldedWords, type Phrase, phrase } from "./phrase-match.ts";
import type { Aspect } from "./types.ts";

interface AspectRule {
  readonly aspect: Aspect;
  readonly says: readonly string[];
  /** Phrases that contain a trigger but mean something else. */
  readonly unless?: readonly string[];
}

/** In precedence order: the first aspect whose phrase occurs wins. */
export const ASPECT_RULES: readonly AspectRule[] = [
  {
    aspect: "fee",
    says: [
      "lệ phí",
      "phí",
      "bao nhiêu tiền",
      "mất tiền",
      "tốn tiền",
      "hết bao nhiêu",
      "mất bao nhiêu",
      "tốn bao nhiêu",
      "chi phí",
      "miễn phí",
      "giá bao nhiêu",
      "tiền lệ phí",
      "đóng tiền",
    ],
    unless: [
      "phi nông nghiệp",
      "lệ phí trước bạ",
      "trợ giúp pháp lý miễn phí",
      "luật sư miễn phí",
      "tư vấn pháp luật miễn phí",
    ],
  },
  {
    aspect: "time",
    says: [
      "bao lâu",
      "mấy ngày",
      "bao nhiêu ngày",
      "thời gian",
      "thời hạn giải quyết",
      "khi nào có",
      "khi nào nhận",
      "mấy hôm",
      "bao giờ có",
      "bao giờ nhận",
      // "When do I get the result" asks how long it takes, not what the result is.
      "bao giờ thì có",
      "khi nào thì có",
      "bao giờ thì nhận",
      "khi nào thì nhận",
      "bao giờ xong",
      "khi nào xong",
      "bao giờ lấy",
      "khi nào lấy",
      "lâu không",
      "mấy tuần",
    ],
  },
  {
    aspect: "papers",
    says: [
      "giấy tờ gì",
      "những giấy tờ",
      "giấy tờ cần",
      "hồ sơ gồm",
      "hồ sơ cần",
      "làm hồ sơ",
      "cần gì",
      "cần những gì",
      "mang theo",
      "mang gì",
      "chuẩn bị gì",
      "thành phần",
      "cần mang",
      "những gì",
    ],
    unless: ["hồ sơ giấy tờ cá nhân", "giấy tờ cá nhân"],
  },
  {
    aspect: "place",
    says: [
      "ở đâu",
      "chỗ nào",
      "nơi nào",
      "nộp ở",
      "làm ở",
      "cơ quan nào",
      "địa chỉ",
      "đến đâu",
      "phòng nào",
      "xin ở",
    ],
  },
  {
    aspect: "online",
    says: [
      "online",
      "trực tuyến",
      "qua mạng",
      "trên mạng",
      "dịch vụ công",
      "cổng dịch vụ công",
      "vneid",
      "qua app",
      "qua điện thoại",
      "internet",
      "từ xa",
    ],
  },
  {
    aspect: "legal",
    says: [
      "căn cứ pháp lý",
      "căn cứ",
      "luật nào",
      "nghị định",
      "thông tư",
      "quy định nào",
      "văn bản nào",
      "theo luật",
    ],
  },
  {
    aspect: "conditions",
    says: [
      "điều kiện",
      "ai được",
      "có được không",
      "được không",
      "có phải",
      "có cần",
      "đủ tuổi",
      "yêu cầu gì",
    ],
  },
  { aspect: "result", says: ["kết quả", "nhận được gì", "được cấp gì", "nhận gì"] },
  {
    aspect: "steps",
    says: [
      "các bước",
      "trình tự",
      "quy trình",
      "làm thế nào",
      "làm sao",
      "như thế nào",
      "thế nào",
      "cách làm",
      "hướng dẫn",
      "làm gì",
    ],
  },
];

interface CompiledRule {
  readonly aspect: Aspect;
  readonly says: readonly Phrase[];
  readonly unless: readonly Phrase[];
}

let compiled: readonly CompiledRule[] | undefined;

function rules(): readonly CompiledRule[] {
  compiled ??= ASPECT_RULES.map((r) => ({
    aspect: r.aspect,
    says: r.says.map(phrase),
    unless: (r.unless ?? []).map(phrase),
  }));
  return compiled;
}

let indexed: FirstWordIndex<CompiledRule> | undefined;

/** The aspect rules by the first word of their phrases: only those that may apply are tried. */
function ruleIndex(): FirstWordIndex<CompiledRule> {
  indexed ??= new FirstWordIndex(rules(), (r) => r.says);
  return indexed;
}

/** Token positions covered by any of the phrases. */
function covered(tokens: readonly Token[], phrases: readonly Phrase[]): Set<number> {
  const at = new Set<number>();
  for (const p of phrases)
    for (const start of findPhrase(tokens, p)) for (let i = 0; i < p.length; i++) at.add(start + i);
  return at;
}

/** The aspect the question asks about, or null. */
export function detectAspect(tokens: readonly Token[]): Aspect | null {
  for (const rule of ruleIndex().candidates(foldedWords(tokens))) {
    const blocked = covered(tokens, rule.unless);
    for (const p of rule.says) {
      for (const start of findPhrase(tokens, p)) {
        if (!blocked.has(start)) return rule.aspect;
      }
    }
  }
  return null;
}

/** Token positions that belong to an aspect phrase ("bao lâu", "ở đâu"): they ask, they do not name. */
export function aspectPositions(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (const rule of ruleIndex().candidates(foldedWords(tokens)))
    for (const p of covered(tokens, rule.says)) out.add(p);
  return out;
}
