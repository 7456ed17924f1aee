import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZaloClient } from "../../../src/channels/zalo/client.ts";
import { createPoller, type Poller, PollerConflictError } from "../../../src/channels/zalo/poller.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../../support/zalo-api-stand-in.ts";
import { captureLogs, until } from "../../support/zalo-harness.ts";
import { zaloText } from "../../support/zalo-updates.ts";

let api: ZaloApiStandIn;
const pollers: Poller[] = [];

beforeEach(async () => {
  api = await startZaloApiStandIn({ maxPollWaitMs: 100 });
});
afterEach(async () => {
  for (const poller of pollers.splice(0)) await poller.stop();
  await api.close();
});

function poller(
  options: { onUpdate?: (u: Record<string, unknown>) => void; maxMs?: number; token?: string } = {},
) {
  const { logger, capture } = captureLogs();
  const created = createPoller({
    client: createZaloClient({ token: api.token, apiRoot: api.apiRoot, timeoutMs: 2000 }),
    token: options.token ?? api.token,
    logger,
    onUpdate: options.onUpdate ?? (() => {}),
    pollTimeoutSeconds: 1,
    backoff: { initialMs: 50, maxMs: options.maxMs ?? 100 },
  });
  pollers.push(created);
  return { poller: created, logs: capture };
}

describe("createPoller", () => {
  it("delivers each update once, in order", async () => {
    const seen: unknown[] = [];
    const { poller: p } = poller({ onUpdate: (u) => seen.push((u.message as { text: string }).text) });
    p.start();
    for (const text of ["một", "hai", "ba"]) api.pushUpdate(zaloText("c", text));
    await until(() => seen.length === 3);
    expect(seen).toEqual(["một", "hai", "ba"]);
  });

  it("caps the back-off at maxMs", async () => {
    api.failNext("getUpdates", { kind: "error", httpStatus: 500, errorCode: 500, description: "x" }, 6);
    const { poller: p, logs } = poller({ maxMs: 100 });
    p.start();
    await until(() => logs.records().filter((r) => r.failures === 6).length === 1, 5000);
    const delays = logs.records().map((r) => r.delayMs as number);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(60);
    for (const delay of delays.slice(1)) {
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(120);
    }
  });

  it("keeps polling when the update handler throws", async () => {
    let calls = 0;
    const { poller: p, logs } = poller({
      onUpdate: () => {
        calls++;
        throw new Error("handler broke");
      },
    });
    p.start();
    api.pushUpdate(zaloText("c", "một"));
    api.pushUpdate(zaloText("c", "hai"));
    await until(() => calls === 2);
    expect(logs.records().filter((r) => r.msg === "zalo update handler failed")).toHaveLength(2);
    expect(p.running).toBe(true);
  });

  it("stops at once while waiting out a back-off", async () => {
    api.failNext("getUpdates", { kind: "html429" });
    const { poller: p } = poller({ maxMs: 60_000 });
    p.start();
    await api.waitForCalls("getUpdates", 1);
    const started = performance.now();
    await p.stop();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses a second poller for the same token until the first stops", async () => {
    const first = poller().poller;
    first.start();
    const second = poller().poller;
    expect(() => second.start()).toThrow(PollerConflictError);
    const other = poller({ token: "1:another-bot-token" }).poller;
    expect(() => other.start()).not.toThrow();
    await first.stop();
    expect(() => second.start()).not.toThrow();
  });
});
