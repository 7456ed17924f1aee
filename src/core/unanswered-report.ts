/**
 * The staff report of questions nothing fitted: the most frequent ones first (same words, accents
 * and case ignored), then every entry in time order. Entries are parsed; damaged ones are counted.
 */
import { type UnansweredQuestion, unansweredQuestion } from "./records.ts";
import { fold } from "./text.ts";

export interface UnansweredReportOptions {
  /** Only entries at or after this ISO date/time. */
  since?: string;
  /** How many of the most frequent questions to list. */
  top?: number;
}

export interface UnansweredReport {
  total: number;
  invalid: number;
  top: { question: string; count: number; lastAt: string }[];
  entries: UnansweredQuestion[];
}

export async function buildUnansweredReport(
  source: AsyncIterable<unknown>,
  options: UnansweredReportOptions = {},
): Promise<UnansweredReport> {
  const entries: UnansweredQuestion[] = [];
  let invalid = 0;
  for await (const raw of source) {
    const parsed = unansweredQuestion.safeParse(raw);
    if (!parsed.success) {
      invalid += 1;
      continue;
    }
    if (options.since && parsed.data.at < options.since) continue;
    entries.push(parsed.data);
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  const groups = new Map<string, { question: string; count: number; lastAt: string }>();
  for (const entry of entries) {
    const key = fold(entry.question);
    const group = groups.get(key) ?? { question: entry.question, count: 0, lastAt: entry.at };
    group.count += 1;
    group.lastAt = entry.at;
    groups.set(key, group);
  }
  const top = [...groups.values()]
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, options.top ?? 20);
  return { total: entries.length, invalid, top, entries };
}

export function formatUnansweredReport(report: UnansweredReport): string {
  if (report.total === 0) {
    return report.invalid > 0
      ? `No readable unanswered questions (${report.invalid} damaged entries skipped).`
      : "No unanswered questions recorded.";
  }
  const lines = [`Unanswered questions: ${report.total}`, "", "Most frequent:"];
  for (const item of report.top) lines.push(`  ${String(item.count).padStart(4)} × ${item.question}`);
  lines.push("", "All, oldest first (time, locale, candidates offered, question):");
  for (const entry of report.entries) {
    const candidates = entry.candidates.length > 0 ? entry.candidates.join(",") : "-";
    lines.push(`  ${entry.at}  ${entry.locale}  ${candidates}  ${entry.question}`);
  }
  if (report.invalid > 0) lines.push("", `${report.invalid} damaged entries skipped.`);
  return lines.join("\n");
}
