/**
 * Counters and versioned records on Redis, atomic across instances: INCR for counters; for records a
 * hash (version, value) per key changed by scripts that check the version, and a sorted set of keys
 * per namespace for ordered listing.
 */
import type { Counter, Versioned, VersionedStore } from "../core/ports.ts";
import { type RedisCommander, redisScript } from "./redis-script.ts";

const PAGE = 500;

const CREATE = redisScript(
  'if redis.call("exists", KEYS[1]) == 1 then return 0 end ' +
    'redis.call("hset", KEYS[1], "version", 1, "value", ARGV[1]) ' +
    'redis.call("zadd", KEYS[2], 0, ARGV[2]) return 1',
);
const UPDATE = redisScript(
  'if redis.call("hget", KEYS[1], "version") ~= ARGV[2] then return 0 end ' +
    "local next = tonumber(ARGV[2]) + 1 " +
    'redis.call("hset", KEYS[1], "version", next, "value", ARGV[1]) return next',
);

export function redisCounter(redis: RedisCommander, prefix: string, name: string): Counter {
  return {
    async next() {
      return Number(await redis.sendCommand<number>(["INCR", `${prefix}counter:${name}`]));
    },
  };
}

export function redisVersionedStore<T>(
  redis: RedisCommander,
  prefix: string,
  namespace: string,
): VersionedStore<T> {
  const recordKey = (key: string) => `${prefix}record:${namespace}:${key}`;
  const indexKey = `${prefix}records:${namespace}`;
  const read = async (key: string): Promise<Versioned<T> | undefined> => {
    const [version, value] = await redis.sendCommand<(string | null)[]>([
      "HMGET",
      recordKey(key),
      "version",
      "value",
    ]);
    if (version === null || version === undefined || value === null || value === undefined) return undefined;
    return { version: Number(version), value: JSON.parse(value) as T };
  };
  return {
    get: read,
    async create(key, value) {
      const created = await CREATE<number>(redis, [
        "2",
        recordKey(key),
        indexKey,
        JSON.stringify(value),
        key,
      ]);
      return Number(created) === 1;
    },
    async update(key, value, expectedVersion) {
      const next = await UPDATE<number>(redis, [
        "1",
        recordKey(key),
        JSON.stringify(value),
        String(expectedVersion),
      ]);
      return Number(next) === 0 ? null : Number(next);
    },
    async *entries(): AsyncIterable<[string, Versioned<T>]> {
      let from = "-";
      for (;;) {
        const keys = await redis.sendCommand<string[]>([
          "ZRANGEBYLEX",
          indexKey,
          from,
          "+",
          "LIMIT",
          "0",
          String(PAGE),
        ]);
        // One page read at once (the client pipelines concurrent commands), not one round trip per key.
        const records = await Promise.all(keys.map(read));
        for (const [i, key] of keys.entries()) {
          const record = records[i];
          if (record) yield [key, record];
        }
        if (keys.length < PAGE) return;
        from = `(${keys[keys.length - 1]}`;
      }
    },
  };
}

/** Deletes a namespace's records and its index, a page at a time. */
export async function redisDropVersioned(
  redis: RedisCommander,
  prefix: string,
  namespace: string,
): Promise<void> {
  const indexKey = `${prefix}records:${namespace}`;
  for (;;) {
    const keys = await redis.sendCommand<string[]>(["ZRANGE", indexKey, "0", String(PAGE - 1)]);
    if (keys.length === 0) break;
    await redis.sendCommand(["UNLINK", ...keys.map((key) => `${prefix}record:${namespace}:${key}`)]);
    await redis.sendCommand(["ZREM", indexKey, ...keys]);
  }
  await redis.sendCommand(["UNLINK", indexKey]);
}
