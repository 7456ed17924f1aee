/**
 * A lock per address shared by every instance on one Redis: `SET key token NX PX ttl` to take it,
 * a compare-and-delete script to release it (only the holder's token deletes it), renewed while the
 * work runs, and a safety expiry so a crashed instance never holds an address for long.
 *
 * Every message takes and releases a lock, so both are kept cheap: the token is this lock's random
 * id and a counter (no random bytes per message), and the scripts go by their SHA1 (redis-script.ts).
 */
import { randomBytes } from "node:crypto";
import { type RedisCommander, redisScript } from "./redis-script.ts";

export interface RedisLockOptions {
  /** Prepended to every lock key, e.g. `hoi-thu-tuc:`. */
  prefix: string;
  /** Safety expiry of a lock whose holder stopped renewing it. */
  ttlMs?: number;
  /** Give up waiting after this long (then the work is refused with an error). */
  waitMs?: number;
}

const release = redisScript(
  'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end',
);
const renew = redisScript(
  'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end',
);

export class LockTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(`another instance held this address's lock for more than ${waitedMs} ms`);
    this.name = "LockTimeoutError";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RedisLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export function createRedisLock(redis: RedisCommander, options: RedisLockOptions): RedisLock {
  const ttlMs = options.ttlMs ?? 30_000;
  const waitMs = options.waitMs ?? ttlMs * 2;
  // Unique among instances (random) and among this instance's locks (counter).
  const id = randomBytes(12).toString("hex");
  let taken = 0;

  async function acquire(lockKey: string, token: string): Promise<void> {
    const started = Date.now();
    let delay = 2;
    for (;;) {
      const reply = await redis.sendCommand<string | null>([
        "SET",
        lockKey,
        token,
        "NX",
        "PX",
        String(ttlMs),
      ]);
      if (reply === "OK") return;
      if (Date.now() - started > waitMs) throw new LockTimeoutError(waitMs);
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 50);
    }
  }

  return {
    async run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const lockKey = `${options.prefix}lock:${key}`;
      taken = (taken + 1) % Number.MAX_SAFE_INTEGER;
      const token = `${id}:${taken}`;
      await acquire(lockKey, token);
      const renewal = setInterval(
        () => {
          renew(redis, ["1", lockKey, token, String(ttlMs)]).catch(() => undefined);
        },
        Math.max(ttlMs / 3, 10),
      );
      renewal.unref();
      try {
        return await work();
      } finally {
        clearInterval(renewal);
        // If Redis is unreachable now, the safety expiry frees the address.
        await release(redis, ["1", lockKey, token]).catch(() => undefined);
      }
    },
  };
}
