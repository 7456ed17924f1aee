/**
 * Storage benchmark (`npm run bench:storage`): the storage work of one citizen update, as the
 * assistant does it (read preferences, read and write the rate-limit window, read the conversation
 * and the checklists, write the conversation), under the address lock, with many citizens at once.
 * Prints updates per second and p50/p99 latency for the embedded SQLite store and, when REDIS_URL is
 * set, for Redis (under a unique key prefix, removed afterwards).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@keyv/redis";
import type { Address } from "../../src/core/model.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";

const UPDATES = Number(process.env.UPDATES ?? 5000);
const CITIZENS = Number(process.env.CITIZENS ?? 500);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);

const conversation = {
  v: 1,
  step: "card",
  code: "1.001193",
  lastChoices: Array.from({ length: 6 }, (_, i) => ({ id: `p:1.00119${i}`, label: `Thủ tục số ${i}` })),
};

async function run(label: string, stores: Stores) {
  const prefs = stores.keyValue<{ locale: string }>("bench-prefs");
  const rate = stores.keyValue<{ start: number; count: number }>("bench-rate");
  const conversations = stores.keyValue<typeof conversation>("bench-conversations");
  const checklists = stores.keyValue<{ items: unknown[] }>("bench-checklists");
  const latencies: number[] = [];
  let next = 0;
  const oneUpdate = async (address: Address) => {
    const t0 = performance.now();
    await stores.addressLock.run(address, async () => {
      await prefs.get(address);
      const window = (await rate.get(address)) ?? { start: Date.now(), count: 0 };
      await rate.set(address, { ...window, count: window.count + 1 }, 120_000);
      await conversations.get(address);
      await checklists.get(address);
      await conversations.set(address, conversation, 24 * 3600_000);
    });
    latencies.push(performance.now() - t0);
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < UPDATES) {
        const i = next++;
        await oneUpdate(`telegram:${1000 + (i % CITIZENS)}` as Address);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  console.log(
    `${label.padEnd(8)} ${UPDATES} updates, ${CITIZENS} citizens, ${CONCURRENCY} at once: ` +
      `${(UPDATES / seconds).toFixed(0)} updates/s, p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`,
  );
}

const dir = await mkdtemp(join(tmpdir(), "htt-bench-storage-"));
try {
  const sqlite = await createStores({ dataDir: dir, redisUrl: null });
  await run("sqlite", sqlite);
  await sqlite.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  const prefix = `htt-bench-${randomBytes(4).toString("hex")}:`;
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
  console.log("redis    skipped (set REDIS_URL to include it)");
}
