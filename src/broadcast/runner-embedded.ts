/**
 * The delivery runner for a single instance on the embedded SQLite storage: a loop in this process
 * that delivers due broadcasts one at a time, oldest first. Durable because the broadcasts and their
 * outcomes are in the SQLite file: after a restart the loop finds the broadcast that was sending
 * and continues it where it stopped.
 */
import type { Logger } from "pino";
import type { VersionedStore } from "../core/ports.ts";
import { type Broadcast, broadcast as broadcastSchema, isFinished } from "./broadcast.ts";
import type { DeliveryEnd } from "./deliver.ts";
import type { BroadcastRunner } from "./service.ts";

export interface EmbeddedRunnerDeps {
  broadcasts: VersionedStore<Broadcast>;
  deliver(id: string, signal: AbortSignal): Promise<DeliveryEnd>;
  clock: { now(): number };
  logger: Logger;
  /** How often due broadcasts are looked for (default 1 s). */
  pollMs?: number;
}

export function createEmbeddedRunner(deps: EmbeddedRunnerDeps): BroadcastRunner {
  const pollMs = deps.pollMs ?? 1000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;
  let stopped = false;
  let again = false;

  async function due(): Promise<Broadcast | undefined> {
    const now = deps.clock.now();
    let best: Broadcast | undefined;
    for await (const [, record] of deps.broadcasts.entries()) {
      const b = broadcastSchema.safeParse(record.value).data;
      if (!b || isFinished(b.status) || b.notBefore > now) continue;
      if (!best || b.notBefore < best.notBefore) best = b;
    }
    return best;
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const next = await due();
        if (!next) break;
        const end = await deps.deliver(next.id, controller.signal);
        if (end.kind === "stopped") return;
        if (end.kind === "wait") break;
      }
    } while (again && !stopped);
  }

  function kick() {
    if (!started || stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop()
      .catch((error: unknown) =>
        deps.logger.error({ err: error }, "broadcast delivery failed; retrying soon"),
      )
      .finally(() => {
        running = undefined;
      });
  }

  return {
    async enqueue() {
      kick();
    },
    async remove() {
      // The record says cancelled; the loop skips it.
    },
    async start() {
      started = true;
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      controller.abort();
      await running;
    },
  };
}
