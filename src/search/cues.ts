/**
 * Cues that separate sibling procedures ("mất" → cấp lại, "hết hạn"/"đổi" → cấp đổi, "lần đầu" →
 * first issue, "nước ngoài" → the foreign-element variant, "xóa"/"cắt" → xóa đăng ký …).
 *
 * A procedure's variants are read from its folded name once, when the index is built; a query's
 * cues from its tokens. `cueFactor` rewards a candidate whose variant the query asks for and
 * penalises variants nobody asked for, so "đăng ký khai sinh" prefers the plain procedure over
 * its mobile, foreign or re-registration siblings.
 */
import { fold, type Token } from "./normalize.ts";
import { FirstWordIndex, findPhrase, foldedWords, type Phrase, phrase } from "./phrase-match.ts";

export type Variant =
  | "reissue"
  | "exchange"
  | "first"
  | "foreign"
  | "delete"
  | "extend"
  | "mobile"
  | "border"
  | "under14"
  | "over14"
  | "terminate"
  | "suspend"
  | "revoke"
  | "lost"
  | "bundle"
  | "amend"
  /** Turning one form into another ("chuyển đổi công ty TNHH thành công ty cổ phần"). */
  | "convert"
  /** Withdrawing one's own request ("rút yêu cầu trợ giúp pháp lý"). */
  | "withdraw"
  /** Correcting a paper that was written wrong ("cải chính", "đính chính", "sai sót"). */
  | "correct"
  /** A temporary registration ("đăng ký xe tạm thời", "đăng ký tạm thời tàu cá"). */
  | "temporary"
  /**
   * Query only: a child named without an age ("cho trẻ em"): like under14 for the ID card's age
   * siblings, but no reward, so "hộ chiếu cho trẻ em" stays with the passport.
   */
  | "child"
  /** Query only: a damaged paper ("rách", "hỏng"), replaced by exchange (cấp đổi) or re-issue. */
  | "damaged";

/** Variants read from a folded procedure name. */
const NAME_PATTERNS: readonly [Variant, RegExp][] = [
  ["reissue", /\b(cap lai|dang ky lai|cap ban sao)\b/],
  // A name may list its operations: "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT".
  ["exchange", /\b(cap doi|doi giay|doi the|doi chung nhan)\b|^(thu tuc )?(cap lai, )?doi\b/],
  // "Cấp, cấp lại …" issues the paper the first time as well as again
  ["first", /\b(lan dau|cap moi)\b|^(thu tuc )?cap, cap lai\b/],
  ["foreign", /\b(yeu to nuoc ngoai|nguoi nuoc ngoai)\b/],
  ["delete", /^(thu tuc )?xoa\b|\bxoa dang ky\b/],
  ["extend", /\bgia han\b/],
  ["mobile", /\bluu dong\b/],
  ["border", /\bbien gioi\b/],
  ["under14", /\bduoi 14 tuoi\b/],
  ["over14", /\btu du 14 tuoi\b/],
  ["terminate", /\b(cham dut|giai the)\b/],
  ["suspend", /\btam ngung\b/],
  ["revoke", /\bthu hoi\b/],
  ["lost", /\b(bi mat|trinh bao mat)\b/],
  ["bundle", /^lien thong\b/],
  ["amend", /^(thu tuc )?(dang ky |cap |cap lai, (doi, )?)?(thay doi|dieu chinh|sua doi|bo sung|cap nhat)\b/],
  ["convert", /^(thu tuc )?chuyen doi\b/],
  ["withdraw", /^(thu tuc )?rut\b/],
  ["temporary", /\btam thoi\b/],
  ["correct", /\b(cai chinh|dinh chinh|sai sot)\b/],
];

/** Variants that make a procedure a special case: penalised when the query does not ask for them. */
const MARKED: ReadonlySet<Variant> = new Set([
  "reissue",
  "exchange",
  "foreign",
  "delete",
  "extend",
  "mobile",
  "border",
  "under14",
  "terminate",
  "suspend",
  "revoke",
  "lost",
  "bundle",
  "amend",
  "damaged",
  "convert",
  "withdraw",
  "temporary",
  "correct",
]);

/** Variants that are operations on a paper (as opposed to who or where it is for). */
const OPERATIONS: ReadonlySet<Variant> = new Set([
  "reissue",
  "exchange",
  "extend",
  "delete",
  "terminate",
  "suspend",
  "revoke",
  "amend",
  "lost",
  "damaged",
  "correct",
]);

export function nameVariants(name: string): Set<Variant> {
  const folded = fold(name.toLowerCase());
  const out = new Set<Variant>();
  for (const [variant, pattern] of NAME_PATTERNS) if (pattern.test(folded)) out.add(variant);
  return out;
}

interface CueRule {
  readonly cue: Variant;
  readonly says: readonly string[];
  readonly unless?: readonly string[];
}

/** Elders and spouses ("em", "anh", "con"… are also how writers call themselves: not here). */
const PEOPLE = ["bố", "mẹ", "cha", "ông", "bà", "cụ", "vợ", "chồng"];
const WHOSE = [
  "",
  " em",
  " tôi",
  " mình",
  " cháu",
  " con",
  " nội",
  " ngoại",
  " cụ",
  " nhà em",
  " nhà tôi",
  " ấy",
];
const WHOSE_TWICE = [" nội em", " nội tôi", " nội mình", " ngoại em", " ngoại tôi", " ngoại mình"];
const DIED: readonly string[] = PEOPLE.flatMap((p) => [...WHOSE, ...WHOSE_TWICE].map((w) => `${p}${w} mất`));

/**
 * Countries whose people citizens marry or work with, as they name them (Korea is handled apart:
 * "hàn" alone is also to weld or to mend).
 */
const COUNTRY_NAMES = [
  "trung quốc",
  "nhật bản",
  "nhật",
  "đài loan",
  "mỹ",
  "úc",
  "pháp",
  "đức",
  "anh quốc",
  "lào",
  "campuchia",
  "thái lan",
  "singapore",
  "malaysia",
  "nga",
  "canada",
];

const CUE_RULES: readonly CueRule[] = [
  { cue: "reissue", says: ["làm lại", "cấp lại", "đăng ký lại", "bị cháy"] },
  {
    // A lost paper is re-issued or, for a passport, reported lost; "làm lại" alone is no loss.
    cue: "lost",
    says: ["mất", "bị mất", "thất lạc", "mất cắp", "bị trộm", "đánh rơi", "làm rơi"],
    unless: [
      "mất bao",
      "mất tiền",
      "mất phí",
      "mất thời gian",
      "mất mấy",
      "người mất",
      "bố mất",
      "mẹ mất",
      "cha mất",
      "ông mất",
      "bà mất",
      "vợ mất",
      "chồng mất",
      "đã mất",
      // "mất" right after a person (and who they are to the writer) means died: "bố em mất".
      ...DIED,
      // … and so does "mất" followed by where or when someone died ("chồng tôi người Mỹ mất tại
      // Việt Nam"); a lost paper says "bị mất" ("bị mất ở chợ"), which these do not block.
      "mất tại",
      "mất ở nhà",
      "mất ở bệnh viện",
      "mất ở viện",
      "mất ở quê",
      "mất ở việt nam",
      "mất ở vn",
      "mất ở nước ngoài",
      "mất ở bên",
      "mất năm",
      "mất từ năm",
      "mất vì",
      "mất hôm",
      "mất ngày",
      "mất tuần trước",
      "mất tháng trước",
      "mất năm ngoái",
    ],
  },
  // The law replaces a damaged paper by exchange (căn cước, land certificate, vehicle
  // registration, health-insurance card: "cấp đổi") and a lost one by re-issue; some procedures
  // cover both ("cấp lại, đổi"). A damaged paper asks for either.
  {
    cue: "damaged",
    says: [
      "rách",
      "bị rách",
      "hỏng",
      "bị hỏng",
      "hư",
      "hư hỏng",
      "bị hư",
      // "mo" typed without marks is far more often "mở" (mở quán, mở cửa hàng) than "mờ"
      "bị mờ",
      "mờ chữ",
      "chữ mờ",
      "mờ hết",
      "mờ quá",
      "nhòe",
      "nát",
      "bị nát",
      "rách nát",
      "sờn",
    ],
    // "so hong" without marks is the pink land certificate far more often than a broken book
    unless: ["sổ hồng", "bìa hồng"],
  },
  {
    cue: "exchange",
    says: ["hết hạn", "đổi", "cấp đổi", "đủ 25 tuổi", "đủ 40 tuổi", "đủ 60 tuổi", "sang thẻ", "cũ sang"],
    unless: ["đổi tên", "đổi họ", "đổi dân tộc", "thay đổi", "đổi chủ", "đổi địa chỉ", "chuyển đổi"],
  },
  { cue: "first", says: ["lần đầu", "làm mới", "cấp mới", "mới mua", "chưa có", "mới làm"] },
  {
    cue: "foreign",
    says: [
      "nước ngoài",
      "ngoại quốc",
      "việt kiều",
      "yếu tố nước ngoài",
      "hàn quốc",
      // "hàn" alone is also to weld or to mend: only as someone's or somewhere's nationality
      "người hàn",
      "chồng hàn",
      "vợ hàn",
      "bên hàn",
      "sang hàn",
      "ở hàn",
      ...COUNTRY_NAMES,
      "tây",
    ],
    // country names inside ordinary words: "cập nhật", "tư pháp", "đạo đức", "thẩm mỹ", "miền tây"
    unless: [
      "cập nhật",
      "chủ nhật",
      "sinh nhật",
      "nhật ký",
      "tư pháp",
      "pháp lý",
      "pháp luật",
      "hợp pháp",
      "biện pháp",
      "phương pháp",
      "pháp nhân",
      "đạo đức",
      "thẩm mỹ",
      "mỹ phẩm",
      "mỹ thuật",
      "miền tây",
      "tây nguyên",
      "tây ninh",
      "phương tây",
      "lào cai",
      // where the citizen travels or works, not a foreign element of the paper ("bằng lái hết hạn
      // vì đi công tác nước ngoài", "xin bằng lái quốc tế để lái xe ở nước ngoài")
      "công tác nước ngoài",
      "công tác ở nước ngoài",
      "du lịch nước ngoài",
      "du lịch ở nước ngoài",
      "đi nước ngoài",
      "ra nước ngoài",
      "lái xe ở nước ngoài",
      "lái xe nước ngoài",
    ],
  },
  { cue: "delete", says: ["xóa", "xoá", "cắt", "hủy", "huỷ", "gạch tên"] },
  { cue: "extend", says: ["gia hạn", "hết hạn", "sắp hết hạn", "thêm thời gian"] },
  { cue: "mobile", says: ["lưu động", "tại nhà", "đến nhà"] },
  { cue: "border", says: ["biên giới"] },
  {
    cue: "terminate",
    says: [
      "chấm dứt",
      "giải thể",
      "đóng cửa",
      "không làm nữa",
      "không kinh doanh nữa",
      "dừng hoạt động",
      "nghỉ hẳn",
      "dẹp",
    ],
  },
  { cue: "suspend", says: ["tạm ngừng", "tạm nghỉ", "tạm dừng", "nghỉ vài", "nghỉ một thời gian"] },
  { cue: "revoke", says: ["thu hồi", "nộp lại biển", "trả biển"] },
  {
    cue: "amend",
    says: [
      "thay đổi",
      "điều chỉnh",
      "sửa đổi",
      "bổ sung",
      "cập nhật",
      "đổi địa chỉ",
      "đổi tên",
      "đổi ngành",
      "chuyển địa điểm",
    ],
  },
  { cue: "convert", says: ["chuyển đổi", "chuyển từ", "đổi từ", "lên công ty"] },
  { cue: "withdraw", says: ["rút yêu cầu", "rút đơn", "rút hồ sơ", "không yêu cầu nữa"] },
  { cue: "temporary", says: ["tạm thời"] },
  {
    // a paper written wrong is corrected (hộ tịch: cải chính; land certificate: đính chính)
    cue: "correct",
    says: [
      "ghi sai",
      "bị sai",
      "in sai",
      "ghi nhầm",
      "sai sót",
      "đính chính",
      "cải chính",
      "sai thông tin",
      // which detail is wrong, on whatever paper (birth certificate, residence data, insurance book)
      "sai ngày sinh",
      "sai năm sinh",
      "sai quê quán",
      "sai dân tộc",
      "sai tên",
    ],
  },
  { cue: "bundle", says: ["liên thông", "cùng lúc", "một lần cho cả", "làm luôn cả", "đồng thời"] },
];

interface CompiledCue {
  readonly cue: Variant;
  readonly says: readonly Phrase[];
  readonly unless: readonly Phrase[];
}

let compiled: readonly CompiledCue[] | undefined;

function cueRules(): readonly CompiledCue[] {
  compiled ??= CUE_RULES.map((r) => ({
    cue: r.cue,
    says: r.says.map(phrase),
    unless: (r.unless ?? []).map(phrase),
  }));
  return compiled;
}

let indexed: FirstWordIndex<CompiledCue> | undefined;

/** The cue rules by the first word of their phrases: only those that may fire are tried. */
function cueIndex(): FirstWordIndex<CompiledCue> {
  indexed ??= new FirstWordIndex(cueRules(), (r) => r.says);
  return indexed;
}

/** Folded neighbouring syllable pairs of the cue phrases ("han_quoc"): spellings the search knows. */
export function cuePairs(): Set<string> {
  const out = new Set<string>();
  for (const rule of cueRules()) {
    for (const p of rule.says) {
      for (let i = 0; i + 1 < p.length; i++) out.add(`${p[i]!.folded}_${p[i + 1]!.folded}`);
    }
  }
  return out;
}

/** Papers that are never exchanged or renewed, only issued anew. */
const NEW_ISSUE_ONLY: readonly Phrase[] = ["hộ chiếu", "passport"].map(phrase);

/** The age a question mentions ("con 5 tuổi", "dưới 14"), for the under/over 14 ID-card siblings. */
function ageCue(tokens: readonly Token[]): Variant | null {
  let child = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.folded;
    if (t === "duoi" && tokens[i + 1]?.folded === "14") return "under14";
    if ((t === "tren" || t === "du") && tokens[i + 1]?.folded === "14") return "over14";
    if (t === "tuoi" && i > 0) {
      const n = Number(tokens[i - 1]!.folded);
      if (Number.isFinite(n) && n > 0 && n < 120) return n < 14 ? "under14" : "over14";
    }
    if (t === "tre" && tokens[i + 1]?.folded === "em") child = true;
  }
  return child ? "child" : null;
}

/** The cues a query carries. */
export function detectCues(tokens: readonly Token[]): Set<Variant> {
  const out = new Set<Variant>();
  for (const rule of cueIndex().candidates(foldedWords(tokens))) {
    const blocked = new Set<number>();
    for (const p of rule.unless)
      for (const s of findPhrase(tokens, p)) for (let k = 0; k < p.length; k++) blocked.add(s + k);
    for (const p of rule.says) {
      if (findPhrase(tokens, p).some((s) => !blocked.has(s))) {
        out.add(rule.cue);
        break;
      }
    }
  }
  const age = ageCue(tokens);
  if (age) out.add(age);
  // An expired or worn passport is not exchanged, extended or re-issued: a new one is issued
  // ("cấp hộ chiếu", Luật Xuất cảnh, nhập cảnh 2019), so those words pick no sibling for it.
  if (NEW_ISSUE_ONLY.some((p) => findPhrase(tokens, p).length > 0))
    for (const cue of ["exchange", "extend", "reissue"] as const) out.delete(cue);
  return out;
}

/** Whether a query cue is satisfied by a procedure's variants. */
function satisfied(cue: Variant, variants: ReadonlySet<Variant>): boolean {
  switch (cue) {
    case "reissue":
      return variants.has("reissue");
    case "lost":
      return variants.has("lost") || variants.has("reissue");
    case "damaged":
      return variants.has("exchange") || variants.has("reissue");
    case "exchange":
      return variants.has("exchange") || variants.has("extend");
    case "extend":
      return variants.has("extend") || variants.has("exchange");
    case "first":
      return (
        variants.has("first") ||
        !(variants.has("reissue") || variants.has("exchange") || variants.has("extend"))
      );
    case "correct":
      // "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH" corrects by amending
      return variants.has("correct") || variants.has("amend");
    case "temporary":
      // a suspension is temporary too ("ngừng kinh doanh tạm thời" is "tạm ngừng kinh doanh")
      return variants.has("temporary") || variants.has("suspend");
    case "over14":
      return !variants.has("under14");
    case "under14":
    case "child":
      // A child picks the under-14 sibling where there is one (căn cước: the over-14 one is
      // penalised); a procedure with no age siblings (hộ chiếu, khai sinh) serves children too.
      return !variants.has("over14");
    default:
      return variants.has(cue);
  }
}

/** Tunable strengths of the cue factor. */
export interface CueWeights {
  /** Multiplier when a query cue is satisfied by a marked variant of the candidate. */
  readonly reward: number;
  /** Multiplier for each query cue the candidate does not satisfy. */
  readonly missed: number;
  /** Multiplier for each marked variant of the candidate the query did not ask for. */
  readonly unasked: number;
}

export const DEFAULT_CUE_WEIGHTS: CueWeights = { reward: 1.3, missed: 0.7, unasked: 0.8 };

/** The multiplier a candidate's variants earn under the query's cues. */
export function cueFactor(
  cues: ReadonlySet<Variant>,
  variants: ReadonlySet<Variant>,
  w = DEFAULT_CUE_WEIGHTS,
): number {
  let factor = 1;
  // A name that covers several operations ("cấp lại, cấp đổi …") is not penalised for the other
  // operations once it does the one asked for; audience variants (foreign, under 14, mobile,
  // border, bundle) still count.
  const answersAnOperation = [...cues].some((c) => OPERATIONS.has(c) && satisfied(c, variants));
  // Several operation words usually say one wish in different words ("hết hạn làm lại" is
  // exchange, extend and re-issue): a candidate doing none of them is penalised once, not per word.
  let missedOperation = false;
  for (const cue of cues) {
    if (!satisfied(cue, variants)) {
      if (!OPERATIONS.has(cue) && cue !== "damaged") factor *= w.missed;
      else if (!answersAnOperation) missedOperation = true;
    } else if ((MARKED.has(cue) && (cue !== "under14" || variants.has(cue))) || cue === "first")
      factor *= w.reward;
  }
  if (missedOperation) factor *= w.missed;
  // A name listing several operations ("cấp lại, đổi, điều chỉnh …") is one procedure of wide
  // scope: when none of them is asked, it is penalised once, like a name with one operation.
  let unaskedOperation = false;
  for (const variant of variants) {
    if (!MARKED.has(variant)) continue;
    if (answersAnOperation && OPERATIONS.has(variant)) continue;
    // A name that issues the paper the first time as well ("Cấp, cấp lại …") is no special case.
    if (variant === "reissue" && variants.has("first")) continue;
    const asked = [...cues].some((c) => satisfied(c, new Set([variant])) && c !== "first" && c !== "over14");
    if (asked) continue;
    if (OPERATIONS.has(variant)) unaskedOperation = true;
    else factor *= w.unasked;
  }
  if (unaskedOperation) factor *= w.unasked;
  return factor;
}

/** Token positions that belong to a cue phrase ("mất", "hết hạn"): they pick a sibling, not a topic. */
export function cuePositions(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (const rule of cueIndex().candidates(foldedWords(tokens))) {
    for (const p of rule.says)
      for (const s of findPhrase(tokens, p)) for (let k = 0; k < p.length; k++) out.add(s + k);
  }
  return out;
}

/** How a name marks a variant the query may ask for, for the variant's plain sibling's name. */
const VARIANT_PHRASES: readonly [Variant, RegExp][] = [["foreign", / co yeu to nuoc ngoai\b/]];

/** The variants whose plain sibling lends them its evidence (see plainSiblingName). */
export const SIBLING_VARIANTS: readonly Variant[] = VARIANT_PHRASES.map(([v]) => v);

/**
 * The name of the plain sibling of a variant the query asks for: "… khai tử có yếu tố nước ngoài"
 * → "… khai tử" under the foreign cue; null when the name marks no variant asked for. The plain
 * procedure carries the aliases citizens use ("khai tử", "làm giấy khai tử"); the variant asked for
 * deserves the same evidence (see search.ts).
 */
export function plainSiblingName(folded: string, cues: ReadonlySet<Variant>): string | null {
  for (const [cue, marked] of VARIANT_PHRASES) {
    if (!cues.has(cue) || !marked.test(folded)) continue;
    const plain = folded.replace(marked, "").replace(/\s+/g, " ").trim();
    if (plain !== folded) return plain;
  }
  return null;
}

/** Countries citizens name as someone's nationality ("anh" alone is also an elder brother: not here). */
const COUNTRIES: readonly Phrase[] = ["hàn quốc", "hàn", ...COUNTRY_NAMES].map(phrase);

/** Words that make the next country a person's nationality. */
const NATIONALITY_OF: readonly Phrase[] = ["người", "quốc tịch", "gốc"].map(phrase);

/**
 * Token positions of a person's nationality ("chồng em người hàn quốc", "vợ quốc tịch trung
 * quốc"), "quốc tịch" included: the foreign cue picks the sibling; the country's words name no
 * procedure (they would find "Giấy phép vận tải … Việt Nam và Trung Quốc").
 */
export function nationalityPositions(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (const head of NATIONALITY_OF) {
    for (const s of findPhrase(tokens, head)) {
      const at = s + head.length;
      const country = COUNTRIES.filter((c) =>
        findPhrase(tokens.slice(at, at + c.length), c).includes(0),
      ).sort((a, b) => b.length - a.length)[0];
      if (!country) continue;
      for (let k = head.length > 1 ? s : at; k < at + country.length; k++) out.add(k);
    }
  }
  return out;
}
