/**
 * Fee lines of a channel row: the label the portal shows ("Miễn phí", "10,000 Việt Nam Đồng",
 * "Không có thông tin") read against the note beside it. The label is trusted only where the text
 * does not contradict it: a "Miễn phí" whose note states a fee, a label that disagrees with the
 * note, a few hundred đồng (digits cut off) or USD become unknown (with the source text) or the
 * stated amount, each with a parse issue; "do HĐND tỉnh quyết định" means set by the province.
 */
import type { Fee } from "../schema.ts";
import { NO_INFO, statedAmounts } from "./text.ts";

export const FEE_LABEL_RE = /^(\d{1,3}(?:,\d{3})+|\d+)\s?(Việt Nam Đồng|VNĐ|Đồng|USD)/;

export const PROVINCE_RE =
  /(HĐND|Hội đồng nhân dân)[^.;]*(tỉnh|thành phố|địa phương)|(tỉnh|thành phố|địa phương)[^.;]*(HĐND|Hội đồng nhân dân)|(do|theo)[^.;]{0,40}(UBND|Ủy ban nhân dân) (cấp )?tỉnh[^.;]{0,30}(quy định|quyết định|ban hành)/i;

function withNote<T extends Fee>(fee: T, note: string | undefined): T {
  return note === undefined ? fee : { ...fee, note };
}

function money(amount: number): string {
  // Not toLocaleString: its output depends on the ICU data of the Node build, and files must not.
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`;
}

export function resolveFee(
  labelText: string,
  note: string | undefined,
  channel: string,
  issues: string[],
): Fee {
  const stated = note === undefined ? [] : statedAmounts(note);
  if (note !== undefined && PROVINCE_RE.test(note)) {
    if (labelText !== "Miễn phí" && labelText !== NO_INFO && stated.length === 0) {
      issues.push(`channels: ${channel}: label "${labelText}" but the text says the province sets the fee`);
    }
    if (stated.length > 0) {
      issues.push(
        `channels: ${channel}: fee partly set by the province, partly stated (${stated.map(money).join(", ")})`,
      );
    }
    return withNote({ kind: "province" }, note);
  }
  if (labelText === NO_INFO) return withNote({ kind: "unknown" }, note);
  if (labelText === "Miễn phí") {
    if (stated.length === 0) return withNote({ kind: "free" }, note);
    issues.push(
      `channels: ${channel}: labelled "Miễn phí" but the text states ${stated.map(money).join(", ")}`,
    );
    if (stated.length === 1) return withNote({ kind: "amount", amount: stated[0]!, currency: "VND" }, note);
    return withNote({ kind: "unknown" }, note);
  }
  const m = FEE_LABEL_RE.exec(labelText)!;
  const amount = Number(m[1]!.replace(/,/g, ""));
  if (m[2] === "USD") {
    issues.push(`channels: ${channel}: fee in USD ("${labelText}") kept as text`);
    return { kind: "unknown", note: note === undefined ? labelText : `${labelText} (${note})` };
  }
  const shown = note === undefined ? `Nguồn ghi "${labelText}"` : `Nguồn ghi "${labelText}"; mô tả: ${note}`;
  if (stated.includes(amount)) return withNote({ kind: "amount", amount, currency: "VND" }, note);
  if (stated.length === 0) {
    if (note !== undefined && /\bUSD\b/.test(note)) {
      issues.push(`channels: ${channel}: label "${labelText}" but the text gives the fee in USD`);
      return { kind: "unknown", note: shown };
    }
    // No fee is a few hundred đồng: "40 Việt Nam Đồng" is "40.000 đồng" with its thousands cut off.
    if (amount < 1_000) {
      issues.push(
        `channels: ${channel}: label "${labelText}" is implausibly small (digits probably cut off)`,
      );
      return { kind: "unknown", note: shown };
    }
    return withNote({ kind: "amount", amount, currency: "VND" }, note);
  }
  issues.push(
    `channels: ${channel}: label "${labelText}" disagrees with the text (${stated.map(money).join(", ")})`,
  );
  return { kind: "unknown", note: shown };
}

/** "120 VNĐ" after a channel: "1" (a time without unit) + "20 VNĐ", or "120 VNĐ"? Only the text can say. */
export function resolveGluedFee(
  digits: string,
  currency: string,
  note: string | undefined,
  channel: string,
  issues: string[],
): Fee {
  const shown = `${digits} ${currency}`;
  const stated = note === undefined ? [] : statedAmounts(note);
  const candidates = new Set<number>();
  for (let k = 0; k < digits.length; k++) {
    const part = digits.slice(k);
    if (/^(\d{1,3}(?:,\d{3})+|[1-9]\d*|0)$/.test(part)) candidates.add(Number(part.replace(/,/g, "")));
  }
  const matching = currency === "USD" ? [] : stated.filter((amount) => candidates.has(amount));
  if (matching.length === 1) return withNote({ kind: "amount", amount: matching[0]!, currency: "VND" }, note);
  issues.push(`channels: ${channel}: fee "${shown}" cannot be read reliably`);
  return { kind: "unknown", note: note === undefined ? shown : `Nguồn ghi "${shown}"; mô tả: ${note}` };
}
