/**
 * Broadcast benchmark (`npm run bench:broadcast`): SUBSCRIBERS (default 100,000) subscribers on
 * Redis (REDIS_URL, default redis://127.0.0.1:6379; a unique key prefix, removed afterwards), one
 * broadcast delivered by the real BullMQ runner through the Telegram API stand-in at the configured
 * rate. The real limit is about 30 messages a second; to keep the run short the bench configures a
 * higher rate (BENCH_RATE, default 1000/s) and prints it. Prints the achieved rate, duplicates
 * (chats that got it more than once: must be 0), failures, and memory over the run.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@keyv/redis";
import { pino } from "pino";
import { createBroadcasting } from "../../src/broadcast/broadcasting.ts";
import { messengerSender } from "../../src/broadcast/sender.ts";
import { SUBSCRIBERS_NAMESPACE, type Subscriber } from "../../src/broadcast/subscriber.ts";
import { createBroadcastApi } from "../../src/channels/telegram/broadcast-api.ts";
import { createTelegramMessenger } from "../../src/channels/telegram/messenger.ts";
import { createStores } from "../../src/storage/create-stores.ts";
import { startTelegramApiStandIn } from "../support/telegram-api-stand-in.ts";

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 100_000);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `htt-bench-bc-${randomBytes(4).toString("hex")}:`;
const logger = pino({ level: process.env.LOG_LEVEL ?? "warn" });
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const dataDir = await mkdtemp(join(tmpdir(), "htt-bench-bc-"));
const stores = await createStores({ dataDir, redisUrl }, { redisPrefix: prefix });
const telegram = await startTelegramApiStandIn({ record: false });

// Every successful sendMessage, per chat: a duplicate is a chat counted twice.
const received = new Uint8Array(SUBSCRIBERS + 1);
let sends = 0;
let duplicates = 0;
let refused = 0;
let firstAt = 0;
let lastAt = 0;
telegram.onCall((call) => {
  if (call.method !== "sendMessage") return;
  if (call.status !== 200) {
    refused++;
    return;
  }
  const chat = Number(call.params.chat_id);
  if (chat >= 1 && chat <= SUBSCRIBERS) {
    if (received[chat]! > 0) duplicates++;
    received[chat] = Math.min(255, received[chat]! + 1);
  }
  sends++;
  if (firstAt === 0) firstAt = call.at;
  lastAt = call.at;
});

try {
  console.log(
    `bench:broadcast  ${SUBSCRIBERS} subscribers on Redis (${redisUrl.replace(/\/\/[^@]*@/, "//")}), Telegram stand-in, configured rate ${RATE}/s (production default 25/s)`,
  );
  const seedStart = performance.now();
  const subscribers = stores.versioned<Subscriber>(SUBSCRIBERS_NAMESPACE);
  const at = Date.now() - 60_000;
  for (let from = 1; from <= SUBSCRIBERS; from += 1000) {
    const batch: Promise<boolean>[] = [];
    for (let i = from; i < Math.min(from + 1000, SUBSCRIBERS + 1); i++) {
      // Every third subscriber wants only one topic; the broadcast goes to all topics.
      const topics: Subscriber["topics"] =
        i % 3 === 0 ? ["land"] : ["reform", "civil", "land", "tax", "schedule"];
      batch.push(
        subscribers.create(`telegram:${i}`, {
          v: 1,
          topics,
          active: true,
          locale: "vi",
          subscribedAt: at,
          updatedAt: at,
        }),
      );
    }
    await Promise.all(batch);
  }
  console.log(
    `seeded           ${SUBSCRIBERS} subscribers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const api = createBroadcastApi({ token: telegram.token, apiRoot: telegram.apiRoot }, logger);
  const broadcasting = createBroadcasting({
    stores,
    senders: { telegram: messengerSender(createTelegramMessenger(api, logger)) },
    settings: {
      telegramPerSecond: RATE,
      zaloPerSecond: 5,
      zaloMonthlyBudget: 0,
      zaloHours: { fromMinute: 0, toMinute: 1440 },
    },
    queue: { kind: "bullmq", redisUrl, prefix: `${prefix}bull` },
    clock: { now: () => Date.now() },
    logger,
  });
  await broadcasting.runner.start();

  const memory = { rssMax: 0, heapMax: 0, samples: 0 };
  const before = process.memoryUsage();
  const sample = () => {
    const m = process.memoryUsage();
    memory.rssMax = Math.max(memory.rssMax, m.rss);
    memory.heapMax = Math.max(memory.heapMax, m.heapUsed);
    memory.samples++;
  };
  const sampler = setInterval(sample, 500);
  const runStart = performance.now();
  const created = await broadcasting.service.create(
    {
      text: "Từ ngày 15/12, Ủy ban nhân dân xã tiếp nhận hồ sơ đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công.",
    },
    "bench",
  );
  let status = created;
  let lastPrint = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = (await broadcasting.service.get(created.id)) ?? status;
    const now = performance.now();
    if (now - lastPrint > 10_000) {
      lastPrint = now;
      const r = broadcasting.report(status);
      console.log(
        `  progress       sent ${r.sent}/${r.total}, remaining ${r.remaining}, eta ${r.etaSeconds ?? "-"} s, rss ${mb(process.memoryUsage().rss)} MB`,
      );
    }
    if (status.status === "done" || status.status === "cancelled") break;
  }
  const runSeconds = (performance.now() - runStart) / 1000;
  clearInterval(sampler);
  sample();
  await broadcasting.runner.stop();

  const missing = received.slice(1).filter((n) => n === 0).length;
  const r = broadcasting.report(status);
  const sendSeconds = (lastAt - firstAt) / 1000;
  console.log(
    `status           ${r.status}: total ${r.total}, sent ${r.sent}, failed ${r.failed}, blocked ${r.blocked}, skipped ${r.skipped}`,
  );
  console.log(
    `achieved rate    ${(sends / sendSeconds).toFixed(0)} msg/s over ${sendSeconds.toFixed(1)} s of sending (configured ${RATE}/s); whole run ${runSeconds.toFixed(1)} s incl. picking recipients and the final count`,
  );
  console.log(`duplicates       ${duplicates} (chats that got it more than once)`);
  console.log(`missing          ${missing} (subscribers the stand-in never answered 200 for)`);
  console.log(`failures         ${r.failed} recorded, ${refused} refused calls at the stand-in`);
  console.log(
    `memory           rss ${mb(before.rss)} MB before, max ${mb(memory.rssMax)} MB; heap used ${mb(before.heapUsed)} MB before, max ${mb(memory.heapMax)} MB (${memory.samples} samples)`,
  );
} finally {
  await telegram.close();
  await stores.close();
  const client = createClient({ url: redisUrl });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
    if (keys.length > 0) await client.unlink(keys);
  }
  await client.close();
  await rm(dataDir, { recursive: true, force: true });
}
