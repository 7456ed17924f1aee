import { describe, expect, it } from "vitest";
import type { HelpfulnessVote, UnansweredQuestion } from "../../src/core/records.ts";
import { insightsRoutes } from "../../src/http/insights-routes.ts";
import { createStaffApi } from "../../src/http/staff-api.ts";
import { MemoryLog } from "../core/support.ts";

const TOKEN = "insights-token-0123456789abcdef";
const NOW = Date.parse("2026-12-03T10:00:00.000Z");

function build() {
  const unanswered = new MemoryLog<UnansweredQuestion>();
  const votes = new MemoryLog<HelpfulnessVote>();
  const api = createStaffApi(TOKEN);
  api.route(
    "/insights",
    insightsRoutes({
      sources: { unanswered, votes },
      procedureName: (code) => (code === "1.001193" ? "Đăng ký khai sinh" : undefined),
      clock: { now: () => NOW },
    }),
  );
  return { api, unanswered, votes };
}
const auth = { Authorization: `Bearer ${TOKEN}` };

describe("GET /api/insights", () => {
  it("answers the questions nothing fitted and the ratings of the last days, as JSON", async () => {
    const { api, unanswered, votes } = build();
    await unanswered.append({
      at: "2026-12-02T09:00:00.000Z",
      question: "giá vàng hôm nay",
      addressHash: "h",
      candidates: [],
      locale: "vi",
    });
    await votes.append({
      at: "2026-12-02T09:00:00.000Z",
      code: "1.001193",
      vote: "down",
      decision: "answer",
      score: 1,
    });
    const res = await api.request("/insights?days=3", { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      days: 3,
      since: "2026-11-30T10:00:00.000Z",
      unanswered: {
        total: 1,
        top: [{ question: "giá vàng hôm nay", count: 1, lastAt: "2026-12-02T09:00:00.000Z" }],
      },
      votes: { up: 0, down: 1, disliked: [{ code: "1.001193", name: "Đăng ký khai sinh", up: 0, down: 1 }] },
    });
  });

  it("refuses a bad number of days with what to fix, and anyone without the token", async () => {
    const { api } = build();
    const bad = await api.request("/insights?days=0", { headers: auth });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ message: expect.stringContaining("1 to 366") });
    expect((await api.request("/insights")).status).toBe(401);
    expect((await api.request("/insights", { headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
  });
});
