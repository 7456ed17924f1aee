/**
 * Tickets in the Open311 GeoReport v2 vocabulary (https://wiki.open311.org/GeoReport_v2): the
 * feedback categories as services, tickets as service requests, and its error format (an array of
 * `{code, description}`). A request shows what staff may see and no more: never the citizen's chat
 * address, user id or phone number (GeoReport has no field for them on GET anyway).
 */
import type { Locale } from "../core/model.ts";
import { translator } from "../locales/index.ts";
import { displayDate } from "../tickets/messages.ts";
import { type Ticket, type TicketCategory, ticketCategories, VIETNAM_OFFSET_MS } from "../tickets/ticket.ts";

export interface Open311Service {
  service_code: TicketCategory;
  service_name: string;
  description: string;
  metadata: false;
  type: "realtime";
  keywords: string;
  group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string;
  service_code: TicketCategory;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311Error {
  code: number;
  description: string;
}

/** W3C date-time in Vietnam time, e.g. `2026-11-26T09:00:00+07:00`. */
export function w3cVietnam(ms: number): string {
  return `${new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** Open311's two statuses: closed is closed; every other status of ours is still open. */
export function open311Status(ticket: Ticket): "open" | "closed" {
  return ticket.status === "closed" ? "closed" : "open";
}

export function toOpen311Services(locale: Locale): Open311Service[] {
  const tr = translator(locale);
  return ticketCategories.map((category) => ({
    service_code: category,
    service_name: tr(`ticket.category.${category}`),
    description: tr(`ticket.category.${category}`),
    metadata: false,
    type: "realtime",
    keywords: "",
    group: "",
  }));
}

export function toOpen311Request(ticket: Ticket, locale: Locale): Open311Request {
  const tr = translator(locale);
  const last = ticket.history[ticket.history.length - 1];
  const answer = ticket.answers[ticket.answers.length - 1];
  return {
    service_request_id: ticket.code,
    status: open311Status(ticket),
    // The office's latest answer, or the status in words.
    status_notes: answer?.text ?? tr(`ticket.status.${ticket.status}`),
    service_name: tr(`ticket.category.${ticket.category}`),
    service_code: ticket.category,
    description: ticket.description,
    agency_responsible: null,
    service_notice: tr("ticket.card.due", { date: displayDate(ticket.dueDate) }),
    requested_datetime: w3cVietnam(ticket.createdAt),
    updated_datetime: w3cVietnam(last?.at ?? ticket.createdAt),
    // The end of the due date, Vietnam time.
    expected_datetime: `${ticket.dueDate}T23:59:59+07:00`,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}
