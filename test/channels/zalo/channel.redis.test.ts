/**
 * Two instances of the Zalo channel behind one webhook address (as behind a load balancer),
 * sharing Redis: one chat's messages are answered in order even when they land on different
 * instances, and a redelivery that reaches the other instance is dropped. Runs only when
 * REDIS_URL is set.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ZaloChannel } from "../../../src/channels/zalo/channel.ts";
import { ZALO_SECRET_HEADER, ZALO_WEBHOOK_PATH } from "../../../src/channels/zalo/webhook.ts";
import { createStores, type Stores } from "../../../src/storage/create-stores.ts";
import {
  startZaloApiStandIn,
  type ZaloApiStandIn,
  type ZaloUpdate,
} from "../../support/zalo-api-stand-in.ts";
import {
  buildZaloChannel,
  createFakeAssistant,
  startWebhookServer,
  until,
  WEBHOOK_SECRET,
} from "../../support/zalo-harness.ts";
import { zaloText } from "../../support/zalo-updates.ts";

const redisUrl = process.env.REDIS_URL;
const CHAT = "6ae4f1c2b3d4e5f60718";
const OTHER = "7bf5a2d3c4e5f6071829";

interface Instance {
  url: string;
  channel: ZaloChannel;
  stores: Stores;
  assistant: ReturnType<typeof createFakeAssistant>;
  close(): Promise<void>;
}

describe.skipIf(!redisUrl)("Zalo channel, two instances sharing Redis", () => {
  let api: ZaloApiStandIn;
  let dataDir: string;
  let instances: Instance[] = [];

  async function startInstance(prefix: string): Promise<Instance> {
    const stores = await createStores({ dataDir, redisUrl: redisUrl! }, { redisPrefix: prefix });
    const server = await startWebhookServer();
    const assistant = createFakeAssistant();
    const { channel } = buildZaloChannel({
      api,
      assistant,
      mode: "webhook",
      server,
      overrides: { lock: stores.addressLock, seenStore: stores.keyValue<number>("zalo-seen") },
    });
    await server.listen();
    await channel.start();
    return {
      url: `${server.url}${ZALO_WEBHOOK_PATH}`,
      channel,
      stores,
      assistant,
      close: async () => {
        await channel.stop();
        await server.close();
        await stores.close();
      },
    };
  }

  beforeEach(async () => {
    api = await startZaloApiStandIn();
    dataDir = await mkdtemp(join(tmpdir(), "hoi-thu-tuc-zalo-redis-"));
    const prefix = `test-zalo-${process.pid}-${Date.now()}:`;
    instances = [await startInstance(prefix), await startInstance(prefix)];
    api.clear();
  });

  afterEach(async () => {
    for (const instance of instances) await instance.close();
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (instance: Instance, update: ZaloUpdate) =>
    fetch(instance.url, {
      method: "POST",
      headers: { "content-type": "application/json", [ZALO_SECRET_HEADER]: WEBHOOK_SECRET },
      body: JSON.stringify(update),
    }).then((r) => r.status);

  it("answers one chat's messages in arrival order across instances, other chats in parallel", async () => {
    const [a, b] = instances as [Instance, Instance];
    expect(await post(a, zaloText(CHAT, "chậm 500"))).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await post(b, zaloText(OTHER, "chat khác"))).toBe(200);
    expect(await post(b, zaloText(CHAT, "câu sau"))).toBe(200);
    await api.waitFor(() => api.textsTo(CHAT).length === 2, 5000);
    const sent = api
      .callsOf("sendMessage")
      .map((c) => ({ chat: c.params.chat_id, text: String(c.params.text) }));
    // The other chat was not held up by the slow one...
    expect(sent[0]?.chat).toBe(OTHER);
    // ...and the same chat's second message waited for the first, although it hit the other instance.
    expect(api.textsTo(CHAT).map((text) => text.split("\n")[0])).toEqual([
      "Bạn hỏi: chậm 500",
      "Bạn hỏi: câu sau",
    ]);
  });

  it("drops a redelivery that reaches the other instance", async () => {
    const [a, b] = instances as [Instance, Instance];
    const update = zaloText(CHAT, "lệ phí sang tên sổ đỏ", "0123456789abcdef0123");
    expect(await post(a, update)).toBe(200);
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(await post(b, update)).toBe(200);
    expect(await post(b, zaloText(CHAT, "cảm ơn"))).toBe(200);
    await api.waitFor(() => api.textsTo(CHAT).length === 2);
    await until(() => a.assistant.events.length + b.assistant.events.length === 2);
    expect(b.assistant.events.map((e) => (e.kind === "text" ? e.text : e.kind))).toEqual(["cảm ơn"]);
  });
});
