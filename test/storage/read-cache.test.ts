import { describe, expect, it } from "vitest";
import type { KeyValueStore } from "../../src/core/ports.ts";
import { cachedStore, createReadCache, READ_TTL_MS } from "../../src/storage/read-cache.ts";

/** A store in memory that counts its reads and can be held or made to fail. */
function innerStore() {
  const data = new Map<string, unknown>();
  const calls = { get: 0, set: 0 };
  let hold: Promise<void> | null = null;
  let fail = false;
  const store: KeyValueStore<unknown> = {
    async get(key) {
      calls.get++;
      const value = data.get(key);
      if (hold) await hold;
      return value === undefined ? undefined : structuredClone(value);
    },
    async set(key, value) {
      calls.set++;
      if (fail) throw new Error("disk full");
      data.set(key, structuredClone(value));
    },
    async delete(key) {
      data.delete(key);
    },
  };
  return {
    store,
    data,
    calls,
    holdReads(until: Promise<void>) {
      hold = until;
    },
    failWrites(on: boolean) {
      fail = on;
    },
  };
}

describe("cachedStore", () => {
  it("answers a read of what it wrote from memory, with a copy the caller may change", async () => {
    const inner = innerStore();
    const store = cachedStore(inner.store, createReadCache(10));
    await store.set("telegram:1", { step: "ask", items: [1] }, 60_000);
    const first = (await store.get("telegram:1")) as { items: number[] };
    first.items.push(2);
    expect(await store.get("telegram:1")).toEqual({ step: "ask", items: [1] });
    expect(inner.calls.get).toBe(0);
  });

  it("reads the store once for a key it has not seen, also when the key is absent", async () => {
    const inner = innerStore();
    inner.data.set("a", { n: 1 });
    const store = cachedStore(inner.store, createReadCache(10));
    expect(await store.get("a")).toEqual({ n: 1 });
    expect(await store.get("a")).toEqual({ n: 1 });
    expect(await store.get("missing")).toBeUndefined();
    expect(await store.get("missing")).toBeUndefined();
    expect(inner.calls.get).toBe(2);
  });

  it("lets a written value expire with its TTL, and a value only read after a minute", async () => {
    let now = 1_000_000;
    const inner = innerStore();
    inner.data.set("read", 1);
    const store = cachedStore(inner.store, createReadCache(10), () => now);
    await store.set("written", 2, 5_000);
    await store.get("read");
    now += 4_999;
    await store.get("written");
    await store.get("read");
    expect(inner.calls.get).toBe(1);
    now += 2;
    inner.data.delete("written"); // the file's own expiry
    expect(await store.get("written")).toBeUndefined();
    now += READ_TTL_MS;
    await store.get("read");
    expect(inner.calls.get).toBe(3);
  });

  it("keeps a key found absent until it is written: only writes through this cache can add it", async () => {
    let now = 1_000_000;
    const inner = innerStore();
    const store = cachedStore(inner.store, createReadCache(10), () => now);
    expect(await store.get("prefs")).toBeUndefined();
    now += 10 * READ_TTL_MS;
    expect(await store.get("prefs")).toBeUndefined();
    expect(inner.calls.get).toBe(1);
    await store.set("prefs", { locale: "en" });
    expect(await store.get("prefs")).toEqual({ locale: "en" });
    await store.delete("prefs");
    now += 10 * READ_TTL_MS;
    expect(await store.get("prefs")).toBeUndefined();
    expect(inner.calls.get).toBe(1);
  });

  it("keeps a write made while a read was on its way (the read's older value is not cached)", async () => {
    const inner = innerStore();
    inner.data.set("k", "old");
    const store = cachedStore(inner.store, createReadCache(10));
    let release!: () => void;
    inner.holdReads(new Promise<void>((resolve) => (release = resolve)));
    const reading = store.get("k");
    inner.holdReads(Promise.resolve());
    await store.set("k", "new");
    release();
    expect(await reading).toBe("old");
    expect(await store.get("k")).toBe("new");
  });

  it("caches nothing when the store refuses a write, and forgets deleted keys", async () => {
    const inner = innerStore();
    const store = cachedStore(inner.store, createReadCache(10));
    await store.set("k", "kept");
    inner.failWrites(true);
    await expect(store.set("k", "lost")).rejects.toThrow("disk full");
    expect(await store.get("k")).toBe("kept");
    inner.failWrites(false);
    await store.delete("k");
    expect(await store.get("k")).toBeUndefined();
  });

  it("holds at most its number of entries, dropping the least recently used", async () => {
    const inner = innerStore();
    const cache = createReadCache(3);
    const store = cachedStore(inner.store, cache);
    for (const key of ["a", "b", "c"]) await store.set(key, key);
    await store.get("a"); // a is now the most recent
    await store.set("d", "d");
    expect([...cache.entries.keys()]).toEqual(["c", "a", "d"]);
    expect(await store.get("b")).toBe("b");
    expect(inner.calls.get).toBe(1);
  });
});
