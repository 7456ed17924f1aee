/** The hotline's stores, in their namespaces of the configured storage (one place for main, tests, benches). */
import type { Stores } from "../storage/create-stores.ts";
import {
  CITIZEN_TICKETS_NAMESPACE,
  TICKET_COUNTER,
  TICKETS_NAMESPACE,
  type TicketStores,
} from "./service.ts";
import type { Ticket } from "./ticket.ts";

export function ticketStores(stores: Pick<Stores, "versioned" | "counter" | "keyValue">): TicketStores {
  return {
    tickets: stores.versioned<Ticket>(TICKETS_NAMESPACE),
    counter: stores.counter(TICKET_COUNTER),
    byCitizen: stores.keyValue<string[]>(CITIZEN_TICKETS_NAMESPACE),
  };
}
