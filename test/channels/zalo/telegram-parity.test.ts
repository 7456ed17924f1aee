/**
 * The same citizen, the same questions, on Telegram and on Zalo, with the real assistant over the
 * real catalogue, search and SQLite storage: both channels must reach the same answer. On Telegram
 * the citizen taps a button; on Zalo (no buttons) they answer with the number of the choice, or
 * with its text.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardMarkup } from "grammy/types";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Catalogue } from "../../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../../src/catalogue/load.ts";
import { htmlToPlain } from "../../../src/channels/telegram/deliver.ts";
import type { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.ts";
import type { ZaloChannel } from "../../../src/channels/zalo/channel.ts";
import { createAssistant } from "../../../src/core/assistant.ts";
import type { Choice, InboundEvent, Reply } from "../../../src/core/model.ts";
import type { Assistant } from "../../../src/core/ports.ts";
import { createSearch } from "../../../src/search/search.ts";
import type { ProcedureSearch } from "../../../src/search/types.ts";
import { assistantStores } from "../../../src/storage/assistant-stores.ts";
import { createStores, type Stores } from "../../../src/storage/create-stores.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import { buildChannel } from "../../support/telegram-harness.ts";
import { callbackUpdate, textUpdate } from "../../support/telegram-updates.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../../support/zalo-api-stand-in.ts";
import { buildZaloChannel, captureLogs } from "../../support/zalo-harness.ts";
import { zaloText } from "../../support/zalo-updates.ts";

const ZALO_CHAT = "6ae4f1c2b3d4e5f60718";

let catalogue: Catalogue;
let search: ProcedureSearch;
let dataDir: string;
let stores: Stores;
let telegramApi: TelegramApiStandIn;
let zaloApi: ZaloApiStandIn;
let telegram: TelegramChannel;
let zalo: ZaloChannel;
/** What the core answered, per channel, in order. */
let answers: { telegram: Reply[][]; zalo: Reply[][] };

beforeAll(async () => {
  catalogue = await loadCatalogue("procedures");
  search = createSearch(catalogue);
}, 60_000);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "hoi-thu-tuc-parity-"));
  stores = await createStores({ dataDir, redisUrl: null });
  const core = createAssistant({
    catalogue: () => catalogue,
    search: () => search,
    stores: assistantStores(stores),
    clock: { now: () => Date.now() },
    logger: captureLogs().logger,
  });
  answers = { telegram: [], zalo: [] };
  const recording: Assistant = {
    async handle(event: InboundEvent) {
      const replies = await core.handle(event);
      (event.address.startsWith("zalo:") ? answers.zalo : answers.telegram).push(replies);
      return replies;
    },
  };
  telegramApi = await startTelegramApiStandIn();
  zaloApi = await startZaloApiStandIn({ maxPollWaitMs: 200 });
  ({ channel: telegram } = buildChannel({
    api: telegramApi,
    assistant: recording,
    overrides: { lock: stores.addressLock },
  }));
  ({ channel: zalo } = buildZaloChannel({
    api: zaloApi,
    assistant: recording,
    mode: "polling",
    overrides: { lock: stores.addressLock },
  }));
  await telegram.start();
  await zalo.start();
});

afterEach(async () => {
  await telegram.stop(2_000);
  await zalo.stop();
  await telegramApi.close();
  await zaloApi.close();
  await stores.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Waits until no new message has been sent for 300 ms. */
async function quiet(count: () => number): Promise<void> {
  let seen = -1;
  while (seen !== count()) {
    seen = count();
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function onTelegram(update: Parameters<TelegramApiStandIn["pushUpdate"]>[0]) {
  const before = telegramApi.callsOf("sendMessage").length;
  telegramApi.pushUpdate(update);
  await telegramApi.waitForCalls("sendMessage", before + 1, 10_000);
  await quiet(() => telegramApi.callsOf("sendMessage").length);
  return telegramApi
    .callsOf("sendMessage")
    .slice(before)
    .map((c) => c.params as { text: string; reply_markup?: InlineKeyboardMarkup });
}

async function onZalo(text: string): Promise<string[]> {
  const before = zaloApi.textsTo(ZALO_CHAT).length;
  zaloApi.pushUpdate(zaloText(ZALO_CHAT, text));
  await zaloApi.waitFor(() => zaloApi.textsTo(ZALO_CHAT).length > before, 10_000);
  await quiet(() => zaloApi.textsTo(ZALO_CHAT).length);
  return zaloApi.textsTo(ZALO_CHAT).slice(before);
}

const choicesOf = (replies: Reply[] | undefined): Choice[] =>
  (replies ?? []).flatMap((r) => (r.kind === "message" ? (r.choices ?? []) : []));

const buttonsOf = (sent: { reply_markup?: InlineKeyboardMarkup }[]) =>
  sent.flatMap((m) => m.reply_markup?.inline_keyboard.flat() ?? []) as {
    text: string;
    callback_data?: string;
  }[];

/** Headings and paragraphs of the core's replies: what both channels must show. */
const headlines = (replies: Reply[] | undefined): string[] =>
  (replies ?? []).flatMap((r) =>
    r.kind === "message" ? r.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : [])) : [],
  );

describe("Telegram and Zalo reach the same answer", () => {
  it("an unclear question, then the second choice: a button on Telegram, the number on Zalo", async () => {
    const question = "xac nhan";
    const telegramFirst = await onTelegram(textUpdate(question));
    const zaloFirst = await onZalo(question);

    // The core asked the same clarifying question on both channels.
    expect(answers.zalo[0]).toEqual(answers.telegram[0]);
    const choices = choicesOf(answers.zalo[0]);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    const second = choices[1]!;
    // Telegram shows buttons, Zalo numbered lines and the hint.
    expect(buttonsOf(telegramFirst)[1]?.callback_data).toBe(second.id);
    expect(zaloFirst.join("\n")).toContain(`\n2. ${second.label}\n`);

    await onTelegram(callbackUpdate(buttonsOf(telegramFirst)[1]!.callback_data!));
    const zaloSecond = await onZalo("2");

    expect(answers.zalo[1]).toEqual(answers.telegram[1]);
    const titles = headlines(answers.zalo[1]);
    expect(titles.length).toBeGreaterThan(0);
    // The answer is the procedure that was picked, not the clarifying question again.
    expect(choicesOf(answers.zalo[1]).map((c) => c.id)).not.toContain(second.id);
    const zaloText = zaloSecond.join("\n");
    const telegramText = telegramApi
      .callsOf("sendMessage")
      .slice(-zaloSecond.length - 10)
      .map((c) => htmlToPlain(String(c.params.text)))
      .join("\n");
    for (const title of titles) {
      expect(zaloText).toContain(title);
      expect(telegramText).toContain(title);
    }
    for (const message of zaloSecond) expect(message.length).toBeLessThanOrEqual(2000);
  }, 60_000);

  it("a clear question, then a choice typed as its text on Zalo", async () => {
    const question = "đăng ký kết hôn";
    const telegramFirst = await onTelegram(textUpdate(question));
    await onZalo(question);
    expect(answers.zalo[0]).toEqual(answers.telegram[0]);
    const first = choicesOf(answers.zalo[0])[0];
    expect(first).toBeDefined();

    await onTelegram(callbackUpdate(buttonsOf(telegramFirst)[0]!.callback_data!));
    await onZalo(first!.label);
    expect(answers.zalo[1]).toEqual(answers.telegram[1]);
    expect(answers.zalo[1]?.length).toBeGreaterThan(0);
  }, 60_000);
});
