/**
 * `can_cu_phap_ly` → legal basis items. The table `Tên văn bản pháp lýMã văn bản` was flattened
 * into title+number pairs with no separator ("…thi hành Luật Hộ tịch123/2015/NĐ-CPThông tư…").
 * A document number ends a pair when nothing but a capital letter, a digit or the end follows it,
 * or when it is glued to the title before it; numbers inside a title ("Nghị định số 123/2015/NĐ-CP
 * ngày…") are followed by ordinary words.
 */
import type { LegalBasisItem } from "../schema.ts";
import { meaningful, tidy } from "./text.ts";

const HEADER = "Tên văn bản pháp lýMã văn bản";
const ISSUER = String.raw`(?:TTg|[A-ZĐÐ]+\d{0,2})`;
const DOC_NUMBER_RE = new RegExp(String.raw`\d+(?:\.\d+)?(?:\/\d{4})?\/${ISSUER}(?:-${ISSUER})*`, "gu");
const DOC_TYPE =
  "(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Luật|Bộ luật|Quyết định|Pháp lệnh|Văn bản hợp nhất|Chỉ thị|Công văn)";
const BARE_TYPE_RE = new RegExp(`^${DOC_TYPE}(?: số)?$`, "i");
const GLUED_TYPE_RE = new RegExp(String.raw`(?<=[a-zà-ỹ).;,])${DOC_TYPE}(?: số)?\s*$`, "u");
const UPPER = /^[A-ZÀ-ỸĐÐ]/u;
const CAMEL_RE = /[a-zà-ỹđ][A-ZĐÐ](?=[a-zà-ỹđ ])/u;

export interface ParsedLegalBasis {
  items: LegalBasisItem[];
  issues: string[];
  official: string | null;
}

/** Finds document numbers in a text (exported for tests and the steps parser). */
export function documentNumbers(text: string): string[] {
  return [...text.matchAll(DOC_NUMBER_RE)].map((m) => m[0]);
}

export function parseLegalBasis(text: string): ParsedLegalBasis {
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text;
  const official = meaningful(body);
  if (official === null) return { items: [], issues: [], official: null };
  const issues: string[] = [];
  const ends: { start: number; end: number; number: string }[] = [];
  for (const m of official.matchAll(DOC_NUMBER_RE)) {
    let number = m[0];
    const start = m.index;
    const before = official[start - 1];
    const gluedLeft = before !== undefined && /[^\s(]/.test(before) && !/\d/.test(before);
    let after = official.slice(start + number.length);
    // "…NĐ-CSửa đổi": a glued number swallowed the capital that starts the next title.
    if (gluedLeft && /^[a-zà-ỹđ]/u.test(after) && /[A-ZĐÐ]$/u.test(number) && number.length > 1) {
      number = number.slice(0, -1);
      after = official.slice(start + number.length);
    }
    const next = after.trimStart();
    if (next === "" || UPPER.test(next) || /^\d/.test(after)) {
      ends.push({ start, end: start + number.length, number });
    }
  }
  const items: LegalBasisItem[] = [];
  let from = 0;
  for (const cell of ends) {
    if (cell.start < from) continue;
    let title = tidy(official.slice(from, cell.start)).replace(/[;,:\s]+$/, "");
    title = title.replace(GLUED_TYPE_RE, "").trim();
    if (title === "" || BARE_TYPE_RE.test(title))
      title = title === "" ? cell.number : `${title} ${cell.number}`;
    if (CAMEL_RE.test(title.replace(/\d+(?:\.\d+)?(?:\/\d{4})?\/\S+/g, ""))) {
      issues.push("legalBasis: an item may hold two titles run together");
    }
    items.push({ number: cell.number, title });
    from = cell.end;
  }
  const rest = tidy(official.slice(from));
  if (rest !== "") {
    items.push({ number: null, title: rest });
    issues.push("legalBasis: text without a document number kept as a title");
  }
  return { items: dedupeByNumber(items), issues: [...new Set(issues)], official };
}

/** The same document listed twice ("47/2019/TT-BTCThông tư 47/2019/TT-BTC") keeps its longer title. */
function dedupeByNumber(items: LegalBasisItem[]): LegalBasisItem[] {
  const out: LegalBasisItem[] = [];
  for (const item of items) {
    const same = item.number === null ? -1 : out.findIndex((o) => o.number === item.number);
    if (same === -1) out.push(item);
    else if (item.title.length > out[same]!.title.length) out[same] = item;
  }
  return out;
}
