/**
 * Shared storage on Redis (REDIS_URL), so several instances see the same state: one client, a
 * @keyv/redis adapter per namespace over it, append logs as Redis lists, and address locks that hold
 * across instances.
 */
import KeyvRedis, { createClient } from "@keyv/redis";
import { Keyv } from "keyv";
import type { Address } from "../core/model.ts";
import type { AddressLock, AppendLog } from "../core/ports.ts";
import type { Backend } from "./backend.ts";
import { createKeyedQueue } from "./keyed-queue.ts";
import { keyvCodec } from "./keyv-codec.ts";
import { createRedisLock } from "./redis-lock.ts";
import { redisCounter, redisDropVersioned, redisVersionedStore } from "./redis-records.ts";
import type { RedisCommander } from "./redis-script.ts";

const PAGE = 500;
const CONNECT_TIMEOUT_MS = 5000;
const PING_TIMEOUT_MS = 1000;

/** Redis could not be reached at start-up; the message says what to do. */
export class StorageUnavailableError extends Error {}

export interface RedisBackendOptions {
  url: string;
  /** Prepended to every key, so several deployments (or test runs) can share one Redis. */
  prefix: string;
  onError: (error: unknown, namespace: string) => void;
  lockTtlMs?: number;
}

/** Host and port of a Redis URL, without credentials, for messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || "6379"}${u.pathname && u.pathname !== "/" ? u.pathname : ""}`;
  } catch {
    return "redis";
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function createRedisBackend(options: RedisBackendOptions): Promise<Backend> {
  const where = describeRedisUrl(options.url);
  let connected = false;
  const client = createClient({
    url: options.url,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // At start-up a refused connection is an error to report; once running, keep reconnecting.
      reconnectStrategy: (retries: number, cause: Error) =>
        connected ? Math.min(100 * 2 ** retries, 3000) : cause,
    },
  });
  let lastError: unknown;
  client.on("error", (error: unknown) => {
    lastError = error;
    options.onError(error, "redis");
  });
  try {
    await withTimeout(client.connect(), CONNECT_TIMEOUT_MS, "connecting");
    connected = true;
  } catch (error) {
    try {
      client.destroy();
    } catch {
      // Already closed by the failed connection.
    }
    const reason = error instanceof Error ? error.message : String(lastError ?? error);
    throw new StorageUnavailableError(
      `Cannot reach Redis at ${where} (REDIS_URL): ${reason}. Start Redis, fix REDIS_URL, or remove it to use the embedded SQLite storage.`,
    );
  }
  const commander = client as unknown as RedisCommander;
  const queue = createKeyedQueue();
  const redisLock = createRedisLock(commander, { prefix: options.prefix, ttlMs: options.lockTtlMs });
  const addressLock: AddressLock = {
    run: (address: Address, work) => queue.run(address, () => redisLock.run(address, work)),
  };
  let closed = false;
  const keyvs = new Map<string, Keyv>();

  return {
    kind: "redis",
    location: where,
    keyv(namespace) {
      // One adapter per namespace: each adds its listeners to the shared client, so asking twice
      // for a namespace (several parts of the app use "prefs") must not add them twice.
      const known = keyvs.get(namespace);
      if (known) return known;
      const full = `${options.prefix}${namespace}`;
      const adapter = new KeyvRedis(client, { namespace: full, throwOnErrors: true });
      const keyv = new Keyv({
        store: adapter,
        namespace: full,
        useKeyPrefix: false,
        throwOnErrors: true,
        ...keyvCodec,
      });
      keyv.on("error", (error: unknown) => options.onError(error, namespace));
      keyvs.set(namespace, keyv);
      return keyv;
    },
    appendLog<T>(namespace: string): AppendLog<T> {
      const key = `${options.prefix}log:${namespace}`;
      return {
        async append(entry) {
          await client.rPush(key, JSON.stringify(entry));
        },
        async *entries() {
          for (let start = 0; ; start += PAGE) {
            const page = await client.lRange(key, start, start + PAGE - 1);
            for (const item of page) yield JSON.parse(item) as T;
            if (page.length < PAGE) return;
          }
        },
      };
    },
    counter: (name) => redisCounter(commander, options.prefix, name),
    versioned: <T>(namespace: string) => redisVersionedStore<T>(commander, options.prefix, namespace),
    dropVersioned: (namespace) => redisDropVersioned(commander, options.prefix, namespace),
    addressLock,
    async ping() {
      try {
        return (await withTimeout(client.ping(), PING_TIMEOUT_MS, "ping")) === "PONG";
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await withTimeout(client.close(), 2000, "closing");
      } catch {
        try {
          client.destroy();
        } catch {
          // Already closed.
        }
      }
    },
    async sweepExpired() {
      // Redis expires keys itself.
    },
  };
}
