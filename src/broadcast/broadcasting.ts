/**
 * Everything broadcasts need, wired once over the app's storage: the delivery (with each channel's
 * pace and Zalo's rules), the runner (BullMQ on Redis, the embedded loop on SQLite), the service
 * staff use, and the live progress message. main.ts, the tests, the bench and the restart test's
 * child process all build it here, so they run the same thing.
 */
import type { Logger } from "pino";
import type { ChannelName } from "../core/model.ts";
import type { Clock } from "../core/ports.ts";
import { type Translate, translator } from "../locales/index.ts";
import type { Stores } from "../storage/create-stores.ts";
import { BROADCAST_COUNTER, BROADCASTS_NAMESPACE, type Broadcast, isFinished } from "./broadcast.ts";
import { type DeliveryDeps, deliverBroadcast } from "./deliver.ts";
import { type Outcome, outcomeNamespace } from "./outcome.ts";
import { createChatGap, createPacer } from "./pacer.ts";
import { progressReport, progressText, type StatusBoard } from "./progress.ts";
import { dropExpiredOutcomes } from "./retention.ts";
import { createBullRunner } from "./runner-bullmq.ts";
import { createEmbeddedRunner } from "./runner-embedded.ts";
import type { AnnouncementSender } from "./sender.ts";
import { type BroadcastRunner, type BroadcastService, createBroadcastService } from "./service.ts";
import { NEWS_NAMESPACE, SUBSCRIBERS_NAMESPACE } from "./subscriber.ts";
import { createZaloBudget, type SendingHours } from "./zalo-rules.ts";

export interface BroadcastSettings {
  telegramPerSecond: number;
  zaloPerSecond: number;
  zaloMonthlyBudget: number;
  zaloHours: SendingHours;
  /** How long per-recipient outcomes are kept after a broadcast finished. */
  outcomeRetentionDays?: number;
}

export interface BroadcastingOptions {
  stores: Pick<Stores, "kind" | "keyValue" | "versioned" | "counter" | "dropVersioned">;
  senders: Partial<Record<ChannelName, AnnouncementSender>>;
  settings: BroadcastSettings;
  /** BullMQ on Redis (several instances) or the in-process loop (SQLite, one instance). */
  queue:
    | { kind: "embedded"; pollMs?: number }
    | { kind: "bullmq"; redisUrl: string; prefix: string; lockMs?: number };
  /** Where the live progress message is posted and edited (the staff chat on Telegram). */
  board?: StatusBoard;
  /** Language of the staff texts. */
  staffTr?: Translate;
  clock: Clock;
  logger: Logger;
  /** Sends in flight at once (default from the rate: enough to keep the pace with ~100 ms round trips). */
  inFlight?: number;
  /** How often the progress message is edited (default 5 s; Telegram allows ~20 messages a minute per group). */
  editEveryMs?: number;
  flushEveryMs?: number;
}

export interface Broadcasting {
  service: BroadcastService;
  runner: BroadcastRunner;
  /** Starts the runner and the daily deletion of outcomes past their retention. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Deletes the outcomes past their retention now; how many broadcasts. */
  dropExpiredOutcomes(): Promise<number>;
  /** One broadcast's delivery, run directly (tests). */
  deliver(id: string, signal?: AbortSignal): ReturnType<typeof deliverBroadcast>;
  /** The progress report of a broadcast, as the API and the staff chat show it. */
  report(b: Broadcast): ReturnType<typeof progressReport>;
  /** Posts the live progress message of a broadcast to `address` and remembers it for the edits. */
  postProgress(b: Broadcast, address: string): Promise<void>;
}

export function createBroadcasting(options: BroadcastingOptions): Broadcasting {
  const { stores, settings, clock } = options;
  const logger = options.logger.child({ component: "broadcast" });
  const broadcasts = stores.versioned<Broadcast>(BROADCASTS_NAMESPACE);
  const tr = options.staffTr ?? translator("vi");
  const editEvery = options.editEveryMs ?? 5000;
  const lastEdit = new Map<string, number>();
  const maxRate = Math.max(settings.telegramPerSecond, settings.zaloPerSecond);
  const report = (b: Broadcast) => progressReport(b, clock.now(), settings.telegramPerSecond);

  const editProgress = async (b: Broadcast) => {
    const ref = b.progressMessage;
    if (!ref || !options.board) return;
    const finished = isFinished(b.status);
    const now = clock.now();
    if (!finished && now - (lastEdit.get(b.id) ?? 0) < editEvery) return;
    lastEdit.set(b.id, now);
    if (finished) lastEdit.delete(b.id);
    try {
      await options.board.edit(ref.address, ref.messageId, progressText(report(b), tr));
    } catch (error) {
      logger.warn({ err: error, broadcast: b.id }, "progress message not updated");
    }
  };

  const deps: DeliveryDeps = {
    broadcasts,
    subscribers: stores.versioned(SUBSCRIBERS_NAMESPACE),
    outcomes: (id) => stores.versioned<Outcome>(outcomeNamespace(id)),
    senders: options.senders,
    pace: {
      telegram: { pacer: createPacer(settings.telegramPerSecond), chatGap: createChatGap(1000) },
      zalo: { pacer: createPacer(settings.zaloPerSecond), chatGap: createChatGap(1000) },
      console: { pacer: createPacer(maxRate), chatGap: createChatGap(0) },
    },
    zalo: {
      budget: createZaloBudget((month) => stores.counter(`zalo-budget-${month}`), settings.zaloMonthlyBudget),
      hours: settings.zaloHours,
    },
    news: stores.keyValue(NEWS_NAMESPACE),
    clock,
    logger,
    onProgress: editProgress,
    inFlight: options.inFlight ?? Math.min(64, Math.max(2, Math.ceil(maxRate / 10))),
    ...(options.flushEveryMs !== undefined && { flushEveryMs: options.flushEveryMs }),
  };
  const deliver = (id: string, signal?: AbortSignal) => deliverBroadcast(id, deps, signal);
  const runner =
    options.queue.kind === "bullmq"
      ? createBullRunner({
          redisUrl: options.queue.redisUrl,
          prefix: options.queue.prefix,
          deliver,
          logger,
          ...(options.queue.lockMs !== undefined && { lockMs: options.queue.lockMs }),
        })
      : createEmbeddedRunner({
          broadcasts,
          deliver,
          clock,
          logger,
          ...(options.queue.pollMs !== undefined && { pollMs: options.queue.pollMs }),
        });
  const service = createBroadcastService({
    broadcasts,
    ids: stores.counter(BROADCAST_COUNTER),
    runner,
    clock,
  });
  const retentionMs = (settings.outcomeRetentionDays ?? 30) * 24 * 3600_000;
  const sweep = () =>
    dropExpiredOutcomes({
      broadcasts,
      dropVersioned: (namespace) => stores.dropVersioned(namespace),
      clock,
      retentionMs,
      logger,
    });
  let sweeper: NodeJS.Timeout | undefined;
  return {
    service,
    runner,
    async start() {
      await runner.start();
      const run = () =>
        void sweep().catch((error: unknown) => logger.warn({ err: error }, "outcome retention failed"));
      run();
      sweeper = setInterval(run, 6 * 3600_000);
      sweeper.unref();
    },
    async stop() {
      clearInterval(sweeper);
      await runner.stop();
    },
    dropExpiredOutcomes: sweep,
    deliver,
    report,
    async postProgress(b, address) {
      if (!options.board) return;
      const messageId = await options.board.post(address, progressText(report(b), tr));
      await service.setProgressMessage(b.id, { address, messageId });
    },
  };
}
