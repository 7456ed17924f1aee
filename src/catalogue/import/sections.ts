/** The simpler sections: results, steps, conditions, levels, applicants, agencies, related codes. */
import type { Level } from "../schema.ts";
import { lines, meaningful, NO_INFO, splitTopLevelCommas, tidy } from "./text.ts";

const FURNITURE = "Chọn cơ quan thực hiện";
/** "Mã: KQ.G15.000031", "Mã: 1.001193.000.00.00.G15-KQ0001", and odd codes ("Mã: BQP-CCS.KQ0001", "Mã: 78"). */
const RESULT_CODE_RE =
  /Mã:\s?(?:[\d.]*[A-Z]\d+-KQ\d+|KQ[.-][A-Z]\d+\.\d+|[A-Z0-9][A-Z0-9._-]*\d(?=\p{L}|\+|\s|$)|[A-Za-z0-9._-]+?(?=\p{Lu}\p{Ll}|\s|$))/gu;

export interface ParsedResults {
  results: string[];
  /** The results without page furniture (codes, empty "Từ khóa"/"Mô tả", agency picker). */
  official: string | null;
}

/** `ket_qua_xu_ly`: "Giấy khai sinhMã: KQ.G15.000031Từ khóa…Mô tả…Chọn cơ quan thực hiện…Nộp hồ sơ". */
export function parseResults(text: string): ParsedResults {
  let body = text;
  const furniture = body.indexOf(FURNITURE);
  if (furniture !== -1) body = body.slice(0, furniture);
  let description: string | null = null;
  const keywordsAt = body.lastIndexOf("Từ khóa");
  if (keywordsAt !== -1) {
    const tail = body.slice(keywordsAt + "Từ khóa".length);
    const descAt = tail.indexOf("Mô tả");
    if (descAt !== -1) description = meaningful(tidy(tail.slice(descAt + "Mô tả".length)));
    body = body.slice(0, keywordsAt);
  }
  const results = body
    .split(RESULT_CODE_RE)
    .map((part) => tidy(part).replace(/^[-–]\s*/, ""))
    .filter((part) => part !== "" && part !== NO_INFO);
  const officialParts = [...results];
  if (description !== null) officialParts.push(`Mô tả: ${description}`);
  return { results, official: officialParts.length === 0 ? null : officialParts.join("\n") };
}

export function parseSteps(text: string): string[] {
  return lines(meaningful(text));
}

/**
 * `yeu_cau_dieu_kien`. In a few records the portal put the result block's furniture here
 * ("Không có thông tinTừ khóaKhông có thông tinMô tả…Chọn cơ quan thực hiện…"): cut it off.
 */
export function parseConditions(text: string): string[] {
  let body = text;
  const furniture = body.indexOf(FURNITURE);
  if (furniture !== -1) body = body.slice(0, furniture);
  const keywords = body.indexOf(`${NO_INFO}Từ khóa`);
  if (keywords !== -1) body = body.slice(0, keywords);
  return lines(meaningful(body));
}

const LEVELS: Record<string, Level> = {
  "cấp bộ": "bo",
  "cấp tỉnh": "tinh",
  "cấp xã": "xa",
  "cơ quan khác": "khac",
};

export function parseLevels(text: string): { levels: Level[]; unknown: string[] } {
  const levels: Level[] = [];
  const unknown: string[] = [];
  for (const part of splitTopLevelCommas(text)) {
    const level = LEVELS[part.toLowerCase()];
    if (level === undefined) unknown.push(part);
    else if (!levels.includes(level)) levels.push(level);
  }
  return { levels, unknown };
}

/** The portal's applicant categories, one of which has commas of its own. */
const APPLICANT_WITH_COMMAS = "Cán bộ, công chức, viên chức";

export function parseApplicants(text: string): string[] {
  const cleaned = meaningful(text);
  if (cleaned === null) return [];
  const placeholder = "\u0000";
  return splitTopLevelCommas(tidy(cleaned).replaceAll(APPLICANT_WITH_COMMAS, placeholder)).map((part) =>
    part === placeholder ? APPLICANT_WITH_COMMAS : part,
  );
}

export function agencyText(text: string): string | null {
  const cleaned = meaningful(text);
  return cleaned === null ? null : tidy(cleaned);
}

export function parseRelated(text: string, own: string): string[] {
  const codes = [...text.matchAll(/(?<![\d.])\d\.\d{6}(?![\d])/g)].map((m) => m[0]);
  return [...new Set(codes)].filter((code) => code !== own).sort();
}
