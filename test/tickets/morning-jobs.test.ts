/** The morning jobs: the overdue reminder each working morning (once, across instances) and erasure after retention. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Address, Reply } from "../../src/core/model.ts";
import type { Messenger } from "../../src/core/ports.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createMorningJobs } from "../../src/tickets/morning-jobs.ts";
import { ERASED_TEXT } from "../../src/tickets/retention.ts";
import { createTicketService, type TicketService } from "../../src/tickets/service.ts";
import { median } from "../../src/tickets/stats.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { TestClock } from "../core/support.ts";
import { captureLogs } from "../support/telegram-harness.ts";
import { submission } from "./support.ts";

const STAFF: Address = "telegram:-4000001";
let dir: string;
let stores: Stores;
let tickets: TicketService;
let clock: TestClock;
let sent: [Address, readonly Reply[]][];
const messenger: Messenger = { send: async (address, replies) => void sent.push([address, replies]) };
const locality = { holidays: ["2026-12-07"], feedbackRetentionMonths: 1 };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-morning-"));
  stores = await createStores({ dataDir: dir, redisUrl: null });
  clock = new TestClock(Date.parse("2026-11-26T09:00:00+07:00"));
  tickets = createTicketService({
    stores: ticketStores(stores),
    clock,
    dueRules: () => ({ feedbackDueDays: { tre_han: 3 }, holidays: [] }),
  });
  sent = [];
});
afterEach(async () => {
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

const jobs = () =>
  createMorningJobs({
    tickets,
    messenger,
    staffAddress: STAFF,
    staffLocale: "vi",
    locality: () => locality,
    days: stores.versioned("ticket-days"),
    clock,
    logger: captureLogs().logger,
    checkEveryMs: 0,
  });
const text = (replies: readonly Reply[]) =>
  replies
    .flatMap((r) =>
      r.kind === "message"
        ? r.blocks.map((b) => ("text" in b ? b.text : "items" in b ? b.items.join("\n") : ""))
        : [],
    )
    .join("\n");

describe("morning jobs", () => {
  it("reminds the staff chat of overdue tickets once per working morning, whatever the number of instances", async () => {
    const late = await tickets.create(submission());
    clock.time = Date.parse("2026-12-03T07:59:00+07:00");
    expect(await jobs().runIfDue()).toBe(false); // before 8 o'clock
    clock.time = Date.parse("2026-12-03T08:05:00+07:00");
    const [a, b] = await Promise.all([jobs().runIfDue(), jobs().runIfDue()]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]).toBe(STAFF);
    expect(text(sent[0]![1])).toContain(`${late.code}: Hồ sơ trễ hẹn, hạn 01/12/2026`);
    expect(await jobs().runIfDue()).toBe(false);
  });

  it("skips weekends and the locality's holidays", async () => {
    await tickets.create(submission());
    clock.time = Date.parse("2026-12-05T09:00:00+07:00"); // Saturday
    expect(await jobs().runIfDue()).toBe(false);
    clock.time = Date.parse("2026-12-07T09:00:00+07:00"); // a holiday in this locality
    expect(await jobs().runIfDue()).toBe(false);
    clock.time = Date.parse("2026-12-08T09:00:00+07:00");
    expect(await jobs().runIfDue()).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it("erases the citizen's content after the retention period, keeping the figures", async () => {
    const old = await tickets.create(submission({ contact: { kind: "phone", phone: "0912345678" } }));
    await tickets.answer(old.code, "Mời anh Nguyễn Văn A đến nhận.", { kind: "api" });
    await tickets.close(old.code, { kind: "api" });
    await tickets.rate(old.code, "telegram:5550001", 5);
    const recent = await tickets.create(submission());
    clock.time = Date.parse("2027-01-04T09:00:00+07:00"); // more than a month after closing
    expect(await jobs().runIfDue()).toBe(true);
    const erased = (await tickets.get(old.code))!.ticket;
    expect(erased.description).toBe(ERASED_TEXT);
    expect(erased.contact).toEqual({ kind: "anonymous" });
    expect(erased.citizen.address).not.toContain("5550001");
    expect(erased.answers[0]?.text).toBe(ERASED_TEXT);
    expect(erased.rating?.score).toBe(5);
    expect(erased.status).toBe("closed");
    expect(JSON.stringify(erased)).not.toMatch(/0912345678|5550001|Nguyễn/);
    expect((await tickets.get(recent.code))!.ticket.description).toBe(recent.description);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
