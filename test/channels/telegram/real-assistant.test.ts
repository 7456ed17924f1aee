/**
 * The Telegram channel with the real assistant over the real catalogue (`procedures/`), real search
 * and real SQLite storage, polling the Bot API stand-in: what a citizen sees, call by call.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardMarkup } from "grammy/types";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Catalogue } from "../../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../../src/catalogue/load.ts";
import type { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.ts";
import { createAssistant } from "../../../src/core/assistant.ts";
import type { Assistant } from "../../../src/core/ports.ts";
import { t } from "../../../src/locales/index.ts";
import { createSearch } from "../../../src/search/search.ts";
import type { ProcedureSearch } from "../../../src/search/types.ts";
import { assistantStores } from "../../../src/storage/assistant-stores.ts";
import { createStores, type Stores } from "../../../src/storage/create-stores.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import { buildChannel, captureLogs } from "../../support/telegram-harness.ts";
import { callbackUpdate, citizen, stickerUpdate, textUpdate } from "../../support/telegram-updates.ts";

let catalogue: Catalogue;
let search: ProcedureSearch;
let dataDir: string;
let stores: Stores;
let api: TelegramApiStandIn;
let channel: TelegramChannel;

beforeAll(async () => {
  catalogue = await loadCatalogue("procedures");
  search = createSearch(catalogue);
}, 60_000);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "hoi-thu-tuc-telegram-"));
  stores = await createStores({ dataDir, redisUrl: null });
  api = await startTelegramApiStandIn();
  const assistant: Assistant = createAssistant({
    catalogue: () => catalogue,
    search: () => search,
    stores: assistantStores(stores),
    clock: { now: () => Date.now() },
    logger: captureLogs().logger,
  });
  ({ channel } = buildChannel({ api, assistant, overrides: { lock: stores.addressLock } }));
  await channel.start();
});

afterEach(async () => {
  await channel.stop(2_000);
  await api.close();
  await stores.close();
  await rm(dataDir, { recursive: true, force: true });
});

afterAll(() => {
  // Nothing shared to close: the catalogue and search are plain data.
});

/** Sends an update and returns the bot's sendMessage params once it has gone quiet. */
async function exchange(update: Parameters<TelegramApiStandIn["pushUpdate"]>[0]) {
  const before = api.callsOf("sendMessage").length;
  api.pushUpdate(update);
  await api.waitForCalls("sendMessage", before + 1, 10_000);
  let count = -1;
  while (count !== api.callsOf("sendMessage").length) {
    count = api.callsOf("sendMessage").length;
    await new Promise((r) => setTimeout(r, 150));
  }
  return api
    .callsOf("sendMessage")
    .slice(before)
    .map(
      (c) =>
        c.params as {
          chat_id: number;
          text: string;
          parse_mode?: string;
          reply_markup?: InlineKeyboardMarkup;
        },
    );
}

/** The buttons of a keyboard; ours are all callback buttons. */
const buttons = (markup: InlineKeyboardMarkup | undefined) =>
  (markup?.inline_keyboard.flat() ?? []) as { text: string; callback_data?: string }[];

describe("Telegram channel with the real assistant and catalogue", () => {
  it("welcomes on /start with the menu as buttons", async () => {
    const sent = await exchange(textUpdate("/start"));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    const last = sent.at(-1)!;
    expect(sent.every((m) => m.chat_id === citizen.id && m.parse_mode === "HTML")).toBe(true);
    expect(sent.map((m) => m.text).join("\n")).toContain("Xin chào");
    expect(buttons(last.reply_markup).map((b) => b.callback_data)).toEqual(
      expect.arrayContaining(["m:lookup", "m:contact"]),
    );
  });

  it("answers a plain question with the birth registration card, within Telegram's limits", async () => {
    const sent = await exchange(textUpdate("làm giấy khai sinh cho con cần giấy tờ gì"));
    const all = sent.map((m) => m.text).join("\n");
    expect(all).toContain("1.001193");
    expect(all).toMatch(/<b>[^<]+<\/b>/);
    for (const m of sent) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      // Every & in the text starts an entity we wrote.
      expect(m.text.replace(/&(amp|lt|gt|quot);/g, "")).not.toContain("&");
    }
    const ids = sent.flatMap((m) => buttons(m.reply_markup)).map((b) => b.callback_data ?? "");
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^[\x21-\x7e]{1,64}$/.test(id))).toBe(true);
    // The keyboard rides on the last message only.
    expect(sent.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
  });

  it("follows a button from the card and answers the stale or forged ones sensibly", async () => {
    const card = await exchange(textUpdate("đăng ký khai sinh"));
    const first = buttons(card.at(-1)?.reply_markup)[0];
    expect(first?.callback_data).toBeDefined();
    const next = await exchange(callbackUpdate(first!.callback_data!));
    expect(next.length).toBeGreaterThan(0);
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(1);

    // Well-formed but unknown to the catalogue: the core says the choice is stale.
    const stale = await exchange(callbackUpdate("p:9.999999"));
    expect(stale.map((m) => m.text).join("\n")).toMatch(/không còn|đã cũ/);

    // Malformed: refused at the door with a toast, nothing sent to the chat.
    api.pushUpdate(callbackUpdate("x".repeat(70)));
    await api.waitForCalls("answerCallbackQuery", 3);
    expect(api.callsOf("answerCallbackQuery").at(-1)?.params.text).toBe(t("vi", "choice.stale"));
  });

  it("escapes a question full of HTML, and answers stickers and unknown commands politely", async () => {
    const html = await exchange(textUpdate("<script>alert('x')</script> lệ phí & thời gian"));
    expect(html.length).toBeGreaterThan(0);
    for (const m of html) expect(m.text).not.toContain("<script>");

    const sticker = await exchange(stickerUpdate());
    expect(sticker.map((m) => m.text).join("\n")).toContain("Xin lỗi, tôi chỉ hiểu tin nhắn dạng chữ");

    const unknown = await exchange(textUpdate("/khongco"));
    expect(unknown.map((m) => m.text).join("\n")).toContain("/khongco");

    // Only control characters and spaces: empty once cleaned, and the core asks for a question.
    const empty = await exchange(textUpdate(" \u0000\u0007 \u202e "));
    expect(empty.map((m) => m.text).join("\n")).toContain(t("vi", "input.empty"));
  });

  it("keeps the citizen's language choice across messages (state in SQLite)", async () => {
    await exchange(textUpdate("/lang en"));
    const sent = await exchange(textUpdate("/help"));
    expect(sent.map((m) => m.text).join("\n")).toContain(t("en", "help.title"));
  });
});
