/**
 * Ticket actions that must apply to the revision the caller saw (the HTTP API's `If-Match` /
 * `version`): the action goes through the same pure lifecycle as the service's, and is written only
 * if nobody acted on the ticket since. If someone did, nothing is written and the caller is told the
 * current revision (409), instead of the service's "re-apply to the fresh ticket". Notifications
 * queue in the ticket's outbox in the same write, as with the service.
 *
 * The revision is the number of history events: every change a person or system makes adds one,
 * while the notifier's own bookkeeping (claiming and clearing outbox notices, which also bumps the
 * storage version) does not, so it never causes a spurious conflict.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../core/ports.ts";
import { applyAction, type TicketAction, type TicketRefusal } from "./lifecycle.ts";
import type { TicketService, TicketStores } from "./service.ts";
import type { Ticket, TicketActor } from "./ticket.ts";

export type CheckedResult =
  | { ok: true; ticket: Ticket; revision: number }
  | { ok: false; reason: TicketRefusal | "not-found" }
  | { ok: false; reason: "conflict"; currentRevision: number };

/** The ticket's revision: how many changes were made to it (1 when just created). */
export function ticketRevision(ticket: Ticket): number {
  return ticket.history.length;
}

export interface CheckedActions {
  /** Applies `action` only if the ticket is still at `expectedRevision`. */
  apply(
    code: string,
    action: TicketAction,
    by: TicketActor,
    expectedRevision: number,
  ): Promise<CheckedResult>;
}

export interface CheckedActionsDeps {
  service: Pick<TicketService, "get">;
  tickets: TicketStores["tickets"];
  clock: Clock;
  /** The service's `onQueued` (kicks the notifier). */
  onQueued?: (code: string) => void;
}

const MAX_ATTEMPTS = 10;

export function createCheckedActions(deps: CheckedActionsDeps): CheckedActions {
  return {
    async apply(code, action, by, expectedRevision) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const current = await deps.service.get(code);
        if (!current) return { ok: false, reason: "not-found" };
        const revision = ticketRevision(current.ticket);
        if (revision !== expectedRevision)
          return { ok: false, reason: "conflict", currentRevision: revision };
        const outcome = applyAction(current.ticket, action, by, deps.clock.now(), randomUUID);
        if (!outcome.ok) return outcome;
        // A failed write means the record changed: read again (it may be only the notifier's bookkeeping).
        if ((await deps.tickets.update(code, outcome.ticket, current.version)) !== null) {
          if (outcome.ticket.outbox.length > current.ticket.outbox.length) deps.onQueued?.(code);
          return { ok: true, ticket: outcome.ticket, revision: ticketRevision(outcome.ticket) };
        }
      }
      const fresh = await deps.service.get(code);
      return fresh
        ? { ok: false, reason: "conflict", currentRevision: ticketRevision(fresh.ticket) }
        : { ok: false, reason: "not-found" };
    },
  };
}
