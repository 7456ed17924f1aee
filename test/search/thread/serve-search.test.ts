/**
 * The thread's side of the protocol, over a port in this thread: the catalogue a "load" message
 * carries (procedures and labelled questions) is what `createSearch` is given.
 */
import { describe, expect, it, vi } from "vitest";
import { type SearchCatalogue, toSearchable } from "../../../src/search/searchable.ts";
import type { FromSearchThread, ToSearchThread } from "../../../src/search/thread/protocol.ts";
import { serveSearch } from "../../../src/search/thread/serve-search.ts";
import { realProcedure } from "../../core/support.ts";

/** Every catalogue the thread built an index from (the real search still builds it). */
const built = vi.hoisted(() => [] as SearchCatalogue[]);
vi.mock("../../../src/search/search.ts", async (original) => {
  const search = await original<typeof import("../../../src/search/search.ts")>();
  return {
    ...search,
    createSearch: ((catalogue: SearchCatalogue, ...rest: unknown[]) => {
      built.push(catalogue);
      return (search.createSearch as (...args: unknown[]) => unknown)(catalogue, ...rest);
    }) as typeof search.createSearch,
  };
});

/** A port whose messages are sent by the test and whose replies are collected. */
function fakePort() {
  let handler: (message: ToSearchThread) => void = () => undefined;
  const replies: FromSearchThread[] = [];
  serveSearch({
    on: ((_event: string, listener: (message: ToSearchThread) => void) => {
      handler = listener;
    }) as never,
    postMessage: (message: FromSearchThread) => replies.push(message),
  });
  return { send: (message: ToSearchThread) => handler(message), replies };
}

describe("serveSearch", () => {
  it("builds the search from the procedures and labelled questions it is sent, and says how many", () => {
    const procedures = [toSearchable(realProcedure("1.001193")), toSearchable(realProcedure("1.004222"))];
    const questions = [
      { q: "làm giấy khai sinh cho con", codes: ["1.001193"] },
      { q: "giá vàng hôm nay", codes: [] },
    ];
    const port = fakePort();
    built.length = 0;
    port.send({ type: "load", id: 1, procedures, questions });
    expect(port.replies).toEqual([
      { type: "loaded", id: 1, procedures: 2, questions: 2, ms: expect.any(Number) },
    ]);
    expect(built).toHaveLength(1);
    expect(built[0]!.procedures).toEqual(procedures);
    expect(built[0]!.questions).toEqual(questions);
    expect([...built[0]!.byCode.keys()]).toEqual(["1.001193", "1.004222"]);
    port.send({ type: "search", id: 2, query: "đăng ký khai sinh" });
    expect(port.replies[1]).toMatchObject({ type: "result", id: 2 });
  });
});
