import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assistantStores } from "../../src/storage/assistant-stores.ts";
import { createStores } from "../../src/storage/create-stores.ts";

describe("assistantStores", () => {
  it("gives the assistant separate namespaces that the unanswered report can read back", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "hoi-thu-tuc-assistant-stores-"));
    const stores = await createStores({ dataDir, redisUrl: null });
    try {
      const wired = assistantStores(stores);
      await wired.conversations.set("telegram:1", { v: 1, offered: [] });
      expect(await wired.checklists.get("telegram:1")).toBeUndefined();
      const question = {
        at: "2026-11-22T00:00:00.000Z",
        question: "giá vàng",
        addressHash: null,
        candidates: [],
        locale: "vi" as const,
      };
      await wired.unanswered.append(question);
      const read: unknown[] = [];
      for await (const entry of stores.appendLog("unanswered").entries()) read.push(entry);
      expect(read).toEqual([question]);
      expect(await stores.keyValue("conversations").get("telegram:1")).toEqual({ v: 1, offered: [] });
    } finally {
      await stores.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
