/**
 * The hotline end to end on Telegram: the real catalogue, search and assistant on SQLite, the
 * Telegram channel polling the Bot API stand-in, the staff desk with the hotline's actions, and the
 * outbox notifier sending through the channel's messenger. A citizen sends feedback; the card
 * reaches the staff group; staff take it and answer by replying to the card; the citizen is told.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { createOutbound } from "../../src/channels/outbound.ts";
import { htmlToPlain } from "../../src/channels/telegram/deliver.ts";
import type { TelegramChannel } from "../../src/channels/telegram/telegram-channel.ts";
import { createAssistant } from "../../src/core/assistant.ts";
import { t } from "../../src/locales/index.ts";
import { createSearch } from "../../src/search/search.ts";
import type { ProcedureSearch } from "../../src/search/types.ts";
import { createStaffDesk } from "../../src/staff/desk.ts";
import { createStaffDirectory } from "../../src/staff/directory.ts";
import { assistantStores } from "../../src/storage/assistant-stores.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketNotifier, type TicketNotifier } from "../../src/tickets/notifier.ts";
import { createTicketService, type TicketService } from "../../src/tickets/service.ts";
import { hotlineStaffCapability } from "../../src/tickets/staff-actions.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../support/telegram-api-stand-in.ts";
import { buildChannel, captureLogs } from "../support/telegram-harness.ts";
import { callbackUpdate, citizen, messageUpdate, textUpdate } from "../support/telegram-updates.ts";

const STAFF_CHAT = 4_000_001;
const operator = { id: 7_001, is_bot: false, first_name: "Hà" };
const stranger = { id: 7_999, is_bot: false, first_name: "Khách" };
const inGroup = { chatType: "group" as const, chatId: STAFF_CHAT };

let catalogue: Catalogue;
let search: ProcedureSearch;
let dataDir: string;
let stores: Stores;
let api: TelegramApiStandIn;
let channel: TelegramChannel;
let tickets: TicketService;
let notifier: TicketNotifier;

beforeAll(async () => {
  catalogue = await loadCatalogue("procedures");
  search = createSearch(catalogue);
}, 60_000);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "htt-hotline-tg-"));
  stores = await createStores({ dataDir, redisUrl: null });
  api = await startTelegramApiStandIn();
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
    staffAddress: `telegram:${-STAFF_CHAT}`,
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
  const desk = createStaffDesk({
    directory: createStaffDirectory({ telegram: [{ id: String(operator.id), role: "operator" }], zalo: [] }),
    logger,
    locale: "vi",
  });
  desk.register(hotlineStaffCapability({ tickets, clock }));
  ({ channel } = buildChannel({
    api,
    assistant,
    overrides: { lock: stores.addressLock, staff: { desk, chatId: String(-STAFF_CHAT) } },
  }));
  messengers.telegram = channel.messenger;
  await channel.start();
});

afterEach(async () => {
  await notifier.stop();
  await channel.stop(2_000);
  await api.close();
  await stores.close();
  await rm(dataDir, { recursive: true, force: true });
});

const sentTo = (chatId: number) =>
  api
    .callsOf("sendMessage")
    .filter((c) => c.params.chat_id === chatId)
    .map((c) => c.params);

/** Pushes an update and waits until `chatId` has received `count` more messages. */
async function expectMessages(
  update: Parameters<TelegramApiStandIn["pushUpdate"]>[0],
  chatId: number,
  count = 1,
) {
  const before = sentTo(chatId).length;
  api.pushUpdate(update);
  await api.waitFor(() => sentTo(chatId).length >= before + count, 10_000);
  return sentTo(chatId).slice(before);
}

describe("the hotline on Telegram", () => {
  it("takes feedback from a citizen to the staff group and brings the answer back", async () => {
    await expectMessages(textUpdate("/phananh"), citizen.id);
    await expectMessages(callbackUpdate("pa:c:tre_han"), citizen.id);
    const found = await expectMessages(textUpdate("đăng ký khai sinh"), citizen.id);
    const markup = found[0]?.reply_markup as { inline_keyboard: { callback_data: string }[][] } | undefined;
    const firstProcedure = (markup?.inline_keyboard ?? [])
      .flat()
      .find((b) => b.callback_data.startsWith("pa:p:"));
    expect(firstProcedure).toBeDefined();
    await expectMessages(callbackUpdate(firstProcedure!.callback_data), citizen.id);
    await expectMessages(
      textUpdate("Tôi nộp hồ sơ ngày 10/11, hẹn trả ngày 17/11 mà đến nay chưa có kết quả."),
      citizen.id,
    );
    await expectMessages(callbackUpdate("pa:skip"), citizen.id);
    await expectMessages(callbackUpdate("pa:anonymous"), citizen.id);
    const [sent] = await expectMessages(callbackUpdate("pa:send"), citizen.id);
    const code = /PA-\d{4}-\d{4}/.exec(String(sent?.text))?.[0];
    expect(code).toBeDefined();

    // The card in the staff group: the facts, the buttons, and no identity of the anonymous citizen.
    await api.waitFor(() => sentTo(-STAFF_CHAT).length >= 1, 10_000);
    const card = sentTo(-STAFF_CHAT)[0]!;
    const cardText = htmlToPlain(String(card.text));
    expect(cardText).toContain(`Phản ánh mới ${code}`);
    expect(cardText).toContain("Loại: Hồ sơ trễ hẹn");
    expect(cardText).toContain(t("vi", "ticket.card.anonymous"));
    expect(cardText).not.toContain(String(citizen.id));
    expect(JSON.stringify(card.reply_markup)).toContain(`tk:take:${code}`);

    // Someone in the group who is not staff cannot act.
    const refusals = api.callsOf("answerCallbackQuery").length;
    api.pushUpdate(callbackUpdate(`tk:take:${code}`, { ...inGroup, from: stranger }));
    await api.waitFor(() => api.callsOf("answerCallbackQuery").length > refusals, 10_000);
    expect(api.callsOf("answerCallbackQuery").at(-1)?.params.text).toBe(t("vi", "staff.notStaff"));
    expect((await tickets.get(code!))?.ticket.status).toBe("new");

    // The operator takes it: the group sees it, the citizen is told.
    const citizenBefore = sentTo(citizen.id).length;
    const [taken] = await expectMessages(
      callbackUpdate(`tk:take:${code}`, { ...inGroup, from: operator }),
      -STAFF_CHAT,
    );
    expect(htmlToPlain(String(taken?.text))).toContain(
      t("vi", "ticket.staff.taken", { who: "telegram:7001", code: code! }),
    );
    expect(htmlToPlain(String(taken?.text))).toContain("Trạng thái: Đã tiếp nhận");
    await api.waitFor(() => sentTo(citizen.id).length > citizenBefore, 10_000);
    expect(String(sentTo(citizen.id).at(-1)?.text)).toContain(t("vi", "ticket.status.received"));

    // The operator answers by replying to the card; the answer reaches the citizen's chat.
    const reply = messageUpdate(
      {
        text: "Bộ phận một cửa đã có kết quả, mời anh chị đến nhận trong giờ hành chính.",
        reply_to_message: {
          message_id: 1000,
          date: 0,
          chat: { id: -STAFF_CHAT, type: "group", title: "Tổ tiếp nhận" },
          from: { id: api.botInfo.id, is_bot: true, first_name: "Bot", username: api.botInfo.username },
          text: cardText,
        },
      } as never,
      { ...inGroup, from: operator },
    );
    const beforeAnswer = sentTo(citizen.id).length;
    const [ack] = await expectMessages(reply, -STAFF_CHAT);
    expect(String(ack?.text)).toBe(t("vi", "ticket.staff.answered", { code: code! }));
    await api.waitFor(() => sentTo(citizen.id).length > beforeAnswer, 10_000);
    expect(htmlToPlain(String(sentTo(citizen.id).at(-1)?.text))).toContain(
      "mời anh chị đến nhận trong giờ hành chính",
    );

    const stored = (await tickets.get(code!))!.ticket;
    expect(stored.status).toBe("answered");
    expect(stored.history.map((h) => [h.action, h.by.kind === "staff" ? h.by.userId : h.by.kind])).toEqual([
      ["created", "citizen"],
      ["take", "7001"],
      ["answer", "7001"],
    ]);

    // /thongke in the group.
    const [stats] = await expectMessages(textUpdate("/thongke", { ...inGroup, from: operator }), -STAFF_CHAT);
    const statsText = htmlToPlain(String(stats?.text));
    expect(statsText).toContain("Tổng số: 1");
    expect(statsText).toContain("Đã trả lời: 1");
  }, 30_000);

  it("refuses /thongke to someone who is not staff, in the group and in private", async () => {
    const [group] = await expectMessages(textUpdate("/thongke", { ...inGroup, from: stranger }), -STAFF_CHAT);
    expect(group?.text).toBe(t("vi", "staff.notStaff"));
    const [own] = await expectMessages(textUpdate("/thongke", { from: stranger }), stranger.id);
    expect(String(own?.text)).not.toContain("Tổng số");
  });
});
