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
const ISSUER = String.raw`(?:TTg|[A-ZĐÐ]*QH\d{2}|[A-ZĐÐ]+)`;
const DOC_NUMBER_RE = new RegExp(
  String.raw`\d+[a-z]?(?:\.\d+)?(?:\/\d{4})?\/${ISSUER}(?:[-/]${ISSUER})*`,
  "gu",
);
const DOC_TYPE =
  "(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Luật|Bộ luật|Quyết định|Pháp lệnh|Văn bản hợp nhất|Chỉ thị|Công văn)";
const BARE_TYPE_RE = new RegExp(`^${DOC_TYPE}(?: số)?$`, "i");
const GLUED_TYPE_RE = new RegExp(String.raw`(?<=[\p{Ll}).;,])${DOC_TYPE}(?: số)?\s*$`, "u");
const CAMEL_RE = /\p{Ll}\p{Lu}(?=[\p{Ll} ])/u;

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
  const headed = text.startsWith(HEADER) ? text.slice(HEADER.length) : text;
  // Page furniture: the next section of the page ("Cơ quan thực hiện…") leaked into a few records.
  const leak = headed.indexOf("Cơ quan thực hiện");
  const body = leak === -1 ? headed : headed.slice(0, leak);
  const official = meaningful(body);
  if (official === null) return { items: [], issues: [], official: null };
  const issues: string[] = [];
  const ends: { start: number; end: number; number: string }[] = [];
  for (const m of official.matchAll(DOC_NUMBER_RE)) {
    let number = m[0];
    let start = m.index;
    const before = official[start - 1];
    const gluedLeft = before !== undefined && /[^\s(]/.test(before) && !/\d/.test(before);
    let after = official.slice(start + number.length);
    // "…NĐ-CPQUY ĐỊNH…", "…NĐ-CPNghị định…", "…TT-BCASỬA ĐỔI…": the next title, glued to the
    // number, lent it its first capitals.
    if (/^\p{L}/u.test(after) || /^ \p{Lu}{2,}/u.test(after)) {
      number = trimToKnownIssuer(number);
      after = official.slice(start + number.length);
    }
    // "…NĐ-CSửa đổi" (an unknown or truncated issuer): a glued number took the next title's capital.
    if (gluedLeft && /^\p{Ll}/u.test(after) && /[A-ZĐÐ]$/u.test(number) && number.length > 1) {
      if (!KNOWN_ISSUERS.has(lastSegment(number))) {
        number = number.slice(0, -1);
        after = official.slice(start + number.length);
      }
    }
    // "Luật Cư trú 202068/2020/QH14", "ngày 12/6/20252418/QĐ-BNNMT": the year ending the title glued
    // to the number.
    const year = /^((?:19|20)\d{2})(\d{1,4}\/)/.exec(number);
    const numberHasYear = /^\d+[a-z]?(?:\.\d+)?\/\d{4}\//.test(number.slice(year?.[1]?.length ?? 0));
    if (year && (before === " " || (before === "/" && !numberHasYear))) {
      number = number.slice(year[1]!.length);
      start += year[1]!.length;
    }
    if (endsCell(after, official[start - 1])) ends.push({ start, end: start + number.length, number });
  }
  const items: LegalBasisItem[] = [];
  const cuts: { end: number; number: string }[] = [];
  let from = 0;
  for (const [k, cell] of ends.entries()) {
    if (cell.start < from) continue;
    let title = tidy(official.slice(from, cell.start))
      .replace(/[;,:\s]+$/, "")
      .replace(/(\/[A-ZĐ]+(?:-[A-ZĐ]+)*)(ngày|của)(?=[\s\d])/gu, "$1 $2"); // "TT-BCAngày 01/7" → "TT-BCA ngày 01/7"
    title = title.replace(GLUED_TYPE_RE, "").trim();
    // "Thông thư 47/2019/TT-BTC47/2019/TT-BTC": the number cell repeats a number ending the title.
    const repeated = ends[k + 1]?.start === cell.end && ends[k + 1]?.number === cell.number;
    if (title === "" || repeated || BARE_TYPE_RE.test(title)) {
      title = title === "" ? cell.number : `${title} ${cell.number}`;
    }
    if (CAMEL_RE.test(title.replace(/\d+(?:\.\d+)?(?:\/\d{4})?\/\S+/g, ""))) {
      issues.push("legalBasis: an item may hold two titles run together");
    }
    items.push({ number: cell.number, title });
    from = cell.end;
    // "Luật 60/2014/QH1360/2014/QH13" is one row (title, then number): no line break inside it.
    const last = cuts.at(-1);
    if (last !== undefined && last.end === cell.start && last.number === cell.number) cuts.pop();
    cuts.push({ end: cell.end, number: cell.number });
  }
  const rest = tidy(official.slice(from));
  if (rest !== "") {
    items.push({ number: null, title: rest });
    issues.push("legalBasis: text without a document number kept as a title");
  }
  // The official wording, one title+number pair per line.
  const lineEnds = [...cuts.map((cut) => cut.end), official.length];
  const lined = lineEnds
    .map((end, n) => official.slice(n === 0 ? 0 : lineEnds[n - 1], end).trim())
    .filter((line) => line !== "")
    .join("\n");
  return { items: dedupeByNumber(items), issues: [...new Set(issues)], official: lined };
}

/**
 * A number ends a title+number pair when the next title is glued to it ("…NĐ-CPQuy định…",
 * "…QH13quy định…"), when a capitalised title follows after a space, or at the end. Inside a title a
 * number is followed by a space or punctuation ("số 123/2015/NĐ-CP ngày…"), or glued to "ngày".
 */
function endsCell(after: string, before: string | undefined): boolean {
  if (after.trim() === "") return true;
  // After a space, a capital starts the next title only when the number was glued to its own title.
  if (/^\s+\p{Lu}/u.test(after)) return before !== undefined && !/\s/.test(before);
  if (/^[\s,.;:)\]]/.test(after)) return false;
  return !/^(ngày|của)[\s\d]/.test(after);
}

/** Issuer codes that end document numbers (the part after the last "-" or "/"). */
const KNOWN_ISSUERS = new Set(
  (
    "CP TTg BCA BTC BTP BXD BYT BGTVT BNNMT BNNPTNT BTNMT NHNN BCT BLĐTBXH BNV BKHĐT BQP BGDĐT BVHTTDL " +
    "BTTTT BKHCN BNG UBTVQH HĐND UBND VPCP TANDTC VKSNDTC BHXH TCT TCHQ BDT NV TC QĐ NĐ TT NQ TTLT VBHN"
  ).split(" "),
);

function lastSegment(number: string): string {
  return number.slice(Math.max(number.lastIndexOf("-"), number.lastIndexOf("/")) + 1);
}

/** "184/2025/NĐ-CPQUY" → "184/2025/NĐ-CP" when the last segment starts with a known issuer code. */
function trimToKnownIssuer(number: string): string {
  const cut = Math.max(number.lastIndexOf("-"), number.lastIndexOf("/"));
  const segment = number.slice(cut + 1);
  if (KNOWN_ISSUERS.has(segment) || /^[A-ZĐ]*QH\d{2}$/.test(segment)) return number;
  for (let len = segment.length - 1; len >= 2; len--) {
    if (KNOWN_ISSUERS.has(segment.slice(0, len))) return number.slice(0, cut + 1 + len);
  }
  return number;
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
