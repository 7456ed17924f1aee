import { describe, expect, it } from "vitest";
import { buildVotesReport } from "../../src/core/votes-report.ts";

async function* from(items: unknown[]) {
  yield* items;
}
const vote = (code: string, v: "up" | "down", at = "2026-12-01T08:00:00.000Z") => ({
  at,
  code,
  vote: v,
  decision: "answer",
  score: 0.9,
});

describe("buildVotesReport", () => {
  it("counts 👍/👎 since a date and lists the procedures with the most 👎 first", async () => {
    const report = await buildVotesReport(
      from([
        vote("1.001193", "up"),
        vote("1.001193", "down"),
        vote("1.004222", "down"),
        vote("1.004222", "down"),
        vote("1.014063", "up"),
        vote("2.000001", "down", "2026-10-01T00:00:00.000Z"),
        { broken: true },
      ]),
      { since: "2026-11-01T00:00:00.000Z" },
    );
    expect(report).toEqual({
      up: 2,
      down: 3,
      invalid: 1,
      disliked: [
        { code: "1.004222", up: 0, down: 2 },
        { code: "1.001193", up: 1, down: 1 },
      ],
    });
  });
});
