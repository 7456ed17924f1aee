/** /trangthai, "Phản ánh của tôi", rating and reopening through the assistant, on the real ticket service (SQLite). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/core/model.ts";
import { t } from "../../../src/locales/index.ts";
import { createStores, type Stores } from "../../../src/storage/create-stores.ts";
import { createTicketService, type TicketService } from "../../../src/tickets/service.ts";
import { ticketStores } from "../../../src/tickets/stores.ts";
import type { Ticket } from "../../../src/tickets/ticket.ts";
import { submission } from "../../tickets/support.ts";
import { ADDRESS, type Harness, harness, lastChoices, replyText, TestClock } from "../support.ts";

const hoa = {
  kind: "staff" as const,
  channel: "telegram" as const,
  userId: "7001",
  role: "operator" as const,
};
let dir: string;
let stores: Stores;
let tickets: TicketService;
let h: Harness;
let clock: TestClock;
let mine: Ticket;
let theirs: Ticket;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-mine-"));
  stores = await createStores({ dataDir: dir, redisUrl: null });
  clock = new TestClock(Date.parse("2026-11-26T09:00:00+07:00"));
  tickets = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => ({ feedbackDueDays: { tre_han: 3 }, holidays: [] }),
  });
  h = harness({ clock, hotline: { tickets } });
  mine = await tickets.create(submission({ citizen: { address: ADDRESS, locale: "vi" } }));
  theirs = await tickets.create(submission({ citizen: { address: "zalo:someone-else", locale: "vi" } }));
});
afterEach(async () => {
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = (replies: Reply[]) => lastChoices(replies).map((c) => c.id);
const status = (args: string) => h.send({ kind: "command", command: "trangthai", args });

describe("the citizen's own tickets", () => {
  it("lists them with /trangthai and shows one by code, with its history and answers", async () => {
    const list = await status("");
    expect(replyText(list)).toContain(`${mine.code}: Mới gửi (gửi ngày 26/11/2026)`);
    expect(replyText(list)).not.toContain(theirs.code);
    expect(ids(list)).toEqual([`pt:v:${mine.code}`]);

    await tickets.take(mine.code, hoa);
    clock.advance(60_000);
    await tickets.answer(mine.code, "Hồ sơ đã có kết quả, mời anh chị đến nhận.", hoa);
    const shown = replyText(await status(mine.code.toLowerCase()));
    expect(shown).toContain(`Phản ánh ${mine.code}`);
    expect(shown).toContain("Tình trạng: Đã trả lời");
    expect(shown).toContain("26/11/2026: Đã tiếp nhận");
    expect(shown).toContain("Trả lời của cơ quan (26/11/2026): Hồ sơ đã có kết quả, mời anh chị đến nhận.");
    expect(shown).not.toContain("7001");
  });

  it("never shows someone else's ticket, and explains a malformed code", async () => {
    expect(replyText(await status(theirs.code))).toBe(t("vi", "myTickets.notFound", { code: theirs.code }));
    expect(replyText(await h.send({ kind: "choice", choiceId: `pt:v:${theirs.code}` }))).toBe(
      t("vi", "myTickets.notFound", { code: theirs.code }),
    );
    expect(replyText(await h.send({ kind: "choice", choiceId: `pt:r:${theirs.code}:1` }))).toBe(
      t("vi", "myTickets.notFound", { code: theirs.code }),
    );
    expect(replyText(await status("abc"))).toBe(t("vi", "myTickets.badCode"));
  });

  it("is reached by the words “phản ánh của tôi” and from the form's first step", async () => {
    expect(replyText(await h.send({ kind: "text", text: "phản ánh của tôi" }))).toContain(mine.code);
    const start = await h.send({ kind: "command", command: "phananh", args: "" });
    expect(ids(start)).toContain("pa:mine");
    expect(replyText(await h.send({ kind: "choice", choiceId: "pa:mine" }))).toContain(mine.code);
  });

  it("rates a closed ticket once and reopens it within 7 days", async () => {
    await tickets.close(mine.code, hoa);
    const shown = await status(mine.code);
    expect(ids(shown)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `pt:r:${mine.code}:${n}`).concat(`pt:o:${mine.code}`),
    );
    expect(replyText(await h.send({ kind: "text", text: "4" }))).toBe(
      t("vi", "myTickets.thanks", { score: 4 }),
    );
    expect((await tickets.get(mine.code))?.ticket.rating?.score).toBe(4);
    expect(replyText(await h.send({ kind: "choice", choiceId: `pt:r:${mine.code}:1` }))).toBe(
      t("vi", "myTickets.rated", { score: 4 }),
    );
    clock.advance(6 * 24 * 60 * 60 * 1000);
    expect(replyText(await h.send({ kind: "choice", choiceId: `pt:o:${mine.code}` }))).toBe(
      t("vi", "myTickets.reopened", { code: mine.code }),
    );
    const reopened = (await tickets.get(mine.code))?.ticket;
    expect(reopened?.status).toBe("reopened");
    expect(reopened?.outbox.at(-1)).toMatchObject({ to: "staff", kind: "reopened" });
  });

  it("refuses to reopen after 7 days, politely", async () => {
    await tickets.close(mine.code, hoa);
    await status(mine.code);
    clock.advance(8 * 24 * 60 * 60 * 1000);
    expect(replyText(await h.send({ kind: "choice", choiceId: `pt:o:${mine.code}` }))).toBe(
      t("vi", "myTickets.tooLate"),
    );
  });
});
