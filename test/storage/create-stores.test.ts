import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@keyv/redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "../../src/core/model.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { SQLITE_FILE } from "../../src/storage/sqlite-backend.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every backend must have. `open()` returns a fresh instance over the same data. */
function contract(name: string, open: () => Promise<Stores>) {
  describe(name, () => {
    const opened: Stores[] = [];
    const fresh = async () => {
      const stores = await open();
      opened.push(stores);
      return stores;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    it("gets, sets, overwrites and deletes values per namespace", async () => {
      const stores = await fresh();
      const states = stores.keyValue<{ step: string; n: number }>("states");
      const other = stores.keyValue<string>("other");
      expect(await states.get("telegram:1")).toBeUndefined();
      await states.set("telegram:1", { step: "ask", n: 1 });
      await other.set("telegram:1", "not the same");
      expect(await states.get("telegram:1")).toEqual({ step: "ask", n: 1 });
      expect(await other.get("telegram:1")).toBe("not the same");
      await states.set("telegram:1", { step: "card", n: 2 });
      expect(await states.get("telegram:1")).toEqual({ step: "card", n: 2 });
      await states.delete("telegram:1");
      expect(await states.get("telegram:1")).toBeUndefined();
      expect(await other.get("telegram:1")).toBe("not the same");
      await states.delete("never-set");
    });

    it("keeps Vietnamese text and nested data intact", async () => {
      const stores = await fresh();
      const kv = stores.keyValue<unknown>("roundtrip");
      const value = { q: "Làm lại căn cước công dân ở đâu? 🙏", list: [1, null, { đã: true }], empty: "" };
      await kv.set("zalo:abc-XYZ_1", value);
      expect(await kv.get("zalo:abc-XYZ_1")).toEqual(value);
    });

    it("expires a value after its TTL", async () => {
      const stores = await fresh();
      const kv = stores.keyValue<string>("ttl");
      await kv.set("short", "x", 150);
      await kv.set("long", "y", 60_000);
      expect(await kv.get("short")).toBe("x");
      await sleep(300);
      expect(await kv.get("short")).toBeUndefined();
      expect(await kv.get("long")).toBe("y");
    });

    it("refuses a non-positive TTL instead of storing forever", async () => {
      const stores = await fresh();
      await expect(stores.keyValue<string>("ttl").set("k", "v", 0)).rejects.toThrow(/TTL/);
    });

    it("refuses a namespace that could clash with another", async () => {
      const stores = await fresh();
      expect(() => stores.keyValue("Bad:Name")).toThrow(/namespace/);
    });

    it("keeps short-lived values until their TTL, in memory with SQLite and shared in Redis", async () => {
      const first = await fresh();
      const windows = first.shortLived<{ count: number }>("rate-windows");
      await windows.set("u1", { count: 3 }, 150);
      await windows.set("u2", { count: 1 });
      expect(await windows.get("u1")).toEqual({ count: 3 });
      // Every store of the namespace in one process sees the same values.
      expect(await first.shortLived<{ count: number }>("rate-windows").get("u1")).toEqual({ count: 3 });
      await sleep(250);
      expect(await windows.get("u1")).toBeUndefined();
      // Not written to the SQLite file (a restart forgets it); another Redis instance sees it.
      const second = await fresh();
      expect(await second.shortLived<{ count: number }>("rate-windows").get("u2")).toEqual(
        first.kind === "sqlite" ? undefined : { count: 1 },
      );
      expect(await second.keyValue("rate-windows").get("u2")).toEqual(
        first.kind === "sqlite" ? undefined : { count: 1 },
      );
    });

    it("survives a restart: close, reopen, read", async () => {
      const first = await fresh();
      await first.keyValue<number[]>("restart").set("k", [1, 2, 3]);
      await first.appendLog<string>("restart-log").append("một");
      await first.counter("restart-counter").next();
      await first.versioned<string>("restart-records").create("PA-1", "mới");
      await first.close();
      const second = await fresh();
      expect(await second.keyValue<number[]>("restart").get("k")).toEqual([1, 2, 3]);
      const entries: string[] = [];
      for await (const e of second.appendLog<string>("restart-log").entries()) entries.push(e);
      expect(entries).toEqual(["một"]);
      expect(await second.counter("restart-counter").next()).toBe(2);
      expect(await second.versioned<string>("restart-records").get("PA-1")).toEqual({
        version: 1,
        value: "mới",
      });
    });

    it("appends log entries and reads them back in order, past one page, per namespace", async () => {
      const stores = await fresh();
      const log = stores.appendLog<{ i: number; q: string }>("unanswered");
      const otherLog = stores.appendLog<{ i: number; q: string }>("votes");
      for (let i = 0; i < 1203; i++) await log.append({ i, q: `câu ${i}` });
      await otherLog.append({ i: -1, q: "khác" });
      const seen: number[] = [];
      for await (const e of log.entries()) seen.push(e.i);
      expect(seen).toEqual(Array.from({ length: 1203 }, (_, i) => i));
      const other: number[] = [];
      for await (const e of otherLog.entries()) other.push(e.i);
      expect(other).toEqual([-1]);
    });

    it("counts up without ever handing out a number twice, also under concurrency", async () => {
      const stores = await fresh();
      const tickets = stores.counter("tickets");
      const other = stores.counter("other");
      const numbers = await Promise.all(Array.from({ length: 200 }, () => tickets.next()));
      expect(new Set(numbers).size).toBe(200);
      expect(Math.min(...numbers)).toBe(1);
      expect(Math.max(...numbers)).toBe(200);
      expect(await other.next()).toBe(1);
    });

    it("creates versioned records once and refuses a stale update", async () => {
      const stores = await fresh();
      const records = stores.versioned<{ status: string; by?: string }>("tickets");
      expect(await records.get("PA-1")).toBeUndefined();
      expect(await records.create("PA-1", { status: "new" })).toBe(true);
      expect(await records.create("PA-1", { status: "overwritten?" })).toBe(false);
      expect(await records.get("PA-1")).toEqual({ version: 1, value: { status: "new" } });
      // Two staff read version 1; the first to write wins, the second is told to re-read.
      expect(await records.update("PA-1", { status: "received", by: "a" }, 1)).toBe(2);
      expect(await records.update("PA-1", { status: "closed", by: "b" }, 1)).toBeNull();
      expect(await records.get("PA-1")).toEqual({ version: 2, value: { status: "received", by: "a" } });
      expect(await records.update("PA-missing", { status: "new" }, 1)).toBeNull();
    });

    it("lets exactly one of many concurrent updates of one version through", async () => {
      const stores = await fresh();
      const records = stores.versioned<{ n: number }>("race");
      await records.create("k", { n: 0 });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => records.update("k", { n: i }, 1)),
      );
      expect(results.filter((r) => r !== null)).toEqual([2]);
    });

    it("lists versioned records in key order, past one page, per namespace", async () => {
      const stores = await fresh();
      const records = stores.versioned<number>("listing");
      const keys = Array.from({ length: 1100 }, (_, i) => `PA-${String(i).padStart(5, "0")}`);
      for (const key of [...keys].reverse()) await records.create(key, Number(key.slice(3)));
      await stores.versioned<number>("listing-other").create("PA-00001", -1);
      await records.update("PA-00007", 700, 1);
      const seen: [string, number, number][] = [];
      for await (const [key, record] of records.entries()) seen.push([key, record.version, record.value]);
      expect(seen.map(([key]) => key)).toEqual(keys);
      expect(seen[7]).toEqual(["PA-00007", 2, 700]);
      expect(seen[1]).toEqual(["PA-00001", 1, 1]);
    });

    it("pings while open", async () => {
      const stores = await fresh();
      expect(await stores.ping()).toBe(true);
    });

    it("runs work for one address in arrival order, one at a time", async () => {
      const stores = await fresh();
      const address: Address = "telegram:42";
      const events: string[] = [];
      let running = 0;
      let maxRunning = 0;
      const jobs = [30, 5, 20, 0, 10].map((delay, i) =>
        stores.addressLock.run(address, async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          events.push(`start ${i}`);
          await sleep(delay);
          events.push(`end ${i}`);
          running--;
          return i;
        }),
      );
      expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4]);
      expect(maxRunning).toBe(1);
      expect(events).toEqual([0, 1, 2, 3, 4].flatMap((i) => [`start ${i}`, `end ${i}`]));
    });

    it("keeps going after a failed job for the same address", async () => {
      const stores = await fresh();
      const address: Address = "zalo:u1";
      const failed = stores.addressLock.run(address, async () => {
        throw new Error("boom");
      });
      const next = stores.addressLock.run(address, async () => "ok");
      await expect(failed).rejects.toThrow("boom");
      expect(await next).toBe("ok");
    });

    it("runs different addresses in parallel", async () => {
      const stores = await fresh();
      let running = 0;
      let maxRunning = 0;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          stores.addressLock.run(`telegram:${i}` as Address, async () => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            await sleep(100);
            running--;
          }),
        ),
      );
      expect(maxRunning).toBe(5);
      expect(Date.now() - started).toBeLessThan(400);
    });
  });
}

describe("SQLite storage", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "htt-stores-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  contract("contract", () => createStores({ dataDir: join(dir, "contract"), redisUrl: null }));

  it("creates the data directory and the file on first start", async () => {
    const dataDir = join(dir, "nested", "deeper");
    const stores = await createStores({ dataDir, redisUrl: null });
    await stores.keyValue<string>("x").set("k", "v");
    expect(stores.kind).toBe("sqlite");
    expect(stores.location).toBe(join(dataDir, SQLITE_FILE));
    expect((await stat(join(dataDir, SQLITE_FILE))).isFile()).toBe(true);
    await stores.close();
    expect(await stores.ping()).toBe(false);
  });

  it("fails at start-up with the path when the data directory cannot be created", async () => {
    const file = join(dir, "a-file");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, "x");
    await expect(createStores({ dataDir: join(file, "sub"), redisUrl: null })).rejects.toThrow(/a-file/);
  });
});

const redisUrl = process.env.REDIS_URL;

describe.runIf(redisUrl)("Redis storage", () => {
  const prefix = `htt-test-${randomBytes(6).toString("hex")}:`;
  const url = redisUrl ?? "";
  const open = () =>
    createStores({ dataDir: "unused", redisUrl: url }, { redisPrefix: prefix, lockTtlMs: 2000 });

  afterAll(async () => {
    const client = createClient({ url });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    await client.close();
  });

  contract("contract", open);

  it("never runs one address on two instances at the same time, and loses no work", async () => {
    const a = await open();
    const b = await open();
    try {
      const address: Address = "telegram:777";
      let running = 0;
      let maxRunning = 0;
      let done = 0;
      const job = async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(5 + Math.random() * 10);
        running--;
        done++;
      };
      const jobs: Promise<void>[] = [];
      for (let i = 0; i < 20; i++) jobs.push((i % 2 === 0 ? a : b).addressLock.run(address, job));
      // Meanwhile another address is not held up by this one.
      const otherStarted = Date.now();
      await a.addressLock.run("telegram:778", async () => undefined);
      expect(Date.now() - otherStarted).toBeLessThan(200);
      await Promise.all(jobs);
      expect(maxRunning).toBe(1);
      expect(done).toBe(20);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("shares counters and version checks between instances", async () => {
    const a = await open();
    const b = await open();
    try {
      const numbers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).counter("shared-tickets").next()),
      );
      expect(new Set(numbers).size).toBe(100);
      await a.versioned<string>("shared-records").create("PA-9", "new");
      expect(await b.versioned<string>("shared-records").update("PA-9", "by b", 1)).toBe(2);
      expect(await a.versioned<string>("shared-records").update("PA-9", "by a", 1)).toBeNull();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("shares one adapter per namespace: opening it again adds no listeners to the connection", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const stores = await open();
    try {
      // The app opens "prefs" in several places (assistant, Telegram, Zalo); each adapter listens
      // to the shared client, so twelve adapters would pass Node's limit of ten listeners.
      const opened = Array.from({ length: 12 }, () => stores.keyValue<string>("prefs"));
      await opened[0]!.set("telegram:1", "vi");
      expect(await opened[11]!.get("telegram:1")).toBe("vi");
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await stores.close();
    }
  });

  it("frees an address held by a crashed instance after the safety expiry", async () => {
    const client = createClient({ url });
    await client.connect();
    // A lock left behind by an instance that died mid-update.
    await client.set(`${prefix}lock:telegram:999`, "dead-instance", { PX: 1000 });
    // Timed from the lock's creation: opening the stores may take a while on a loaded machine.
    const setAt = Date.now();
    await client.close();
    const stores = await open();
    try {
      await stores.addressLock.run("telegram:999", async () => undefined);
      const sinceSet = Date.now() - setAt;
      expect(sinceSet).toBeGreaterThanOrEqual(950);
      expect(sinceSet).toBeLessThan(2500);
    } finally {
      await stores.close();
    }
  });
});

describe("Redis start-up", () => {
  it("stops start-up with a clear message when Redis is unreachable, without the password", async () => {
    await expect(
      createStores({ dataDir: "unused", redisUrl: "redis://:s3cretpass@127.0.0.1:1" }),
    ).rejects.toThrow(/^Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(REDIS_URL\): [^\n]*remove it/);
    const error = await createStores({
      dataDir: "unused",
      redisUrl: "redis://:s3cretpass@127.0.0.1:1",
    }).catch((e: unknown) => e as Error);
    expect(String(error)).not.toContain("s3cretpass");
  });
});
