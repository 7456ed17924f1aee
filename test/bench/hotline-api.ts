/**
 * Hotline HTTP benchmark (`npm run bench:hotline-api`): with TICKETS tickets stored (default 2000),
 * the latency of the staff API and Open311 calls over real HTTP on 127.0.0.1 (the ticket service
 * reads every ticket for a list), and how long the signed webhook takes to deliver every ticket to a
 * local receiver (through the tickets' outbox and the notifier). SQLite always; Redis too
 * when REDIS_URL is set (under a unique key prefix, removed afterwards).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@keyv/redis";
import { pino } from "pino";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { createOpen311Api } from "../../src/http/open311.ts";
import { createStaffApi } from "../../src/http/staff-api.ts";
import { createTicketsApi } from "../../src/http/tickets-api.ts";
import { createStaffDirectory } from "../../src/staff/directory.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createCheckedActions } from "../../src/tickets/checked-action.ts";
import { createTicketNotifier } from "../../src/tickets/notifier.ts";
import { createTicketService } from "../../src/tickets/service.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { ticketCategories } from "../../src/tickets/ticket.ts";
import { createWebhookSender } from "../../src/tickets/webhook-sender.ts";

const TICKETS = Number(process.env.TICKETS ?? 2000);
const RUNS = Number(process.env.RUNS ?? 30);
const TOKEN = "bench-hotline-token-0123456789abcdef";
const logger = pino({ level: "silent" });
const clock = { now: () => Date.now() };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timeCalls(url: string, headers: Record<string, string>): Promise<string> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const text = await res.text();
    ms.push(performance.now() - t0);
    bytes = text.length;
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 200)}`);
  }
  ms.sort((a, b) => a - b);
  return `p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB`;
}

async function run(label: string, stores: Stores) {
  const stored = ticketStores(stores);
  const service = createTicketService({
    stores: stored,
    clock,
    dueRules: () => ({ feedbackDueDays: {}, holidays: [] }),
    webhookOnCreate: true,
  });
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end());
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const notifier = createTicketNotifier({
    service,
    messenger: { send: async () => {} },
    staffAddress: null,
    staffLocale: "vi",
    clock,
    logger,
    scanIntervalMs: 0,
    webhook: createWebhookSender({
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
      secret: "bench-webhook-secret-0123456789",
      clock,
    }),
  });

  const t0 = performance.now();
  let code = "";
  for (let i = 0; i < TICKETS; i++) {
    const ticket = await service.create({
      category: ticketCategories[i % ticketCategories.length]!,
      description: `Phản ánh số ${i}: hồ sơ nộp đã lâu nhưng chưa được trả kết quả, xin cơ quan kiểm tra giúp.`,
      contact: i % 3 === 0 ? { kind: "anonymous" } : { kind: "phone", phone: "0912345678" },
      citizen: { address: `telegram:${100000 + i}`, locale: "vi" },
    });
    if (i % 4 === 0)
      await service.answer(ticket.code, "Đã tiếp nhận và chuyển bộ phận chuyên môn.", { kind: "api" });
    code = ticket.code;
  }
  const createMs = performance.now() - t0;

  const http = createHttpServer({
    logger,
    health: {
      catalogue: () => ({ procedures: 0, version: "" }),
      storage: async () => true,
      channels: () => ({}),
    },
  });
  const api = createStaffApi(TOKEN);
  api.route(
    "/tickets",
    createTicketsApi({
      service,
      checked: createCheckedActions({ service, tickets: stored.tickets, clock }),
      directory: createStaffDirectory({ telegram: [], zalo: [] }),
      clock,
    }),
  );
  http.mount("/api", api);
  http.mount("/open311/v2", createOpen311Api({ apiToken: TOKEN, service, clock, locale: "vi" }));
  const { port } = await http.listen(0, "127.0.0.1");
  const base = `http://127.0.0.1:${port}`;
  const auth = { Authorization: `Bearer ${TOKEN}` };

  console.log(
    `\n${label}: ${TICKETS} tickets stored in ${(createMs / 1000).toFixed(1)} s (a quarter answered)`,
  );
  console.log(
    `  GET /api/tickets?limit=50                  ${await timeCalls(`${base}/api/tickets?limit=50`, auth)}`,
  );
  console.log(
    `  GET /api/tickets?status=new&overdue=false  ${await timeCalls(`${base}/api/tickets?status=new&overdue=false&limit=50`, auth)}`,
  );
  console.log(
    `  GET /api/tickets/${code}             ${await timeCalls(`${base}/api/tickets/${code}`, auth)}`,
  );
  console.log(
    `  GET /open311/v2/requests.json (≤1000)      ${await timeCalls(`${base}/open311/v2/requests.json?api_key=${TOKEN}`, {})}`,
  );

  // The notifier was not running while the tickets were stored: one drain delivers them all.
  const w0 = performance.now();
  await notifier.drain();
  let pending = 0;
  for await (const ticket of service.all()) if (ticket.outbox.some((n) => n.to === "webhook")) pending++;
  console.log(
    `  webhook: ${TICKETS} signed deliveries in ${((performance.now() - w0) / 1000).toFixed(1)} s (one drain), ${pending} left`,
  );

  await notifier.stop();
  await http.close();
  await new Promise<void>((r) => receiver.close(() => r()));
}

const dir = await mkdtemp(join(tmpdir(), "htt-bench-hotline-"));
try {
  const sqlite = await createStores({ dataDir: dir, redisUrl: null });
  await run("SQLite", sqlite);
  await sqlite.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  const prefix = `htt-bench-hotline-${randomBytes(6).toString("hex")}:`;
  const redis = await createStores({ dataDir: "unused", redisUrl }, { redisPrefix: prefix });
  try {
    await run("Redis", redis);
  } finally {
    await redis.close();
    const client = createClient({ url: redisUrl });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    await client.close();
  }
}
