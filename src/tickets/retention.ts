/**
 * Erasing what citizens wrote once a closed ticket is past the locality's retention period
 * (`feedbackRetentionMonths`, told to the citizen before sending): the text, photo, phone number,
 * chat address, answers and notes go; the category, dates, statuses and rating stay for statistics.
 */
import type { TicketService } from "./service.ts";
import type { Ticket } from "./ticket.ts";

export const ERASED_TEXT = "—";
const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** The ticket with its personal content erased (idempotent). */
export function eraseContent(ticket: Ticket, now: number): Ticket {
  return {
    ...ticket,
    description: ERASED_TEXT,
    photo: undefined,
    procedure: ticket.procedure,
    contact: { kind: "anonymous" },
    citizen: { address: "erased:-", locale: ticket.citizen.locale },
    answers: ticket.answers.map((a) => ({ ...a, text: ERASED_TEXT })),
    history: ticket.history.map(({ note, ...h }) =>
      h.action === "rate" && note !== undefined ? { ...h, note } : h,
    ),
    outbox: [],
    erasedAt: now,
  };
}

/** Whether a ticket's content is due for erasure. */
export function dueForErasure(ticket: Ticket, now: number, retentionMonths: number): boolean {
  return (
    ticket.status === "closed" &&
    ticket.erasedAt === undefined &&
    ticket.closedAt !== undefined &&
    now - ticket.closedAt > retentionMonths * MONTH_MS
  );
}

/** Erases every ticket due; the number erased. */
export async function eraseExpired(
  tickets: TicketService,
  now: number,
  retentionMonths: number,
): Promise<number> {
  const due: string[] = [];
  for await (const ticket of tickets.all())
    if (dueForErasure(ticket, now, retentionMonths)) due.push(ticket.code);
  let erased = 0;
  for (const code of due) {
    const done = await tickets.update(code, (t) =>
      dueForErasure(t, now, retentionMonths) ? eraseContent(t, now) : null,
    );
    if (done?.erasedAt !== undefined) erased++;
  }
  return erased;
}
