/**
 * Kill the sender mid-broadcast and start it again: every subscriber gets the announcement exactly
 * once. The sender is a real child process killed with SIGKILL (no chance to tidy up), on the
 * embedded SQLite storage and, when REDIS_URL is set, on Redis with BullMQ and two instances.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outcome, outcomeNamespace } from "../../src/broadcast/outcome.ts";
import type { Address } from "../../src/core/model.ts";
import { deliveredTelegram, type World, world } from "./support.ts";

const SCRIPT = join(import.meta.dirname, "sender-process.ts");
const SUBSCRIBERS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sender {
  child: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

function startSender(w: World, redisUrl?: string): Sender {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT], {
    env: {
      ...process.env,
      BC_DATA_DIR: w.dataDir,
      BC_PREFIX: w.prefix,
      BC_TOKEN: w.telegram.token,
      BC_API_ROOT: w.telegram.apiRoot,
      BC_RATE: "150",
      BC_LOCK_MS: "1500",
      ...(redisUrl && { BC_REDIS_URL: redisUrl }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, output, exited };
}

let w: World | undefined;
const senders: Sender[] = [];
afterEach(async () => {
  for (const s of senders.splice(0)) {
    s.child.kill("SIGKILL");
    await s.exited;
  }
  await w?.close();
  w = undefined;
});

async function untilDone(get: () => Promise<{ status: string } | undefined>, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await get())?.status === "done") return;
    await sleep(100);
  }
  throw new Error("broadcast did not finish in time");
}

async function checkExactlyOnce(current: World, id: string) {
  const delivered = deliveredTelegram(current.telegram);
  const interrupted: string[] = [];
  for await (const [address, record] of current.stores.versioned(outcomeNamespace(id)).entries()) {
    const value = outcome.parse(record.value);
    if (value.reason === "interrupted") interrupted.push(address);
  }
  const twice = [...delivered.entries()].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  const missing: Address[] = [];
  for (let i = 1; i <= SUBSCRIBERS; i++) if (!delivered.has(i)) missing.push(`telegram:${i}`);
  // A send cut off by the kill before it reached the API is the only way to miss it, and it is
  // reported (reason "interrupted"), never silently dropped.
  for (const address of missing) expect(interrupted).toContain(address);
  return { delivered: delivered.size, interrupted: interrupted.length, missing: missing.length };
}

async function prepare(redisUrl?: string) {
  const current = await world(redisUrl ? { redisUrl } : {});
  w = current;
  for (let i = 1; i <= SUBSCRIBERS; i++) await current.addSubscriber(`telegram:${i}`, ["reform"]);
  return current;
}

describe("a sender killed mid-broadcast and started again", () => {
  it("embedded (SQLite): continues where it stopped, nobody gets it twice", async () => {
    const current = await prepare();
    // A runner that only queues (the embedded one delivers when started; this one is not).
    const producer = current.build();
    const created = await producer.service.create({ text: "Thông báo thử khởi động lại." }, "api");
    const first = startSender(current);
    senders.push(first);
    await current.telegram.waitForCalls("sendMessage", 100, 20_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const afterKill = current.telegram.callsOf("sendMessage").length;
    expect(afterKill).toBeLessThan(SUBSCRIBERS);

    const second = startSender(current);
    senders.push(second);
    await untilDone(() => producer.service.get(created.id), 30_000);
    const result = await checkExactlyOnce(current, created.id);
    console.log(`embedded restart: killed after ${afterKill} sends; ${JSON.stringify(result)}`);
    expect(result.delivered).toBeGreaterThanOrEqual(SUBSCRIBERS - result.interrupted);
    expect(result.interrupted).toBeLessThanOrEqual(20);
    const done = await producer.service.get(created.id);
    expect(done).toMatchObject({ status: "done", total: SUBSCRIBERS });
    expect(done!.counts.sent + done!.counts.failed).toBe(SUBSCRIBERS);
  }, 60_000);

  const redisUrl = process.env.REDIS_URL;
  it.runIf(redisUrl)(
    "BullMQ (Redis): a second instance takes the job over after the first dies",
    async () => {
      const current = await prepare(redisUrl);
      const producer = current.build({
        queue: { kind: "bullmq", redisUrl: redisUrl!, prefix: `${current.prefix}bull`, lockMs: 1500 },
      });
      const created = await producer.service.create({ text: "Thông báo thử hai máy chủ." }, "api");
      const first = startSender(current, redisUrl);
      senders.push(first);
      await current.telegram.waitForCalls("sendMessage", 80, 20_000);
      // The second instance is up while the first delivers: the queue keeps it idle.
      const second = startSender(current, redisUrl);
      senders.push(second);
      await sleep(800);
      expect(second.output.some((line) => line.includes('"msg":"delivering"'))).toBe(false);
      first.child.kill("SIGKILL");
      await first.exited;
      const afterKill = current.telegram.callsOf("sendMessage").length;
      expect(afterKill).toBeLessThan(SUBSCRIBERS);

      await untilDone(() => producer.service.get(created.id), 40_000);
      expect(second.output.some((line) => line.includes('"msg":"delivering"'))).toBe(true);
      const result = await checkExactlyOnce(current, created.id);
      console.log(`bullmq takeover: killed after ${afterKill} sends; ${JSON.stringify(result)}`);
      expect(result.interrupted).toBeLessThanOrEqual(20);
      await producer.runner.stop();
    },
    90_000,
  );
});
