/**
 * The SQLite store keeps @keyv/sqlite's layout: a data file written before the switch is read as
 * it was, and what is written now is read by @keyv/sqlite (a rollback keeps the data).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import { Keyv } from "keyv";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStores } from "../../src/storage/create-stores.ts";
import { SQLITE_FILE } from "../../src/storage/sqlite-backend.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-keyv-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function keyvSqlite(namespace: string) {
  const store = new KeyvSqlite({ uri: `sqlite://${join(dir, SQLITE_FILE)}` });
  return { keyv: new Keyv({ store, namespace }), store };
}

describe("SQLite key-value store", () => {
  it("reads what @keyv/sqlite wrote, and @keyv/sqlite reads what it writes", async () => {
    const old = keyvSqlite("prefs");
    await old.keyv.set("telegram:42", { locale: "en" });
    await old.keyv.set("telegram:43", { locale: "vi" }, 60_000);
    await old.store.disconnect();

    const stores = await createStores({ dataDir: dir, redisUrl: null });
    const prefs = stores.keyValue<{ locale: string }>("prefs");
    expect(await prefs.get("telegram:42")).toEqual({ locale: "en" });
    expect(await prefs.get("telegram:43")).toEqual({ locale: "vi" });
    await prefs.set("telegram:44", { locale: "en" });
    await prefs.delete("telegram:42");
    await stores.close();

    const back = keyvSqlite("prefs");
    expect(await back.keyv.get("telegram:44")).toEqual({ locale: "en" });
    expect(await back.keyv.get("telegram:42")).toBeUndefined();
    await back.store.disconnect();
  });

  it("keeps namespaces apart and lets entries expire", async () => {
    const stores = await createStores({ dataDir: dir, redisUrl: null });
    try {
      const a = stores.keyValue<string>("conversations");
      const b = stores.keyValue<string>("checklists");
      await a.set("telegram:1", "hỏi khai sinh");
      await b.set("telegram:1", "giấy tờ");
      await a.set("telegram:2", "sắp hết hạn", 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await a.get("telegram:1")).toBe("hỏi khai sinh");
      expect(await b.get("telegram:1")).toBe("giấy tờ");
      expect(await a.get("telegram:2")).toBeUndefined();
    } finally {
      await stores.close();
    }
  });
});
