/** The hotline's staff actions through the staff desk, on the real ticket service (SQLite). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/model.ts";
import { t } from "../../src/locales/index.ts";
import { createStaffDesk, type StaffDesk, type StaffEvent } from "../../src/staff/desk.ts";
import { createStaffDirectory } from "../../src/staff/directory.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketService, type TicketService } from "../../src/tickets/service.ts";
import { hotlineStaffCapability } from "../../src/tickets/staff-actions.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import type { Ticket } from "../../src/tickets/ticket.ts";
import { TestClock } from "../core/support.ts";
import { captureLogs } from "../support/telegram-harness.ts";
import { submission } from "./support.ts";

let dir: string;
let stores: Stores;
let tickets: TicketService;
let desk: StaffDesk;
let clock: TestClock;
let ticket: Ticket;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-staff-"));
  stores = await createStores({ dataDir: dir, redisUrl: null });
  clock = new TestClock(Date.parse("2026-11-26T09:00:00+07:00"));
  tickets = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => ({ feedbackDueDays: { tre_han: 3 }, holidays: [] }),
  });
  desk = createStaffDesk({
    directory: createStaffDirectory({
      telegram: [
        { id: "7001", role: "operator" },
        { id: "7002", role: "operator" },
        { id: "7003", role: "supervisor" },
      ],
      zalo: [],
    }),
    logger: captureLogs().logger,
    locale: "vi",
    clock,
  });
  desk.register(hotlineStaffCapability({ tickets, clock }));
  ticket = await tickets.create(submission());
});
afterEach(async () => {
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

const base = {
  channel: "telegram" as const,
  address: "telegram:-4000001" as const,
  place: "staff-chat" as const,
  receivedAt: 0,
};
async function run(userId: string, event: Partial<StaffEvent> & Pick<StaffEvent, "kind">): Promise<string> {
  const outcome = await desk.handle({ ...base, userId, ...event } as StaffEvent);
  if (outcome.kind === "unhandled") return "(unhandled)";
  return outcome.replies
    .flatMap((r: Reply) =>
      r.kind === "message"
        ? r.blocks.map((b) => ("text" in b ? b.text : "items" in b ? b.items.join("\n") : ""))
        : [],
    )
    .join("\n");
}
const press = (userId: string, choiceId: string) => run(userId, { kind: "choice", choiceId });
const command = (userId: string, name: string, args = "") =>
  run(userId, { kind: "command", command: name, args });

describe("hotline staff actions", () => {
  it("take, in progress and close from the card's buttons, each recorded with who did it", async () => {
    expect(await press("7001", `tk:take:${ticket.code}`)).toContain(
      t("vi", "ticket.staff.taken", { who: "telegram:7001", code: ticket.code }),
    );
    expect(await press("7001", `tk:st:in_progress:${ticket.code}`)).toContain("đã chuyển sang “Đang xử lý”");
    expect(await press("7003", `tk:close:${ticket.code}`)).toContain(
      t("vi", "ticket.staff.closed", { code: ticket.code }),
    );
    const stored = (await tickets.get(ticket.code))!.ticket;
    expect(
      stored.history.slice(1).map((h) => [h.action, h.by.kind === "staff" && h.by.userId, h.to]),
    ).toEqual([
      ["take", "7001", "received"],
      ["status", "7001", "in_progress"],
      ["close", "7003", "closed"],
    ]);
  });

  it("says who holds a ticket another operator tries to take, and what a closed ticket cannot do", async () => {
    await press("7001", `tk:take:${ticket.code}`);
    expect(await press("7002", `tk:take:${ticket.code}`)).toBe(
      t("vi", "ticket.staff.takenBy", { code: ticket.code, who: "telegram:7001" }),
    );
    await press("7001", `tk:close:${ticket.code}`);
    expect(await press("7001", `tk:close:${ticket.code}`)).toBe(
      t("vi", "ticket.staff.wrongStatus", { code: ticket.code, status: "Đã đóng" }),
    );
    expect(await command("7001", "traloi", `${ticket.code} Đã xử lý xong`)).toBe(
      t("vi", "ticket.staff.wrongStatus", { code: ticket.code, status: "Đã đóng" }),
    );
  });

  it("answers by a reply to the card, or /traloi, with clear messages for empty, too long or unknown", async () => {
    const card = { messageId: "1000", text: `Phản ánh mới ${ticket.code}\nLoại: Hồ sơ trễ hẹn` };
    expect(
      await run("7001", { kind: "text", text: "Đã liên hệ, mời anh chị đến nhận kết quả.", replyTo: card }),
    ).toBe(t("vi", "ticket.staff.answered", { code: ticket.code }));
    expect(
      await run("7001", { kind: "text", text: "ok", replyTo: { messageId: "9", text: "Xin chào cả nhà" } }),
    ).toBe("(unhandled)");
    expect(await command("7001", "traloi", "")).toBe(t("vi", "ticket.staff.answerUsage"));
    expect(await command("7001", "traloi", ticket.code)).toBe(t("vi", "ticket.staff.answerEmpty"));
    expect(await command("7001", "traloi", `${ticket.code} ${"x".repeat(4001)}`)).toBe(
      t("vi", "ticket.staff.answerLong", { length: 4001, max: 4000 }),
    );
    expect(await command("7001", "traloi", "PA-2611-9999 Trả lời")).toBe(
      t("vi", "ticket.staff.notFound", { code: "PA-2611-9999" }),
    );
    const stored = (await tickets.get(ticket.code))!.ticket;
    expect(stored.answers.map((a) => a.text)).toEqual(["Đã liên hệ, mời anh chị đến nhận kết quả."]);
    expect(stored.outbox.at(-1)).toMatchObject({ to: "citizen", kind: "answer" });
  });

  it("refuses forged buttons and every action of someone who is not staff", async () => {
    expect(await press("7001", "tk:st:answered:PA-2611-0001")).toBe(
      t("vi", "ticket.staff.invalid", { code: "PA-2611-0001" }),
    );
    expect(await press("7001", "tk:st:bogus:PA-2611-0001")).toBe(t("vi", "choice.stale"));
    expect(await press("7001", "tk:nuke:PA-2611-0001")).toBe(t("vi", "choice.stale"));
    expect(await press("5550001", `tk:take:${ticket.code}`)).toBe(t("vi", "staff.notStaff"));
    expect(await command("5550001", "traloi", `${ticket.code} giả danh cán bộ`)).toBe(
      t("vi", "staff.notStaff"),
    );
    expect((await tickets.get(ticket.code))!.ticket.history).toHaveLength(1);
  });

  it("shows one ticket with /xem, the overdue list with /quahan, and the figures with /thongke", async () => {
    expect(await command("7001", "xem", ticket.code.toLowerCase())).toContain("Nội dung: Hồ sơ khai sinh");
    expect(await command("7001", "xem", "nope")).toBe(t("vi", "ticket.staff.badCode"));
    expect(await command("7001", "quahan")).toBe(t("vi", "ticket.overdue.none"));
    const answered = await tickets.create(submission({ category: "thai_do" }));
    clock.advance(2 * 60 * 60 * 1000);
    await tickets.answer(answered.code, "Đã nhắc nhở cán bộ.", { kind: "api" });
    await tickets.close(answered.code, { kind: "api" });
    await tickets.rate(answered.code, "telegram:5550001", 4);
    clock.time = Date.parse("2026-12-03T09:00:00+07:00");
    expect(await command("7001", "quahan")).toContain(
      `${ticket.code}: Hồ sơ trễ hẹn, hạn 01/12/2026, Mới gửi, chưa có người nhận`,
    );
    const stats = await command("7001", "thongke");
    expect(stats).toContain("Tổng số: 2");
    expect(stats).toContain("Mới gửi: 1");
    expect(stats).toContain("Đã đóng: 1");
    expect(stats).toContain("Thái độ cán bộ: 1");
    expect(stats).toContain("Thời gian trả lời (trung vị): 2.0 giờ, trên 1 phản ánh đã trả lời");
    expect(stats).toContain("Quá hạn trả lời: 1");
    expect(stats).toContain("Mức hài lòng: 4.0/5 (1 lượt đánh giá)");
  });
});
