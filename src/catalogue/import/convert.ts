/** One raw record → one procedure record (not yet validated). */
import type { ProcedureRecord } from "../schema.ts";
import { parseChannels } from "./channels.ts";
import { parseLegalBasis } from "./legal-basis.ts";
import { parsePapers } from "./papers.ts";
import type { RawRecord } from "./raw-record.ts";
import {
  agencyText,
  parseApplicants,
  parseConditions,
  parseLevels,
  parseRelated,
  parseResults,
  parseSteps,
} from "./sections.ts";
import { meaningful, tidy } from "./text.ts";

export interface ImportSource {
  /** Dataset name written to `source.dataset`, e.g. "dvc-2026". */
  dataset: string;
  /** Capture month or date, ISO 8601. */
  capturedAt: string;
}

export function convertRecord(raw: RawRecord, from: ImportSource): ProcedureRecord {
  const issues: string[] = [];
  const channels = parseChannels(raw.cach_thuc_thuc_hien);
  const papersSource = papersText(raw);
  const papers = parsePapers(papersSource.text);
  if (papersSource.recovered)
    issues.push("papers: the papers field held other sections; the table was read apart");
  const legal = parseLegalBasis(raw.can_cu_phap_ly);
  const results = parseResults(raw.ket_qua_xu_ly);
  const levels = parseLevels(raw.cap_thuc_hien);
  if (levels.unknown.length > 0) issues.push(`levels: unrecognised ${levels.unknown.join(", ")}`);
  const related = parseRelated(raw.thu_tuc_lien_quan, raw.ma_thu_tuc);
  const relatedText = meaningful(raw.thu_tuc_lien_quan);
  if (relatedText !== null && related.length === 0) {
    issues.push(`related: named without codes: ${tidy(relatedText)}`);
  }
  issues.push(...channels.issues, ...papers.issues, ...legal.issues);

  const applicantsText = meaningful(raw.doi_tuong_thuc_hien);
  const implementing = agencyText(raw.co_quan_thuc_hien);

  const steps = parseSteps(raw.trinh_tu_thuc_hien);
  const conditions = parseConditions(raw.yeu_cau_dieu_kien);
  const applicants = parseApplicants(raw.doi_tuong_thuc_hien);

  // The official wording of each section, once. Steps and conditions are stored as their lines and
  // the implementing agency verbatim (the wording itself, whitespace tidied), so they are not
  // repeated here; applicants and results are repeated only where the list is not the wording.
  const official: ProcedureRecord["official"] = {};
  if (applicantsText !== null && applicants.join(", ") !== tidy(applicantsText)) {
    official.applicants = tidy(applicantsText);
  }
  if (channels.official !== null) official.channels = channels.official;
  if (papers.official !== null) official.papers = papers.official;
  if (legal.official !== null) official.legalBasis = legal.official;
  if (results.official !== null && results.official !== results.results.join("\n")) {
    official.result = results.official;
  }

  const kind = meaningful(raw.loai_thu_tuc);
  const record: ProcedureRecord = {
    code: raw.ma_thu_tuc,
    name: tidy(raw.ten_thu_tuc),
    field: tidy(raw.linh_vuc),
    levels: levels.levels,
    ...(kind === null ? {} : { kind }),
    agency: agencies(raw, implementing),
    applicants,
    channels: channels.channels,
    cases: papers.cases,
    steps,
    conditions,
    legalBasis: legal.items,
    results: results.results,
    related,
    bundles: [],
    source: {
      url: raw.detail_url,
      decision: meaningful(raw.so_quyet_dinh),
      capturedAt: from.capturedAt,
      dataset: from.dataset,
    },
    status: { state: "active" },
    reviewed: false,
    official,
    parseIssues: issues,
  };
  return record;
}

/** The implementing agency (null when unknown) and the other agencies only where the record names them. */
function agencies(raw: RawRecord, implementing: string | null): ProcedureRecord["agency"] {
  const agency: ProcedureRecord["agency"] = { implementing };
  const competent = agencyText(raw.co_quan_co_tham_quyen);
  const authorised = agencyText(raw.co_quan_duoc_uy_quyen);
  const coordinating = agencyText(raw.co_quan_phoi_hop);
  const address = agencyText(raw.dia_chi_tiep_nhan);
  if (competent !== null) agency.competent = competent;
  if (authorised !== null) agency.authorised = authorised;
  if (coordinating !== null) agency.coordinating = coordinating;
  if (address !== null) agency.address = address;
  return agency;
}

const PAPERS_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";

/**
 * The papers section. In a few records the crawler stored part of the steps in `thanh_phan_ho_so`;
 * the page text then still holds the real section between the channels table and "Căn cứ pháp lý".
 */
function papersText(raw: RawRecord): { text: string; recovered: boolean } {
  const field = raw.thanh_phan_ho_so;
  // The page's own section heading with other sections before it ("…lý do.Thành phần hồ sơ--Tên giấy tờ…").
  const heading = /Thành phần hồ sơ(?=--|Tên giấy tờMẫu đơn)/.exec(field);
  if (heading && heading.index > 0 && !field.slice(0, heading.index).includes(PAPERS_HEADER)) {
    return { text: field.slice(heading.index + heading[0].length), recovered: true };
  }
  if (field.includes(PAPERS_HEADER) || raw.raw_text === undefined) return { text: field, recovered: false };
  const channelsAt = raw.raw_text.indexOf("Cách Thức Thực Hiện");
  const start = channelsAt === -1 ? -1 : raw.raw_text.indexOf("Thành phần hồ sơ", channelsAt);
  if (start === -1) return { text: field, recovered: false };
  const from = start + "Thành phần hồ sơ".length;
  const end = raw.raw_text.indexOf("Căn cứ pháp lý", from);
  const section = raw.raw_text.slice(from, end === -1 ? undefined : end);
  return section.includes(PAPERS_HEADER)
    ? { text: section, recovered: true }
    : { text: field, recovered: false };
}
