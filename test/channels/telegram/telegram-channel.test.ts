/**
 * The Telegram channel in polling mode, end to end: updates queued in the Bot API stand-in, fetched
 * by the runner over real HTTP, and every call the bot makes asserted.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.ts";
import { t } from "../../../src/locales/index.ts";
import { createUserIdHasher } from "../../../src/logger.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import {
  buildChannel,
  createFakeAssistant,
  LOG_SALT,
  type LogCapture,
} from "../../support/telegram-harness.ts";
import {
  callbackUpdate,
  citizen,
  photoUpdate,
  stickerUpdate,
  textUpdate,
  voiceUpdate,
} from "../../support/telegram-updates.ts";

let api: TelegramApiStandIn;
let channel: TelegramChannel;
let logs: LogCapture;
let assistant: ReturnType<typeof createFakeAssistant>;

beforeEach(async () => {
  api = await startTelegramApiStandIn();
  assistant = createFakeAssistant();
  ({ channel, logs } = buildChannel({ api, assistant }));
  await channel.start();
});

afterEach(async () => {
  await channel.stop(2_000);
  await api.close();
});

/** Queues an update and waits for the bot's `count`-th sendMessage in total. */
async function exchange(update: Parameters<TelegramApiStandIn["pushUpdate"]>[0], count = 1) {
  const before = api.callsOf("sendMessage").length;
  api.pushUpdate(update);
  const sent = await api.waitForCalls("sendMessage", before + count);
  return sent.slice(before).map((c) => c.params);
}

describe("Telegram channel, polling", () => {
  it("starts by removing any webhook, reading its identity and setting the command menu in both languages", async () => {
    await api.waitForCalls("getUpdates");
    const methods = api.calls.map((c) => c.method);
    expect(methods.slice(0, 5)).toEqual([
      "deleteWebhook",
      "getMe",
      "setMyCommands",
      "setMyCommands",
      "setMyCommands",
    ]);
    const menus = api.callsOf("setMyCommands").map((c) => c.params);
    expect(menus[0]).toEqual({
      commands: [
        { command: "start", description: t("vi", "command.start") },
        { command: "help", description: t("vi", "command.help") },
        { command: "hoso", description: t("vi", "command.hoso") },
        { command: "dangky", description: t("vi", "command.dangky") },
        { command: "tintuc", description: t("vi", "command.tintuc") },
        { command: "huydangky", description: t("vi", "command.huydangky") },
        { command: "lang", description: t("vi", "command.lang") },
      ],
    });
    expect(menus[1]).toMatchObject({ language_code: "vi" });
    expect(menus[2]).toMatchObject({
      language_code: "en",
      commands: expect.arrayContaining([{ command: "lang", description: t("en", "command.lang") }]),
    });
    expect(api.callsOf("getUpdates")[0]?.params).toMatchObject({
      allowed_updates: ["message", "callback_query"],
      timeout: 1,
    });
    expect(channel.isUp()).toBe(true);
  });

  it("answers /start with the welcome as HTML and the menu as an inline keyboard", async () => {
    const [sent] = await exchange(textUpdate("/start"));
    expect(assistant.events).toMatchObject([
      { kind: "start", address: `telegram:${citizen.id}`, languageHint: "vi" },
    ]);
    expect(sent).toEqual({
      chat_id: citizen.id,
      text: "<b>Xin chào!</b>\nBạn cứ hỏi bằng lời của mình.",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Tra cứu thủ tục", callback_data: "m:lookup" },
            { text: "Liên hệ cơ quan", callback_data: "m:contact" },
          ],
        ],
      },
    });
  });

  it("passes a question to the core and escapes HTML and Markdown from the citizen", async () => {
    const question = `<b>lệ phí</b> & *sổ đỏ* _bao nhiêu_ <a href="http://x">?</a>`;
    const [sent] = await exchange(textUpdate(question));
    expect(assistant.events[0]).toMatchObject({ kind: "text", text: question });
    expect(sent?.text).toBe(
      'Bạn hỏi: &lt;b&gt;lệ phí&lt;/b&gt; &amp; *sổ đỏ* _bao nhiêu_ &lt;a href="http://x"&gt;?&lt;/a&gt;',
    );
    expect(sent?.parse_mode).toBe("HTML");
  });

  it("answers a button press: answerCallbackQuery first, then the core's reply", async () => {
    api.pushUpdate(callbackUpdate("p:1.001193"));
    const [sent] = await api.waitForCalls("sendMessage");
    const methods = api.calls.map((c) => c.method).filter((m) => m !== "getUpdates");
    expect(methods.slice(-2)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(api.callsOf("answerCallbackQuery")[0]?.params).toEqual({
      callback_query_id: expect.stringMatching(/^cq/),
    });
    expect(assistant.events).toMatchObject([{ kind: "choice", choiceId: "p:1.001193" }]);
    expect(sent?.params).toMatchObject({
      text: "<b>Đăng ký khai sinh</b>\n• Tờ khai\n• Giấy chứng sinh",
      reply_markup: { inline_keyboard: [[{ text: "Chuẩn bị hồ sơ", callback_data: "ck:1.001193" }]] },
    });
  });

  it("refuses forged callback data without calling the core, and passes stale ids to the core", async () => {
    api.pushUpdate(callbackUpdate("x".repeat(80)));
    const [answered] = await api.waitForCalls("answerCallbackQuery");
    expect(answered?.params).toEqual({
      callback_query_id: expect.any(String),
      text: t("vi", "choice.stale"),
    });
    expect(assistant.events).toEqual([]);

    const [sent] = await exchange(callbackUpdate("p:9.999999"));
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(2);
    expect(assistant.events).toMatchObject([{ kind: "choice", choiceId: "p:9.999999" }]);
    expect(sent?.text).toBe(t("vi", "choice.stale"));
  });

  it("answers a 10,000-character message in several messages within 4,096 characters", async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `chữ${i % 10}ab`)
      .join(" ")
      .slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const before = api.callsOf("sendMessage").length;
    api.pushUpdate(textUpdate(long));
    await api.waitFor(() => assistant.events.length === 1);
    await api.waitForCalls("sendMessage", before + 3);
    await new Promise((r) => setTimeout(r, 100));
    const sent = api.callsOf("sendMessage").map((c) => String(c.params.text));
    expect(sent).toHaveLength(3);
    expect(assistant.events[0]).toMatchObject({ kind: "text" });
    expect((assistant.events[0] as { text: string }).text).toHaveLength(10_000);
    for (const text of sent) expect(text.length).toBeLessThanOrEqual(4096);
    expect(sent.join(" ")).toBe(`Bạn hỏi: ${long}`);
  });

  it("handles emoji only and strips control characters", async () => {
    await exchange(textUpdate("👍🙏🏽"));
    const [sent] = await exchange(textUpdate("khai\u0000 sinh\u0007\u001b\u202e"));
    expect(assistant.events).toMatchObject([
      { kind: "text", text: "👍🙏🏽" },
      { kind: "text", text: "khai sinh" },
    ]);
    expect(sent?.text).toBe("Bạn hỏi: khai sinh");
  });

  it("passes unknown commands, stickers, photos and voice to the core as such", async () => {
    await exchange(textUpdate("/khongbiet abc"));
    await exchange(stickerUpdate());
    await exchange(photoUpdate("mẫu này?"));
    const [sent] = await exchange(voiceUpdate());
    expect(assistant.events).toMatchObject([
      { kind: "command", command: "khongbiet", args: "abc" },
      { kind: "unsupported", what: "sticker" },
      { kind: "photo", photo: { fileId: "large", bytes: 120_000 }, caption: "mẫu này?" },
      { kind: "unsupported", what: "voice" },
    ]);
    expect(sent?.text).toBe(t("vi", "input.unsupported"));
  });

  it("sends a photo reply with sendPhoto and an escaped caption, then the text, in order", async () => {
    api.pushUpdate(textUpdate("ảnh mẫu"));
    await api.waitForCalls("sendMessage");
    const replies = api.calls.filter((c) => c.method === "sendPhoto" || c.method === "sendMessage");
    expect(replies.map((c) => [c.method, c.params])).toEqual([
      [
        "sendPhoto",
        {
          chat_id: citizen.id,
          photo: "https://example.gov.vn/mau-to-khai.jpg",
          caption: "Mẫu &lt;tờ khai&gt; &amp; hướng dẫn",
          parse_mode: "HTML",
        },
      ],
      ["sendMessage", expect.objectContaining({ chat_id: citizen.id, text: "Điền theo mẫu trên." })],
    ]);
  });

  it("stays silent in groups, and answers the button spinner there without calling the core", async () => {
    api.pushUpdate(textUpdate("/start", { chatType: "group" }));
    api.pushUpdate(callbackUpdate("p:1.001193", { chatType: "supergroup" }));
    await api.waitForCalls("answerCallbackQuery");
    await exchange(textUpdate("xin chào"));
    expect(assistant.events).toHaveLength(1);
    expect(api.callsOf("sendMessage").map((c) => c.params.chat_id)).toEqual([citizen.id]);
  });

  it("keeps each chat's updates in order even when the core takes longer on the first", async () => {
    api.pushUpdate(textUpdate("chậm 300"));
    api.pushUpdate(textUpdate("nhanh"));
    const other = { id: 777, is_bot: false, first_name: "Minh", language_code: "en" };
    api.pushUpdate(textUpdate("người khác", { from: other }));
    const sent = await api.waitForCalls("sendMessage", 3);
    const mine = sent.filter((c) => c.params.chat_id === citizen.id).map((c) => c.params.text);
    expect(mine).toEqual(["Bạn hỏi: chậm 300", "Bạn hỏi: nhanh"]);
    // The other chat is not held up by the slow one.
    expect(sent[0]?.params.chat_id).toBe(777);
  });

  it("tells the citizen politely when the core fails, logs it without the text, and carries on", async () => {
    const [error] = await exchange(textUpdate("gây lỗi"));
    expect(error?.text).toBe(t("vi", "error.generic"));
    const [next] = await exchange(textUpdate("câu tiếp theo"));
    expect(next?.text).toBe("Bạn hỏi: câu tiếp theo");

    const failure = logs.records().find((r) => r.msg === "telegram update failed");
    expect(failure).toMatchObject({
      level: 50,
      user: createUserIdHasher(LOG_SALT)(String(citizen.id)),
      err: { message: "the core failed" },
    });
    expect(failure?.updateId).toEqual(expect.any(Number));
    const all = logs.lines.join("\n");
    expect(all).not.toContain("gây lỗi");
    expect(all).not.toContain("câu tiếp theo");
    expect(all).not.toContain(String(citizen.id));
  });

  it("apologises in the language the citizen chose with /lang (the core's prefs), not Telegram's", async () => {
    await channel.stop();
    const prefs = new Map<string, unknown>([[`telegram:${citizen.id}`, { locale: "en" }]]);
    ({ channel, logs } = buildChannel({
      api,
      assistant,
      overrides: {
        prefs: {
          get: async (key) => prefs.get(key),
          set: async (key, value) => void prefs.set(key, value),
          delete: async (key) => void prefs.delete(key),
        },
      },
    }));
    await channel.start();
    const [english] = await exchange(textUpdate("gây lỗi"));
    expect(english).toMatchObject({ chat_id: citizen.id, text: t("en", "error.generic") });
    // Another citizen whose Telegram is in English but who never chose: the default, Vietnamese.
    const ann = { id: 4242, is_bot: false, first_name: "Ann", language_code: "en-GB" };
    const [vietnamese] = await exchange(textUpdate("gây lỗi", { from: ann }));
    expect(vietnamese).toMatchObject({ chat_id: 4242, text: t("vi", "error.generic") });
    api.pushUpdate(callbackUpdate("x".repeat(70)));
    const [toast] = await api.waitForCalls("answerCallbackQuery");
    expect(toast?.params.text).toBe(t("en", "choice.stale"));
  });

  it("reports itself down, with a hint in the log, when another instance polls the same bot (409)", async () => {
    await api.waitForCalls("getUpdates");
    api.failNext("getUpdates", {
      kind: "refuse",
      code: 409,
      description:
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    const stopped = () => logs.records().find((r) => String(r.msg).startsWith("telegram polling stopped"));
    for (let i = 0; i < 50 && !stopped(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stopped()).toMatchObject({ level: 50, err: { errorCode: 409 } });
    expect(channel.isUp()).toBe(false);
  });

  it("stops polling on stop() and confirms the updates it handled", async () => {
    const id = api.pushUpdate(textUpdate("xin chào"));
    await api.waitForCalls("sendMessage");
    await channel.stop(2_000);
    expect(channel.isUp()).toBe(false);
    const polls = api.callsOf("getUpdates").length;
    await new Promise((r) => setTimeout(r, 300));
    expect(api.callsOf("getUpdates")).toHaveLength(polls);
    expect(api.confirmedOffset).toBeGreaterThanOrEqual(id);
  });
});
