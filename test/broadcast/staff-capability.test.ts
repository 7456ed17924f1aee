/**
 * /thongbao in the staff group, end to end over the Telegram stand-in: the composer's steps, the
 * preview identical to what citizens receive, the live progress message edited to the final
 * report, and /thongbao_huy.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastCapability, DRAFT_TTL_MS } from "../../src/broadcast/staff-capability.ts";
import { createBroadcastApi, createTelegramStatusBoard } from "../../src/channels/telegram/broadcast-api.ts";
import type { TelegramChannel } from "../../src/channels/telegram/telegram-channel.ts";
import { createStaffDesk } from "../../src/staff/desk.ts";
import { createStaffDirectory } from "../../src/staff/directory.ts";
import type { TelegramApiStandIn } from "../support/telegram-api-stand-in.ts";
import { buildChannel, createFakeAssistant } from "../support/telegram-harness.ts";
import { callbackUpdate, messageUpdate, textUpdate } from "../support/telegram-updates.ts";
import { silent, type World, world } from "./support.ts";

const STAFF_CHAT = 4_000_002;
const operator = { id: 7_002, is_bot: false, first_name: "Hà" };
const inGroup = { chatType: "group" as const, chatId: STAFF_CHAT, from: operator };

let w: World;
let channel: TelegramChannel;
let broadcasting: ReturnType<World["build"]>;

beforeEach(async () => {
  w = await world();
  const desk = createStaffDesk({
    directory: createStaffDirectory({ telegram: [{ id: String(operator.id), role: "operator" }], zalo: [] }),
    logger: silent,
    locale: "vi",
  });
  const board = createTelegramStatusBoard(
    createBroadcastApi({ token: w.telegram.token, apiRoot: w.telegram.apiRoot }, silent),
  );
  broadcasting = w.build({ board, editEveryMs: 0 });
  desk.register(
    broadcastCapability({
      broadcasting,
      drafts: w.stores.keyValue("broadcast-drafts"),
      hashUserId: (c, u) => `h-${c}-${u}`,
    }),
  );
  ({ channel } = buildChannel({
    api: w.telegram,
    assistant: createFakeAssistant(),
    overrides: { staff: { desk, chatId: String(-STAFF_CHAT) } },
  }));
  await channel.start();
});

afterEach(async () => {
  await channel.stop(2_000);
  await w.close();
});

async function sentAfter(
  api: TelegramApiStandIn,
  update: Parameters<TelegramApiStandIn["pushUpdate"]>[0],
  count = 1,
) {
  const before = api.callsOf("sendMessage").length;
  api.pushUpdate(update);
  return (await api.waitForCalls("sendMessage", before + count)).slice(before).map((c) => c.params);
}

describe("/thongbao in the staff group", () => {
  it("composes, previews exactly what citizens get, sends, and edits the progress to the final report", async () => {
    for (let i = 1; i <= 3; i++) await w.addSubscriber(`telegram:${i}`, i === 3 ? ["tax"] : ["civil"]);
    await broadcasting.runner.start();

    const [ask] = await sentAfter(w.telegram, textUpdate("/thongbao", inGroup));
    expect(ask).toMatchObject({ chat_id: -STAFF_CHAT });
    expect(String(ask?.text)).toContain("Soạn thông báo mới");

    const [picker] = await sentAfter(
      w.telegram,
      textUpdate("Từ 15/12, đăng ký khai sinh trực tuyến.", inGroup),
    );
    expect(String(picker?.text)).toContain("Gửi cho người đăng ký chủ đề nào?");
    await sentAfter(w.telegram, callbackUpdate("bc:t:tax", inGroup));
    const preview = await sentAfter(w.telegram, callbackUpdate("bc:next", inGroup), 3);
    const previewed = String(preview[1]?.text);
    expect(previewed).toContain("đăng ký khai sinh trực tuyến");
    expect(previewed).toContain("/huydangky");

    const before = w.telegram.callsOf("sendMessage").length;
    w.telegram.pushUpdate(callbackUpdate("bc:send", inGroup));
    await w.telegram.waitFor(() => w.telegram.callsOf("sendMessage").length >= before + 4, 5000);
    await w.telegram.waitFor(
      () => w.telegram.callsOf("editMessageText").some((c) => String(c.params.text).includes("đã gửi xong")),
      5000,
    );
    const toCitizens = w.telegram.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) > 0);
    expect(toCitizens.map((c) => Number(c.params.chat_id)).sort()).toEqual([1, 2]);
    // The preview is the very message citizens receive.
    for (const call of toCitizens) expect(call.params.text).toBe(previewed);
    const staffTexts = w.telegram
      .callsOf("sendMessage")
      .filter((c) => Number(c.params.chat_id) === -STAFF_CHAT)
      .map((c) => String(c.params.text));
    expect(staffTexts.some((t) => /Đã bắt đầu gửi thông báo số \d+\./.test(t))).toBe(true);
    const final = w.telegram.callsOf("editMessageText").at(-1);
    expect(final?.params.chat_id).toBe(-STAFF_CHAT);
    expect(String(final?.params.text)).toContain(
      "Tổng 2 người nhận. Đã gửi: 2. Không gửi được: 0. Đã chặn bot: 0. Còn lại: 0.",
    );

    const [none] = await sentAfter(w.telegram, textUpdate("/thongbao_huy", inGroup));
    expect(String(none?.text)).toContain("Không có thông báo nào đang gửi");
    expect(
      await w.stores.keyValue("broadcast-drafts").get(`telegram:${-STAFF_CHAT}|telegram:${operator.id}`),
    ).toBeUndefined();
    expect(DRAFT_TTL_MS).toBeGreaterThan(0);
  });

  it("schedules for later, and /thongbao_huy stops the scheduled one before anyone gets it", async () => {
    await w.addSubscriber("telegram:1", ["reform"]);
    await sentAfter(w.telegram, textUpdate("/thongbao", inGroup));
    await sentAfter(w.telegram, textUpdate("Lịch tiếp công dân tháng 1.", inGroup));
    await sentAfter(w.telegram, callbackUpdate("bc:next", inGroup), 3);
    await sentAfter(w.telegram, callbackUpdate("bc:later", inGroup));
    const replies = await sentAfter(w.telegram, textUpdate("08:00 15/12/2099", inGroup), 2);
    const texts = replies.map((r) => String(r.text));
    expect(texts.some((t) => /Đã hẹn gửi thông báo số \d+ lúc 08:00:00 15\/12\/2099/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes("hẹn gửi lúc"))).toBe(true);
    const [stopped] = await sentAfter(w.telegram, textUpdate("/thongbao_huy", inGroup));
    expect(String(stopped?.text)).toMatch(/Đã yêu cầu dừng thông báo số \d+/);
    expect(await broadcasting.service.unfinished()).toEqual([]);
    expect(w.telegram.callsOf("sendMessage").some((c) => Number(c.params.chat_id) === 1)).toBe(false);
  });

  it("sends a photo with its caption as the text: photo then text, at least a second apart in each chat", async () => {
    for (let i = 1; i <= 2; i++) await w.addSubscriber(`telegram:${i}`, ["reform"]);
    await broadcasting.runner.start();
    await sentAfter(w.telegram, textUpdate("/thongbao", inGroup));
    const photo = messageUpdate(
      {
        photo: [
          { file_id: "small-id", file_unique_id: "s", width: 90, height: 90 },
          { file_id: "AgACAgIAAxk-large", file_unique_id: "l", width: 1280, height: 960 },
        ],
        caption: "Sơ đồ bộ phận một cửa mới",
      } as never,
      inGroup,
    );
    await sentAfter(w.telegram, photo);
    const preview = w.telegram.callsOf("sendPhoto").length;
    w.telegram.pushUpdate(callbackUpdate("bc:next", inGroup));
    await w.telegram.waitForCalls("sendPhoto", preview + 1);
    w.telegram.pushUpdate(callbackUpdate("bc:send", inGroup));
    await w.telegram.waitFor(
      () => w.telegram.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) > 0).length >= 2,
      8000,
    );
    for (const chat of [1, 2]) {
      const calls = w.telegram.calls.filter(
        (c) => Number(c.params.chat_id) === chat && (c.method === "sendPhoto" || c.method === "sendMessage"),
      );
      expect(calls.map((c) => c.method)).toEqual(["sendPhoto", "sendMessage"]);
      expect(calls[0]?.params.photo).toBe("AgACAgIAAxk-large");
      expect(String(calls[1]?.params.text)).toContain("Sơ đồ bộ phận một cửa mới");
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    }
  });
});
