/**
 * /cauhoi through the real staff desk: staff get the unanswered questions and the 👍/👎 summary
 * of the last days; anyone else gets nothing of it.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/model.ts";
import type { HelpfulnessVote, UnansweredQuestion } from "../../src/core/records.ts";
import { createStaffDesk, type StaffEvent } from "../../src/staff/desk.ts";
import { createStaffDirectory } from "../../src/staff/directory.ts";
import { insightsCapability } from "../../src/staff/insights-capability.ts";
import { MemoryLog } from "../core/support.ts";
import { captureLogs } from "../support/telegram-harness.ts";

const NOW = Date.parse("2026-12-03T10:00:00.000Z");
const daysAgo = (d: number) => new Date(NOW - d * 24 * 3600_000).toISOString();

function build() {
  const unanswered = new MemoryLog<UnansweredQuestion>();
  const votes = new MemoryLog<HelpfulnessVote>();
  const desk = createStaffDesk({
    directory: createStaffDirectory({ telegram: [{ id: "111", role: "operator" }], zalo: [] }),
    logger: captureLogs().logger,
    locale: "vi",
    clock: { now: () => NOW },
  });
  const names: Record<string, string> = { "1.004222": "Đăng ký thường trú" };
  desk.register(insightsCapability({ sources: { unanswered, votes }, procedureName: (code) => names[code] }));
  return { desk, unanswered, votes };
}

const command = (userId: string, args = ""): StaffEvent => ({
  channel: "telegram",
  address: "telegram:-4000001",
  place: "staff-chat",
  receivedAt: NOW,
  userId,
  kind: "command",
  command: "cauhoi",
  args,
});

const textOf = (replies: Reply[]) =>
  replies
    .flatMap((r) =>
      r.kind === "message"
        ? r.blocks.map((b) => ("text" in b ? b.text : "items" in b ? b.items.join("\n") : ""))
        : [],
    )
    .join("\n");

const question = (text: string, at: string): UnansweredQuestion => ({
  at,
  question: text,
  addressHash: "h",
  candidates: [],
  locale: "vi",
});

describe("/cauhoi at the staff desk", () => {
  it("lists the unanswered questions of the last 7 days, most asked first, and the 👍/👎 with the most disliked procedure", async () => {
    const { desk, unanswered, votes } = build();
    await unanswered.append(question("giá vàng hôm nay", daysAgo(1)));
    await unanswered.append(question("Giá vàng hôm nay", daysAgo(2)));
    await unanswered.append(question("lãi suất ngân hàng", daysAgo(3)));
    await unanswered.append(question("câu hỏi cũ", daysAgo(20)));
    await votes.append({ at: daysAgo(1), code: "1.004222", vote: "down", decision: "answer", score: 1 });
    await votes.append({ at: daysAgo(1), code: "1.001193", vote: "up", decision: "answer", score: 1 });

    const outcome = await desk.handle(command("111"));
    expect(outcome.kind).toBe("handled");
    const text = textOf(outcome.kind === "handled" ? outcome.replies : []);
    expect(text).toContain("Trong 7 ngày qua");
    expect(text).toContain("Câu hỏi trợ lý chưa trả lời được: 3.");
    expect(text.indexOf("2 lần: giá vàng hôm nay")).toBeLessThan(text.indexOf("1 lần: lãi suất ngân hàng"));
    expect(text).not.toContain("câu hỏi cũ");
    expect(text).toContain("👍 1, 👎 1");
    expect(text).toContain("1.004222 Đăng ký thường trú: 👎 1, 👍 0");

    const month = await desk.handle(command("111", "30"));
    expect(textOf(month.kind === "handled" ? month.replies : [])).toContain("câu hỏi cũ");
  });

  it("says so when there is nothing, refuses a bad number of days, and gives non-staff nothing", async () => {
    const { desk } = build();
    const empty = await desk.handle(command("111"));
    const text = textOf(empty.kind === "handled" ? empty.replies : []);
    expect(text).toContain("Không có câu hỏi nào trợ lý chưa trả lời được.");
    expect(text).toContain("Chưa có đánh giá 👍/👎 nào.");
    for (const bad of ["0", "abc", "9999", "-3"]) {
      const refused = await desk.handle(command("111", bad));
      expect(textOf(refused.kind === "handled" ? refused.replies : [])).toContain(
        "Số ngày phải là số nguyên",
      );
    }
    const stranger = await desk.handle(command("999"));
    expect(stranger.kind).toBe("refused");
    expect(textOf(stranger.kind === "refused" ? stranger.replies : [])).not.toContain("Trong 7 ngày qua");
  });
});
