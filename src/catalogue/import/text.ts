/** Small text helpers shared by the section parsers. */

export const NO_INFO = "Không có thông tin";

/** Trims, normalises line ends and non-breaking spaces; "Không có thông tin" and "" become null. */
export function meaningful(text: string): string | null {
  const cleaned = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .trim();
  if (cleaned === "" || cleaned === NO_INFO || cleaned === "--") return null;
  return cleaned;
}

/** Collapses runs of spaces and tabs inside a line and trims it (keeps line breaks). */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200f\ufeff]/g, "")
    .replace(/[\u00a0\t ]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Non-empty trimmed lines of a multi-line section. */
export function lines(text: string | null): string[] {
  if (text === null) return [];
  return tidy(text)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && line !== NO_INFO);
}

/** Splits on commas that are not inside parentheses ("Tổ chức (không bao gồm doanh nghiệp, HTX)"). */
export function splitTopLevelCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * Amounts of money a Vietnamese text states ("135.000 đồng", "100.000đ", "2.000.000 VNĐ",
 * "01 triệu đồng"), in VND. Only figures followed by a currency word count; dotted groups are thousands.
 */
export function statedAmounts(text: string): number[] {
  const found: number[] = [];
  const re =
    /(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)\s*(triệu|nghìn|ngàn)?\s*(?:đồng|đ(?!\p{L})|VNĐ|vnđ|VND|Đồng)/gu;
  for (const m of text.matchAll(re)) {
    const scale = m[2] === "triệu" ? 1_000_000 : m[2] === undefined ? 1 : 1_000;
    const digits = m[1]!;
    // "1.500.000" groups thousands; "1,5 triệu" is a decimal before a scale word.
    const amount =
      scale > 1 && /^\d+[.,]\d{1,2}$/.test(digits)
        ? Math.round(Number(digits.replace(",", ".")) * scale)
        : Number(digits.replace(/[.,]/g, "")) * scale;
    if (Number.isFinite(amount) && amount > 0 && !found.includes(amount)) found.push(amount);
  }
  return found;
}
