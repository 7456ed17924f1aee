/**
 * What citizens asked that the assistant could not answer, and how they rated its answers, over
 * the last days: one report for the staff chat (`/cauhoi [days]`) and the staff API
 * (`GET /api/insights?days=N`). The questions were stripped of phone numbers, e-mails and ID
 * numbers when they were recorded; no address or name is shown.
 */
import type { AppendLog } from "../core/ports.ts";
import type { HelpfulnessVote, UnansweredQuestion } from "../core/records.ts";
import { buildUnansweredReport } from "../core/unanswered-report.ts";
import { buildVotesReport, type VotesReport } from "../core/votes-report.ts";

export const DEFAULT_INSIGHT_DAYS = 7;
export const MAX_INSIGHT_DAYS = 366;

export interface InsightSources {
  unanswered: AppendLog<UnansweredQuestion>;
  votes: AppendLog<HelpfulnessVote>;
}

export interface Insights {
  days: number;
  since: string;
  unanswered: { total: number; top: { question: string; count: number; lastAt: string }[] };
  votes: Omit<VotesReport, "invalid">;
}

/** Whole days from 1 to MAX_INSIGHT_DAYS; null for anything else. */
export function parseDays(raw: string | undefined): number | null {
  const text = (raw ?? "").trim();
  if (text === "") return DEFAULT_INSIGHT_DAYS;
  if (!/^\d{1,3}$/.test(text)) return null;
  const days = Number(text);
  return days >= 1 && days <= MAX_INSIGHT_DAYS ? days : null;
}

export async function buildInsights(sources: InsightSources, days: number, now: number): Promise<Insights> {
  const since = new Date(now - days * 24 * 3600_000).toISOString();
  const [unanswered, votes] = await Promise.all([
    buildUnansweredReport(sources.unanswered.entries(), { since, top: 10 }),
    buildVotesReport(sources.votes.entries(), { since, top: 5 }),
  ]);
  return {
    days,
    since,
    unanswered: { total: unanswered.total, top: unanswered.top },
    votes: { up: votes.up, down: votes.down, disliked: votes.disliked },
  };
}
