/** The draft labelled-questions file made from the unanswered report (unanswered-questions-yaml.ts). */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { questionsFile } from "../../src/catalogue/schema.ts";
import { unansweredQuestionsYaml } from "../../src/core/unanswered-questions-yaml.ts";
import type { UnansweredReport } from "../../src/core/unanswered-report.ts";

const report = (questions: string[]): UnansweredReport => ({
  total: questions.length,
  invalid: 0,
  top: questions.map((question, i) => ({ question, count: 3 - i, lastAt: "2026-12-01T08:00:00.000Z" })),
  entries: [],
});

describe("unansweredQuestionsYaml", () => {
  it("lists the most asked questions exactly as asked, however they are written", () => {
    const questions = ['xin giấy "phép" bắn pháo hoa: ở đâu?', "# ad ơi \\ cho em hỏi", "- [a] {b}: c"];
    const text = unansweredQuestionsYaml(report(questions));
    const draft = parse(text) as { items: { q: string; codes: string[] }[] };
    expect(draft.items.map((i) => i.q)).toEqual(questions);
    expect(text).toContain("# asked 3 ×, last 2026-12-01");
  });

  it("is refused by the catalogue until every question has its codes (or [])", () => {
    const text = unansweredQuestionsYaml(report(["xin giấy phép bắn pháo hoa", "giá vàng hôm nay"]));
    expect(questionsFile.safeParse(parse(text)).success).toBe(false);
    const filled = text.replace('codes: ["?"]', 'codes: ["1.001193"]').replace('codes: ["?"]', "codes: []");
    expect(questionsFile.safeParse(parse(filled)).success).toBe(true);
  });

  it("gives an empty list when nothing was left unanswered", () => {
    expect(parse(unansweredQuestionsYaml(report([])))).toEqual({ items: [] });
  });
});
