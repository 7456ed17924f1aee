/**
 * A read cache in front of the key-value stores of the embedded SQLite file, which one process
 * owns (its address lock is in-process too). Every write goes to SQLite first and then to the
 * cache, so the cache never holds what the file does not; reads of recent citizens (their
 * conversation, checklists, preferences, rate window) are answered from memory, which spares the
 * event loop most of its SQLite calls. Values are kept as JSON text and parsed on each read, so a
 * caller that changes what it read cannot change the cache. Bounded: the least recently used
 * entries go first. Not used with Redis, where other instances write too.
 *
 * A value written here expires from the cache when it expires in the file. A value only read is
 * kept READ_TTL_MS (the store does not say when it expires), so a value read in the last minute of
 * its life can be served up to a minute after it: harmless for what is stored (a conversation
 * kept a day, checklists a month, a rate window that carries its own start time). A key found
 * absent (or deleted here) stays absent until it is written, and every write comes through here:
 * it is kept until it is evicted, so most citizens' missing preferences and checklists are not
 * read from the file again every minute.
 */
import type { KeyValueStore } from "../core/ports.ts";

/** How long a value that was only read (not written here) is served from memory. */
export const READ_TTL_MS = 60_000;

interface Entry {
  /** JSON text of the value, or undefined when the store has no value for the key. */
  readonly json: string | undefined;
  readonly expiresAt: number;
}

export interface ReadCache {
  readonly entries: Map<string, Entry>;
  readonly maxEntries: number;
}

export function createReadCache(maxEntries: number): ReadCache {
  return { entries: new Map(), maxEntries };
}

export function cachedStore<T>(
  inner: KeyValueStore<T>,
  cache: ReadCache,
  now: () => number = Date.now,
): KeyValueStore<T> {
  const { entries } = cache;
  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > cache.maxEntries) entries.delete(entries.keys().next().value!);
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        remember(key, entry);
        return entry.json === undefined ? undefined : (JSON.parse(entry.json) as T);
      }
      const value = await inner.get(key);
      // A write to this key while the read was on its way wins: the read is not cached then.
      if (entries.get(key) === entry) {
        remember(
          key,
          value === undefined
            ? { json: undefined, expiresAt: Infinity }
            : { json: JSON.stringify(value), expiresAt: now() + READ_TTL_MS },
        );
      }
      return value;
    },
    async set(key, value, ttlMs) {
      await inner.set(key, value, ttlMs);
      remember(key, {
        json: JSON.stringify(value),
        expiresAt: ttlMs === undefined ? Infinity : now() + ttlMs,
      });
    },
    async delete(key) {
      await inner.delete(key);
      remember(key, { json: undefined, expiresAt: Infinity });
    },
  };
}
