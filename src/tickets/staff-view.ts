/**
 * A ticket as staff may see it (staff chat cards, the HTTP API, Open311): never the citizen's chat
 * address or user id, never the outbox; the phone number only when the citizen gave one. An
 * anonymous ticket shows no identity at all, yet answers still reach the citizen through the service.
 */
import type { Ticket } from "./ticket.ts";

export interface StaffTicketView {
  code: string;
  category: Ticket["category"];
  procedure?: { code: string; name: string };
  description: string;
  hasPhoto: boolean;
  /** The phone number to call back, or null when the citizen chose to stay anonymous. */
  phone: string | null;
  anonymous: boolean;
  status: Ticket["status"];
  createdAt: string;
  dueDate: string;
  assignee?: { channel: string; userId: string; role: string };
  answers: { at: string; text: string; by: string }[];
  firstAnsweredAt?: string;
  closedAt?: string;
  rating?: number;
  history: { at: string; by: string; action: string; from?: string; to?: string; note?: string }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Who did it, as staff may read it: `staff:telegram:123`, `api`, `citizen`, `system`. */
export function actorLabel(by: Ticket["history"][number]["by"]): string {
  switch (by.kind) {
    case "staff":
      return `staff:${by.channel}:${by.userId}`;
    case "api":
      return by.name ? `api:${by.name}` : "api";
    case "citizen":
      return "citizen";
    case "system":
      return "system";
  }
}

export function toStaffView(ticket: Ticket): StaffTicketView {
  return {
    code: ticket.code,
    category: ticket.category,
    ...(ticket.procedure && { procedure: ticket.procedure }),
    description: ticket.description,
    hasPhoto: ticket.photo !== undefined,
    phone: ticket.contact.kind === "phone" ? ticket.contact.phone : null,
    anonymous: ticket.contact.kind === "anonymous",
    status: ticket.status,
    createdAt: iso(ticket.createdAt),
    dueDate: ticket.dueDate,
    ...(ticket.assignee && {
      assignee: {
        channel: ticket.assignee.channel,
        userId: ticket.assignee.userId,
        role: ticket.assignee.role,
      },
    }),
    answers: ticket.answers.map((a) => ({ at: iso(a.at), text: a.text, by: actorLabel(a.by) })),
    ...(ticket.firstAnsweredAt !== undefined && { firstAnsweredAt: iso(ticket.firstAnsweredAt) }),
    ...(ticket.closedAt !== undefined && { closedAt: iso(ticket.closedAt) }),
    ...(ticket.rating && { rating: ticket.rating.score }),
    history: ticket.history.map((h) => ({
      at: iso(h.at),
      by: actorLabel(h.by),
      action: h.action,
      ...(h.from && { from: h.from }),
      ...(h.to && { to: h.to }),
      ...(h.note !== undefined && { note: h.note }),
    })),
  };
}
