/**
 * The outbound ticket webhook against a real HTTP receiver on 127.0.0.1: signed bodies a receiver
 * can verify, retries with growing back-off after a refused connection and 500s, delivery after the
 * process is killed and restarted, and one delivery per ticket with two instances on one storage
 * (SQLite always; Redis when REDIS_URL is set).
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
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketService, type TicketService } from "../../src/tickets/service.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { createTicketWebhook, type TicketWebhook, webhookStores } from "../../src/tickets/webhook-outbox.ts";
import { verifyWebhookSignature, WEBHOOK_HEADERS } from "../../src/tickets/webhook-signature.ts";
import { captureLogs } from "../support/telegram-harness.ts";
import { submission } from "./support.ts";

const SECRET = "webhook-secret-for-tests-0123";
const clock = { now: () => Date.now() };

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Statuses to answer with, in order; 200 once they run out. */
  script: number[];
  close(): Promise<void>;
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
      received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies Receiver;
}

/** A port nothing listens on (for a refused connection). */
async function freePort(): Promise<number> {
  const r = await startReceiver();
  await r.close();
  return r.port;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function setup(stores: Stores, url: string, over: Partial<Parameters<typeof createTicketWebhook>[0]> = {}) {
  let webhook: TicketWebhook | undefined;
  const service: TicketService = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => ({ feedbackDueDays: { tre_han: 3 }, holidays: [] }),
    onQueued: (code) => webhook?.kick(code),
  });
  const logs = captureLogs();
  webhook = createTicketWebhook({
    url,
    secret: SECRET,
    service,
    stores: webhookStores(stores),
    clock,
    logger: logs.logger,
    baseDelayMs: 100,
    requestTimeoutMs: 1_000,
    scanIntervalMs: 0,
    ...over,
  });
  return { service, webhook, logs };
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

describe("the signed webhook", () => {
  it("POSTs each new ticket as JSON a receiver can verify, without the citizen's identity", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const { stores } = await sqlite();
    const { service, webhook, logs } = setup(stores, receiver.url);
    await webhook.start();
    cleanups.push(() => webhook.stop());
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
    // The private URL never reaches the logs.
    await until(() => logs.capture.lines.some((l) => l.includes("ticket webhook delivered")));
    expect(logs.capture.lines.join("\n")).not.toContain("/hotline/hook");
    expect(logs.capture.lines.join("\n")).not.toContain(String(receiver.port));
  });

  it("retries a refused connection and 500s with growing back-off until it is accepted, same delivery id", async () => {
    const port = await freePort();
    const { stores } = await sqlite();
    const { service, webhook, logs } = setup(stores, `http://127.0.0.1:${port}/hook`);
    await webhook.start();
    cleanups.push(() => webhook.stop());
    const ticket = await service.create(submission());
    const items = webhookStores(stores).items;
    await until(async () => (await items.get(ticket.code))?.value.lastFailure === "ECONNREFUSED");
    // The receiver comes up, but fails twice before accepting.
    const receiver = await startReceiver({ port, script: [500, 500] });
    cleanups.push(() => receiver.close());
    await until(async () => (await items.get(ticket.code))?.value.state === "delivered");
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery])).size).toBe(1);
    const gaps = [
      receiver.received[1]!.at - receiver.received[0]!.at,
      receiver.received[2]!.at - receiver.received[1]!.at,
    ];
    // Back-off 100 ms × 2^(attempt-1), ±20 %: about 200 ms after the 2nd attempt, 400 ms after the 3rd.
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThan(gaps[0]!);
    const item = (await items.get(ticket.code))?.value;
    expect(item).toMatchObject({ state: "delivered", attempts: 4, lastFailure: "http 500" });
    const failures = logs.capture.records().filter((r) => r.msg === "ticket webhook failed: will retry");
    expect(failures.map((r) => r.failure)).toEqual(["ECONNREFUSED", "http 500", "http 500"]);
    // Nothing more is sent afterwards.
    await new Promise((r) => setTimeout(r, 300));
    await webhook.drain();
    expect(receiver.received).toHaveLength(3);
  });

  it("gives up waiting for a receiver that does not answer in time, and retries", async () => {
    const receiver = await startReceiver({ delays: [1_500] });
    cleanups.push(() => receiver.close());
    const { stores } = await sqlite();
    const { service, webhook, logs } = setup(stores, receiver.url, { requestTimeoutMs: 300 });
    await webhook.start();
    cleanups.push(() => webhook.stop());
    const ticket = await service.create(submission());
    const items = webhookStores(stores).items;
    await until(async () => (await items.get(ticket.code))?.value.state === "delivered");
    expect(receiver.received).toHaveLength(2);
    const failures = logs.capture.records().filter((r) => r.msg === "ticket webhook failed: will retry");
    expect(failures.map((r) => r.failure)).toEqual(["timeout"]);
  });

  it("does not send tickets from before the webhook was first switched on", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const { stores } = await sqlite();
    // A ticket from when the webhook was not configured.
    const before = createTicketService({
      stores: ticketStores(stores),
      clock,
      dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
    });
    const old = await before.create(submission());
    await new Promise((r) => setTimeout(r, 5));
    const { service, webhook } = setup(stores, receiver.url);
    await webhook.start();
    cleanups.push(() => webhook.stop());
    const fresh = await service.create(submission());
    await until(() => receiver.received.length === 1);
    await webhook.drain();
    webhook.kick(old.code);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received.map((r) => JSON.parse(r.body).ticket.code)).toEqual([fresh.code]);
  });

  it("delivers after the process is killed right after storing the ticket (SIGKILL), on restart", async () => {
    const { dir } = await sqlite();
    const refused = await freePort();
    const child = promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "fixtures/webhook-then-die.ts")],
      { env: { ...process.env, DATA_DIR: dir, WEBHOOK_URL: `http://127.0.0.1:${refused}/hook` } },
    );
    const failure = await child.then(
      () => null,
      (error: { signal?: string; stdout?: string }) => error,
    );
    expect(failure?.signal).toBe("SIGKILL");
    const code = failure?.stdout?.trim() ?? "";
    expect(code).toMatch(/^PA-\d{4}-\d{4}$/);

    // Restart: a new process's stores over the same directory, the receiver now up.
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const restarted = await createStores({ dataDir: dir, redisUrl: null });
    cleanups.push(() => restarted.close());
    const { webhook } = setup(restarted, receiver.url, { leaseMs: 1_500, requestTimeoutMs: 500 });
    await webhook.start();
    cleanups.push(() => webhook.stop());
    await until(() => receiver.received.length === 1, 8_000);
    expect(JSON.parse(receiver.received[0]!.body).ticket.code).toBe(code);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(1);
  }, 20_000);
});

function twoInstances(name: string, openPair: () => Promise<[Stores, Stores]>) {
  it(`${name}: two instances deliver each ticket once`, async () => {
    const receiver = await startReceiver({ delayMs: 20 });
    cleanups.push(() => receiver.close());
    const [a, b] = await openPair();
    const one = setup(a, receiver.url);
    const two = setup(b, receiver.url);
    await one.webhook.start();
    await two.webhook.start();
    cleanups.push(() => one.webhook.stop());
    cleanups.push(() => two.webhook.stop());
    const codes: string[] = [];
    for (let i = 0; i < 15; i++) {
      const ticket = await (i % 2 === 0 ? one : two).service.create(submission());
      codes.push(ticket.code);
      // Both instances hear of every ticket and scan at once: the worst case for duplicates.
      one.webhook.kick(ticket.code);
      two.webhook.kick(ticket.code);
    }
    await Promise.all([one.webhook.drain(), two.webhook.drain(), one.webhook.drain(), two.webhook.drain()]);
    await until(() => new Set(receiver.received.map((r) => JSON.parse(r.body).ticket.code)).size === 15);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([one.webhook.drain(), two.webhook.drain()]);
    const sent = receiver.received.map((r) => JSON.parse(r.body).ticket.code as string);
    expect(sent.sort()).toEqual([...codes].sort());
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
      if (keys.length > 0) await client.del(keys);
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
