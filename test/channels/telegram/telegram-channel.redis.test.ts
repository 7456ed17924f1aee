/**
 * Two instances of the app behind one webhook (as behind a load balancer), sharing Redis: updates
 * for one chat are answered in order even when they land on different instances. Runs only when
 * REDIS_URL is set.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.ts";
import { SECRET_HEADER, TELEGRAM_WEBHOOK_PATH } from "../../../src/channels/telegram/webhook-route.ts";
import { createHttpServer, type HttpServer } from "../../../src/http/create-http-server.ts";
import { createStores, type Stores } from "../../../src/storage/create-stores.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import { buildChannel, captureLogs, createFakeAssistant } from "../../support/telegram-harness.ts";
import { citizen, textUpdate } from "../../support/telegram-updates.ts";

const SECRET = "s3cret-webhook-token";
const redisUrl = process.env.REDIS_URL;

interface Instance {
  url: string;
  http: HttpServer;
  channel: TelegramChannel;
  stores: Stores;
}

describe.skipIf(!redisUrl)("Telegram channel, two instances sharing Redis", () => {
  let api: TelegramApiStandIn;
  let dataDir: string;
  let instances: Instance[] = [];
  let nextUpdateId = 1;

  async function startInstance(prefix: string): Promise<Instance> {
    const stores = await createStores({ dataDir, redisUrl: redisUrl! }, { redisPrefix: prefix });
    const http = createHttpServer({
      logger: captureLogs().logger,
      health: {
        catalogue: () => ({ procedures: 0, version: "t" }),
        storage: () => stores.ping(),
        channels: () => ({}),
      },
    });
    const { channel } = buildChannel({
      api,
      assistant: createFakeAssistant(),
      mode: "webhook",
      webhookSecret: SECRET,
      mountWebhook: (path, handler) => http.route("POST", path, handler),
      overrides: { lock: stores.addressLock },
    });
    const { port } = await http.listen(0, "127.0.0.1");
    await channel.start();
    return { url: `http://127.0.0.1:${port}${TELEGRAM_WEBHOOK_PATH}`, http, channel, stores };
  }

  beforeEach(async () => {
    api = await startTelegramApiStandIn();
    dataDir = await mkdtemp(join(tmpdir(), "hoi-thu-tuc-redis-"));
    const prefix = `test-telegram-${process.pid}-${Date.now()}:`;
    instances = [await startInstance(prefix), await startInstance(prefix)];
    api.clear();
  });

  afterEach(async () => {
    for (const i of instances) {
      await i.channel.stop(2_000);
      await i.http.close();
      await i.stores.close();
    }
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (
    instance: Instance,
    text: string,
    from: { id: number; is_bot: boolean; first_name: string } = citizen,
  ) =>
    fetch(instance.url, {
      method: "POST",
      headers: { "content-type": "application/json", [SECRET_HEADER]: SECRET },
      body: JSON.stringify({ update_id: nextUpdateId++, ...textUpdate(text, { from }) }),
    });

  it("answers one chat's updates in arrival order across instances, other chats in parallel", async () => {
    const [a, b] = instances as [Instance, Instance];
    const slow = post(a, "chậm 500");
    await new Promise((r) => setTimeout(r, 100));
    const other = { id: 8_880_001, is_bot: false, first_name: "Minh", language_code: "vi" };
    const others = post(b, "chat khác", other);
    const next = post(b, "câu sau");
    const statuses = await Promise.all([slow, others, next].map(async (p) => (await p).status));
    expect(statuses).toEqual([200, 200, 200]);

    const sent = api.callsOf("sendMessage").map((c) => ({ chat: c.params.chat_id, text: c.params.text }));
    // The other chat was not held up by the slow one...
    expect(sent[0]).toEqual({ chat: other.id, text: "Bạn hỏi: chat khác" });
    // ...and the same chat's second update waited for the first, although it hit the other instance.
    expect(sent.filter((m) => m.chat === citizen.id).map((m) => m.text)).toEqual([
      "Bạn hỏi: chậm 500",
      "Bạn hỏi: câu sau",
    ]);
  });
});
