/**
 * A broadcast sender in its own process, for the restart tests: builds the same broadcasting as
 * main.ts over the storage and stand-in given in the environment, starts its runner, and runs until
 * it is killed. It logs (JSON lines on stdout) when it begins delivering a broadcast.
 */
import { pino } from "pino";
import { createBroadcasting } from "../../src/broadcast/broadcasting.ts";
import { messengerSender } from "../../src/broadcast/sender.ts";
import { createBroadcastApi } from "../../src/channels/telegram/broadcast-api.ts";
import { createTelegramMessenger } from "../../src/channels/telegram/messenger.ts";
import { createStores } from "../../src/storage/create-stores.ts";

const env = process.env;
const logger = pino({ level: "info" });
const redisUrl = env.BC_REDIS_URL ?? null;
const stores = await createStores(
  { dataDir: env.BC_DATA_DIR ?? "./data", redisUrl },
  { redisPrefix: env.BC_PREFIX ?? "test:" },
);
const api = createBroadcastApi({ token: env.BC_TOKEN ?? "", apiRoot: env.BC_API_ROOT ?? "" }, logger);
const broadcasting = createBroadcasting({
  stores,
  senders: { telegram: messengerSender(createTelegramMessenger(api, logger)) },
  settings: {
    telegramPerSecond: Number(env.BC_RATE ?? 100),
    zaloPerSecond: 10,
    zaloMonthlyBudget: 1000,
    zaloHours: { fromMinute: 0, toMinute: 1440 },
  },
  queue: redisUrl
    ? {
        kind: "bullmq",
        redisUrl,
        prefix: `${env.BC_PREFIX ?? "test:"}bull`,
        lockMs: Number(env.BC_LOCK_MS ?? 2000),
      }
    : { kind: "embedded", pollMs: 100 },
  clock: { now: () => Date.now() },
  logger,
  flushEveryMs: 200,
});
await broadcasting.runner.start();
logger.info({ pid: process.pid }, "sender ready");
process.on("SIGTERM", () => {
  void broadcasting.runner
    .stop()
    .then(() => stores.close())
    .then(() => process.exit(0));
});
