/**
 * The hotline reaches Zalo through its channel: the form with numbered choices typed back, the
 * ticket stored, and a staff answer delivered to the citizen's Zalo chat by the notifier through the
 * Zalo channel's messenger (real HTTP to the Zalo Bot API stand-in).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { createOutbound } from "../../src/channels/outbound.ts";
import type { ZaloChannel } from "../../src/channels/zalo/channel.ts";
import { createAssistant } from "../../src/core/assistant.ts";
import { createSearch } from "../../src/search/search.ts";
import type { ProcedureSearch } from "../../src/search/types.ts";
import { assistantStores } from "../../src/storage/assistant-stores.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketNotifier, type TicketNotifier } from "../../src/tickets/notifier.ts";
import { createTicketService, type TicketService } from "../../src/tickets/service.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../support/zalo-api-stand-in.ts";
import { buildZaloChannel, captureLogs } from "../support/zalo-harness.ts";
import { zaloText } from "../support/zalo-updates.ts";

const CHAT = "6ae4f1c2b3d4e5f60718";
let catalogue: Catalogue;
let search: ProcedureSearch;
let dataDir: string;
let stores: Stores;
let api: ZaloApiStandIn;
let channel: ZaloChannel;
let tickets: TicketService;
let notifier: TicketNotifier;

beforeAll(async () => {
  catalogue = await loadCatalogue("procedures");
  search = createSearch(catalogue);
}, 60_000);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "htt-hotline-zalo-"));
  stores = await createStores({ dataDir, redisUrl: null });
  api = await startZaloApiStandIn({ maxPollWaitMs: 100 });
  const clock = { now: () => Date.now() };
  const logger = captureLogs().logger;
  const messengers: Parameters<typeof createOutbound>[0] = {};
  tickets = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => catalogue.locality,
    onQueued: (code) => notifier.kick(code),
  });
  notifier = createTicketNotifier({
    service: tickets,
    messenger: createOutbound(messengers),
    staffAddress: null,
    staffLocale: "vi",
    clock,
    logger,
    scanIntervalMs: 0,
  });
  const assistant = createAssistant({
    catalogue: () => catalogue,
    search: () => search,
    stores: assistantStores(stores),
    clock,
    logger,
    hotline: { tickets },
  });
  ({ channel } = buildZaloChannel({
    api,
    assistant,
    mode: "polling",
    overrides: { lock: stores.addressLock },
  }));
  messengers.zalo = channel.messenger;
  await channel.start();
});

afterEach(async () => {
  await notifier.stop();
  await channel.stop();
  await api.close();
  await stores.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function say(text: string): Promise<string> {
  const before = api.textsTo(CHAT).length;
  api.pushUpdate(zaloText(CHAT, text));
  await api.waitFor(() => api.textsTo(CHAT).length > before, 10_000);
  await new Promise((r) => setTimeout(r, 100));
  return api.textsTo(CHAT).slice(before).join("\n");
}

describe("the hotline on Zalo", () => {
  it("takes feedback with typed numbers and brings the staff answer back to the Zalo chat", async () => {
    expect(await say("tôi muốn phản ánh")).toContain("1. Thái độ cán bộ");
    expect(await say("1")).toContain("Việc này liên quan đến thủ tục nào?");
    expect(await say("1")).toContain("Bạn hãy kể ngắn gọn");
    expect(await say("Cán bộ bộ phận một cửa nói năng thiếu lịch sự khi tôi hỏi về hồ sơ.")).toContain(
      "Không có ảnh",
    );
    expect(await say("1")).toContain("Cơ quan có thể gọi lại cho bạn không?");
    expect(await say("0987 654 321")).toContain("Số điện thoại liên hệ: 0987654321");
    const sent = await say("1");
    const code = /PA-\d{4}-\d{4}/.exec(sent)?.[0];
    expect(code).toBeDefined();
    const [stored] = await tickets.listForCitizen(`zalo:${CHAT}`);
    expect(stored).toMatchObject({
      code,
      category: "thai_do",
      contact: { kind: "phone", phone: "0987654321" },
    });

    const before = api.textsTo(CHAT).length;
    await tickets.answer(code!, "Cơ quan đã nhắc nhở cán bộ và xin lỗi anh chị.", {
      kind: "staff",
      channel: "telegram",
      userId: "7001",
      role: "operator",
    });
    await api.waitFor(() => api.textsTo(CHAT).length > before, 10_000);
    expect(api.textsTo(CHAT).at(-1)).toContain("Cơ quan đã nhắc nhở cán bộ và xin lỗi anh chị.");
  }, 30_000);
});
