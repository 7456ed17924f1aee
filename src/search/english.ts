/**
 * A question typed in English ("birth registration", "how much is the fee for a passport?"): the
 * assistant's second language is English, and foreigners married or living here ask about the same
 * procedures. A whole message that reads as English is put into the Vietnamese words the catalogue
 * and the aspect rules use ("lệ phí hộ chiếu"), then searched as usual; anything else is left alone.
 *
 * It reads as English when it has no Vietnamese letters (đ, tone or vowel marks), at least one term
 * below is found, and most of its words are English words this file knows. Vietnamese typed without
 * marks ("lam visa", "ho chieu") has words that are not English, so it is never translated.
 *
 * This is data, maintained by people, like vocabulary.ts. Procedures the catalogue does not hold
 * (a work permit, a pension claim) are left out on purpose: "nothing fits" is the right answer.
 */

/** English terms and the Vietnamese words they stand for, longest first where they overlap. */
const TERMS: readonly (readonly [english: readonly string[], vietnamese: string])[] = [
  // What the question asks about.
  [["how much", "fee", "fees", "cost", "costs", "price", "charge"], "lệ phí"],
  [["how long", "processing time", "how many days"], "bao lâu"],
  [["where"], "ở đâu"],
  [["what documents", "which documents", "documents", "papers", "what do i need", "required"], "giấy tờ gì"],
  [["online"], "online"],
  [["how to", "how do i", "how can i", "steps", "procedure for"], "như thế nào"],
  // Which sibling.
  [["lost", "lose"], "bị mất"],
  [["expired", "expires", "renew", "renewal"], "hết hạn cấp đổi"],
  [["damaged", "broken"], "bị hỏng"],
  [["foreigner", "foreign", "foreign national"], "có yếu tố nước ngoài"],
  // Procedures.
  [
    ["birth registration", "register a birth", "register the birth", "register my baby", "birth certificate"],
    "đăng ký khai sinh",
  ],
  [["death registration", "register a death", "register the death", "death certificate"], "đăng ký khai tử"],
  [
    [
      "marriage registration",
      "register a marriage",
      "register our marriage",
      "register marriage",
      "marriage certificate",
      "get married",
    ],
    "đăng ký kết hôn",
  ],
  [["single status", "marital status", "certificate of no impediment"], "xác nhận tình trạng hôn nhân"],
  [["divorce"], "ly hôn"],
  [["adoption", "adopt a child", "adopt"], "nuôi con nuôi"],
  [["guardianship", "guardian"], "đăng ký giám hộ"],
  [
    ["change my name", "name change", "change of name", "correct my birth certificate"],
    "thay đổi cải chính hộ tịch",
  ],
  [["passport"], "hộ chiếu"],
  [["id card", "identity card", "citizen id", "citizen identity card", "national id"], "thẻ căn cước"],
  [["temporary residence card"], "thẻ tạm trú"],
  [["visa"], "thị thực"],
  [["permanent residence", "residence registration", "household registration"], "đăng ký thường trú"],
  [["temporary residence"], "đăng ký tạm trú"],
  [["temporary absence"], "khai báo tạm vắng"],
  [
    ["criminal record", "judicial record", "police check", "police clearance", "background check"],
    "lý lịch tư pháp",
  ],
  [["certify a signature", "signature certification", "certified signature"], "chứng thực chữ ký"],
  [
    [
      "certified copy",
      "certified copies",
      "certify a copy",
      "certify copies",
      "notarize",
      "notarise",
      "notarized",
      "notarised",
    ],
    "chứng thực bản sao",
  ],
  [
    [
      "driving licence",
      "driving license",
      "driver's license",
      "drivers license",
      "driver license",
      "driver's licence",
    ],
    "giấy phép lái xe",
  ],
  [
    [
      "vehicle registration",
      "motorbike registration",
      "register a motorbike",
      "register my motorbike",
      "car registration",
      "register a car",
    ],
    "đăng ký xe",
  ],
  [
    ["land use right certificate", "land certificate", "red book", "pink book"],
    "giấy chứng nhận quyền sử dụng đất",
  ],
  [["building permit", "construction permit"], "giấy phép xây dựng"],
  [["health insurance"], "bảo hiểm y tế"],
  [["social insurance"], "bảo hiểm xã hội"],
  [["household business", "business household"], "đăng ký hộ kinh doanh"],
];

/** Words of an English question around the terms. */
const FUNCTION_WORDS =
  "a an the i my me we our you your to for of in on at by with and or is are was be do does did can could would should will need needs want wants get got make made apply applying please hello hi thanks is it this that there what which who when how much many long take takes new first time again my child baby son daughter wife husband mother father i'm im";

const TERMS_BY_LENGTH = TERMS.flatMap(([english, vietnamese]) =>
  english.map((term) => ({ words: term.split(" "), vietnamese })),
).sort((a, b) => b.words.length - a.words.length);

const ENGLISH_WORDS = new Set([
  ...FUNCTION_WORDS.split(" "),
  ...TERMS_BY_LENGTH.flatMap((term) => term.words),
]);

/** Letters only Vietnamese uses: đ, and any tone or vowel mark. */
function hasVietnameseLetters(text: string): boolean {
  return /[đĐ]/.test(text) || /\p{M}/u.test(text.normalize("NFD"));
}

/**
 * The question in the catalogue's Vietnamese words when it reads as English, or null. At most
 * 400 characters are considered (longer messages are stories, not English questions).
 */
export function fromEnglish(text: string): string | null {
  if (text.length > 400 || hasVietnameseLetters(text)) return null;
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length === 0) return null;
  const known = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  if (known / words.length < 0.6) return null;
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    const term = TERMS_BY_LENGTH.find((t) => t.words.every((word, k) => words[i + k] === word));
    if (term) {
      if (!found.includes(term.vietnamese)) found.push(term.vietnamese);
      i += term.words.length;
    } else i++;
  }
  return found.length > 0 ? found.join(" ") : null;
}
