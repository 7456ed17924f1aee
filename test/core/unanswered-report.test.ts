import { describe, expect, it } from "vitest";
import { buildUnansweredReport, formatUnansweredReport } from "../../src/core/unanswered-report.ts";

async function* from<T>(items: T[]) {
  yield* items;
}

const entry = (at: string, question: string, candidates: string[] = []) => ({
  at,
  question,
  addressHash: "0123456789abcdef",
  candidates,
  locale: "vi" as const,
});

describe("the unanswered-questions report", () => {
  it("groups the same question (accents and case aside), most frequent first, and lists all in time order", async () => {
    const report = await buildUnansweredReport(
      from([
        entry("2026-11-20T10:00:00.000Z", "con mèo bị lạc"),
        entry("2026-11-21T10:00:00.000Z", "giấy phép nuôi chó", ["1.000045"]),
        entry("2026-11-19T10:00:00.000Z", "Con meo bi lac"),
        { broken: true },
      ]),
    );
    expect(report.total).toBe(3);
    expect(report.invalid).toBe(1);
    expect(report.top[0]).toEqual({
      question: "Con meo bi lac",
      count: 2,
      lastAt: "2026-11-20T10:00:00.000Z",
    });
    expect(report.entries.map((item) => item.at)).toEqual([
      "2026-11-19T10:00:00.000Z",
      "2026-11-20T10:00:00.000Z",
      "2026-11-21T10:00:00.000Z",
    ]);
    const text = formatUnansweredReport(report);
    expect(text).toContain("Unanswered questions: 3");
    expect(text).toContain("   2 × Con meo bi lac");
    expect(text).toContain("2026-11-21T10:00:00.000Z  vi  1.000045  giấy phép nuôi chó");
    expect(text).toContain("1 damaged entries skipped.");
  });

  it("filters by date and says when there is nothing", async () => {
    const report = await buildUnansweredReport(from([entry("2026-10-01T00:00:00.000Z", "cũ")]), {
      since: "2026-11-01",
    });
    expect(report.total).toBe(0);
    expect(formatUnansweredReport(report)).toBe("No unanswered questions recorded.");
  });
});
