/**
 * The catalogue's quality report, printed by `catalogue:import` and `catalogue:check`: how many
 * procedures have parsed papers, fees and times, how many carry unknowns, and which could not be
 * parsed at all, section by section.
 */
import type { ProcedureRecord } from "./schema.ts";

/** Sections whose official text can fail to parse into structure. */
export const REPORTED_SECTIONS = ["channels", "papers", "legalBasis", "result"] as const;
export type ReportedSection = (typeof REPORTED_SECTIONS)[number];

export interface QualityReport {
  procedures: number;
  reviewed: number;
  withPapers: number;
  withFees: number;
  withTimes: number;
  withLegalBasis: number;
  withResults: number;
  unknowns: {
    /** Procedures with at least one channel whose time is unknown. */
    time: number;
    /** Procedures with at least one unknown fee line. */
    fee: number;
    /** Procedures with no channel at all. */
    noChannel: number;
    /** Procedures with no paper in any case. */
    noPaper: number;
  };
  /** Procedures that list at least one parse issue, in total and by section. */
  withParseIssues: number;
  issuesBySection: Record<string, number>;
  /** Codes whose section has official text but no parsed structure at all. */
  notParsed: Record<ReportedSection, string[]>;
}

type Input = Pick<
  ProcedureRecord,
  "code" | "channels" | "cases" | "legalBasis" | "results" | "official" | "parseIssues" | "reviewed"
>;

export function qualityReport(procedures: readonly Input[]): QualityReport {
  const report: QualityReport = {
    procedures: procedures.length,
    reviewed: 0,
    withPapers: 0,
    withFees: 0,
    withTimes: 0,
    withLegalBasis: 0,
    withResults: 0,
    unknowns: { time: 0, fee: 0, noChannel: 0, noPaper: 0 },
    withParseIssues: 0,
    issuesBySection: {},
    notParsed: { channels: [], papers: [], legalBasis: [], result: [] },
  };
  for (const p of procedures) {
    if (p.reviewed) report.reviewed++;
    const hasPaper = p.cases.some((c) => c.papers.length > 0);
    if (hasPaper) report.withPapers++;
    else report.unknowns.noPaper++;
    const fees = p.channels.flatMap((c) => c.fees);
    if (fees.some((f) => f.kind !== "unknown")) report.withFees++;
    if (fees.some((f) => f.kind === "unknown")) report.unknowns.fee++;
    if (p.channels.some((c) => c.time.kind === "known")) report.withTimes++;
    if (p.channels.some((c) => c.time.kind === "unknown")) report.unknowns.time++;
    if (p.channels.length === 0) report.unknowns.noChannel++;
    if (p.legalBasis.length > 0) report.withLegalBasis++;
    if (p.results.length > 0) report.withResults++;
    if (p.parseIssues.length > 0) report.withParseIssues++;
    const sections = new Set(p.parseIssues.map((issue) => issue.split(":")[0]!.trim()));
    for (const section of sections) {
      report.issuesBySection[section] = (report.issuesBySection[section] ?? 0) + 1;
    }
    if (p.official.channels !== undefined && p.channels.length === 0) report.notParsed.channels.push(p.code);
    if (p.official.papers !== undefined && p.cases.length === 0) report.notParsed.papers.push(p.code);
    if (p.official.legalBasis !== undefined && p.legalBasis.length === 0)
      report.notParsed.legalBasis.push(p.code);
    if (p.official.result !== undefined && p.results.length === 0) report.notParsed.result.push(p.code);
  }
  for (const section of REPORTED_SECTIONS) report.notParsed[section].sort();
  report.issuesBySection = Object.fromEntries(
    Object.entries(report.issuesBySection).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return report;
}

function share(count: number, total: number): string {
  const percent = total === 0 ? 0 : (100 * count) / total;
  return `${String(count).padStart(5)} (${percent.toFixed(1)}%)`;
}

const CODES_SHOWN = 20;

export function formatQualityReport(report: QualityReport): string {
  const n = report.procedures;
  const out = [
    `Catalogue quality: ${n} procedures, ${report.reviewed} reviewed by a person`,
    `  with parsed papers:      ${share(report.withPapers, n)}`,
    `  with parsed fees:        ${share(report.withFees, n)}`,
    `  with parsed times:       ${share(report.withTimes, n)}`,
    `  with legal basis items:  ${share(report.withLegalBasis, n)}`,
    `  with results:            ${share(report.withResults, n)}`,
    "  unknowns:",
    `    a channel time unknown: ${share(report.unknowns.time, n)}`,
    `    a fee line unknown:     ${share(report.unknowns.fee, n)}`,
    `    no channel:             ${share(report.unknowns.noChannel, n)}`,
    `    no paper:               ${share(report.unknowns.noPaper, n)}`,
    `  with parse issues:       ${share(report.withParseIssues, n)}`,
  ];
  for (const [section, count] of Object.entries(report.issuesBySection)) {
    out.push(`    ${`${section}:`.padEnd(22)} ${share(count, n)}`);
  }
  out.push("  not parsed at all (official text kept):");
  for (const section of REPORTED_SECTIONS) {
    const codes = report.notParsed[section];
    const shown = codes.slice(0, CODES_SHOWN).join(", ");
    const more = codes.length > CODES_SHOWN ? `, … ${codes.length - CODES_SHOWN} more` : "";
    out.push(
      `    ${`${section}:`.padEnd(12)} ${String(codes.length).padStart(4)}${codes.length ? `  ${shown}${more}` : ""}`,
    );
  }
  return out.join("\n");
}
