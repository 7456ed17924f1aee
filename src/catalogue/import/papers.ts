/**
 * `thanh_phan_ho_so` → cases and their papers. The flattened text is a sequence of
 * `<case title>Tên giấy tờMẫu đơn, tờ khaiSố lượng<entry>…`, each entry ending with its quantity
 * (`N bản chính`, `N bản sao`, or `N bản chính,M bản sao`); form files (`….docx`) may sit between
 * the entry's text and its quantity. "--" is the title of a single case; "* Giấy tờ phải nộp:" and
 * "* Giấy tờ phải xuất trình:" set the role of the papers below; "* Lưu ý:" starts notes.
 */
import type { ProcedureCase, RequiredPaper } from "../schema.ts";
import { splitForms } from "./forms.ts";
import { meaningful, tidy } from "./text.ts";

const HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
const QUANTITY_RE = /(\d+) bản chính(?:,\s?(\d+) bản sao)?|(\d+) bản sao/g;

export interface ParsedPapers {
  cases: ProcedureCase[];
  issues: string[];
  official: string | null;
}

type Role = RequiredPaper["role"];

interface Heading {
  title: string | null;
  role?: Role;
  notes: boolean;
}

/** Reads a title cell: a case title, a role header, a notes header, or a mix ("Trường hợp A* Lưu ý:"). */
function readHeading(raw: string): Heading & { isCase: boolean } {
  let title = tidy(raw);
  let role: Role;
  let notes = false;
  const marker =
    /\*\s*(Giấy tờ phải nộp|Giấy tờ phải xuất trình|Lưu ý)\s*:?\s*$/i.exec(title) ??
    /^(Giấy tờ phải nộp|Giấy tờ phải xuất trình|Lưu ý)\s*:?$/i.exec(title);
  if (marker) {
    const word = marker[1]!.toLowerCase();
    if (word.includes("nộp")) role = "nop";
    else if (word.includes("xuất trình")) role = "xuat_trinh";
    else notes = true;
    title = title.slice(0, marker.index).trim();
  }
  title = title.replace(/^[*•]\s*/, "").trim();
  const isCase = title !== "" && title !== "--";
  return { title: isCase ? title : null, role, notes, isCase };
}

/** The official wording without the repeated table header (page furniture), one block per table. */
function withoutTableHeaders(text: string): string {
  return text
    .split(HEADER)
    .map((part) => entryLines(part).trim())
    .filter((part) => part !== "")
    .join("\n");
}

/** Puts each entry of a flattened table on its own line, after its quantity (no word changes). */
function entryLines(part: string): string {
  let out = "";
  let from = 0;
  for (const m of quantityMatches(part)) {
    const end = m.index + m[0].length;
    out += `${part.slice(from, end).trim()}\n`;
    from = end;
  }
  return out + part.slice(from).trim();
}

export function parsePapers(text: string): ParsedPapers {
  const official = meaningful(text);
  if (official === null) return { cases: [], issues: [], official: null };
  const issues: string[] = [];
  const parts = official.split(HEADER);
  if (parts.length === 1) {
    return {
      cases: [],
      issues: ["papers: no table of papers recognised"],
      official,
    };
  }
  const cases: ProcedureCase[] = [];
  let current: ProcedureCase | null = null;
  let role: Role;
  let notesMode = false;
  let heading = readHeading(parts[0]!);

  for (let n = 1; n < parts.length; n++) {
    const part = parts[n]!;
    // The text after the last quantity of this part is the next heading.
    const quantities = quantityMatches(part);
    const last = quantities.at(-1);
    const bodyEnd = n === parts.length - 1 ? part.length : last ? last.index + last[0].length : 0;
    const body = part.slice(0, bodyEnd);
    const nextHeading = part.slice(bodyEnd);

    // A titled case starts a case; "--" starts an untitled one unless the current case is untitled;
    // "* Giấy tờ phải nộp:" and the like only change the role (or the notes mode) inside the case.
    const bare = !heading.isCase && heading.role === undefined && !heading.notes;
    if (heading.isCase || current === null || (bare && current.title !== null)) {
      current = { title: heading.title, papers: [], notes: [] };
      cases.push(current);
    }
    role = heading.role;
    notesMode = heading.notes;

    for (const entry of splitEntries(body)) {
      if (entry.quantity === null) {
        const note = cleanEntry(entry.text);
        if (note !== "") {
          current.notes.push(note);
          issues.push("papers: text without a quantity kept as a note");
        }
        continue;
      }
      const { originals, copies } = entry.quantity;
      const isNote = notesMode || (originals === 0 && (copies === null || copies === 0));
      const { name, forms, uncertain } = splitForms(entry.text);
      if (uncertain) issues.push("papers: form file name boundary uncertain");
      if (isNote) {
        const note = cleanEntry(entry.text);
        if (note !== "") current.notes.push(note);
        continue;
      }
      const paperName = cleanEntry(name);
      if (paperName === "") {
        issues.push("papers: a quantity without a paper name");
        continue;
      }
      const paper: RequiredPaper = { name: paperName, originals, copies, forms };
      if (role !== undefined) paper.role = role;
      current.papers.push(paper);
    }
    heading = readHeading(nextHeading);
  }
  if (heading.isCase) {
    cases.push({ title: heading.title, papers: [], notes: [] });
    issues.push("papers: a case title with no papers");
  }
  return { cases, issues: [...new Set(issues)], official: withoutTableHeaders(official) };
}

interface Entry {
  text: string;
  quantity: { originals: number | null; copies: number | null } | null;
}

/**
 * The quantities that end entries. A quantity inside a paper's text is followed by more words:
 * "01 bản sao giấy khai sinh…" (lower case), or "nộp 02 bản chính Danh mục…" / "…1 bản sao01 bản
 * chính Biên bản…" (standing apart from the text before it, or right after another quantity).
 * A real quantity is glued to the text before it ("…lập.1 bản chính").
 */
function quantityMatches(body: string): RegExpExecArray[] {
  return [...body.matchAll(QUANTITY_RE)].filter((m) => {
    const after = body.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (/^\s+\p{Ll}/u.test(after)) return false;
    if (!/^\s+\p{L}/u.test(after)) return true;
    const before = body.slice(0, m.index);
    return !(before === "" || /\s$/.test(before) || /bản (?:chính|sao)$/.test(before));
  });
}

function splitEntries(body: string): Entry[] {
  const entries: (Entry & { quantityText: string })[] = [];
  let from = 0;
  for (const m of quantityMatches(body)) {
    const run = m[1] ?? m[3]!;
    const count = quantityDigits(run, body[m.index - 1]);
    const textEnd = m.index + run.length - count.length;
    const first = Number(count);
    const originals = m[1] === undefined ? null : first;
    const copies = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? first : null;
    const text = body.slice(from, textEnd);
    const previous = entries.at(-1);
    // "01 bản chính Bảng kê khai…" opening the table: the name starts with a quantity.
    if (tidy(text) === "" && previous === undefined && /^\s+\S/.test(body.slice(m.index + m[0].length)))
      continue;
    if (!/\p{L}/u.test(text) && previous !== undefined) {
      // "…giấy phép nhập khẩu: 01 bản chính1 bản chính" or "…: 01 bản chính.1 bản chính": the first
      // quantity was part of the text (only punctuation stands between the two).
      previous.text += previous.quantityText + text;
      previous.quantity = { originals, copies };
      previous.quantityText = body.slice(textEnd, m.index + m[0].length);
    } else {
      entries.push({
        text,
        quantity: { originals, copies },
        quantityText: body.slice(textEnd, m.index + m[0].length),
      });
    }
    from = m.index + m[0].length;
  }
  const tail = body.slice(from);
  const out: Entry[] = entries.map(({ text, quantity }) => ({ text, quantity }));
  if (tidy(tail) !== "") out.push({ text: tail, quantity: null });
  return out;
}

/**
 * The digits of a quantity glued to the text before it: "Mẫu số 181 bản chính" is form 18 and
 * 1 original, "ngày 24/7/20231 bản chính" is 2023 and 1. A lone digit, or "01"–"09" standing
 * apart ("nộp 02 bản chính"), is the whole quantity; otherwise only the last digit is.
 */
function quantityDigits(run: string, before: string | undefined): string {
  if (run.length === 1) return run;
  const apart = before === undefined || /[\s:+-]/.test(before);
  if (run.length === 2 && run.startsWith("0") && apart) return run;
  return run.slice(-1);
}

function cleanEntry(text: string): string {
  return tidy(text)
    .replace(/^[-+•*\s]+(?=\S)/, "")
    .trim();
}
