/**
 * The feedback form end to end through the assistant, with the real ticket service on SQLite:
 * every step, every bad input, /huy, expiry, edit, stale buttons, the daily limit, and the
 * guarantee that the code is shown only once the ticket is stored.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/core/model.ts";
import { t } from "../../../src/locales/index.ts";
import { createStores, type Stores } from "../../../src/storage/create-stores.ts";
import { createTicketService, type TicketService } from "../../../src/tickets/service.ts";
import { ticketStores } from "../../../src/tickets/stores.ts";
import { ADDRESS, type Harness, harness, lastChoices, replyText, TestClock } from "../support.ts";

let dir: string;
let stores: Stores;
let tickets: TicketService;
let h: Harness;
let clock: TestClock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-form-"));
  stores = await createStores({ dataDir: dir, redisUrl: null });
  clock = new TestClock(Date.parse("2026-11-26T09:00:00+07:00"));
  tickets = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => ({ feedbackDueDays: { tre_han: 3, thai_do: 5 }, holidays: [] }),
  });
  h = harness({ clock, hotline: { tickets } });
});
afterEach(async () => {
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = (replies: Reply[]) => lastChoices(replies).map((c) => c.id);
const pick = (id: string) => h.send({ kind: "choice", choiceId: id });
const say = (text: string) => h.send({ kind: "text", text });
const DESCRIPTION =
  "Tôi nộp hồ sơ khai sinh cho con ngày 10/11, hẹn trả ngày 17/11 nhưng đến nay vẫn chưa có.";

async function fillUpToContact() {
  await h.send({ kind: "command", command: "phananh", args: "" });
  await pick("pa:c:tre_han");
  await say("khai sinh");
  await pick("pa:p:1.001193");
  await say(DESCRIPTION);
  return pick("pa:skip");
}

describe("feedback form", () => {
  it("walks a citizen from /phananh to a stored ticket, showing the code only once stored", async () => {
    const start = await h.send({ kind: "command", command: "phananh", args: "" });
    expect(replyText(start)).toContain(t("vi", "feedback.askCategory"));
    expect(ids(start)).toEqual([
      "pa:c:thai_do",
      "pa:c:tre_han",
      "pa:c:nhung_nhieu",
      "pa:c:quy_dinh",
      "pa:c:kien_nghi",
      "pa:c:khac",
      "pa:cancel",
    ]);
    expect(replyText(await pick("pa:c:tre_han"))).toContain(t("vi", "feedback.askProcedure"));
    const found = await say("khai sinh");
    expect(ids(found)).toEqual(["pa:p:1.001193", "pa:skip", "pa:cancel"]);
    expect(replyText(await pick("pa:p:1.001193"))).toContain("Bạn hãy kể ngắn gọn việc đã xảy ra");
    expect(replyText(await say(DESCRIPTION))).toContain(t("vi", "feedback.askPhoto"));
    const photo = await h.send({ kind: "photo", photo: { fileId: "AgACphoto", bytes: 120_000 } });
    expect(replyText(photo)).toContain("Cơ quan có thể gọi lại cho bạn không?");
    const summary = await say("0912 345 678");
    const text = replyText(summary);
    expect(text).toContain("Loại: Hồ sơ trễ hẹn");
    expect(text).toContain("Thủ tục: Thủ tục đăng ký khai sinh");
    expect(text).toContain(`Nội dung: ${DESCRIPTION}`);
    expect(text).toContain("Ảnh: có một ảnh");
    expect(text).toContain("Số điện thoại liên hệ: 0912345678");
    expect(text).toContain("Chỉ cán bộ tiếp nhận phản ánh của Phường Mẫu (ví dụ) được xem.");
    expect(text).toContain("24 tháng");
    expect(ids(summary)).toEqual(["pa:send", "pa:edit", "pa:cancel"]);
    expect(await tickets.listForCitizen(ADDRESS)).toEqual([]);

    const sent = await pick("pa:send");
    const [stored] = await tickets.listForCitizen(ADDRESS);
    expect(stored).toMatchObject({
      category: "tre_han",
      procedure: { code: "1.001193" },
      description: DESCRIPTION,
      photo: { fileId: "AgACphoto", bytes: 120_000 },
      contact: { kind: "phone", phone: "0912345678" },
      citizen: { address: ADDRESS, locale: "vi" },
      status: "new",
      dueDate: "2026-12-01",
    });
    expect(replyText(sent)).toContain(t("vi", "feedback.sent", { code: stored!.code }));
    expect(replyText(sent)).toContain("chậm nhất ngày 01/12/2026");
    // The Send button pressed again (a double tap) sends nothing more.
    expect(replyText(await pick("pa:send"))).toBe(t("vi", "choice.stale"));
    expect(await tickets.listForCitizen(ADDRESS)).toHaveLength(1);
  });

  it("starts from the menu and from words like “tôi muốn khiếu nại”, but not from a question about the procedure", async () => {
    expect(replyText(await pick("m:feedback"))).toContain(t("vi", "feedback.askCategory"));
    await h.send({ kind: "command", command: "huy", args: "" });
    expect(replyText(await say("tôi muốn khiếu nại"))).toContain(t("vi", "feedback.askCategory"));
    await h.send({ kind: "command", command: "huy", args: "" });
    expect(replyText(await say("toi muon gop y"))).toContain(t("vi", "feedback.askCategory"));
    await h.send({ kind: "command", command: "huy", args: "" });
    expect(replyText(await say("thủ tục khiếu nại lần đầu"))).not.toContain(t("vi", "feedback.askCategory"));
  });

  it("answers every bad input with a clear message and stays on the step", async () => {
    await h.send({ kind: "command", command: "phananh", args: "" });
    expect(replyText(await say("gì đó"))).toContain(t("vi", "feedback.pickOne"));
    expect(replyText(await say("9"))).toContain(t("vi", "input.pickNumber", { max: 7 }));
    await say("2"); // typed number = the second category (Zalo, terminal)
    expect(replyText(await say("không có gì ở đây cả xyz"))).toContain(t("vi", "feedback.procedureNone"));
    await pick("pa:skip");
    expect(replyText(await h.send({ kind: "text", text: "   " }))).toContain(
      t("vi", "feedback.descriptionEmpty"),
    );
    expect(replyText(await say("chậm quá"))).toContain(t("vi", "feedback.descriptionShort", { min: 20 }));
    const long = "Hồ sơ trễ hẹn. ".repeat(200);
    expect(replyText(await say(long))).toContain("quá giới hạn 2000 ký tự");
    expect(replyText(await h.send({ kind: "photo", photo: { fileId: "x", bytes: 10 } }))).toContain(
      t("vi", "feedback.descriptionFirst"),
    );
    await say(DESCRIPTION);
    expect(replyText(await say("đây là ảnh"))).toContain(t("vi", "feedback.photoExpected"));
    expect(
      replyText(await h.send({ kind: "photo", photo: { fileId: "huge", bytes: 9 * 1024 * 1024 } })),
    ).toContain(t("vi", "feedback.photoTooBig", { mb: 5 }));
    await pick("pa:skip");
    for (const phone of ["12345", "0123 456 789", "091234567890", "số của tôi", "+1 202 555 0100"]) {
      expect(replyText(await say(phone))).toContain(t("vi", "feedback.phoneInvalid"));
    }
    expect(replyText(await say("+84 912 345 678"))).toContain("Số điện thoại liên hệ: 0912345678");
  });

  it("takes a typed “không” to “do you have a photo?” as no photo, and anything else as a reminder", async () => {
    await h.send({ kind: "command", command: "phananh", args: "" });
    await say("2");
    await pick("pa:skip");
    await say(DESCRIPTION);
    expect(replyText(await say("có ảnh đây"))).toContain(t("vi", "feedback.photoExpected"));
    const next = replyText(await say("Không ạ"));
    expect(next).not.toContain(t("vi", "feedback.photoExpected"));
    expect(next).toContain(t("vi", "feedback.anonymousButton"));
    expect(replyText(await say("0912 345 678"))).toContain("Ảnh: không có");
  });

  it("accepts Vietnamese landlines and the anonymous choice, with the anonymity notice", async () => {
    await fillUpToContact();
    expect(replyText(await say("(024) 3825 1234"))).toContain("Số điện thoại liên hệ: 02438251234");
    await pick("pa:edit");
    await pick("pa:edit:contact");
    const summary = await pick("pa:anonymous");
    expect(replyText(summary)).toContain(t("vi", "feedback.summary.anonymous"));
    expect(replyText(summary)).toContain(t("vi", "feedback.privacy.anonymous"));
    await pick("pa:send");
    const [stored] = await tickets.listForCitizen(ADDRESS);
    expect(stored?.contact).toEqual({ kind: "anonymous" });
  });

  it("edits one field from the summary and comes back to the summary", async () => {
    await fillUpToContact();
    await pick("pa:anonymous");
    expect(ids(await pick("pa:edit"))).toEqual([
      "pa:edit:category",
      "pa:edit:procedure",
      "pa:edit:description",
      "pa:edit:photo",
      "pa:edit:contact",
      "pa:cancel",
    ]);
    await pick("pa:edit:category");
    const back = await pick("pa:c:thai_do");
    expect(replyText(back)).toContain("Loại: Thái độ cán bộ");
    expect(ids(back)).toEqual(["pa:send", "pa:edit", "pa:cancel"]);
    await pick("pa:edit");
    await pick("pa:edit:description");
    const changed = await say("Cán bộ một cửa trả lời cộc lốc và không hướng dẫn tôi điền tờ khai.");
    expect(replyText(changed)).toContain("Nội dung: Cán bộ một cửa trả lời cộc lốc");
  });

  it("cancels with /huy at any step, sending nothing", async () => {
    await fillUpToContact();
    const cancelled = await h.send({ kind: "command", command: "huy", args: "" });
    expect(replyText(cancelled)).toBe(t("vi", "feedback.cancelled"));
    expect(replyText(await pick("pa:anonymous"))).toBe(t("vi", "choice.stale"));
    expect(replyText(await h.send({ kind: "command", command: "huy", args: "" }))).toBe(
      t("vi", "feedback.nothingToCancel"),
    );
    expect(await tickets.listForCitizen(ADDRESS)).toEqual([]);
  });

  it("lets an abandoned form expire, says so once, and sends nothing", async () => {
    await fillUpToContact();
    clock.advance(61 * 60 * 1000);
    const replies = await say("0912345678");
    expect(replyText(replies)).toContain(t("vi", "feedback.expired"));
    expect(replyText(await say("0912345678"))).not.toContain(t("vi", "feedback.expired"));
    expect(await tickets.listForCitizen(ADDRESS)).toEqual([]);
  });

  it("refuses stale and forged form buttons", async () => {
    expect(replyText(await pick("pa:send"))).toBe(t("vi", "choice.stale"));
    expect(replyText(await pick("pa:c:not_a_category"))).toBe(t("vi", "choice.stale"));
    await h.send({ kind: "command", command: "phananh", args: "" });
    // A button of another step.
    expect(replyText(await pick("pa:anonymous"))).toBe(t("vi", "choice.stale"));
    expect(replyText(await pick("pa:p:9.999999"))).toBe(t("vi", "choice.stale"));
  });

  it("limits submissions per citizen per day, with a clear message, and allows them again the next day", async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(61_000); // stay under the per-minute rate limit
      await fillUpToContact();
      await pick("pa:anonymous");
      expect(replyText(await pick("pa:send"))).toContain("Đã gửi phản ánh");
    }
    const refused = await h.send({ kind: "command", command: "phananh", args: "" });
    expect(replyText(refused)).toContain(
      t("vi", "feedback.limitReached", { max: 3, hotline: "1900 0000 00" }),
    );
    clock.advance(24 * 60 * 60 * 1000);
    expect(replyText(await h.send({ kind: "command", command: "phananh", args: "" }))).toContain(
      t("vi", "feedback.askCategory"),
    );
  });

  it("keeps the confirmed form when storage fails, so nothing confirmed is lost", async () => {
    await fillUpToContact();
    await pick("pa:anonymous");
    const failing = harness({
      clock,
      stores: h.stores,
      hotline: {
        tickets: {
          ...tickets,
          create: async () => {
            throw new Error("disk full");
          },
        },
      },
    });
    const replies = await failing.send({ kind: "choice", choiceId: "pa:send" });
    expect(replyText(replies)).toBe(t("vi", "error.generic"));
    // The form is still there: Send works once storage is back.
    expect(replyText(await pick("pa:send"))).toContain("Đã gửi phản ánh");
  });

  it("still announces the feature as coming when the hotline does not run", async () => {
    const plain = harness({ clock });
    expect(replyText(await plain.send({ kind: "command", command: "phananh", args: "" }))).toContain(
      "Tính năng này sắp có",
    );
  });
});
