import { describe, expect, it } from "vitest";
import { createAssistant } from "../../src/core/assistant.ts";
import { TooManySearches, withSearch } from "../../src/core/search-replay.ts";
import type { AsyncProcedureSearch, ProcedureSearch, SearchResult } from "../../src/search/types.ts";
import {
  ADDRESS,
  fakeSearch,
  fixtureCatalogue,
  harness,
  memoryStores,
  silentLogger,
  standardRules,
  TestClock,
} from "./support.ts";

/** The fake search answered asynchronously, as the search thread answers. */
function asyncOf(search: ProcedureSearch): AsyncProcedureSearch & { asked: string[] } {
  const asked: string[] = [];
  return {
    async: true,
    asked,
    async search(query) {
      asked.push(query);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return search.search(query);
    },
  };
}

const none = (query: string): SearchResult => ({
  query,
  decision: "none",
  answer: null,
  candidates: [],
  aspect: null,
});

describe("withSearch", () => {
  it("runs a step once with a search in this thread", async () => {
    let runs = 0;
    const sync: ProcedureSearch = { search: none };
    const out = await withSearch(sync, (search) => {
      runs++;
      return search.search("khai sinh").decision;
    });
    expect(out).toBe("none");
    expect(runs).toBe(1);
  });

  it("runs the step again with each asynchronous answer at hand, asking each question once", async () => {
    const remote = asyncOf(fakeSearch(standardRules));
    let runs = 0;
    const out = await withSearch(remote, (search) => {
      runs++;
      const a = search.search("đăng ký khai sinh").answer;
      const b = search.search("nhập thường trú").answer;
      return [a, b];
    });
    expect(out).toEqual(["1.001193", "1.004222"]);
    expect(runs).toBe(3);
    expect(remote.asked).toEqual(["đăng ký khai sinh", "nhập thường trú"]);
  });

  it("does not ask the search at all for a step that does not search", async () => {
    const remote = asyncOf(fakeSearch(standardRules));
    expect(await withSearch(remote, () => "menu")).toBe("menu");
    expect(remote.asked).toEqual([]);
  });

  it("passes on the step's own errors and a failed search", async () => {
    const remote = asyncOf(fakeSearch(standardRules));
    await expect(
      withSearch(remote, () => {
        throw new RangeError("bug");
      }),
    ).rejects.toThrow(RangeError);
    const failing: AsyncProcedureSearch = {
      async: true,
      search: () => Promise.reject(new Error("thread stopped")),
    };
    await expect(withSearch(failing, (search) => search.search("x"))).rejects.toThrow("thread stopped");
  });

  it("stops a step that keeps asking new questions", async () => {
    const remote = asyncOf({ search: none });
    let n = 0;
    await expect(withSearch(remote, (search) => search.search(`q${n++}`))).rejects.toThrow(TooManySearches);
    expect(remote.asked.length).toBe(4);
  });
});

describe("the assistant with an asynchronous search", () => {
  it("gives the same replies and state as with the search in this thread", async () => {
    const events = [
      { kind: "start" as const },
      { kind: "text" as const, text: "lệ phí khai sinh bao nhiêu?" },
      { kind: "text" as const, text: "giấy tờ" },
      { kind: "text" as const, text: "2" },
      { kind: "text" as const, text: "con mèo bị lạc" },
    ];
    const inThread = harness();
    const clock = new TestClock();
    const stores = memoryStores(clock);
    const catalogue = fixtureCatalogue();
    const remote = asyncOf(fakeSearch(standardRules));
    const assistant = createAssistant({
      catalogue: () => catalogue,
      search: () => remote,
      stores,
      clock,
      logger: silentLogger,
    });
    for (const event of events) {
      const expected = await inThread.send(event);
      const got = await assistant.handle({
        address: ADDRESS,
        userId: "42",
        receivedAt: clock.now(),
        ...event,
      });
      expect(got).toEqual(expected);
    }
    expect(await stores.conversations.get(ADDRESS)).toEqual(await inThread.stores.conversations.get(ADDRESS));
    expect(remote.asked).toEqual(["lệ phí khai sinh bao nhiêu?", "giấy tờ", "con mèo bị lạc"]);
  });

  it("answers with the polite error when the search thread fails", async () => {
    const clock = new TestClock();
    const assistant = createAssistant({
      catalogue: () => fixtureCatalogue(),
      search: () => ({ async: true, search: () => Promise.reject(new Error("thread stopped")) }),
      stores: memoryStores(clock),
      clock,
      logger: silentLogger,
    });
    const replies = await assistant.handle({
      address: ADDRESS,
      userId: "42",
      receivedAt: clock.now(),
      kind: "text",
      text: "đăng ký khai sinh",
    });
    expect(JSON.stringify(replies)).toMatch(/Xin lỗi/);
  });
});
