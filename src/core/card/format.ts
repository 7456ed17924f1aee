/** Formatting of catalogue values for citizens: amounts, fees, durations. Unknown stays unknown. */
import type { Duration, Fee } from "../../catalogue/schema.ts";
import type { Translate } from "../../locales/index.ts";
import type { Locale } from "../model.ts";

/** 50000 → "50.000" in Vietnamese, "50,000" in English. */
export function formatAmount(amount: number, locale: Locale): string {
  const separator = locale === "vi" ? "." : ",";
  const [whole, fraction] = String(amount).split(".");
  const grouped = (whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  if (!fraction) return grouped;
  return `${grouped}${locale === "vi" ? "," : "."}${fraction}`;
}

function withNote(text: string, note: string | undefined): string {
  const trimmed = note?.trim();
  return trimmed ? `${text} (${trimmed})` : text;
}

export function formatFee(fee: Fee, locale: Locale, tr: Translate): string {
  switch (fee.kind) {
    case "amount":
      return withNote(tr("card.feeAmount", { amount: formatAmount(fee.amount, locale) }), fee.note);
    case "free":
      return withNote(tr("card.feeFree"), fee.note);
    case "province":
      return withNote(tr("card.feeProvince"), fee.note);
    case "unknown":
      return withNote(tr("card.feeUnknown"), fee.note);
  }
}

/** Several fee lines of one channel; an empty list means the record gives none: unknown. */
export function formatFees(fees: readonly Fee[], locale: Locale, tr: Translate): string {
  if (fees.length === 0) return tr("card.feeUnknown");
  return fees.map((fee) => formatFee(fee, locale, tr)).join("; ");
}

export function formatDuration(duration: Duration, locale: Locale, tr: Translate): string {
  if (duration.kind === "unknown") return withNote(tr("card.timeUnknown"), duration.note);
  const value = formatAmount(duration.value, locale);
  const range =
    duration.max !== undefined && duration.max !== duration.value
      ? `${value}–${formatAmount(duration.max, locale)}`
      : value;
  return withNote(`${range} ${tr(`unit.${duration.unit}`)}`, duration.note);
}
