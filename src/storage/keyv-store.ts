/** `KeyValueStore` over one namespaced Keyv instance. */
import type { Keyv } from "keyv";
import type { KeyValueStore } from "../core/ports.ts";

export function keyvStore<T>(keyv: Keyv): KeyValueStore<T> {
  return {
    async get(key) {
      return (await keyv.get<T>(key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      if (ttlMs !== undefined && (!Number.isFinite(ttlMs) || ttlMs <= 0)) {
        throw new RangeError(`TTL must be a positive number of milliseconds, got ${ttlMs}`);
      }
      const ok = await keyv.set(key, value, ttlMs);
      if (!ok) throw new Error(`storage refused to save a value in namespace '${keyv.namespace ?? ""}'`);
    },
    async delete(key) {
      await keyv.delete(key);
    },
  };
}
