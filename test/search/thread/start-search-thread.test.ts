import { readFileSync } from "node:fs";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Catalogue } from "../../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../../src/catalogue/load.ts";
import { createSearch } from "../../../src/search/search.ts";
import { type SearchThread, startSearchThread } from "../../../src/search/thread/start-search-thread.ts";

const logger = pino({ level: "silent" });
let catalogue: Catalogue;
let thread: SearchThread;

beforeAll(async () => {
  catalogue = await loadCatalogue("procedures");
  thread = startSearchThread({ logger });
  await thread.load(catalogue);
}, 60_000);
afterAll(() => thread.close());

function evalQuestions(n: number): string[] {
  const doc = parse(readFileSync("test/search/eval-set.yaml", "utf8")) as { items: { q: string }[] };
  return doc.items.slice(0, n).map((item) => item.q);
}

describe("startSearchThread", () => {
  it("answers exactly as the search in this thread, in the order asked", async () => {
    const local = createSearch(catalogue);
    const queries = [
      ...evalQuestions(60),
      "1.001193",
      "",
      "   ",
      "😀😀😀",
      "\u0000\u0007 khai sinh",
      "a".repeat(100_000),
      "giá vàng hôm nay",
    ];
    const answers = await Promise.all(queries.map((q) => thread.search(q)));
    expect(answers).toEqual(queries.map((q) => local.search(q)));
  }, 60_000);

  it("searches the catalogue it was sent last", async () => {
    const small = catalogue.procedures.filter((p) => p.code !== "1.001193");
    await thread.load({ procedures: small });
    const without = await thread.search("đăng ký khai sinh");
    expect([without.answer, ...without.candidates.map((c) => c.code)]).not.toContain("1.001193");
    await thread.load(catalogue);
    expect((await thread.search("đăng ký khai sinh")).candidates.map((c) => c.code)).toContain("1.001193");
  }, 60_000);

  it("sends the catalogue's labelled questions with its procedures: the thread's index is built with them", async () => {
    expect(catalogue.questions.length).toBeGreaterThan(1000);
    expect(await thread.load(catalogue)).toMatchObject({ questions: catalogue.questions.length });
    const small = catalogue.procedures.filter((p) => p.code !== "1.001193");
    const one = [{ q: "làm giấy khai sinh cho con", codes: ["1.001193"] }];
    expect(await thread.load({ procedures: small, questions: one })).toMatchObject({ questions: 1 });
    expect(await thread.load({ procedures: small })).toMatchObject({ questions: 0 });
    await thread.load(catalogue);
  }, 60_000);

  it("answers from the old index while a new catalogue is built, then from the new one", async () => {
    const small = catalogue.procedures.filter((p) => p.code !== "1.001193");
    let loaded = false;
    const loading = thread.load({ procedures: small }).then(() => {
      loaded = true;
    });
    // The build takes hundreds of milliseconds in the second thread; the first answers meanwhile.
    const during = await Promise.all(["đăng ký khai sinh", "cccd", "sổ đỏ"].map((q) => thread.search(q)));
    expect(loaded).toBe(false);
    expect(during[0]!.candidates.map((c) => c.code)).toContain("1.001193");
    await loading;
    const after = await thread.search("đăng ký khai sinh");
    expect([after.answer, ...after.candidates.map((c) => c.code)]).not.toContain("1.001193");
    await thread.load(catalogue);
  }, 60_000);

  it("keeps the old index serving when a new catalogue cannot be built", async () => {
    // A record the index cannot read (no name): the build fails in the second thread.
    const broken = [{ ...catalogue.procedures[0]!, name: undefined }] as unknown as Catalogue["procedures"];
    await expect(thread.load({ procedures: broken })).rejects.toThrow(/catalogue not loaded/);
    expect((await thread.search("đăng ký khai sinh")).candidates.map((c) => c.code)).toContain("1.001193");
  }, 60_000);

  it("builds catalogues loaded in quick succession in order, the last one serving", async () => {
    const small = catalogue.procedures.filter((p) => p.code !== "1.001193");
    const first = thread.load({ procedures: small });
    const second = thread.load(catalogue);
    await Promise.all([first, second]);
    expect((await thread.search("đăng ký khai sinh")).candidates.map((c) => c.code)).toContain("1.001193");
  }, 60_000);
});

describe("a search thread that stops", () => {
  it("fails the searches it held, starts again with the last catalogue and answers", async () => {
    const errors: unknown[] = [];
    const watched = pino({ level: "error" }, { write: (line: string) => errors.push(JSON.parse(line)) });
    const dying = startSearchThread({
      logger: watched,
      entry: new URL("../../support/search-thread-exit-entry.ts", import.meta.url),
    });
    try {
      await dying.load(catalogue);
      expect((await dying.search("đăng ký khai sinh")).answer).not.toBeNull();
      await expect(dying.search("__stop__")).rejects.toThrow(/search thread stopped \(exit code 3\)/);
      // While it starts again, a search fails at once instead of waiting.
      await expect(dying.search("đăng ký khai sinh")).rejects.toThrow(/restarting/);
      let answered = null;
      for (let i = 0; i < 100 && answered === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        answered = await dying.search("đăng ký khai sinh").catch(() => null);
      }
      expect(answered?.answer).toBe(createSearch(catalogue).search("đăng ký khai sinh").answer);
      expect(errors).toContainEqual(
        expect.objectContaining({ msg: "search thread stopped; starting it again", code: 3 }),
      );
    } finally {
      await dying.close();
    }
    await expect(dying.search("khai sinh")).rejects.toThrow(/closed/);
  }, 90_000);

  it("builds a catalogue loaded while it starts again, and the load resolves only once that index serves", async () => {
    const dying = startSearchThread({
      logger,
      entry: new URL("../../support/search-thread-exit-entry.ts", import.meta.url),
    });
    try {
      await dying.load(catalogue);
      await expect(dying.search("__stop__")).rejects.toThrow(/exit code 3/);
      const small = catalogue.procedures.filter((p) => p.code !== "1.001193");
      // Its questions too: the thread started again builds the index with them.
      const questions = catalogue.questions.slice(0, 5);
      expect(await dying.load({ procedures: small, questions })).toMatchObject({ questions: 5 });
      // Resolved: the index that answers now is the new catalogue's, with no wait or retry.
      const after = await dying.search("đăng ký khai sinh");
      expect([after.answer, ...after.candidates.map((c) => c.code)]).not.toContain("1.001193");
    } finally {
      await dying.close();
    }
  }, 90_000);
});
