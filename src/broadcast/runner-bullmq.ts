/**
 * The delivery runner on Redis, for one or several instances: a BullMQ queue with one job per
 * broadcast (job id from the broadcast id, so queuing twice is harmless) and a global concurrency
 * of 1, so exactly one worker of all instances delivers at a time (which also keeps the bot under
 * its global rate). A worker that dies loses its job lock; BullMQ's stalled-job check hands the job
 * to another worker, and delivery continues from the recorded outcomes. Scheduled broadcasts are
 * delayed jobs; a broadcast waiting for Zalo's hours moves itself back to delayed.
 */
import { createClient } from "@keyv/redis";
import { type ConnectionOptions, DelayedError, type Job, Queue, Worker } from "bullmq";
import type { Logger } from "pino";
import type { DeliveryEnd } from "./deliver.ts";
import type { BroadcastRunner } from "./service.ts";

export interface BullRunnerOptions {
  redisUrl: string;
  /** BullMQ key prefix, e.g. `hoi-thu-tuc:bull` (kept apart from the app's other keys). */
  prefix: string;
  deliver(id: string, signal: AbortSignal): Promise<DeliveryEnd>;
  logger: Logger;
  /** How long a worker's job lock lasts without renewal (default 30 s): the time to take over after a crash. */
  lockMs?: number;
  /** Only queue jobs, never work (a producer-only instance or a test). */
  worker?: boolean;
}

const QUEUE = "broadcasts";
const jobId = (id: string) => `broadcast-${id}`;

/**
 * A connected node-redis client (the driver the app already uses; BullMQ adapts it), so no second
 * Redis driver is needed.
 */
async function connect(url: string): Promise<ConnectionOptions> {
  const client = createClient({ url });
  await client.connect();
  return client as unknown as ConnectionOptions;
}

export function createBullRunner(options: BullRunnerOptions): BroadcastRunner {
  let worker: Worker | undefined;
  let queueReady: Promise<Queue> | undefined;
  const clients: ConnectionOptions[] = [];
  const theQueue = () => {
    queueReady ??= (async () => {
      const connection = await connect(options.redisUrl);
      clients.push(connection);
      const queue = new Queue(QUEUE, { connection, prefix: options.prefix });
      queue.on("error", (error) => options.logger.warn({ err: error }, "broadcast queue error"));
      return queue;
    })();
    return queueReady;
  };
  const controller = new AbortController();
  const lockMs = options.lockMs ?? 30_000;

  async function processJob(job: Job<{ id: string }>, token?: string): Promise<void> {
    const end = await options.deliver(job.data.id, controller.signal);
    if (end.kind === "wait" || end.kind === "stopped") {
      // Back to the delayed set: this or another instance continues it then.
      await job.moveToDelayed(end.kind === "wait" ? end.at : Date.now() + 1000, token);
      throw new DelayedError();
    }
  }

  return {
    async enqueue(id, at) {
      const queue = await theQueue();
      await queue.add(
        "deliver",
        { id },
        {
          jobId: jobId(id),
          delay: Math.max(0, at - Date.now()),
          removeOnComplete: true,
          removeOnFail: 100,
          attempts: 100,
          backoff: { type: "exponential", delay: 5000 },
        },
      );
    },
    async remove(id) {
      try {
        await (await theQueue()).remove(jobId(id));
      } catch (error) {
        // A job being worked on cannot be removed: delivery sees the cancellation itself.
        options.logger.debug({ err: error }, "broadcast job not removed");
      }
    },
    async start() {
      await (await theQueue()).setGlobalConcurrency(1);
      if (options.worker === false) return;
      const connection = await connect(options.redisUrl);
      clients.push(connection);
      worker = new Worker(QUEUE, processJob, {
        connection,
        prefix: options.prefix,
        concurrency: 1,
        lockDuration: lockMs,
        stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
        // Taking over a stalled broadcast is safe (outcomes are recorded), so never give up on it.
        maxStalledCount: 1000,
      });
      worker.on("error", (error) => options.logger.warn({ err: error }, "broadcast worker error"));
      worker.on("failed", (job, error) =>
        options.logger.warn({ err: error, job: job?.id }, "broadcast job failed; it will be retried"),
      );
    },
    async stop() {
      controller.abort();
      await worker?.close();
      if (queueReady) await (await queueReady).close();
      for (const client of clients.splice(0)) {
        await (client as unknown as { close(): Promise<void> }).close().catch(() => undefined);
      }
    },
  };
}
