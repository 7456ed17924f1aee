import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteBackend } from "../../src/storage/sqlite-backend.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createSqliteBackend", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "htt-sqlite-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("sweeps expired rows that nobody reads again (SQLite has no native TTL)", async () => {
    const backend = await createSqliteBackend({ dataDir: dir, onError: () => undefined });
    try {
      const keyv = backend.keyv("conversations");
      await keyv.set("telegram:1", { step: "card" }, 50);
      await keyv.set("telegram:2", { step: "card" }, 60_000);
      await keyv.set("telegram:3", { step: "card" });
      await sleep(100);
      // The row is still in the file: Keyv only drops it when it is read.
      expect(await keyv.store.get("conversations:telegram:1")).toBeDefined();
      await backend.sweepExpired();
      expect(await keyv.store.get("conversations:telegram:1")).toBeUndefined();
      expect(await keyv.store.get("conversations:telegram:2")).toBeDefined();
      expect(await keyv.store.get("conversations:telegram:3")).toBeDefined();
    } finally {
      await backend.close();
    }
  });

  it("serves several namespaces over one connection without mixing keys", async () => {
    const backend = await createSqliteBackend({ dataDir: dir, onError: () => undefined });
    try {
      const namespaces = Array.from({ length: 15 }, (_, i) => backend.keyv(`ns${i}`));
      await Promise.all(namespaces.map((keyv, i) => keyv.set("same-key", i)));
      expect(await Promise.all(namespaces.map((keyv) => keyv.get("same-key")))).toEqual(
        Array.from({ length: 15 }, (_, i) => i),
      );
    } finally {
      await backend.close();
    }
  });

  it("is closed once, however many times close is called", async () => {
    const backend = await createSqliteBackend({ dataDir: dir, onError: () => undefined });
    await backend.close();
    await backend.close();
    expect(await backend.ping()).toBe(false);
  });
});
