/**
 * Long polling for development: getUpdates in a loop. Each call returns at most ONE update and Zalo
 * counts it delivered (no offset, no acknowledgement: at-most-once). A 408 answer means "nothing new"
 * (the client returns undefined). Errors back off exponentially (with jitter) up to `maxMs`.
 *
 * Only one poller per bot token may run in a process: two would steal each other's updates.
 */
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../../logger.ts";
import { ZaloApiError } from "./api-error.ts";
import type { RawUpdate, ZaloClient } from "./client.ts";

export interface PollerOptions {
  client: ZaloClient;
  /** Used only to refuse a second poller for the same bot. */
  token: string;
  logger: Logger;
  /**
   * Called for each update, and awaited before the next poll (so updates are handed on in order);
   * it should only queue the work, not do it. Errors are logged.
   */
  onUpdate(update: RawUpdate): unknown;
  /** The `timeout` sent to getUpdates, in seconds (default 30). */
  pollTimeoutSeconds?: number;
  backoff?: { initialMs: number; maxMs: number };
}

export interface Poller {
  start(): void;
  /** Ends the current poll at once and waits for the loop to finish. */
  stop(): Promise<void>;
  readonly running: boolean;
}

/** Bots (hashed tokens) with a poller running in this process. */
const polledBots = new Set<string>();

export class PollerConflictError extends Error {
  constructor() {
    super("A Zalo poller for this bot token is already running in this process.");
    this.name = "PollerConflictError";
  }
}

export function createPoller(options: PollerOptions): Poller {
  const { client, logger } = options;
  const botKey = createHash("sha256").update(options.token).digest("hex");
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;

  const deliver = async (update: RawUpdate) => {
    try {
      await options.onUpdate(update);
    } catch (error) {
      logger.error({ err: error }, "zalo update handler failed");
    }
  };

  async function run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const update = await client.getUpdates({ timeoutSeconds: pollTimeoutSeconds, signal });
        failures = 0;
        if (update !== undefined) await deliver(update);
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(failures - 1, 20));
        const delayMs = Math.round(base * (1 + Math.random() * 0.2));
        const unauthorized = error instanceof ZaloApiError && error.unauthorized;
        logger[unauthorized ? "error" : "warn"](
          { err: error, failures, delayMs },
          unauthorized
            ? "zalo getUpdates refused the bot token (reset in Bot Creator?); retrying"
            : "zalo getUpdates failed; retrying",
        );
        await sleep(delayMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  return {
    start() {
      if (controller) return;
      if (polledBots.has(botKey)) throw new PollerConflictError();
      polledBots.add(botKey);
      controller = new AbortController();
      loop = run(controller.signal).finally(() => polledBots.delete(botKey));
    },
    async stop() {
      controller?.abort();
      await loop;
      controller = undefined;
      loop = undefined;
    },
    get running() {
      return controller !== undefined && !controller.signal.aborted;
    },
  };
}
