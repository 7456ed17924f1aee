/**
 * `cach_thuc_thuc_hien` → submission channels. The portal's table was flattened into
 * `Hình thức nộpThời gianPhí, lệ phíMô tả` followed by one row per channel:
 * `<channel><time><fee label>(<fee note>)…<description>`, with no separators.
 */
import type { ChannelKind, Duration, Fee, SubmissionChannel } from "../schema.ts";
import { FEE_LABEL_RE, PROVINCE_RE, resolveFee, resolveGluedFee } from "./fees.ts";
import { meaningful, NO_INFO, statedAmounts, tidy } from "./text.ts";

const HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả";

const CHANNEL_LABELS: ReadonlyArray<readonly [string, ChannelKind]> = [
  ["Trực tiếp", "truc_tiep"],
  ["Trực tuyến", "truc_tuyen"],
  ["Dịch vụ bưu chính", "buu_chinh"],
];

const UNITS: ReadonlyArray<readonly [string, Extract<Duration, { kind: "known" }>["unit"]]> = [
  ["ngày làm việc", "ngay_lam_viec"],
  ["giờ làm việc", "gio_lam_viec"],
  ["ngày", "ngay"],
  ["giờ", "gio"],
  ["tháng", "thang"],
  ["năm", "nam"],
  ["tuần", "tuan"],
  ["phút", "phut"],
];

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const TIME_RE = new RegExp(
  String.raw`^(${NUMBER})(?:\s*(?:-|–|đến)\s*(${NUMBER}))?\s*(Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm|Tuần|Phút)`,
  "i",
);
const ROW_START_RE = new RegExp(
  String.raw`^(?:${NUMBER}(?:\s*(?:-|–|đến)\s*${NUMBER})?\s*(?:Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm|Tuần|Phút)|\d[\d,]*\s?(?:Việt Nam Đồng|VNĐ|USD)|\d+(?:Miễn phí|Không có thông tin)|Không có thông tin(?:Miễn phí|Không có thông tin|\d))`,
  "i",
);
const LOOSE_TIME_RE =
  /^[^()]{1,160}?(?:Miễn phí|Không có thông tin|\d{1,3}(?:,\d{3})* ?(?:Việt Nam Đồng|VNĐ))/;
const GLUED_RE = /^(\d[\d,]*)\s?(Việt Nam Đồng|VNĐ|Đồng|USD)/;

export interface ParsedChannels {
  channels: SubmissionChannel[];
  issues: string[];
  /** The section without the table header, as published. */
  official: string | null;
}

const LABELS_BY_KIND: Record<ChannelKind, string> = {
  truc_tiep: "Trực tiếp",
  truc_tuyen: "Trực tuyến",
  buu_chinh: "Dịch vụ bưu chính",
};

export function parseChannels(text: string): ParsedChannels {
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text;
  const official = meaningful(body);
  if (official === null) return { channels: [], issues: [], official: null };
  const issues: string[] = [];
  let rows = splitRows(body, false);
  if (rows.length === 0) {
    rows = splitRows(body, true);
    if (rows.length > 0) issues.push("channels: the time column holds text instead of a duration");
  }
  if (rows.length === 0) {
    return { channels: [], issues: ["channels: no channel row recognised"], official };
  }
  const channels = rows.map((row) => parseRow(row.kind, row.text, issues));
  // The official wording, one table row per line.
  const lined = [body.slice(0, rows[0]!.at), ...rows.map((row, n) => body.slice(row.at, rows[n + 1]?.at))]
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
  return { channels, issues: dedupe(issues), official: lined };
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * Finds rows: a channel label at parenthesis depth 0 followed by a time cell (digits or no info).
 * Loosely, for records whose time column holds words ("Không phải trả kết quả…"), a label followed
 * by a short text and then a fee label.
 */
function splitRows(body: string, loose: boolean): { kind: ChannelKind; at: number; text: string }[] {
  const starts: { at: number; end: number; kind: ChannelKind }[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    for (const [label, kind] of CHANNEL_LABELS) {
      if (!body.startsWith(label, i)) continue;
      const after = body.slice(i + label.length, i + label.length + 200);
      // A full time cell glued to the label starts a row even after an unbalanced "(" in a note.
      const row =
        ROW_START_RE.test(after) ||
        (depth === 0 &&
          (/^\d/.test(after) || after.startsWith(NO_INFO) || (loose && LOOSE_TIME_RE.test(after))));
      if (row) starts.push({ at: i, end: i + label.length, kind });
    }
  }
  return starts.map((start, n) => ({
    kind: start.kind,
    at: start.at,
    text: body.slice(start.end, starts[n + 1]?.at ?? body.length),
  }));
}

function parseRow(kind: ChannelKind, text: string, issues: string[]): SubmissionChannel {
  const label = LABELS_BY_KIND[kind];
  let rest = text;
  let time: Duration;
  let glued: { digits: string; currency: string } | null = null;

  const known = TIME_RE.exec(rest);
  const gluedMatch = GLUED_RE.exec(rest);
  if (rest.startsWith(NO_INFO)) {
    time = { kind: "unknown" };
    rest = rest.slice(NO_INFO.length);
  } else if (known) {
    time = knownTime(known);
    rest = rest.slice(known[0].length);
  } else if (gluedMatch) {
    glued = { digits: gluedMatch[1]!, currency: gluedMatch[2]! };
    time = {
      kind: "unknown",
      note: `Nguồn ghi liền thời gian và phí: "${gluedMatch[0]}"`,
    };
    issues.push(`channels: ${label}: time and fee run together ("${gluedMatch[0]}")`);
    rest = rest.slice(gluedMatch[0].length);
  } else {
    const bare = /^\d+(?:[.,]\d+)?/.exec(rest);
    const words =
      /^([^()]{1,160}?)(?=Miễn phí|Không có thông tin|\d{1,3}(?:,\d{3})* ?(?:Việt Nam Đồng|VNĐ))/.exec(rest);
    if (bare) {
      time = { kind: "unknown", note: `Nguồn ghi "${bare[0]}" nhưng không ghi đơn vị` };
      rest = rest.slice(bare[0].length);
    } else if (words) {
      time = { kind: "unknown", note: tidy(words[1]!) };
      rest = rest.slice(words[0].length);
    } else {
      time = { kind: "unknown" };
      issues.push(`channels: ${label}: time not recognised`);
    }
  }

  const fees: Fee[] = [];
  if (glued) {
    const note = takeParenthesised(rest);
    rest = rest.slice(note.length);
    fees.push(resolveGluedFee(glued.digits, glued.currency, innerNote(note), label, issues));
  }
  for (;;) {
    const feeLabel = readFeeLabel(rest);
    if (!feeLabel) break;
    rest = rest.slice(feeLabel.length);
    const note = takeParenthesised(rest);
    rest = rest.slice(note.length);
    fees.push(resolveFee(feeLabel, innerNote(note), label, issues));
  }
  if (fees.length === 0) {
    fees.push({ kind: "unknown" });
    issues.push(`channels: ${label}: fee not recognised`);
  }
  const description = meaningful(tidy(rest));
  // "Không có thông tin" as fee, but the description says the province's council decides the fee.
  const provinceLine = description?.split("\n").find((line) => /phí/i.test(line) && PROVINCE_RE.test(line));
  // "Không có thông tin" as fee, but the description states fees: keep them beside the unknown.
  const feeLines = description
    ?.split("\n")
    .filter((line) => /phí/i.test(line) && statedAmounts(line).length > 0)
    .join("\n");
  for (let k = 0; k < fees.length; k++) {
    if (fees[k]!.kind !== "unknown" || fees[k]!.note !== undefined) continue;
    if (provinceLine !== undefined) fees[k] = { kind: "province", note: provinceLine };
    else if (feeLines) {
      fees[k] = { kind: "unknown", note: feeLines };
      issues.push(`channels: ${label}: the fee is stated only in the description`);
    }
  }
  return description === null ? { kind, time, fees } : { kind, time, fees, description };
}

function knownTime(m: RegExpExecArray): Duration {
  const unitText = m[3]!.toLowerCase();
  const unit = UNITS.find(([word]) => word === unitText)?.[1];
  if (!unit) return { kind: "unknown", note: m[0] };
  const value = toNumber(m[1]!);
  const max = m[2] === undefined ? undefined : toNumber(m[2]);
  return max === undefined ? { kind: "known", value, unit } : { kind: "known", value, max, unit };
}

function toNumber(text: string): number {
  return Number(text.replace(",", "."));
}

function readFeeLabel(rest: string): string | null {
  if (rest.startsWith("Miễn phí")) return "Miễn phí";
  if (rest.startsWith(NO_INFO)) return NO_INFO;
  const m = FEE_LABEL_RE.exec(rest);
  return m ? m[0] : null;
}

/**
 * The balanced parenthesised text at the start of `rest` (with its parentheses), or "". A note that
 * opens with a list marker ("(a) … b) … đồng.)") closes at the parenthesis that balances it when
 * list markers are skipped; if none does, "(1)" starts the description rather than a note.
 */
function takeParenthesised(rest: string): string {
  if (!rest.startsWith("(")) return "";
  const plain = balancedEnd(rest, false);
  if (plain === -1) return rest; // unbalanced: the note runs to the end of the row
  if (!/^\((?:[a-zđ]|\d{1,2}|[ivx]{1,4})\) /.test(rest)) return rest.slice(0, plain + 1);
  const skippingMarkers = balancedEnd(rest, true);
  return skippingMarkers === -1 ? "" : rest.slice(0, skippingMarkers + 1);
}

function balancedEnd(text: string, skipListMarkers: boolean): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && !(skipListMarkers && isListMarker(text, i))) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** ")" of a list marker ("a) …", "(1) …", "ii) …") rather than a closing parenthesis. */
function isListMarker(text: string, at: number): boolean {
  return (
    text[at + 1] === " " &&
    /(?:^|[\s(])(?:[a-zđ]|\d{1,2}|[ivx]{1,4})$/.test(text.slice(Math.max(0, at - 6), at))
  );
}

function innerNote(parenthesised: string): string | undefined {
  if (parenthesised === "") return undefined;
  const inner = parenthesised.endsWith(")") ? parenthesised.slice(1, -1) : parenthesised.slice(1);
  const note = meaningful(tidy(inner));
  if (note === null || /^(không có|không|không quy định)\.?$/i.test(note)) return undefined;
  return note;
}
