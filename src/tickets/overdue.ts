/** The overdue list (for `/quahan` and the morning reminder in the staff chat). */
import type { Reply } from "../core/model.ts";
import type { Translate } from "../locales/index.ts";
import { isOverdue } from "./lifecycle.ts";
import { displayDate } from "./messages.ts";
import type { Ticket } from "./ticket.ts";

const MAX_LINES = 30;

/** Overdue tickets, the longest overdue first. */
export function overdueTickets(tickets: Iterable<Ticket>, today: string): Ticket[] {
  return [...tickets]
    .filter((t) => isOverdue(t, today))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code));
}

export function overdueReplies(overdue: readonly Ticket[], tr: Translate): Reply[] {
  if (overdue.length === 0)
    return [{ kind: "message", blocks: [{ kind: "paragraph", text: tr("ticket.overdue.none") }] }];
  const lines = overdue.slice(0, MAX_LINES).map((t) =>
    tr("ticket.overdue.line", {
      code: t.code,
      category: tr(`ticket.category.${t.category}`),
      date: displayDate(t.dueDate),
      status: tr(`ticket.status.${t.status}`),
      assignee: t.assignee
        ? tr("ticket.overdue.assignee", { who: `${t.assignee.channel}:${t.assignee.userId}` })
        : tr("ticket.overdue.unassigned"),
    }),
  );
  if (overdue.length > MAX_LINES)
    lines.push(tr("ticket.overdue.more", { count: overdue.length - MAX_LINES }));
  return [
    {
      kind: "message",
      blocks: [
        { kind: "heading", text: tr("ticket.overdue.title", { count: overdue.length }) },
        { kind: "list", items: lines },
      ],
    },
  ];
}
