/** Small text helpers for what citizens type: cleaning, folding diacritics, recognising intents. */

/** Control and invisible formatting characters, except newline and tab. */
function isControl(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff
  );
}

/** Removes control characters and collapses whitespace. */
export function cleanText(text: string): string {
  let kept = "";
  for (const char of text.normalize("NFC")) {
    if (!isControl(char.codePointAt(0) ?? 0)) kept += char;
  }
  return kept.replace(/\s+/g, " ").trim();
}

/** Lower case, without Vietnamese diacritics (đ → d), punctuation turned into spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whether the text has at least one letter or digit (emoji-only and punctuation-only do not). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

const greetings = new Set([
  "xin chao",
  "chao",
  "chao ban",
  "chao bot",
  "chao em",
  "chao anh",
  "chao chi",
  "alo",
  "a lo",
  "hi",
  "hello",
  "hey",
  "helo",
  "xin chao ban",
  "start",
  "bat dau",
]);

/** A message that is only a greeting ("Xin chào!", "alo", "hi bot"). */
export function isGreeting(text: string): boolean {
  const folded = fold(text);
  if (greetings.has(folded)) return true;
  const withoutAddress = folded.replace(/\s+(ad|admin|bot|shop|ban|em|anh|chi|a|nhe|nha|a)$/u, "");
  return greetings.has(withoutAddress);
}

/** "còn thiếu gì", "con thieu giay to nao", "còn thiếu …": asking what their checklist misses. */
export function asksWhatIsMissing(text: string): boolean {
  return /^(toi |minh |em )?con thieu\b/.test(fold(text));
}

/** Cuts a long text at a word boundary. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  if (/\s/.test(text.charAt(max))) return cut;
  const space = cut.lastIndexOf(" ");
  return space > max * 0.6 ? cut.slice(0, space) : cut;
}
