/** POST/GET/DELETE /api/broadcasts through the real server and the staff API's bearer auth, with real delivery. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastRoutes } from "../../src/http/broadcast-routes.ts";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { createStaffApi } from "../../src/http/staff-api.ts";
import { deliveredTelegram, silent, type World, world } from "../broadcast/support.ts";

const TOKEN = "bbbbbbbbbbbbbbbb0123456789abcdef";
const auth = { Authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.close();
});

function app() {
  const broadcasting = w.build();
  const http = createHttpServer({
    logger: silent,
    health: {
      catalogue: () => ({ procedures: 1, version: "v" }),
      storage: async () => true,
      channels: () => ({}),
    },
  });
  const api = createStaffApi(TOKEN);
  api.route("/broadcasts", broadcastRoutes({ service: broadcasting.service, report: broadcasting.report }));
  http.mount("/api", api);
  return { http: http.app, broadcasting };
}

describe("/api/broadcasts", () => {
  it("creates a broadcast (default all topics), delivers it, and reports its counts", async () => {
    for (let i = 1; i <= 4; i++) await w.addSubscriber(`telegram:${i}`, i === 4 ? ["land"] : ["reform"]);
    const { http, broadcasting } = app();
    await broadcasting.runner.start();
    const res = await http.request("/api/broadcasts", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        text: "Từ 15/12, nộp hồ sơ đất đai trực tuyến.",
        link: "https://dichvucong.gov.vn",
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(res.headers.get("location")).toBe(`/api/broadcasts/${id}`);
    await w.telegram.waitForCalls("sendMessage", 4);
    let status: Record<string, unknown> = {};
    for (let i = 0; i < 40 && status.status !== "done"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await (await http.request(`/api/broadcasts/${id}`, { headers: auth })).json()) as never;
    }
    expect(status).toMatchObject({ status: "done", total: 4, sent: 4, failed: 0, blocked: 0, remaining: 0 });
    expect(deliveredTelegram(w.telegram).size).toBe(4);
    expect(String(w.telegram.callsOf("sendMessage")[0]?.params.text)).toContain(
      'href="https://dichvucong.gov.vn"',
    );
  });

  it("sends only to the topics given, and schedules with `at`", async () => {
    await w.addSubscriber("telegram:1", ["tax"]);
    await w.addSubscriber("telegram:2", ["civil"]);
    const { http, broadcasting } = app();
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const res = await http.request("/api/broadcasts", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ text: "Hộ kinh doanh: hạn nộp thuế quý IV.", topics: ["tax"], at }),
    });
    const { id } = (await res.json()) as { id: string };
    const scheduled = await (await http.request(`/api/broadcasts/${id}`, { headers: auth })).json();
    expect(scheduled).toMatchObject({ status: "scheduled", topics: ["tax"], sendAt: at, total: 0 });
    // Delivered directly (the schedule is the runner's business, tested elsewhere).
    await broadcasting.deliver(id);
    expect([...deliveredTelegram(w.telegram).keys()]).toEqual([1]);
    const cancelled = await http.request(`/api/broadcasts/${id}`, { method: "DELETE", headers: auth });
    expect(await cancelled.json()).toMatchObject({ status: "done" });
  });

  it("refuses bad input with what to fix, unknown ids with 404, and anyone without the token", async () => {
    const { http } = app();
    const post = (body: string, headers: Record<string, string> = auth) =>
      http.request("/api/broadcasts", { method: "POST", headers, body });
    const cases: [string, RegExp][] = [
      ["{", /JSON body/],
      [JSON.stringify({}), /text/],
      [JSON.stringify({ text: "   " }), /text: must not be empty/],
      [JSON.stringify({ text: "x".repeat(3001) }), /text/],
      [
        JSON.stringify({ text: "ok", topics: ["weather"] }),
        /topics\.0: must be one of reform, civil, land, tax, schedule/,
      ],
      [JSON.stringify({ text: "ok", link: "javascript:alert(1)" }), /link: must be an https/],
      [JSON.stringify({ text: "ok", at: "tomorrow" }), /at/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, body.slice(0, 40)).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(message);
    }
    expect((await http.request("/api/broadcasts/999", { headers: auth })).status).toBe(404);
    expect((await http.request("/api/broadcasts/abc", { headers: auth })).status).toBe(404);
    expect((await post(JSON.stringify({ text: "ok" }), { "content-type": "application/json" })).status).toBe(
      401,
    );
  });
});
