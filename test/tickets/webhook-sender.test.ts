/**
 * The outbound ticket webhook end to end (service with `webhookOnCreate` → ticket outbox → notifier
 * → signed POST) against a real HTTP receiver on 127.0.0.1: bodies a receiver can verify, retries
 * with growing back-off after a refused connection, 500s and a time-out, no giving up after days,
 * delivery after the process is killed and restarted, and one delivery per ticket with two instances
 * on one storage (SQLite always; Redis when REDIS_URL is set).
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createClient } from "@keyv/redis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/core/ports.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketNotifier } from "../../src/tickets/notifier.ts";
import { createTicketService } from "../../src/tickets/service.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { createWebhookSender } from "../../src/tickets/webhook-sender.ts";
import { verifyWebhookSignature, WEBHOOK_HEADERS } from "../../src/tickets/webhook-signature.ts";
import { TestClock } from "../core/support.ts";
import { captureLogs } from "../support/telegram-harness.ts";
import { submission } from "./support.ts";

const SECRET = "webhook-secret-for-tests-0123";
const realClock: Clock = { now: () => Date.now() };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver(
  options: { port?: number; delayMs?: number; script?: number[]; delays?: number[] } = {},
) {
  const received: Received[] = [];
  const script = [...(options.script ?? [])];
  const delays = [...(options.delays ?? [])];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      setTimeout(
        () => {
          res.statusCode = script.shift() ?? 200;
          res.end("ok");
        },
        delays.shift() ?? options.delayMs ?? 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hotline/hook?source=bot`,
    port,
    received,
    script,
    codes: () => received.map((r) => JSON.parse(r.body).ticket.code as string),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sqlite(): Promise<{ stores: Stores; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), "htt-webhook-"));
  const stores = await createStores({ dataDir: dir, redisUrl: null });
  cleanups.push(async () => {
    await stores.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { stores, dir };
}

/** The service and notifier as main.ts wires them with TICKET_WEBHOOK_URL set (no staff chat here). */
function hotline(
  stores: Stores,
  url: string,
  options: { clock?: Clock; timeoutMs?: number; timers?: boolean } = {},
) {
  const clock = options.clock ?? realClock;
  const logs = captureLogs();
  let kick: (code: string) => void = () => {};
  const service = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => ({ feedbackDueDays: { tre_han: 3 }, holidays: [] }),
    onQueued: (code) => kick(code),
    webhookOnCreate: true,
  });
  const notifier = createTicketNotifier({
    service,
    messenger: { send: async () => {} },
    staffAddress: null,
    staffLocale: "vi",
    clock,
    logger: logs.logger,
    scanIntervalMs: 0,
    retryTimers: options.timers ?? true,
    webhook: createWebhookSender({ url, secret: SECRET, clock, timeoutMs: options.timeoutMs ?? 1_000 }),
  });
  kick = (code) => notifier.kick(code);
  cleanups.push(() => notifier.stop());
  return { service, notifier, logs };
}

const webhookNotices = async (service: ReturnType<typeof hotline>["service"], code: string) =>
  (await service.get(code))?.ticket.outbox.filter((n) => n.to === "webhook") ?? [];

describe("the signed webhook", () => {
  it("POSTs each new ticket as JSON a receiver can verify, without the citizen's identity", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const { stores } = await sqlite();
    const { service, logs } = hotline(stores, receiver.url);
    const ticket = await service.create(
      submission({
        contact: { kind: "anonymous" },
        citizen: { address: "zalo:anon-citizen-9", locale: "vi" },
      }),
    );
    await until(() => receiver.received.length === 1);
    const [call] = receiver.received;
    const headers = {
      timestamp: call!.headers[WEBHOOK_HEADERS.timestamp] as string,
      signature: call!.headers[WEBHOOK_HEADERS.signature] as string,
    };
    expect(call!.headers["content-type"]).toMatch(/^application\/json/);
    expect(headers.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, headers, call!.body, Date.now())).toBe(true);
    // What a receiver must refuse: another secret, a changed body, an old or missing timestamp.
    expect(verifyWebhookSignature(`${SECRET}x`, headers, call!.body, Date.now())).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, call!.body.replace("new", "closed"), Date.now())).toBe(
      false,
    );
    expect(verifyWebhookSignature(SECRET, headers, call!.body, Date.now() + 10 * 60_000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { ...headers, timestamp: undefined }, call!.body, Date.now())).toBe(
      false,
    );

    const payload = JSON.parse(call!.body);
    expect(payload).toMatchObject({
      event: "ticket.created",
      id: call!.headers[WEBHOOK_HEADERS.delivery],
      ticket: { code: ticket.code, status: "new", category: "tre_han", anonymous: true, phone: null },
    });
    expect(call!.body).not.toContain("anon-citizen-9");
    expect(call!.body).not.toContain("zalo:");
    expect(call!.body).not.toContain("outbox");
    await until(async () => (await webhookNotices(service, ticket.code)).length === 0);
    // The private URL never reaches the logs.
    expect(logs.capture.lines.join("\n")).not.toContain("/hotline/hook");
    expect(logs.capture.lines.join("\n")).not.toContain(String(receiver.port));
  });

  it("is not queued when the webhook is off", async () => {
    const { stores } = await sqlite();
    const service = createTicketService({
      stores: ticketStores(stores),
      clock: realClock,
      dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
    });
    expect((await service.create(submission())).outbox.map((n) => n.to)).toEqual(["staff"]);
  });

  it("retries a refused connection and 500s with growing back-off until accepted, with one delivery id", async () => {
    const clock = new TestClock(Date.now());
    const receiver = await startReceiver({ script: [500, 500] });
    cleanups.push(() => receiver.close());
    // First the receiver is down: its port refuses connections.
    const refused = `http://127.0.0.1:${receiver.port}/down`;
    await receiver.close();
    const { stores } = await sqlite();
    const { service, notifier, logs } = hotline(stores, refused, { clock, timers: false });
    const ticket = await service.create(submission());
    await notifier.drain();
    expect((await webhookNotices(service, ticket.code))[0]?.attempts).toBe(1);

    const up = await startReceiver({ port: receiver.port, script: [500, 500] });
    cleanups.push(() => up.close());
    const schedule: number[] = [];
    // Back-off 5 s, 10 s, 20 s: a drain before the wait is over sends nothing.
    for (const wait of [5_000, 10_000, 20_000]) {
      clock.advance(wait - 1_000);
      const before = up.received.length;
      await notifier.drain();
      expect(up.received.length, `before ${wait} ms`).toBe(before);
      clock.advance(1_000);
      await notifier.drain();
      expect(up.received.length, `after ${wait} ms`).toBe(before + 1);
      schedule.push(wait);
    }
    expect(await webhookNotices(service, ticket.code)).toEqual([]);
    expect(up.received).toHaveLength(3);
    expect(new Set(up.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery])).size).toBe(1);
    const failures = logs.capture.records().filter((r) => r.msg === "ticket notice failed: will retry");
    expect(failures.map((r) => r.code ?? r.failure)).toEqual(["retry", 500, 500]);
    expect(failures.map((r) => r.retryInMs)).toEqual([5_000, 10_000, 20_000]);
    // Nothing more afterwards.
    clock.advance(60 * 60_000);
    await notifier.drain();
    expect(up.received).toHaveLength(3);
  });

  it("keeps retrying after the notifier's 3-day limit for chat messages", async () => {
    const clock = new TestClock(Date.now());
    const receiver = await startReceiver({ script: Array(500).fill(503) });
    cleanups.push(() => receiver.close());
    const { stores } = await sqlite();
    const { service, notifier } = hotline(stores, receiver.url, { clock, timers: false });
    const ticket = await service.create(submission());
    for (let hour = 0; hour < 24 * 4; hour++) {
      clock.advance(60 * 60_000);
      await notifier.drain();
    }
    const [pending] = await webhookNotices(service, ticket.code);
    expect(pending?.attempts).toBeGreaterThan(10);
    receiver.script.length = 0;
    clock.advance(60 * 60_000);
    await notifier.drain();
    expect(await webhookNotices(service, ticket.code)).toEqual([]);
    expect(receiver.received.at(-1)?.body).toContain(ticket.code);
  });

  it("gives up waiting for a receiver that does not answer in time, and retries", async () => {
    const receiver = await startReceiver({ delays: [1_500] });
    cleanups.push(() => receiver.close());
    const clock = new TestClock(Date.now());
    const { stores } = await sqlite();
    const { service, notifier, logs } = hotline(stores, receiver.url, {
      clock,
      timeoutMs: 300,
      timers: false,
    });
    const ticket = await service.create(submission());
    await notifier.drain();
    expect(logs.capture.records().find((r) => r.msg === "ticket notice failed: will retry")).toBeDefined();
    expect((await webhookNotices(service, ticket.code)).length).toBe(1);
    clock.advance(5_000);
    await notifier.drain();
    expect(await webhookNotices(service, ticket.code)).toEqual([]);
    expect(receiver.received).toHaveLength(2);
  });

  it("delivers after the process is killed right after storing the ticket (SIGKILL), on restart", async () => {
    const { dir } = await sqlite();
    const child = promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "fixtures/webhook-then-die.ts")],
      { env: { ...process.env, DATA_DIR: dir } },
    );
    const failure = await child.then(
      () => null,
      (error: { signal?: string; stdout?: string }) => error,
    );
    expect(failure?.signal).toBe("SIGKILL");
    const code = failure?.stdout?.trim() ?? "";
    expect(code).toMatch(/^PA-\d{4}-\d{4}$/);

    // Restart: a new process's stores over the same directory, and the notifier's first scan.
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const restarted = await createStores({ dataDir: dir, redisUrl: null });
    cleanups.push(() => restarted.close());
    const { notifier } = hotline(restarted, receiver.url);
    notifier.start();
    await until(() => receiver.received.length === 1, 8_000);
    expect(receiver.codes()).toEqual([code]);
  }, 20_000);
});

function twoInstances(name: string, openPair: () => Promise<[Stores, Stores]>) {
  it(`${name}: two instances deliver each ticket once`, async () => {
    const receiver = await startReceiver({ delayMs: 20 });
    cleanups.push(() => receiver.close());
    const [a, b] = await openPair();
    const one = hotline(a, receiver.url);
    const two = hotline(b, receiver.url);
    const codes: string[] = [];
    for (let i = 0; i < 15; i++) {
      const ticket = await (i % 2 === 0 ? one : two).service.create(submission());
      codes.push(ticket.code);
      // Both instances act on every ticket at once: the worst case for duplicates.
      one.notifier.kick(ticket.code);
      two.notifier.kick(ticket.code);
    }
    await Promise.all([
      one.notifier.drain(),
      two.notifier.drain(),
      one.notifier.drain(),
      two.notifier.drain(),
    ]);
    await until(() => new Set(receiver.codes()).size === 15);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([one.notifier.drain(), two.notifier.drain()]);
    expect(receiver.codes().sort()).toEqual([...codes].sort());
  });
}

describe("several instances", () => {
  twoInstances("SQLite (one file, two connections)", async () => {
    const { stores, dir } = await sqlite();
    const second = await createStores({ dataDir: dir, redisUrl: null });
    cleanups.push(() => second.close());
    return [stores, second];
  });

  const redisUrl = process.env.REDIS_URL;
  const prefix = `htt-test-webhook-${randomBytes(6).toString("hex")}:`;
  afterAll(async () => {
    if (!redisUrl) return;
    const client = createClient({ url: redisUrl });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    await client.close();
  });
  describe.skipIf(!redisUrl)("Redis", () => {
    twoInstances("Redis (shared prefix)", async () => {
      const open = async () => {
        const stores = await createStores(
          { dataDir: "unused", redisUrl: redisUrl! },
          { redisPrefix: prefix },
        );
        cleanups.push(() => stores.close());
        return stores;
      };
      return [await open(), await open()];
    });
  });
});
