import { describe, expect, it } from "vitest";
import { applyAction, isOverdue, REOPEN_WINDOW_MS, type TicketAction } from "../../src/tickets/lifecycle.ts";
import type { Ticket, TicketActor } from "../../src/tickets/ticket.ts";

const T0 = Date.parse("2026-11-26T09:00:00+07:00");
const hoa: TicketActor = { kind: "staff", channel: "telegram", userId: "7001", role: "operator" };
const lan: TicketActor = { kind: "staff", channel: "telegram", userId: "7002", role: "operator" };
const chief: TicketActor = { kind: "staff", channel: "telegram", userId: "7003", role: "supervisor" };
const citizen: TicketActor = { kind: "citizen" };
let n = 0;
const id = () => `n${++n}`;

function fresh(): Ticket {
  return {
    v: 1,
    code: "PA-2611-0001",
    category: "tre_han",
    description: "Hồ sơ đăng ký khai sinh hẹn thứ Hai trả nhưng đến nay chưa có.",
    contact: { kind: "anonymous" },
    citizen: { address: "telegram:5550001", locale: "vi" },
    status: "new",
    createdAt: T0,
    dueDate: "2026-12-01",
    dueDays: 3,
    answers: [],
    history: [{ at: T0, by: citizen, action: "created", to: "new" }],
    outbox: [],
  };
}

function run(ticket: Ticket, steps: [TicketAction, TicketActor, number?][]): Ticket {
  let current = ticket;
  for (const [action, by, at] of steps) {
    const outcome = applyAction(current, action, by, at ?? T0 + 1000, id);
    if (!outcome.ok) throw new Error(`${action.kind} refused: ${outcome.reason}`);
    current = outcome.ticket;
  }
  return current;
}

describe("ticket lifecycle", () => {
  it("goes new → received → in progress → answered → closed, recording who did what, and tells the citizen", () => {
    const done = run(fresh(), [
      [{ kind: "take" }, hoa],
      [{ kind: "status", to: "in_progress" }, hoa],
      [{ kind: "answer", text: "Bộ phận một cửa đã trả kết quả, mời anh chị đến nhận." }, hoa],
      [{ kind: "close" }, hoa],
    ]);
    expect(done.status).toBe("closed");
    expect(done.assignee).toEqual(hoa);
    expect(done.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ["created", undefined, "new"],
      ["take", "new", "received"],
      ["status", "received", "in_progress"],
      ["answer", "in_progress", "answered"],
      ["close", "answered", "closed"],
    ]);
    expect(done.history.slice(1).every((h) => h.by === hoa)).toBe(true);
    expect(done.outbox.map((o) => [o.to, o.kind, o.status ?? o.answerIndex])).toEqual([
      ["citizen", "status", "received"],
      ["citizen", "status", "in_progress"],
      ["citizen", "answer", 0],
      ["citizen", "status", "closed"],
    ]);
    expect(done.firstAnsweredAt).toBe(T0 + 1000);
    expect(done.closedAt).toBe(T0 + 1000);
  });

  it("refuses what does not apply", () => {
    const closed = run(fresh(), [[{ kind: "close" }, hoa]]);
    const refuse = (ticket: Ticket, action: TicketAction, by: TicketActor, at = T0 + 2000) => {
      const outcome = applyAction(ticket, action, by, at, id);
      return outcome.ok ? "accepted" : outcome.reason;
    };
    expect(refuse(closed, { kind: "answer", text: "muộn" }, hoa)).toBe("wrong-status");
    expect(refuse(fresh(), { kind: "answer", text: "   " }, hoa)).toBe("invalid");
    expect(refuse(fresh(), { kind: "status", to: "answered" }, hoa)).toBe("invalid");
    expect(refuse(fresh(), { kind: "status", to: "reopened" }, hoa)).toBe("invalid");
    expect(refuse(fresh(), { kind: "reopen" }, hoa)).toBe("not-allowed");
    expect(refuse(fresh(), { kind: "answer", text: "x" }, citizen)).toBe("not-allowed");
    expect(refuse(fresh(), { kind: "rate", score: 5 }, citizen)).toBe("wrong-status");
    expect(refuse(closed, { kind: "rate", score: 6 }, citizen)).toBe("invalid");
    expect(refuse(closed, { kind: "rate", score: 0 }, citizen)).toBe("invalid");
    expect(refuse(closed, { kind: "reopen" }, citizen, T0 + 1000 + REOPEN_WINDOW_MS + 1)).toBe("too-late");
  });

  it("lets only a supervisor take over a ticket someone else took", () => {
    const taken = run(fresh(), [[{ kind: "take" }, hoa]]);
    expect(applyAction(taken, { kind: "take" }, lan, T0, id)).toEqual({ ok: false, reason: "taken" });
    const over = applyAction(taken, { kind: "take" }, chief, T0, id);
    expect(over.ok && over.ticket.assignee).toEqual(chief);
  });

  it("reopens within 7 days on the citizen's word, tells staff, and rates once", () => {
    const closed = run(fresh(), [[{ kind: "close" }, hoa, T0]]);
    const rated = run(closed, [[{ kind: "rate", score: 2 }, citizen, T0 + 5000]]);
    expect(rated.rating).toEqual({ score: 2, at: T0 + 5000 });
    expect(applyAction(rated, { kind: "rate", score: 4 }, citizen, T0, id)).toEqual({
      ok: false,
      reason: "already-rated",
    });
    const reopened = run(rated, [
      [{ kind: "reopen", reason: "Vẫn chưa nhận được kết quả" }, citizen, T0 + REOPEN_WINDOW_MS],
    ]);
    expect(reopened.status).toBe("reopened");
    expect(reopened.outbox.at(-1)).toMatchObject({ to: "staff", kind: "reopened" });
    expect(reopened.history.at(-1)).toMatchObject({
      action: "reopen",
      from: "closed",
      to: "reopened",
      note: "Vẫn chưa nhận được kết quả",
    });
    expect(run(reopened, [[{ kind: "take" }, lan]]).status).toBe("received");
  });

  it("is overdue after its due date until it is answered", () => {
    expect(isOverdue(fresh(), "2026-12-01")).toBe(false);
    expect(isOverdue(fresh(), "2026-12-02")).toBe(true);
    expect(isOverdue(run(fresh(), [[{ kind: "answer", text: "Đã xử lý" }, hoa]]), "2026-12-02")).toBe(false);
  });
});
