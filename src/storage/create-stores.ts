/**
 * The storage the rest of the app sees: namespaced key-value stores, append logs and the address
 * lock, on SQLite by default or on Redis when REDIS_URL is set.
 */
import type { Config } from "../config.ts";
import type { AddressLock, AppendLog, Counter, KeyValueStore, VersionedStore } from "../core/ports.ts";
import type { Backend } from "./backend.ts";
import { keyvStore } from "./keyv-store.ts";
import { cachedStore, createReadCache, type ReadCache } from "./read-cache.ts";
import { createRedisBackend } from "./redis-backend.ts";
import { createSqliteBackend } from "./sqlite-backend.ts";

export interface Stores {
  kind: "sqlite" | "redis";
  /** Where the data lives (file path, or Redis host without credentials). */
  location: string;
  keyValue<T>(namespace: string): KeyValueStore<T>;
  /**
   * Values that may be lost on a restart (a citizen's rate window): in this process's memory with
   * the embedded storage, which one process owns; in Redis otherwise, shared by the instances.
   */
  shortLived<T>(namespace: string): KeyValueStore<T>;
  appendLog<T>(namespace: string): AppendLog<T>;
  /** An atomic counter, shared by every instance on the same storage. */
  counter(name: string): Counter;
  /** Records updated with a version check, so concurrent changes never overwrite each other. */
  versioned<T>(namespace: string): VersionedStore<T>;
  /** Deletes every versioned record of a namespace (e.g. a finished broadcast's outcomes, after their retention). */
  dropVersioned(namespace: string): Promise<void>;
  addressLock: AddressLock;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoresOptions {
  /** Called for every storage error event (log it; the failing call also throws). */
  onError?: (error: unknown, namespace: string) => void;
  /** Redis key prefix, overriding the configuration's (tests use a unique one per run). */
  redisPrefix?: string;
  /** Safety expiry of a Redis address lock (default 30 s). */
  lockTtlMs?: number;
}

const NAMESPACE = /^[a-z][a-z0-9-]{0,39}$/;
/**
 * Recent keys per namespace whose values the embedded storage also keeps in memory (about the
 * citizens active in the last hours: a few MB at most).
 */
const READ_CACHE_ENTRIES = 2000;

/** Under a short-lived store's cache: nothing is written anywhere else. */
const nothingKept: KeyValueStore<never> = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
};

export async function createStores(
  config: Pick<Config, "dataDir" | "redisUrl"> & Partial<Pick<Config, "redisKeyPrefix">>,
  options: StoresOptions = {},
): Promise<Stores> {
  const onError = options.onError ?? (() => undefined);
  const backend: Backend =
    config.redisUrl === null
      ? await createSqliteBackend({ dataDir: config.dataDir, onError })
      : await createRedisBackend({
          url: config.redisUrl,
          prefix: options.redisPrefix ?? config.redisKeyPrefix ?? "hoi-thu-tuc:",
          onError,
          lockTtlMs: options.lockTtlMs,
        });
  const check = (namespace: string) => {
    if (!NAMESPACE.test(namespace)) {
      throw new Error(`storage namespace must be lowercase letters, digits and '-', got '${namespace}'`);
    }
  };
  // One cache per namespace, shared by every store of it (several parts open "prefs").
  const readCaches = new Map<string, ReadCache>();
  const shortLivedCaches = new Map<string, ReadCache>();
  const cacheOf = (caches: Map<string, ReadCache>, namespace: string): ReadCache => {
    let cache = caches.get(namespace);
    if (!cache) {
      cache = createReadCache(READ_CACHE_ENTRIES);
      caches.set(namespace, cache);
    }
    return cache;
  };
  return {
    kind: backend.kind,
    location: backend.location,
    keyValue<T>(namespace: string) {
      check(namespace);
      const store = keyvStore<T>(backend.keyv(namespace));
      return backend.kind === "sqlite" ? cachedStore(store, cacheOf(readCaches, namespace)) : store;
    },
    shortLived<T>(namespace: string) {
      check(namespace);
      if (backend.kind !== "sqlite") return keyvStore<T>(backend.keyv(namespace));
      return cachedStore<T>(nothingKept, cacheOf(shortLivedCaches, namespace));
    },
    appendLog<T>(namespace: string) {
      check(namespace);
      return backend.appendLog<T>(namespace);
    },
    counter(name: string) {
      check(name);
      return backend.counter(name);
    },
    versioned<T>(namespace: string) {
      check(namespace);
      return backend.versioned<T>(namespace);
    },
    dropVersioned(namespace: string) {
      check(namespace);
      return backend.dropVersioned(namespace);
    },
    addressLock: backend.addressLock,
    ping: () => backend.ping(),
    close: () => backend.close(),
  };
}
