import { describe, expect, it } from "vitest";
import { createKeyedQueue } from "../../src/storage/keyed-queue.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createKeyedQueue", () => {
  it("forgets a key once its work is done, so memory does not grow with the number of citizens", async () => {
    const queue = createKeyedQueue();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => queue.run(`telegram:${i}`, async () => i)));
    await sleep(0);
    expect(queue.size).toBe(0);
  });

  it("passes results and errors through to the caller", async () => {
    const queue = createKeyedQueue();
    expect(await queue.run("a", async () => 42)).toBe(42);
    await expect(queue.run("a", () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    // A synchronous throw inside the work is a rejection too, and does not block the key.
    await expect(
      queue.run("a", () => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(await queue.run("a", async () => "still going")).toBe("still going");
  });

  it("starts queued work only after the previous one for the key settles", async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const first = queue.run("k", async () => {
      await sleep(20);
      order.push("first");
    });
    const second = queue.run("k", async () => {
      order.push("second");
    });
    const other = queue.run("other", async () => {
      order.push("other");
    });
    await Promise.all([first, second, other]);
    expect(order).toEqual(["other", "first", "second"]);
  });
});
