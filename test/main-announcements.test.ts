/**
 * Reform announcements through the whole app (startApp): citizens subscribe on Telegram and on
 * Zalo (polling both stand-ins), staff post through /api/broadcasts with the token, both receive
 * it once, and the API reports the counts.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { type App, startApp } from "../src/main.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "./support/telegram-api-stand-in.ts";
import { citizen, textUpdate } from "./support/telegram-updates.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "./support/zalo-api-stand-in.ts";

const ROOT = resolve(import.meta.dirname, "..");
const TOKEN = "cccccccccccccccc0123456789abcdef";

describe("announcements through startApp", { timeout: 60_000 }, () => {
  let telegram: TelegramApiStandIn;
  let zalo: ZaloApiStandIn;
  let app: App;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "htt-main-bc-"));
    telegram = await startTelegramApiStandIn();
    zalo = await startZaloApiStandIn({ maxPollWaitMs: 50 });
    const loaded = loadConfig({
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      API_TOKEN: TOKEN,
      // Zalo's sending hours are the wall clock's; the whole day, so the test passes at any hour.
      ZALO_BROADCAST_HOURS: "00:00-24:00",
      STAFF_CHAT_ID: "-100777",
      DATA_DIR: dir,
      CATALOGUE_DIR: join(ROOT, "procedures"),
    });
    const config = { ...loaded, http: { host: "127.0.0.1", port: 0, portFromEnv: true } };
    const logger = createLogger({ level: "silent", destination: new PassThrough() });
    app = await startApp(
      config,
      { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() },
      logger,
    );
    base = `http://127.0.0.1:${app.httpPort}`;
  }, 60_000);
  afterAll(async () => {
    await app?.shutdown("test over");
    await telegram?.close();
    await zalo?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("subscribes on both channels, delivers a posted announcement to each once, and reports it", async () => {
    telegram.pushUpdate(textUpdate("/dangky"));
    zalo.pushUpdate({
      event_name: "message.text.received",
      message: {
        message_id: "z-1",
        date: Date.now(),
        from: { id: "zalo-user-9", display_name: "Minh" },
        chat: { id: "zalo-chat-9", chat_type: "PRIVATE" },
        text: "/dangky",
      },
    } as never);
    await telegram.waitFor(
      (calls) => calls.some((c) => String(c.params.text ?? "").includes("Bạn đã đăng ký")),
      10_000,
    );
    await zalo.waitFor(() => zalo.textsTo("zalo-chat-9").some((t) => t.includes("Bạn đã đăng ký")), 10_000);

    const refused = await fetch(`${base}/api/broadcasts`, { method: "POST", body: "{}" });
    expect(refused.status).toBe(401);
    const res = await fetch(`${base}/api/broadcasts`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "Lịch tiếp công dân tháng 12: thứ Năm hằng tuần.", topics: ["schedule"] }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    let status: Record<string, unknown> = {};
    for (let i = 0; i < 100 && status.status !== "done"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const got = await fetch(`${base}/api/broadcasts/${id}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      status = (await got.json()) as Record<string, unknown>;
    }
    expect(status).toMatchObject({ status: "done", total: 2, sent: 2, failed: 0, blocked: 0, remaining: 0 });
    const toCitizen = telegram
      .callsOf("sendMessage")
      .filter((c) => c.params.chat_id === citizen.id && String(c.params.text).includes("Lịch tiếp công dân"));
    expect(toCitizen).toHaveLength(1);
    expect(zalo.textsTo("zalo-chat-9").filter((t) => t.includes("Lịch tiếp công dân"))).toHaveLength(1);

    // The staff chat got the live progress of the API's broadcast, edited to the final report.
    expect(telegram.callsOf("sendMessage").some((c) => c.params.chat_id === -100777)).toBe(true);
    await telegram.waitFor(
      (calls) =>
        calls.some((c) => c.method === "editMessageText" && String(c.params.text).includes("đã gửi xong")),
      10_000,
    );

    telegram.pushUpdate(textUpdate("/tintuc"));
    await telegram.waitFor(
      (calls) => calls.filter((c) => String(c.params.text ?? "").includes("Lịch tiếp công dân")).length >= 2,
      10_000,
    );
  });
});
