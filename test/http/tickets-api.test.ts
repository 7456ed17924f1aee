/**
 * The staff ticket API over real HTTP (the server on 127.0.0.1, real SQLite, the real ticket
 * service and notifier; the citizen's answer goes out through the Telegram Bot API stand-in).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Ticket } from "../../src/tickets/ticket.ts";
import { submission } from "../tickets/support.ts";
import { type HotlineHttp, startHotlineHttp, T0, TOKEN } from "./hotline-support.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked field by field by the assertions
type Json = any;
let h: HotlineHttp;
beforeEach(async () => {
  h = await startHotlineHttp();
});
afterEach(async () => {
  await h.close();
});

const auth = { Authorization: `Bearer ${TOKEN}` };

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
  const res = await fetch(`${h.base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...auth,
      ...(init.body !== undefined && { "Content-Type": "application/json" }),
      ...init.headers,
    },
    ...(init.body !== undefined && {
      body: typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    }),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, headers: res.headers, text };
}

async function seed(): Promise<{ phone: Ticket; anonymous: Ticket; other: Ticket }> {
  const phone = await h.service.create(submission());
  h.clock.advance(60_000);
  const anonymous = await h.service.create(
    submission({
      category: "thai_do",
      contact: { kind: "anonymous" },
      citizen: { address: "zalo:citizen-anon-77", locale: "vi" },
      description: "Cán bộ một cửa nói năng thiếu lịch sự khi tôi hỏi về hồ sơ.",
    }),
  );
  h.clock.advance(60_000);
  const other = await h.service.create(submission({ category: "kien_nghi" }));
  return { phone, anonymous, other };
}

describe("authentication", () => {
  it("refuses no token and a wrong token with 401, before revealing anything", async () => {
    const { phone } = await seed();
    for (const headers of [
      { Authorization: "" },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Basic ${TOKEN}` },
    ]) {
      const list = await call("/api/tickets", { headers });
      expect(list.status).toBe(401);
      expect(list.body).toMatchObject({ error: "unauthorized" });
      const one = await call(`/api/tickets/${phone.code}`, { headers });
      expect(one.status).toBe(401);
      const change = await call(`/api/tickets/${phone.code}/answer`, { headers, body: { text: "Xin chào" } });
      expect(change.status).toBe(401);
      expect(change.text).not.toContain(phone.code);
    }
    expect((await h.service.get(phone.code))?.ticket.answers).toEqual([]);
  });

  it("is off with 503 when API_TOKEN is unset", async () => {
    const off = await startHotlineHttp({ apiToken: null });
    try {
      const res = await fetch(`${off.base}/api/tickets`, { headers: auth });
      expect(res.status).toBe(503);
    } finally {
      await off.close();
    }
  });

  it("refuses a caller naming someone who is not staff (403), and changes nothing", async () => {
    const { phone } = await seed();
    for (const id of ["telegram:9999", "zalo:someone", "console:local", "7001", "telegram:"]) {
      const res = await call(`/api/tickets/${phone.code}/status`, {
        headers: { "X-Staff-Id": id },
        body: { status: "in_progress" },
      });
      expect(res.status, id).toBe(403);
      expect(res.body).toMatchObject({ error: "forbidden" });
    }
    const take = await call(`/api/tickets/${phone.code}/take`, { body: {} });
    expect(take.status).toBe(403);
    const stored = await h.service.get(phone.code);
    expect(stored?.ticket.status).toBe("new");
    expect(stored?.ticket.history).toHaveLength(1);
  });
});

describe("reading", () => {
  it("lists newest first with filters and paging", async () => {
    const { phone, anonymous, other } = await seed();
    const all = await call("/api/tickets");
    expect(all.status).toBe(200);
    expect(all.body.tickets.map((t: { code: string }) => t.code)).toEqual([
      other.code,
      anonymous.code,
      phone.code,
    ]);
    expect(all.body.nextOffset).toBeNull();

    const page1 = await call("/api/tickets?limit=2");
    expect(page1.body.tickets).toHaveLength(2);
    expect(page1.body.nextOffset).toBe(2);
    const page2 = await call("/api/tickets?limit=2&offset=2");
    expect(page2.body.tickets.map((t: { code: string }) => t.code)).toEqual([phone.code]);
    expect(page2.body.nextOffset).toBeNull();

    expect(
      (await call("/api/tickets?category=thai_do")).body.tickets.map((t: { code: string }) => t.code),
    ).toEqual([anonymous.code]);
    await h.service.answer(other.code, "Cảm ơn góp ý của bạn.", { kind: "api" });
    const open = await call("/api/tickets?status=new,received");
    expect(open.body.tickets.map((t: { code: string }) => t.code)).toEqual([anonymous.code, phone.code]);

    // Date range: the tickets were created a minute apart on 26/11 (Vietnam time).
    const from = new Date(T0 + 30_000).toISOString();
    const to = new Date(T0 + 90_000).toISOString();
    const range = await call(`/api/tickets?from=${from}&to=${to}`);
    expect(range.body.tickets.map((t: { code: string }) => t.code)).toEqual([anonymous.code]);
    expect((await call("/api/tickets?from=2026-11-26&to=2026-11-26")).body.tickets).toHaveLength(3);
    expect((await call("/api/tickets?from=2026-11-27")).body.tickets).toHaveLength(0);

    // Overdue: tre_han is due in 3 working days (01/12), thai_do in 5 (03/12).
    h.clock.time = Date.parse("2026-12-02T09:00:00+07:00");
    const overdue = await call("/api/tickets?overdue=true");
    expect(overdue.body.tickets.map((t: { code: string }) => t.code)).toEqual([phone.code]);
  });

  it("answers 400 with what is wrong for bad query strings", async () => {
    const cases: [string, RegExp][] = [
      ["status=waiting", /status/],
      ["category=roads", /category/],
      ["overdue=yes", /overdue must be true or false/],
      ["limit=0", /limit must be between 1 and 200/],
      ["limit=abc", /limit must be a whole number/],
      ["offset=-1", /offset/],
      ["from=2026-02-30", /not a real date/],
      ["from=yesterday", /from must be a date/],
      ["from=2026-11-27&to=2026-11-26", /from must be before to/],
      ["statuss=new", /unknown field/],
    ];
    for (const [query, message] of cases) {
      const res = await call(`/api/tickets?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toBe("bad request");
      expect(res.body.message, query).toMatch(message);
    }
  });

  it("reads one ticket with its history and version, and 404s an unknown one", async () => {
    const { phone } = await seed();
    await h.service.take(phone.code, {
      kind: "staff",
      channel: "telegram",
      userId: "7001",
      role: "operator",
    });
    const res = await call(`/api/tickets/${phone.code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(res.body.ticket).toMatchObject({ code: phone.code, status: "received", phone: "0912345678" });
    expect(res.body.ticket.history.map((e: { action: string; by: string }) => [e.action, e.by])).toEqual([
      ["created", "citizen"],
      ["take", "staff:telegram:7001"],
    ]);
    expect(res.text).not.toContain("telegram:5550001");

    expect((await call("/api/tickets/PA-2611-9999")).status).toBe(404);
    expect((await call("/api/tickets/PA-2611-9999")).body).toMatchObject({ error: "not found" });
    const bad = await call("/api/tickets/not-a-code");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/PA-2611-0042/);
  });

  it("never shows an anonymous citizen's identity, in the list or the ticket, after answers too", async () => {
    const { anonymous } = await seed();
    await call(`/api/tickets/${anonymous.code}/answer`, { body: { text: "Chúng tôi đã nhắc nhở cán bộ." } });
    const list = await call("/api/tickets");
    const one = await call(`/api/tickets/${anonymous.code}`);
    const view = list.body.tickets.find((t: { code: string }) => t.code === anonymous.code);
    expect(view).toMatchObject({ anonymous: true, phone: null });
    for (const text of [JSON.stringify(view), one.text]) {
      expect(text).not.toContain("citizen-anon-77");
      expect(text).not.toContain("zalo:");
      expect(text).not.toContain("address");
      expect(text).not.toContain("outbox");
    }
  });
});

describe("changing", () => {
  it("answers a ticket: recorded as the API, and the answer reaches the citizen's chat", async () => {
    const { phone } = await seed();
    // The three staff cards first (each new ticket kicks the notifier).
    await h.telegram.waitForCalls("sendMessage", 3);
    h.telegram.clear();
    const res = await call(`/api/tickets/${phone.code}/answer`, {
      body: { text: "Hồ sơ của bạn đã có kết quả, mời bạn đến nhận tại bộ phận một cửa." },
    });
    expect(res.status).toBe(200);
    expect(res.body.ticket.status).toBe("answered");
    expect(res.body.version).toBe(2);
    expect(res.body.ticket.history.at(-1)).toMatchObject({ action: "answer", by: "api", to: "answered" });
    const [sent] = await h.telegram.waitForCalls("sendMessage", 1);
    expect(sent?.params.chat_id).toBe(5550001);
    expect(String(sent?.params.text)).toContain("Hồ sơ của bạn đã có kết quả");
    expect(String(sent?.params.text)).toContain(phone.code);
    // A version-checked answer reaches the citizen too.
    const checked = await call(`/api/tickets/${phone.code}/answer`, {
      headers: { "If-Match": '"2"' },
      body: { text: "Bổ sung: bộ phận một cửa làm việc cả sáng thứ bảy." },
    });
    expect(checked.status).toBe(200);
    const calls = await h.telegram.waitForCalls("sendMessage", 2);
    expect(calls[1]?.params.chat_id).toBe(5550001);
    expect(String(calls[1]?.params.text)).toContain("sáng thứ bảy");
  });

  it("changes the status, as a named staff member, and refuses what the status does not allow", async () => {
    const { phone } = await seed();
    const res = await call(`/api/tickets/${phone.code}/status`, {
      headers: { "X-Staff-Id": "telegram:7001" },
      body: { status: "in_progress", note: "Đã chuyển bộ phận tư pháp" },
    });
    expect(res.status).toBe(200);
    expect(res.body.ticket.history.at(-1)).toMatchObject({
      action: "status",
      by: "staff:telegram:7001",
      from: "new",
      to: "in_progress",
      note: "Đã chuyển bộ phận tư pháp",
    });
    const closed = await call(`/api/tickets/${phone.code}/status`, { body: { status: "closed" } });
    expect(closed.status).toBe(200);
    const again = await call(`/api/tickets/${phone.code}/status`, { body: { status: "received" } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: "wrong status", status: "closed", allowedStatuses: [] });
    const answer = await call(`/api/tickets/${phone.code}/answer`, { body: { text: "Muộn rồi" } });
    expect(answer.status).toBe(409);
  });

  it("takes a ticket for a staff member; a second operator is refused, a supervisor may take over", async () => {
    const { phone } = await seed();
    const take = await call(`/api/tickets/${phone.code}/take`, {
      headers: { "X-Staff-Id": "telegram:7001" },
      body: {},
    });
    expect(take.status).toBe(200);
    expect(take.body.ticket).toMatchObject({ status: "received", assignee: { userId: "7001" } });
    const zalo = await call(`/api/tickets/${phone.code}/take`, {
      method: "POST",
      headers: { "X-Staff-Id": "zalo:zalostaff1" },
    });
    expect(zalo.status).toBe(409);
    expect(zalo.body.error).toBe("taken");
    const over = await call(`/api/tickets/${phone.code}/take`, {
      method: "POST",
      headers: { "X-Staff-Id": "telegram:7002" },
    });
    expect(over.status).toBe(200);
    expect(over.body.ticket.assignee.userId).toBe("7002");
  });

  it("answers 400 with what is wrong for bad bodies, and changes nothing", async () => {
    const { phone } = await seed();
    const cases: [string, unknown, RegExp][] = [
      ["answer", "{not json", /must be JSON/],
      ["answer", {}, /text/],
      ["answer", { text: "   " }, /text must not be empty/],
      ["answer", { text: "x".repeat(4001) }, /at most 4000/],
      ["answer", { text: 42 }, /text/],
      ["answer", { text: "ok", extra: 1 }, /unknown field: extra/],
      ["answer", { text: "ok", version: "one" }, /version/],
      ["status", { status: "answered" }, /answered comes with an answer/],
      ["status", { status: "reopened" }, /reopened is the citizen's/],
      ["status", {}, /status/],
      ["status", { status: "closed", note: "" }, /note/],
      ["answer", [1, 2], /expected object/i],
    ];
    for (const [action, body, message] of cases) {
      const res = await call(`/api/tickets/${phone.code}/${action}`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(message);
    }
    const badMatch = await call(`/api/tickets/${phone.code}/answer`, {
      headers: { "If-Match": "latest" },
      body: { text: "ok" },
    });
    expect(badMatch.status).toBe(400);
    const disagree = await call(`/api/tickets/${phone.code}/answer`, {
      headers: { "If-Match": '"1"' },
      body: { text: "ok", version: 2 },
    });
    expect(disagree.status).toBe(400);
    expect((await call("/api/tickets/PA-2611-9999/answer", { body: { text: "ok" } })).status).toBe(404);
    expect(
      (await call("/api/tickets/PA-2611-9999/answer", { body: { text: "ok", version: 1 } })).status,
    ).toBe(404);
    expect((await h.service.get(phone.code))?.ticket.history).toHaveLength(1);
  });

  it("refuses with 409 a change made against a version someone else has changed since", async () => {
    const { phone } = await seed();
    const read = await call(`/api/tickets/${phone.code}`);
    const seen = read.headers.get("etag")!;
    // A colleague acts in the staff chat meanwhile.
    await h.service.take(phone.code, {
      kind: "staff",
      channel: "telegram",
      userId: "7002",
      role: "supervisor",
    });
    const late = await call(`/api/tickets/${phone.code}/answer`, {
      headers: { "If-Match": seen },
      body: { text: "Câu trả lời dựa trên bản cũ" },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "version conflict", currentVersion: 2 });
    expect((await h.service.get(phone.code))?.ticket.answers).toEqual([]);

    // With the fresh version it goes through; the same version twice conflicts the second time.
    const fresh = await call(`/api/tickets/${phone.code}/answer`, {
      body: { text: "Câu trả lời mới", version: 2 },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(3);
    expect(fresh.headers.get("etag")).toBe('"3"');
    const twice = await call(`/api/tickets/${phone.code}/status`, { body: { status: "closed", version: 2 } });
    expect(twice.status).toBe(409);

    // Two answers racing on the same version: exactly one wins.
    const results = await Promise.all(
      ["Trả lời A", "Trả lời B"].map((text) =>
        call(`/api/tickets/${phone.code}/answer`, { headers: { "If-Match": '"3"' }, body: { text } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await h.service.get(phone.code))?.ticket.answers).toHaveLength(2);
  });
});
