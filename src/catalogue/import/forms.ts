/** Form files (mẫu đơn, tờ khai) glued between a paper's text and its quantity. */

const FORM_EXT_RE = /\.(?:docx|doc|pdf|xlsx|xls)/gi;

/**
 * Separates the form file names that end an entry ("…theo mẫu;Mẫu số 01.docxMẫu số 02.docx") from
 * its text. A file name starts after sentence punctuation glued to it (".;:)") or where a lower-case
 * letter is glued to a capital ("khoáng sảnMau01.docx"); the earliest such start that leaves a short
 * name wins.
 */
export function splitForms(text: string): { name: string; forms: string[]; uncertain: boolean } {
  const trimmed = text.replace(/\s+$/, "");
  const ends = [...trimmed.matchAll(FORM_EXT_RE)].map((m) => m.index + m[0].length);
  if (ends.length === 0 || ends.at(-1) !== trimmed.length) return { name: text, forms: [], uncertain: false };
  // The run of file names: from the first extension end that is followed only by more file names.
  let firstEnd = ends.at(-1)!;
  for (let k = ends.length - 2; k >= 0; k--) {
    const between = trimmed.slice(ends[k]!, ends[k + 1]!);
    if (between.length > 120 || /\s{2,}|[.;:]\s/.test(between)) break;
    firstEnd = ends[k]!;
  }
  const tailNames = splitAtEnds(
    trimmed,
    firstEnd,
    ends.filter((e) => e > firstEnd),
  );
  const firstExt = trimmed.slice(0, firstEnd);
  const start = fileNameStart(firstExt);
  const forms = [firstExt.slice(start.at).trim(), ...tailNames].filter((f) => f !== "");
  return { name: firstExt.slice(0, start.at), forms, uncertain: start.uncertain };
}

function splitAtEnds(text: string, from: number, ends: number[]): string[] {
  const names: string[] = [];
  let at = from;
  for (const end of ends) {
    names.push(text.slice(at, end).trim());
    at = end;
  }
  return names;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function fileNameStart(textWithExt: string): { at: number; uncertain: boolean } {
  const extAt = textWithExt.search(/\.(?:docx|doc|pdf|xlsx|xls)$/i);
  const window = Math.max(0, extAt - 200);
  let asciiStart = -1;
  for (let i = window + 1; i < extAt; i++) {
    const prev = textWithExt[i - 1]!;
    const ch = textWithExt[i]!;
    const prev2 = textWithExt[i - 2] ?? " ";
    const next = textWithExt[i + 1] ?? "";
    const decimal = prev === "." && /\d/.test(prev2) && /\d/.test(ch);
    const afterPunct = /[.,;:)”"]/.test(prev) && !decimal && /[\p{L}\d]/u.test(ch);
    const camel = (LOWER.test(prev) || (/\d/.test(prev) && LOWER.test(next))) && UPPER.test(ch);
    // "…Nghị định số 23/2026/NĐ-CPMau41.docx", "…ngày 25/01/2026Mau so 01.docx"
    const afterNumber =
      UPPER.test(ch) &&
      LOWER.test(next) &&
      textWithExt.slice(i - 1, i + 2) !== "TTg" &&
      /\/(?:[A-ZĐ]+-)*[A-ZĐ]{2,}$|\/\d{4}$/.test(textWithExt.slice(0, i));
    // "…theo mẫu1.000312.docx": a file named after the procedure code
    const codeName = /\p{L}/u.test(prev) && /^\d\.\d{6}/.test(textWithExt.slice(i));
    if (!afterPunct && !camel && !afterNumber && !codeName) continue;
    const candidate = textWithExt.slice(i, extAt);
    const words = candidate.split(/\s+/).length;
    if (words <= 12) return { at: i, uncertain: false };
    if (asciiStart === -1 && words <= 24 && /^[\x20-\x7e]*$/.test(candidate)) asciiStart = i;
  }
  // No visible boundary that leaves a short name: a long name in plain ascii ("Mau 1b. Don dang ky
  // kiem dich … cap tinh.docx"), else the last word.
  if (asciiStart !== -1) return { at: asciiStart, uncertain: false };
  const m = /(\S+(?:\s\(\d+\))?)\.(?:docx|doc|pdf|xlsx|xls)$/i.exec(textWithExt);
  if (textWithExt.slice(0, m?.index ?? 0).trim() === "") return { at: 0, uncertain: false };
  return { at: m?.index ?? 0, uncertain: true };
}
