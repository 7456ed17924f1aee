/**
 * The ticket's lifecycle as a pure state machine: `(ticket, action, actor, now) → ticket' | refusal`.
 * Every accepted action appends a history event (who, what, when) and queues the notifications it
 * causes in the ticket's own outbox, so the change and its notifications are stored together.
 *
 *   new → received → in_progress → answered → closed
 *   closed → reopened (the citizen, within 7 days) → received / in_progress / answered / closed
 */
import type { PendingNotice, Ticket, TicketActor, TicketStatus } from "./ticket.ts";

export const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type TicketAction =
  /** A staff member takes the ticket (assigns it to themselves); a new or reopened one becomes received. */
  | { kind: "take" }
  /** A status change staff may make by hand (received, in_progress, closed). */
  | { kind: "status"; to: TicketStatus; note?: string }
  /** An answer for the citizen; the ticket becomes answered. */
  | { kind: "answer"; text: string }
  | { kind: "close"; note?: string }
  /** The citizen says it is not solved, within 7 days of closing. */
  | { kind: "reopen"; reason?: string }
  /** The citizen rates the handling, once, after closing. */
  | { kind: "rate"; score: number };

export type TicketRefusal =
  /** The action does not apply in the ticket's status (e.g. answering a closed ticket). */
  | "wrong-status"
  /** Someone else has taken the ticket (only a supervisor may take it over). */
  | "taken"
  /** Citizen actions by anyone else, or staff actions by a citizen. */
  | "not-allowed"
  /** Reopening more than 7 days after closing. */
  | "too-late"
  | "already-rated"
  /** Empty answer, score outside 1–5, unknown status. */
  | "invalid";

export type LifecycleResult = { ok: true; ticket: Ticket } | { ok: false; reason: TicketRefusal };

/** The statuses staff may set by hand from each status (answered needs an answer; reopened is the citizen's). */
const manual: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["received", "in_progress", "closed"],
  received: ["in_progress", "closed"],
  in_progress: ["received", "closed"],
  answered: ["in_progress", "closed"],
  reopened: ["received", "in_progress", "closed"],
  closed: [],
};

export function allowedStatusChanges(status: TicketStatus): readonly TicketStatus[] {
  return manual[status];
}

const isOffice = (by: TicketActor) => by.kind === "staff" || by.kind === "api" || by.kind === "system";

export function applyAction(
  ticket: Ticket,
  action: TicketAction,
  by: TicketActor,
  now: number,
  newId: () => string,
): LifecycleResult {
  const notice = (n: Omit<PendingNotice, "id" | "createdAt" | "attempts" | "notBefore">): PendingNotice => ({
    id: newId(),
    createdAt: now,
    attempts: 0,
    notBefore: now,
    ...n,
  });
  const next = (
    status: TicketStatus,
    event: Omit<Ticket["history"][number], "at" | "by" | "from" | "to">,
    notices: PendingNotice[],
    changes: Partial<Ticket> = {},
  ): LifecycleResult => ({
    ok: true,
    ticket: {
      ...ticket,
      ...changes,
      status,
      history: [
        ...ticket.history,
        { at: now, by, ...event, ...(status !== ticket.status && { from: ticket.status, to: status }) },
      ],
      outbox: [...ticket.outbox, ...notices],
    },
  });
  const statusNotice = (status: TicketStatus) =>
    status === ticket.status ? [] : [notice({ to: "citizen", kind: "status", status })];

  switch (action.kind) {
    case "take": {
      if (by.kind !== "staff") return { ok: false, reason: "not-allowed" };
      if (ticket.status === "closed") return { ok: false, reason: "wrong-status" };
      const holder = ticket.assignee;
      if (holder && holder.userId !== by.userId && by.role !== "supervisor")
        return { ok: false, reason: "taken" };
      const status = ticket.status === "new" || ticket.status === "reopened" ? "received" : ticket.status;
      return next(status, { action: "take" }, statusNotice(status), { assignee: by });
    }
    case "status": {
      if (!isOffice(by)) return { ok: false, reason: "not-allowed" };
      if (!manual[ticket.status].includes(action.to)) {
        return { ok: false, reason: ticket.status === "closed" ? "wrong-status" : "invalid" };
      }
      if (action.to === "closed")
        return applyAction(
          ticket,
          { kind: "close", ...(action.note && { note: action.note }) },
          by,
          now,
          newId,
        );
      return next(
        action.to,
        { action: "status", ...(action.note && { note: action.note }) },
        statusNotice(action.to),
      );
    }
    case "answer": {
      if (!isOffice(by)) return { ok: false, reason: "not-allowed" };
      const text = action.text.trim();
      if (text.length === 0 || text.length > 4000) return { ok: false, reason: "invalid" };
      if (ticket.status === "closed") return { ok: false, reason: "wrong-status" };
      const answers = [...ticket.answers, { at: now, by, text }];
      return next(
        "answered",
        { action: "answer", note: `#${answers.length}` },
        [notice({ to: "citizen", kind: "answer", answerIndex: answers.length - 1 })],
        { answers, firstAnsweredAt: ticket.firstAnsweredAt ?? now },
      );
    }
    case "close": {
      if (!isOffice(by)) return { ok: false, reason: "not-allowed" };
      if (ticket.status === "closed") return { ok: false, reason: "wrong-status" };
      return next(
        "closed",
        { action: "close", ...(action.note && { note: action.note }) },
        statusNotice("closed"),
        {
          closedAt: now,
        },
      );
    }
    case "reopen": {
      if (by.kind !== "citizen") return { ok: false, reason: "not-allowed" };
      if (ticket.status !== "closed" || ticket.closedAt === undefined)
        return { ok: false, reason: "wrong-status" };
      if (now - ticket.closedAt > REOPEN_WINDOW_MS) return { ok: false, reason: "too-late" };
      const reason = action.reason?.trim().slice(0, 1000);
      return next("reopened", { action: "reopen", ...(reason && { note: reason }) }, [
        notice({ to: "staff", kind: "reopened" }),
      ]);
    }
    case "rate": {
      if (by.kind !== "citizen") return { ok: false, reason: "not-allowed" };
      if (!Number.isInteger(action.score) || action.score < 1 || action.score > 5)
        return { ok: false, reason: "invalid" };
      if (ticket.status !== "closed") return { ok: false, reason: "wrong-status" };
      if (ticket.rating) return { ok: false, reason: "already-rated" };
      return next(
        "closed",
        { action: "rate", note: String(action.score) },
        [notice({ to: "staff", kind: "rated" })],
        {
          rating: { score: action.score, at: now },
        },
      );
    }
  }
}

/** Whether the answer is late: not answered by the end of its due date (Vietnam time). */
export function isOverdue(ticket: Ticket, today: string): boolean {
  if (ticket.status === "answered" || ticket.status === "closed") return false;
  return today > ticket.dueDate;
}
