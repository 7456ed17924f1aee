/** The ticket service on real storage: SQLite always, Redis when REDIS_URL is set. */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@keyv/redis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createTicketService, type TicketService } from "../../src/tickets/service.ts";
import { toStaffView } from "../../src/tickets/staff-view.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import type { StaffTicketActor } from "../../src/tickets/ticket.ts";
import { TestClock } from "../core/support.ts";
import { submission } from "./support.ts";

const T0 = Date.parse("2026-11-26T09:00:00+07:00"); // a Thursday
const hoa: StaffTicketActor = { kind: "staff", channel: "telegram", userId: "7001", role: "operator" };
const lan: StaffTicketActor = { kind: "staff", channel: "telegram", userId: "7002", role: "operator" };
const rules = { feedbackDueDays: { tre_han: 3, thai_do: 5 }, holidays: ["2026-11-30"] };

function contract(name: string, open: () => Promise<Stores>, options: { concurrency: number }) {
  describe(name, () => {
    const opened: Stores[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    async function service(clock = new TestClock(T0)): Promise<{ service: TicketService; queued: string[] }> {
      const stores = await open();
      opened.push(stores);
      const queued: string[] = [];
      return {
        service: createTicketService({
          stores: ticketStores(stores),
          clock,
          dueRules: () => rules,
          onQueued: (c) => queued.push(c),
        }),
        queued,
      };
    }

    it("stores a submission with a code, a due date in working days and the staff notice queued", async () => {
      const { service: tickets, queued } = await service();
      const ticket = await tickets.create(submission());
      expect(ticket.code).toMatch(/^PA-2611-\d{4}$/);
      // Thursday + 3 working days, skipping the weekend and the holiday on Monday 30/11.
      expect(ticket.dueDate).toBe("2026-12-02");
      expect(ticket.outbox).toMatchObject([{ to: "staff", kind: "new" }]);
      expect((await tickets.get(ticket.code))?.ticket).toEqual(ticket);
      expect(queued).toEqual([ticket.code]);
    });

    it("lists the citizen's own tickets only, and counts them for the daily limit", async () => {
      const { service: tickets } = await service();
      const mine = await tickets.create(submission());
      const theirs = await tickets.create(submission({ citizen: { address: "zalo:other", locale: "vi" } }));
      expect((await tickets.listForCitizen("telegram:5550001")).map((t) => t.code)).toContain(mine.code);
      expect((await tickets.listForCitizen("telegram:5550001")).map((t) => t.code)).not.toContain(
        theirs.code,
      );
      expect(await tickets.countForCitizenSince("zalo:other", T0)).toBeGreaterThanOrEqual(1);
      expect(await tickets.countForCitizenSince("zalo:other", T0 + 1)).toBe(0);
      // Citizen actions on someone else's ticket look like an unknown code.
      await tickets.close(theirs.code, { kind: "api" });
      expect(await tickets.rate(theirs.code, "telegram:5550001", 5)).toEqual({
        ok: false,
        reason: "not-found",
      });
      expect((await tickets.rate(theirs.code, "zalo:other", 5)).ok).toBe(true);
    });

    it("filters the list by status, category and overdue", async () => {
      const clock = new TestClock(T0);
      const { service: tickets } = await service(clock);
      const late = await tickets.create(submission({ category: "thai_do" }));
      const answered = await tickets.create(submission({ category: "thai_do" }));
      await tickets.answer(answered.code, "Đã nhắc nhở cán bộ.", hoa);
      clock.time = Date.parse("2026-12-10T09:00:00+07:00");
      const overdue = await tickets.list({ overdue: true, category: "thai_do" });
      expect(overdue.map((t) => t.code)).toContain(late.code);
      expect(overdue.map((t) => t.code)).not.toContain(answered.code);
      const byStatus = await tickets.list({ status: "answered", category: "thai_do" });
      expect(byStatus.map((t) => t.code)).toContain(answered.code);
      expect(byStatus.every((t) => t.status === "answered")).toBe(true);
    });

    it("lets two staff members acting at once never overwrite each other", async () => {
      const { service: tickets } = await service();
      const ticket = await tickets.create(submission());
      const [a, b] = await Promise.all([tickets.take(ticket.code, hoa), tickets.take(ticket.code, lan)]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const refused = a.ok ? b : a;
      expect(refused).toEqual({ ok: false, reason: "taken" });
      // Two answers at once: both kept, in one order or the other.
      await Promise.all([
        tickets.answer(ticket.code, "Trả lời thứ nhất", hoa),
        tickets.answer(ticket.code, "Trả lời thứ hai", hoa),
      ]);
      const stored = (await tickets.get(ticket.code))!.ticket;
      expect(stored.answers.map((x) => x.text).sort()).toEqual(["Trả lời thứ hai", "Trả lời thứ nhất"]);
      expect(stored.history.filter((h) => h.action === "answer")).toHaveLength(2);
    });

    it(`gives ${options.concurrency} concurrent submissions ${options.concurrency} distinct codes and stored tickets`, async () => {
      const { service: tickets } = await service();
      // Two service instances over separate connections, as two bot instances would be.
      const { service: other } = await service();
      const runs = Array.from({ length: options.concurrency }, (_, i) =>
        (i % 2 === 0 ? tickets : other).create(
          submission({ citizen: { address: `zalo:c${i}`, locale: "vi" } }),
        ),
      );
      const created = await Promise.all(runs);
      const codes = new Set(created.map((t) => t.code));
      expect(codes.size).toBe(options.concurrency);
      let stored = 0;
      for (const code of codes) if ((await tickets.get(code)) !== undefined) stored++;
      expect(stored).toBe(options.concurrency);
    }, 60_000);

    it("shows staff no identity for an anonymous ticket", async () => {
      const { service: tickets } = await service();
      const ticket = await tickets.create(submission({ contact: { kind: "anonymous" } }));
      const view = JSON.stringify(toStaffView(ticket));
      expect(view).not.toContain("5550001");
      expect(view).not.toContain("telegram:");
      expect(toStaffView(ticket)).toMatchObject({ anonymous: true, phone: null });
      expect(toStaffView(await tickets.create(submission()))).toMatchObject({
        anonymous: false,
        phone: "0912345678",
      });
    });
  });
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
let sqliteDir: string | undefined;
contract(
  "ticket service on SQLite",
  async () => {
    sqliteDir ??= await mkdtemp(join(tmpdir(), "htt-tickets-"));
    if (!dirs.includes(sqliteDir)) dirs.push(sqliteDir);
    return createStores({ dataDir: sqliteDir, redisUrl: null });
  },
  { concurrency: 50 },
);

const redisUrl = process.env.REDIS_URL;
describe.runIf(redisUrl)("on Redis", () => {
  const prefix = `htt-test-tickets-${randomBytes(6).toString("hex")}:`;
  const url = redisUrl ?? "";
  afterAll(async () => {
    const client = createClient({ url });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    await client.close();
  });
  contract(
    "ticket service on Redis",
    () => createStores({ dataDir: "unused", redisUrl: url }, { redisPrefix: prefix }),
    {
      concurrency: 200,
    },
  );
});
