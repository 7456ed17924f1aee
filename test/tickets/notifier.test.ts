/**
 * The outbox notifier: notices reach the citizen's chat and the staff chat over the real Telegram
 * messenger (Bot API stand-in), failures are retried or dropped by kind, two instances do not both
 * send, and a process killed between confirmation and notification still delivers after restart.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramMessenger } from "../../src/channels/telegram/messenger.ts";
import { DeliveryError } from "../../src/core/delivery-error.ts";
import type { Address, Reply } from "../../src/core/model.ts";
import type { Messenger } from "../../src/core/ports.ts";
import { t } from "../../src/locales/index.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketNotifier } from "../../src/tickets/notifier.ts";
import { createTicketService, type TicketService } from "../../src/tickets/service.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import type { StaffTicketActor } from "../../src/tickets/ticket.ts";
import { TestClock } from "../core/support.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../support/telegram-api-stand-in.ts";
import { captureLogs } from "../support/telegram-harness.ts";
import { submission } from "./support.ts";

const STAFF: Address = "telegram:-4000001";
const hoa: StaffTicketActor = { kind: "staff", channel: "telegram", userId: "7001", role: "operator" };

let dir: string;
let stores: Stores;
let api: TelegramApiStandIn;
let clock: TestClock;
let service: TicketService;
let messenger: Messenger;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-notifier-"));
  stores = await createStores({ dataDir: dir, redisUrl: null });
  api = await startTelegramApiStandIn();
  clock = new TestClock(Date.parse("2026-11-26T09:00:00+07:00"));
  service = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
  });
  const bot = new Bot(api.token, { botInfo: api.botInfo as never, client: { apiRoot: api.apiRoot } });
  messenger = createTelegramMessenger(bot.api, captureLogs().logger);
});
afterEach(async () => {
  await api.close();
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

function notifier(over: Partial<Parameters<typeof createTicketNotifier>[0]> = {}) {
  return createTicketNotifier({
    service,
    messenger,
    staffAddress: STAFF,
    staffLocale: "vi",
    clock,
    logger: captureLogs().logger,
    scanIntervalMs: 0,
    retryTimers: false,
    ...over,
  });
}

const texts = () => api.callsOf("sendMessage").map((c) => [c.params.chat_id, String(c.params.text)] as const);

describe("ticket notifier", () => {
  it("posts the staff card with its buttons, and sends status and answers to the citizen's chat", async () => {
    const n = notifier();
    const ticket = await service.create(submission());
    await n.drain();
    const [card] = api.callsOf("sendMessage");
    expect(card?.params.chat_id).toBe(-4000001);
    expect(String(card?.params.text)).toContain(ticket.code);
    expect(String(card?.params.text)).toContain("0912345678");
    expect(JSON.stringify(card?.params.reply_markup)).toContain(`tk:take:${ticket.code}`);

    await service.take(ticket.code, hoa);
    await service.answer(ticket.code, "Hồ sơ đã có kết quả, mời anh chị đến nhận tại bộ phận một cửa.", hoa);
    await n.drain();
    const citizen = texts()
      .filter(([chat]) => chat === 5550001)
      .map(([, text]) => text);
    expect(citizen).toHaveLength(2);
    expect(citizen[0]).toContain(t("vi", "ticket.status.received"));
    expect(citizen[1]).toContain("mời anh chị đến nhận");
    expect((await service.get(ticket.code))?.ticket.outbox).toEqual([]);
  });

  it("never puts an anonymous citizen's identity on the staff card", async () => {
    const ticket = await service.create(submission({ contact: { kind: "anonymous" } }));
    await notifier().drain();
    const card = String(api.callsOf("sendMessage")[0]?.params.text);
    expect(card).toContain(ticket.code);
    expect(card).toContain(t("vi", "ticket.card.anonymous"));
    expect(card).not.toMatch(/5550001|0912345678|telegram:/);
  });

  it("retries after 429 (no sooner than retry_after) and after a server error, then delivers once", async () => {
    const n = notifier();
    await service.create(submission());
    api.failNext("sendMessage", { kind: "429", retryAfter: 30 });
    await n.drain();
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    clock.advance(10_000);
    await n.drain();
    expect(api.callsOf("sendMessage")).toHaveLength(1); // still waiting for retry_after
    api.failNext("sendMessage", { kind: "500" });
    clock.advance(25_000);
    await n.drain();
    expect(api.callsOf("sendMessage")).toHaveLength(2);
    clock.advance(60_000);
    await n.drain();
    clock.advance(60_000);
    await n.drain();
    expect(api.callsOf("sendMessage")).toHaveLength(3);
    const stored = [];
    for await (const ticket of service.all()) stored.push(ticket);
    expect(stored[0]?.outbox).toEqual([]);
  });

  it("drops a notice for a citizen who blocked the bot, and keeps the ticket", async () => {
    const ticket = await service.create(submission());
    const n = notifier();
    await n.drain();
    await service.close(ticket.code, hoa);
    api.failNext("sendMessage", {
      kind: "refuse",
      code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    await n.drain();
    const stored = (await service.get(ticket.code))?.ticket;
    expect(stored?.status).toBe("closed");
    expect(stored?.outbox).toEqual([]);
  });

  it("does not send a notice twice when two instances see it at once", async () => {
    const sent: Address[] = [];
    const slow: Messenger = {
      async send(address: Address, _replies: readonly Reply[]) {
        sent.push(address);
        await new Promise((r) => setTimeout(r, 50));
      },
    };
    await service.create(submission());
    await Promise.all([notifier({ messenger: slow }).drain(), notifier({ messenger: slow }).drain()]);
    expect(sent).toEqual([STAFF]);
  });

  it("drops staff notices with a warning when no staff chat is configured", async () => {
    const ticket = await service.create(submission());
    await notifier({ staffAddress: null }).drain();
    expect(api.callsOf("sendMessage")).toHaveLength(0);
    expect((await service.get(ticket.code))?.ticket.outbox).toEqual([]);
  });

  it("treats an unknown failure as worth a retry", async () => {
    let calls = 0;
    const flaky: Messenger = {
      async send() {
        calls++;
        if (calls === 1) throw new Error("socket hang up");
        if (calls === 2) throw new DeliveryError("retry", "later", { retryAfterMs: 1 });
      },
    };
    const ticket = await service.create(submission());
    const n = notifier({ messenger: flaky });
    for (let i = 0; i < 3; i++) {
      await n.drain();
      clock.advance(30_000);
    }
    expect(calls).toBe(3);
    expect((await service.get(ticket.code))?.ticket.outbox).toEqual([]);
  });
});

describe("the webhook notice", () => {
  it("is queued with each new ticket when asked, and retried with back-off until it is sent", async () => {
    const webhookService = createTicketService({
      stores: ticketStores(stores),
      clock,
      dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
      webhookOnCreate: true,
    });
    const ticket = await webhookService.create(submission());
    expect(ticket.outbox.map((n) => n.to)).toEqual(["staff", "webhook"]);
    const received: string[] = [];
    let fail = true;
    const n = notifier({
      service: webhookService,
      webhook: {
        async send(t) {
          if (fail) throw new DeliveryError("retry", "503 from the office's system");
          received.push(t.code);
        },
      },
    });
    await n.drain();
    expect(received).toEqual([]);
    expect(api.callsOf("sendMessage")).toHaveLength(1); // the staff card is not held back
    fail = false;
    clock.advance(6_000);
    await n.drain();
    expect(received).toEqual([ticket.code]);
    expect((await webhookService.get(ticket.code))?.ticket.outbox).toEqual([]);
  });

  it("retries by itself after a failure, without waiting for the next scan", async () => {
    let calls = 0;
    const flaky: Messenger = {
      async send() {
        calls++;
        if (calls === 1) throw new DeliveryError("retry", "later");
      },
    };
    const realClock = { now: () => Date.now() };
    const live = createTicketService({
      stores: ticketStores(stores),
      clock: realClock,
      dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
    });
    const n = createTicketNotifier({
      service: live,
      messenger: flaky,
      staffAddress: STAFF,
      staffLocale: "vi",
      clock: { now: () => Date.now() + (calls > 0 ? 60_000 : 0) }, // past the due time of the retry once it failed
      logger: captureLogs().logger,
      scanIntervalMs: 0,
    });
    const ticket = await live.create(submission());
    n.kick(ticket.code);
    const deadline = Date.now() + 15_000;
    while (calls < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await n.stop();
    expect(calls).toBe(2);
  }, 20_000);
});

describe("a crash while a notice was being sent", () => {
  it("sends it once the dead instance's claim runs out, without waiting for the next scan", async () => {
    const realClock = { now: () => Date.now() };
    const live = createTicketService({
      stores: ticketStores(stores),
      clock: realClock,
      dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
    });
    const ticket = await live.create(submission());
    // The first instance claimed the notice (lease 300 ms) and died while sending it.
    await live.update(ticket.code, (t) => ({
      ...t,
      outbox: t.outbox.map((n) => ({ ...n, notBefore: Date.now() + 300, attempts: 1 })),
    }));
    const n = createTicketNotifier({
      service: live,
      messenger,
      staffAddress: STAFF,
      staffLocale: "vi",
      clock: realClock,
      logger: captureLogs().logger,
      scanIntervalMs: 0,
    });
    n.start();
    expect(api.callsOf("sendMessage")).toHaveLength(0);
    const [card] = await api.waitForCalls("sendMessage", 1, 5_000);
    expect(String(card?.params.text)).toContain(ticket.code);
    await n.stop();
  });
});

describe("a crash between confirmation and staff notification", () => {
  it("still delivers the staff card after restart", async () => {
    const crashDir = await mkdtemp(join(tmpdir(), "htt-crash-"));
    try {
      const child = promisify(execFile)(
        process.execPath,
        ["--import", "tsx", join(import.meta.dirname, "fixtures/submit-then-die.ts")],
        { env: { ...process.env, DATA_DIR: crashDir } },
      );
      const failure = await child.then(
        () => null,
        (error: { signal?: string; stdout?: string }) => error,
      );
      expect(failure?.signal).toBe("SIGKILL");
      const code = failure?.stdout?.trim() ?? "";
      expect(code).toMatch(/^PA-\d{4}-\d{4}$/);

      // "Restart": a new process's stores over the same data directory, and a notifier's first scan.
      const restarted = await createStores({ dataDir: crashDir, redisUrl: null });
      try {
        const again = createTicketService({
          stores: ticketStores(restarted),
          clock: { now: () => Date.now() },
          dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
        });
        const n = createTicketNotifier({
          service: again,
          messenger,
          staffAddress: STAFF,
          staffLocale: "vi",
          clock: { now: () => Date.now() },
          logger: captureLogs().logger,
          scanIntervalMs: 0,
        });
        n.start();
        const [card] = await api.waitForCalls("sendMessage", 1);
        expect(card?.params.chat_id).toBe(-4000001);
        expect(String(card?.params.text)).toContain(code);
        await n.stop();
        await new Promise((r) => setTimeout(r, 100));
        expect((await again.get(code))?.ticket.outbox).toEqual([]);
      } finally {
        await restarted.close();
      }
    } finally {
      await rm(crashDir, { recursive: true, force: true });
    }
  }, 30_000);
});
