/**
 * The Telegram channel with a staff desk, end to end over the Bot API stand-in: the staff group and
 * staff members' private chats reach the desk (not the citizen assistant), non-staff get a polite
 * refusal and nothing else, and replies to the bot's cards carry the card's text.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.ts";
import type { Reply } from "../../../src/core/model.ts";
import { t } from "../../../src/locales/index.ts";
import { createStaffDesk, type StaffEvent } from "../../../src/staff/desk.ts";
import { createStaffDirectory } from "../../../src/staff/directory.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import { buildChannel, captureLogs, createFakeAssistant } from "../../support/telegram-harness.ts";
import { callbackUpdate, citizen, messageUpdate, textUpdate } from "../../support/telegram-updates.ts";

const STAFF_CHAT = 4_000_001; // the group's id is -4000001
const operator = { id: 7_001, is_bot: false, first_name: "Hà" };
const stranger = { id: 7_999, is_bot: false, first_name: "Khách" };

let api: TelegramApiStandIn;
let channel: TelegramChannel;
let assistant: ReturnType<typeof createFakeAssistant>;
let received: StaffEvent[];

const say = (text: string): Reply[] => [{ kind: "message", blocks: [{ kind: "paragraph", text }] }];

beforeEach(async () => {
  api = await startTelegramApiStandIn();
  assistant = createFakeAssistant();
  received = [];
  const desk = createStaffDesk({
    directory: createStaffDirectory({ telegram: [{ id: String(operator.id), role: "operator" }], zalo: [] }),
    logger: captureLogs().logger,
    locale: "vi",
  });
  desk.register({
    name: "test",
    commands: [
      {
        name: "thongke",
        description: "staff.help.title",
        run: async (ctx) => {
          received.push(ctx.event);
          return say("Thống kê");
        },
      },
    ],
    choices: {
      prefix: "tt:",
      handle: async (ctx) => {
        received.push(ctx.event);
        return say("Đã nhận xử lý");
      },
    },
    onReply: async (ctx, replyTo, text) => {
      received.push(ctx.event);
      return replyTo.text.includes("PA-") ? say(`Đã gửi: ${text}`) : null;
    },
  });
  ({ channel } = buildChannel({
    api,
    assistant,
    overrides: { staff: { desk, chatId: String(-STAFF_CHAT) } },
  }));
  await channel.start();
});

afterEach(async () => {
  await channel.stop(2_000);
  await api.close();
});

const inGroup = { chatType: "group" as const, chatId: STAFF_CHAT };

async function sentAfter(update: Parameters<TelegramApiStandIn["pushUpdate"]>[0], method = "sendMessage") {
  const before = api.callsOf(method).length;
  api.pushUpdate(update);
  return (await api.waitForCalls(method, before + 1)).slice(before).map((c) => c.params);
}

describe("Telegram staff routing", () => {
  it("sends a staff command in the staff group to the desk, never to the citizen assistant", async () => {
    const [reply] = await sentAfter(textUpdate("/thongke@hoi_thu_tuc_bot", { ...inGroup, from: operator }));
    expect(reply).toMatchObject({ chat_id: -STAFF_CHAT, text: "Thống kê" });
    expect(received[0]).toMatchObject({
      kind: "command",
      command: "thongke",
      place: "staff-chat",
      userId: "7001",
    });
    expect(assistant.events).toHaveLength(0);
  });

  it("refuses a non-staff member of the group politely, and says nothing to their chatter", async () => {
    api.pushUpdate(textUpdate("chào mọi người", { ...inGroup, from: stranger }));
    const [reply] = await sentAfter(textUpdate("/thongke", { ...inGroup, from: stranger }));
    expect(reply).toMatchObject({ chat_id: -STAFF_CHAT, text: t("vi", "staff.notStaff") });
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(received).toHaveLength(0);
    expect(assistant.events).toHaveLength(0);
  });

  it("answers a non-staff member's button press with a private toast only", async () => {
    const [answer] = await sentAfter(
      callbackUpdate("tt:take:PA-2611-0001", { ...inGroup, from: stranger }),
      "answerCallbackQuery",
    );
    expect(answer).toMatchObject({ text: t("vi", "staff.notStaff") });
    expect(api.callsOf("sendMessage")).toHaveLength(0);
    expect(received).toHaveLength(0);
  });

  it("passes a staff button press with the card it sits on", async () => {
    const [reply] = await sentAfter(callbackUpdate("tt:take:PA-2611-0001", { ...inGroup, from: operator }));
    expect(reply).toMatchObject({ text: "Đã nhận xử lý" });
    expect(received[0]).toMatchObject({
      kind: "choice",
      choiceId: "tt:take:PA-2611-0001",
      replyTo: { text: "…" },
    });
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(1);
  });

  it("passes a reply to the bot's card with the card's text", async () => {
    const card = {
      message_id: 900,
      date: 0,
      chat: { id: -STAFF_CHAT, type: "group" as const, title: "Tổ tiếp nhận" },
      from: { id: api.botInfo.id, is_bot: true, first_name: "Bot", username: api.botInfo.username },
      text: "Phản ánh PA-2611-0001",
    };
    const [reply] = await sentAfter(
      messageUpdate({ text: "Đã liên hệ bộ phận một cửa", reply_to_message: card } as never, {
        ...inGroup,
        from: operator,
      }),
    );
    expect(reply).toMatchObject({ text: "Đã gửi: Đã liên hệ bộ phận một cửa" });
    expect(received[0]).toMatchObject({
      kind: "text",
      replyTo: { messageId: "900", text: "Phản ánh PA-2611-0001" },
    });
  });

  it("sends a staff member's private staff command to the desk and anything else to the citizen side", async () => {
    const [stats] = await sentAfter(textUpdate("/thongke", { from: operator }));
    expect(stats).toMatchObject({ chat_id: operator.id, text: "Thống kê" });
    const [answer] = await sentAfter(textUpdate("làm giấy khai sinh", { from: operator }));
    expect(answer).toMatchObject({ text: "Bạn hỏi: làm giấy khai sinh" });
    expect(assistant.events.map((e) => e.kind)).toEqual(["text"]);
  });

  it("passes a staff member's citizen-side button in private to the citizen assistant", async () => {
    const [answer] = await sentAfter(callbackUpdate("p:1.001193", { from: operator }));
    expect(answer).toMatchObject({
      chat_id: operator.id,
      text: expect.stringContaining("Đăng ký khai sinh"),
    });
    expect(assistant.events.map((e) => e.kind)).toEqual(["choice"]);
  });

  it("keeps citizens' private chats on the citizen assistant", async () => {
    await sentAfter(textUpdate("/thongke", { from: citizen }));
    expect(received).toHaveLength(0);
    expect(assistant.events.map((e) => e.kind)).toEqual(["command"]);
  });

  it("still ignores other groups", async () => {
    api.pushUpdate(textUpdate("/thongke", { chatType: "group", chatId: 12345, from: operator }));
    await sentAfter(textUpdate("xin chào", { from: citizen }));
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(received).toHaveLength(0);
  });
});
