/**
 * The staff view of the 👍/👎 citizens gave after an answer: totals, and the procedures with the
 * most 👎 first (where the card or the search most needs a look). Entries are parsed; damaged ones
 * are counted.
 */
import { type HelpfulnessVote, helpfulnessVote } from "./records.ts";

export interface VotesReport {
  up: number;
  down: number;
  invalid: number;
  /** Procedures with at least one 👎, most 👎 first. */
  disliked: { code: string; up: number; down: number }[];
}

export async function buildVotesReport(
  source: AsyncIterable<unknown>,
  options: { since?: string; top?: number } = {},
): Promise<VotesReport> {
  const byCode = new Map<string, { code: string; up: number; down: number }>();
  let invalid = 0;
  let up = 0;
  let down = 0;
  for await (const raw of source) {
    const parsed = helpfulnessVote.safeParse(raw);
    if (!parsed.success) {
      invalid += 1;
      continue;
    }
    const vote: HelpfulnessVote = parsed.data;
    if (options.since && vote.at < options.since) continue;
    const counts = byCode.get(vote.code) ?? { code: vote.code, up: 0, down: 0 };
    counts[vote.vote] += 1;
    byCode.set(vote.code, counts);
    if (vote.vote === "up") up += 1;
    else down += 1;
  }
  const disliked = [...byCode.values()]
    .filter((c) => c.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up || a.code.localeCompare(b.code))
    .slice(0, options.top ?? 10);
  return { up, down, invalid, disliked };
}
