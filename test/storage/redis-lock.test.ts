import { randomBytes } from "node:crypto";
import { createClient } from "@keyv/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisLock, LockTimeoutError } from "../../src/storage/redis-lock.ts";
import type { RedisCommander } from "../../src/storage/redis-script.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const url = process.env.REDIS_URL;

describe.runIf(url)("createRedisLock (real Redis)", () => {
  const prefix = `htt-test-lock-${randomBytes(6).toString("hex")}:`;
  let client: ReturnType<typeof createClient>;
  let redis: RedisCommander;

  beforeAll(async () => {
    client = createClient({ url });
    await client.connect();
    redis = client as unknown as RedisCommander;
  });
  afterAll(async () => {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    await client.close();
  });

  it("keeps the lock while long work runs (renewal), past the safety expiry", async () => {
    const a = createRedisLock(redis, { prefix, ttlMs: 150 });
    const b = createRedisLock(redis, { prefix, ttlMs: 150, waitMs: 5000 });
    const events: string[] = [];
    const first = a.run("telegram:1", async () => {
      events.push("a start");
      await sleep(500);
      events.push("a end");
    });
    await sleep(30);
    const second = b.run("telegram:1", async () => {
      events.push("b start");
    });
    await Promise.all([first, second]);
    expect(events).toEqual(["a start", "a end", "b start"]);
  });

  it("releases the lock even when the work fails, and only the holder's", async () => {
    const lock = createRedisLock(redis, { prefix, ttlMs: 10_000 });
    await expect(
      lock.run("zalo:x", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await client.exists(`${prefix}lock:zalo:x`)).toBe(0);
  });

  it("gives up with LockTimeoutError when another holder never lets go", async () => {
    await client.set(`${prefix}lock:telegram:2`, "someone-else", { PX: 10_000 });
    const lock = createRedisLock(redis, { prefix, ttlMs: 10_000, waitMs: 200 });
    let ran = false;
    await expect(
      lock.run("telegram:2", async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(LockTimeoutError);
    expect(ran).toBe(false);
    // The other holder's lock is untouched.
    expect(await client.get(`${prefix}lock:telegram:2`)).toBe("someone-else");
  });

  it("releases by script SHA, and still releases after Redis has forgotten its scripts", async () => {
    const lock = createRedisLock(redis, { prefix, ttlMs: 10_000 });
    await lock.run("telegram:3", async () => undefined);
    expect(await client.exists(`${prefix}lock:telegram:3`)).toBe(0);
    await client.sendCommand(["SCRIPT", "FLUSH"]);
    await lock.run("telegram:3", async () => {
      expect(await client.exists(`${prefix}lock:telegram:3`)).toBe(1);
    });
    expect(await client.exists(`${prefix}lock:telegram:3`)).toBe(0);
  });

  it("gives each run its own token, so a late release never frees the next holder's lock", async () => {
    const lock = createRedisLock(redis, { prefix, ttlMs: 10_000 });
    const tokens = new Set<string>();
    for (let i = 0; i < 3; i++) {
      await lock.run("telegram:4", async () => {
        tokens.add((await client.get(`${prefix}lock:telegram:4`)) ?? "");
      });
    }
    expect(tokens.size).toBe(3);
    expect([...tokens].every((token) => token.length > 20)).toBe(true);
  });
});
