/**
 * The Open311 GeoReport v2 subset over real HTTP (the server on 127.0.0.1, real SQLite and the real
 * ticket service): services, search, one request, creation (form-encoded and JSON), api_key checks,
 * GeoReport's error format, and anonymity.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ticketCategories } from "../../src/tickets/ticket.ts";
import { submission } from "../tickets/support.ts";
import { type HotlineHttp, STAFF_CHAT, startHotlineHttp, T0, TOKEN } from "./hotline-support.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked field by field by the assertions
type Json = any;
let h: HotlineHttp;
beforeEach(async () => {
  h = await startHotlineHttp();
});
afterEach(async () => {
  await h.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.base}/open311/v2/${path}`, { headers });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Json };
}

async function post(path: string, body: string, type: string) {
  const res = await fetch(`${h.base}/open311/v2/${path}`, {
    method: "POST",
    headers: { "Content-Type": type },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Json };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const key = `api_key=${TOKEN}`;

function expectError(res: { status: number; body: unknown }, code: number, description: RegExp) {
  expect(res.status).toBe(code);
  expect(res.body).toEqual([{ code, description: expect.stringMatching(description) }]);
}

describe("services.json", () => {
  it("lists the feedback categories, in the GeoReport fields", async () => {
    const res = await get("services.json");
    expect(res.status).toBe(200);
    expect(res.body.map((s: { service_code: string }) => s.service_code)).toEqual([...ticketCategories]);
    expect(res.body[0]).toEqual({
      service_code: "thai_do",
      service_name: "Thái độ cán bộ",
      description: "Thái độ cán bộ",
      metadata: false,
      type: "realtime",
      keywords: "",
      group: "",
    });
  });

  it("serves JSON only and answers unknown paths in the GeoReport error format", async () => {
    expectError(await get("services.xml"), 400, /JSON/);
    expectError(await get(`requests.xml?${key}`), 400, /JSON/);
    expectError(await get("nothing.json"), 404, /services.json/);
    expectError(await get("a/b/c"), 404, /Not found/);
  });
});

describe("requests.json", () => {
  it("needs api_key to read: none or a wrong one gets 403", async () => {
    await h.service.create(submission());
    expectError(await get("requests.json"), 403, /api_key/);
    expectError(await get(`requests.json?api_key=${TOKEN}x`), 403, /api_key/);
    expectError(await get("requests/PA-2611-0001.json?api_key=wrong"), 403, /api_key/);
    // The bearer header works too.
    expect((await get("requests.json", { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it("lists requests with GeoReport fields and filters by service_code, status and dates", async () => {
    const late = await h.service.create(submission());
    h.clock.advance(24 * 60 * 60 * 1000);
    const rude = await h.service.create(submission({ category: "thai_do", contact: { kind: "anonymous" } }));
    await h.service.answer(rude.code, "Chúng tôi đã nhắc nhở cán bộ.", { kind: "api" });
    await h.service.close(rude.code, { kind: "api" });

    const all = await get(`requests.json?${key}`);
    expect(all.status).toBe(200);
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      rude.code,
      late.code,
    ]);
    expect(all.body[1]).toEqual({
      service_request_id: late.code,
      status: "open",
      status_notes: "Mới gửi",
      service_name: "Hồ sơ trễ hẹn",
      service_code: "tre_han",
      description: late.description,
      agency_responsible: null,
      service_notice: "Hạn trả lời: 01/12/2026",
      requested_datetime: "2026-11-26T09:00:00+07:00",
      updated_datetime: "2026-11-26T09:00:00+07:00",
      expected_datetime: "2026-12-01T23:59:59+07:00",
      address: null,
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    });
    expect(all.body[0]).toMatchObject({ status: "closed", status_notes: "Chúng tôi đã nhắc nhở cán bộ." });

    const ids = (q: string) =>
      get(`requests.json?${key}&${q}`).then((r) =>
        r.body.map((x: { service_request_id: string }) => x.service_request_id),
      );
    expect(await ids("service_code=thai_do")).toEqual([rude.code]);
    expect(await ids("service_code=thai_do,tre_han")).toEqual([rude.code, late.code]);
    expect(await ids("status=open")).toEqual([late.code]);
    expect(await ids("status=closed")).toEqual([rude.code]);
    expect(await ids("status=open,closed")).toEqual([rude.code, late.code]);
    expect(await ids("start_date=2026-11-27T00:00:00%2B07:00")).toEqual([rude.code]);
    expect(await ids("end_date=2026-11-26")).toEqual([late.code]);
    expect(await ids(`service_request_id=${late.code},PA-2611-9999,junk`)).toEqual([late.code]);
    // Without dates: the last 90 days only.
    h.clock.time = T0 + 100 * 24 * 60 * 60 * 1000;
    expect(await ids("")).toEqual([]);
    expect(await ids("start_date=2026-11-01")).toEqual([rude.code, late.code]);
  });

  it("answers 400 with GeoReport errors for bad filters", async () => {
    expectError(await get(`requests.json?${key}&status=pending`), 400, /status must be open or closed/);
    expectError(await get(`requests.json?${key}&service_code=roads`), 400, /service_code must be one of/);
    expectError(await get(`requests.json?${key}&start_date=soon`), 400, /start_date must be a date/);
    expectError(
      await get(`requests.json?${key}&start_date=2026-12-01&end_date=2026-11-01`),
      400,
      /before end_date/,
    );
  });

  it("reads one request as a one-element array, and 404s an unknown one", async () => {
    const ticket = await h.service.create(submission());
    const one = await get(`requests/${ticket.code}.json?${key}`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    expect(one.body[0]).toMatchObject({ service_request_id: ticket.code, status: "open" });
    expectError(await get(`requests/PA-2611-9999.json?${key}`), 404, /PA-2611-9999/);
    expectError(await get(`requests/nonsense.json?${key}`), 404, /nonsense/);
    expectError(await get(`requests/${ticket.code}.xml?${key}`), 400, /JSON/);
  });
});

describe("POST requests.json", () => {
  it("creates a ticket from a form-encoded request, through the service (staff card and all)", async () => {
    const res = await post(
      "requests.json",
      form({
        api_key: TOKEN,
        service_code: "nhung_nhieu",
        description: "Tôi bị yêu cầu bổ sung giấy xác nhận cư trú ba lần cho cùng một hồ sơ.",
        phone: "+84 912 345 678",
        first_name: "Nguyễn",
        last_name: "Văn A",
        email: "a@example.com",
        lat: "21.0278",
        long: "105.8342",
      }),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^PA-2611-\d{4}$/),
        service_notice: expect.stringMatching(/^Hạn trả lời: \d{2}\/\d{2}\/2026$/),
        account_id: null,
      },
    ]);
    const code = res.body[0].service_request_id;
    const stored = (await h.service.get(code))?.ticket;
    expect(stored).toMatchObject({
      category: "nhung_nhieu",
      status: "new",
      contact: { kind: "phone", phone: "0912345678" },
    });
    // Names and e-mail are not kept (the minimum data).
    expect(JSON.stringify(stored)).not.toMatch(/Nguyễn|Văn A|example\.com/);
    const [card] = await h.telegram.waitForCalls("sendMessage", 1);
    expect(String(card?.params.chat_id)).toBe(STAFF_CHAT.slice("telegram:".length));
    expect(String(card?.params.text)).toContain(code);
    // It can be read back over Open311.
    expect((await get(`requests/${code}.json?${key}`)).body[0].service_code).toBe("nhung_nhieu");
  });

  it("creates an anonymous ticket from JSON; its identity appears nowhere in Open311", async () => {
    const res = await post(
      "requests.json",
      JSON.stringify({
        api_key: TOKEN,
        service_code: "kien_nghi",
        description: "Đề nghị mở thêm quầy một cửa buổi sáng thứ bảy.",
      }),
      "application/json",
    );
    expect(res.status).toBe(201);
    const code = res.body[0].service_request_id;
    const stored = (await h.service.get(code))?.ticket;
    expect(stored?.contact).toEqual({ kind: "anonymous" });
    const citizen = stored!.citizen.address;
    const anonymousChat = await h.service.create(
      submission({
        contact: { kind: "anonymous" },
        citizen: { address: "zalo:anon-citizen-42", locale: "vi" },
      }),
    );
    for (const path of [
      `requests.json?${key}`,
      `requests/${code}.json?${key}`,
      `requests/${anonymousChat.code}.json?${key}`,
    ]) {
      const { text } = await get(path);
      expect(text).not.toContain(citizen);
      expect(text).not.toContain("anon-citizen-42");
      expect(text).not.toContain("zalo:");
      expect(text).not.toContain("0912345678");
    }
  });

  it("refuses a missing or wrong api_key with 403 and creates nothing", async () => {
    const fields = { service_code: "khac", description: "Nội dung thử." };
    expectError(
      await post("requests.json", form(fields), "application/x-www-form-urlencoded"),
      403,
      /api_key/,
    );
    expectError(
      await post(
        "requests.json",
        form({ ...fields, api_key: "not-the-token-000000000000" }),
        "application/x-www-form-urlencoded",
      ),
      403,
      /api_key/,
    );
    expectError(
      await post(
        "requests.json",
        JSON.stringify({ ...fields, api_key: TOKEN.toUpperCase() }),
        "application/json",
      ),
      403,
      /api_key/,
    );
    expect(await h.service.list()).toEqual([]);
  });

  it("answers 400 with what is wrong for bad requests, and creates nothing", async () => {
    const cases: [string, string, RegExp][] = [
      [
        form({ api_key: TOKEN, description: "Thiếu loại" }),
        "application/x-www-form-urlencoded",
        /service_code is required/,
      ],
      [
        form({ api_key: TOKEN, service_code: "potholes", description: "x" }),
        "application/x-www-form-urlencoded",
        /service_code/,
      ],
      [form({ api_key: TOKEN, service_code: "khac" }), "application/x-www-form-urlencoded", /description/],
      [
        form({ api_key: TOKEN, service_code: "khac", description: "   " }),
        "application/x-www-form-urlencoded",
        /must not be empty/,
      ],
      [
        form({ api_key: TOKEN, service_code: "khac", description: "x".repeat(4001) }),
        "application/x-www-form-urlencoded",
        /at most 4000/,
      ],
      [
        form({ api_key: TOKEN, service_code: "khac", description: "Nội dung", phone: "12345" }),
        "application/x-www-form-urlencoded",
        /Vietnamese phone/,
      ],
      ['{"api_key":', "application/json", /form-encoded .* or JSON/],
      [`api_key=${TOKEN}`, "text/plain", /form-encoded .* or JSON/],
    ];
    for (const [body, type, message] of cases) {
      const res = await post("requests.json", body, type);
      expect(res.status, body.slice(0, 60)).toBe(400);
      expect(res.body[0].description, body.slice(0, 60)).toMatch(message);
    }
    expect(await h.service.list()).toEqual([]);
    expectError(
      await post("requests.xml", form({ api_key: TOKEN }), "application/x-www-form-urlencoded"),
      400,
      /JSON/,
    );
  });

  it("is off with a GeoReport 503 when API_TOKEN is unset", async () => {
    const off = await startHotlineHttp({ apiToken: null });
    try {
      const res = await fetch(`${off.base}/open311/v2/services.json`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual([{ code: 503, description: expect.stringMatching(/API_TOKEN/) }]);
    } finally {
      await off.close();
    }
  });
});
