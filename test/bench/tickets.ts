/**
 * Hotline benchmark (`npm run bench:tickets`): submissions per second through the ticket service
 * (counter + citizen index + version-checked create), with CONCURRENCY at once, then the cost of a
 * full scan (what /thongke, /quahan, the list filters and the notifier's periodic scan read) over
 * all TICKETS. SQLite always; Redis too when REDIS_URL is set (unique key prefix, removed after).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@keyv/redis";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketService } from "../../src/tickets/service.ts";
import { computeStats } from "../../src/tickets/stats.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { vietnamDate } from "../../src/tickets/ticket.ts";

const TICKETS = Number(process.env.TICKETS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);

async function run(label: string, stores: Stores) {
  const service = createTicketService({
    stores: ticketStores(stores),
    clock: { now: () => Date.now() },
    dueRules: () => ({ feedbackDueDays: { tre_han: 3 }, holidays: [] }),
  });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TICKETS) {
        const i = next++;
        const t0 = performance.now();
        await service.create({
          category: "tre_han",
          description:
            "Hồ sơ khai sinh hẹn trả ngày 17/11 nhưng đến nay vẫn chưa có kết quả, tôi đã đi lại ba lần.",
          contact: { kind: "phone", phone: "0912345678" },
          citizen: { address: `zalo:bench${i % 500}`, locale: "vi" },
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const scan0 = performance.now();
  const all = [];
  for await (const ticket of service.all()) all.push(ticket);
  const stats = computeStats(all, vietnamDate(Date.now()));
  const scanMs = performance.now() - scan0;
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  console.log(
    `${label.padEnd(7)} ${TICKETS} submissions, ${CONCURRENCY} at once: ${(TICKETS / seconds).toFixed(0)}/s, ` +
      `p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms; full scan + /thongke of ${stats.total} tickets: ` +
      `${scanMs.toFixed(0)} ms; rss ${rss} MB`,
  );
}

const dir = await mkdtemp(join(tmpdir(), "htt-bench-tickets-"));
try {
  const sqlite = await createStores({ dataDir: dir, redisUrl: null });
  await run("sqlite", sqlite);
  await sqlite.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  const prefix = `htt-bench-tickets-${randomBytes(4).toString("hex")}:`;
  const redis = await createStores({ dataDir: dir, redisUrl }, { redisPrefix: prefix });
  try {
    await run("redis", redis);
  } finally {
    await redis.close();
    const client = createClient({ url: redisUrl });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    await client.close();
  }
} else {
  console.log("redis   skipped (set REDIS_URL to include it)");
}
