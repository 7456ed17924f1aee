/**
 * Test support for broadcasts: real storage (SQLite in a temporary folder, or Redis with a unique
 * prefix), the Telegram and Zalo API stand-ins, and the real messengers of both channels.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { type BroadcastingOptions, createBroadcasting } from "../../src/broadcast/broadcasting.ts";
import { messengerSender } from "../../src/broadcast/sender.ts";
import { SUBSCRIBERS_NAMESPACE } from "../../src/broadcast/subscriber.ts";
import { subscribe } from "../../src/broadcast/subscriber-store.ts";
import type { Topic } from "../../src/broadcast/topics.ts";
import { createBroadcastApi } from "../../src/channels/telegram/broadcast-api.ts";
import { createTelegramMessenger } from "../../src/channels/telegram/messenger.ts";
import { createZaloClient } from "../../src/channels/zalo/client.ts";
import { createZaloMessenger, withDeliveryErrors } from "../../src/channels/zalo/messenger.ts";
import type { Address } from "../../src/core/model.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../support/telegram-api-stand-in.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../support/zalo-api-stand-in.ts";

export const silent = pino({ level: process.env.TEST_LOG ?? "silent" });

export const ALL_HOURS = { fromMinute: 0, toMinute: 24 * 60 };

export interface World {
  stores: Stores;
  telegram: TelegramApiStandIn;
  zalo: ZaloApiStandIn;
  dataDir: string;
  prefix: string;
  build(overrides?: Partial<BroadcastingOptions>): ReturnType<typeof createBroadcasting>;
  addSubscriber(address: Address, topics: readonly Topic[], at?: number): Promise<void>;
  close(): Promise<void>;
}

export async function world(options: { redisUrl?: string } = {}): Promise<World> {
  const dataDir = await mkdtemp(join(tmpdir(), "broadcast-"));
  const prefix = `test-bc-${randomBytes(4).toString("hex")}:`;
  const stores = await createStores({ dataDir, redisUrl: options.redisUrl ?? null }, { redisPrefix: prefix });
  const telegram = await startTelegramApiStandIn();
  const zalo = await startZaloApiStandIn();
  const tgApi = createBroadcastApi({ token: telegram.token, apiRoot: telegram.apiRoot }, silent);
  const zaloClient = createZaloClient({ token: zalo.token, apiRoot: zalo.apiRoot });
  const senders = {
    telegram: messengerSender(createTelegramMessenger(tgApi, silent)),
    zalo: messengerSender(
      withDeliveryErrors(createZaloMessenger({ client: zaloClient, logger: silent, choiceHint: () => "" })),
    ),
  };
  const subscribers = stores.versioned(SUBSCRIBERS_NAMESPACE);
  const built: ReturnType<typeof createBroadcasting>[] = [];
  return {
    stores,
    telegram,
    zalo,
    dataDir,
    prefix,
    build(overrides = {}) {
      const b = createBroadcasting({
        stores,
        senders,
        settings: {
          telegramPerSecond: 200,
          zaloPerSecond: 200,
          zaloMonthlyBudget: 1000,
          zaloHours: ALL_HOURS,
        },
        queue: { kind: "embedded", pollMs: 50 },
        clock: { now: () => Date.now() },
        logger: silent,
        flushEveryMs: 100,
        ...overrides,
      });
      built.push(b);
      return b;
    },
    async addSubscriber(address, topics, at = Date.now() - 1000) {
      await subscribe(subscribers as never, address, topics, "vi", at);
    },
    async close() {
      for (const b of built) await b.runner.stop().catch(() => undefined);
      await telegram.close();
      await zalo.close();
      await stores.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Telegram chats that received a sendMessage answered 200, with how many each. */
export function deliveredTelegram(telegram: TelegramApiStandIn): Map<number, number> {
  const counts = new Map<number, number>();
  for (const call of telegram.callsOf("sendMessage")) {
    if (call.status !== 200) continue;
    const chat = Number(call.params.chat_id);
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}
