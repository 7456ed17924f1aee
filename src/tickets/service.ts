/**
 * The ticket service: the one place tickets are created and changed. Every change goes through the
 * pure lifecycle, is written with a version check (two staff members acting at once never overwrite
 * each other: the second action is re-applied to the fresh ticket, and refused if it no longer
 * applies), and stores the notifications it causes in the ticket's own outbox in the same write.
 * The notifier (`notifier.ts`) delivers them, after a restart too.
 *
 * Used by the citizen flow (through the assistant's effects), the staff desk, and the HTTP API.
 */
import { randomUUID } from "node:crypto";
import type { Address } from "../core/model.ts";
import type { Clock, Counter, KeyValueStore, VersionedStore } from "../core/ports.ts";
import { applyAction, type TicketAction, type TicketRefusal } from "./lifecycle.ts";
import {
  formatTicketCode,
  type NewTicket,
  type StaffTicketActor,
  type Ticket,
  type TicketActor,
  type TicketCategory,
  type TicketStatus,
  ticket as ticketSchema,
  vietnamDate,
} from "./ticket.ts";
import { addWorkingDays } from "./working-days.ts";

/** Storage namespaces of the hotline. */
export const TICKETS_NAMESPACE = "tickets";
export const TICKET_COUNTER = "ticket-code";
export const CITIZEN_TICKETS_NAMESPACE = "ticket-citizens";

/**
 * Working days used for a category the locality file does not list. The office's own fallback,
 * not a legal deadline: list every category in `feedbackDueDays` instead.
 */
export const FALLBACK_DUE_DAYS = 10;

export interface TicketStores {
  tickets: VersionedStore<Ticket>;
  counter: Counter;
  /** Codes of each citizen's tickets, by address (for "my tickets" and the daily limit). */
  byCitizen: KeyValueStore<string[]>;
}

export interface DueRules {
  feedbackDueDays: Readonly<Record<string, number>>;
  holidays: readonly string[];
}

export interface TicketServiceDeps {
  stores: TicketStores;
  clock: Clock;
  /** The locality's due days and holidays (read for each ticket, so catalogue reloads apply). */
  dueRules: () => DueRules;
  /** Called after a change that queued notifications (the notifier sends them at once). */
  onQueued?: (code: string) => void;
  /**
   * Also queue a `webhook` notice with each new ticket, in the same write (delivered by the
   * notifier's `webhook` sender with its retries and back-off): the outbound webhook's durable queue.
   */
  webhookOnCreate?: boolean;
}

export type ActionResult =
  | { ok: true; ticket: Ticket }
  | { ok: false; reason: TicketRefusal | "not-found" | "conflict" };

export interface TicketFilter {
  status?: TicketStatus | readonly TicketStatus[];
  category?: TicketCategory;
  /** Only tickets past their due date and not yet answered, as of `now`. */
  overdue?: boolean;
  /** Created at or after / before these times (ms). */
  createdFrom?: number;
  createdTo?: number;
  /** Newest first; at most this many (default 100, at most 1000). */
  limit?: number;
  /** Skip this many of the matching tickets (paging). */
  offset?: number;
}

export interface TicketService {
  /**
   * Stores a confirmed submission and returns it with its code and due date. The ticket, with the
   * staff's "new ticket" notification in its outbox, is in storage before this resolves: show the
   * code only after it.
   */
  create(input: NewTicket): Promise<Ticket>;
  /** One ticket by code (canonical form, e.g. PA-2611-0042), with its version. */
  get(code: string): Promise<{ ticket: Ticket; version: number } | undefined>;
  /** Tickets matching the filter, newest first. */
  list(filter?: TicketFilter): Promise<Ticket[]>;
  /** Every ticket, oldest first (statistics, reminders, the notifier's scan). */
  all(): AsyncIterable<Ticket>;
  /** The citizen's own tickets (by the chat address they wrote from), newest first. */
  listForCitizen(address: Address): Promise<Ticket[]>;
  /** How many tickets the citizen submitted since `since` (ms), for the daily limit. */
  countForCitizenSince(address: Address, since: number): Promise<number>;
  /** A staff member takes the ticket (becomes its assignee; new/reopened → received). */
  take(code: string, actor: StaffTicketActor): Promise<ActionResult>;
  /** Sets received / in_progress / closed by hand; the citizen is told. */
  changeStatus(code: string, to: TicketStatus, actor: TicketActor, note?: string): Promise<ActionResult>;
  /** Adds an answer (status → answered); it is sent to the citizen's chat. */
  answer(code: string, text: string, actor: TicketActor): Promise<ActionResult>;
  /** Closes the ticket; the citizen is told and may rate it or reopen it within 7 days. */
  close(code: string, actor: TicketActor, note?: string): Promise<ActionResult>;
  /** The citizen (only from the chat that submitted it) says it is not solved, within 7 days of closing. */
  reopen(code: string, citizen: Address, reason?: string): Promise<ActionResult>;
  /** The citizen (only from the chat that submitted it) rates a closed ticket 1–5, once. */
  rate(code: string, citizen: Address, score: number): Promise<ActionResult>;
  /**
   * Low level: read-modify-write with the version check, retried on conflict (the notifier uses it to
   * claim and clear notices). `change` returns null to leave the ticket as it is.
   */
  update(code: string, change: (ticket: Ticket) => Ticket | null): Promise<Ticket | undefined>;
}

const MAX_ATTEMPTS = 5;

export function createTicketService(deps: TicketServiceDeps): TicketService {
  const { stores, clock } = deps;

  async function read(code: string) {
    const found = await stores.tickets.get(code);
    if (!found) return undefined;
    const parsed = ticketSchema.safeParse(found.value);
    return parsed.success ? { ticket: parsed.data, version: found.version } : undefined;
  }

  async function act(
    code: string,
    action: TicketAction,
    by: TicketActor,
    owner?: Address,
  ): Promise<ActionResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await read(code);
      if (!current) return { ok: false, reason: "not-found" };
      // A citizen only ever learns about their own tickets.
      if (owner !== undefined && current.ticket.citizen.address !== owner)
        return { ok: false, reason: "not-found" };
      const outcome = applyAction(current.ticket, action, by, clock.now(), randomUUID);
      if (!outcome.ok) return outcome;
      const version = await stores.tickets.update(code, outcome.ticket, current.version);
      if (version !== null) {
        if (outcome.ticket.outbox.length > current.ticket.outbox.length) deps.onQueued?.(code);
        return outcome;
      }
    }
    return { ok: false, reason: "conflict" };
  }

  async function* all(): AsyncIterable<Ticket> {
    for await (const [, record] of stores.tickets.entries()) {
      const parsed = ticketSchema.safeParse(record.value);
      if (parsed.success) yield parsed.data;
    }
  }

  async function listForCitizen(address: Address): Promise<Ticket[]> {
    const codes = (await stores.byCitizen.get(address)) ?? [];
    const found: Ticket[] = [];
    for (const code of Array.isArray(codes) ? codes : []) {
      const current = await read(code);
      if (current && current.ticket.citizen.address === address) found.push(current.ticket);
    }
    return found.sort((a, b) => b.createdAt - a.createdAt);
  }

  return {
    async create(input) {
      const now = clock.now();
      const rules = deps.dueRules();
      const dueDays = rules.feedbackDueDays[input.category] ?? FALLBACK_DUE_DAYS;
      // The counter never hands out a number twice; a taken code means data from another counter
      // (e.g. a restored backup), so a few more numbers are tried before giving up.
      for (let attempt = 0; ; attempt++) {
        if (attempt === 20) throw new Error("no free ticket code after 20 numbers: check the ticket counter");
        const code = formatTicketCode(await stores.counter.next(), now);
        // The citizen's index first: a crash right after leaves a code pointing nowhere (skipped),
        // never a stored ticket its citizen cannot find.
        const codes = (await stores.byCitizen.get(input.citizen.address)) ?? [];
        await stores.byCitizen.set(
          input.citizen.address,
          [...(Array.isArray(codes) ? codes : []), code].slice(-200),
        );
        const created: Ticket = {
          v: 1,
          code,
          category: input.category,
          ...(input.procedure && { procedure: input.procedure }),
          description: input.description,
          ...(input.photo && { photo: input.photo }),
          contact: input.contact,
          citizen: input.citizen,
          status: "new",
          createdAt: now,
          dueDate: addWorkingDays(now, dueDays, new Set(rules.holidays)),
          dueDays,
          answers: [],
          history: [{ at: now, by: { kind: "citizen" }, action: "created", to: "new" }],
          outbox: [
            { id: randomUUID(), to: "staff", kind: "new", createdAt: now, attempts: 0, notBefore: now },
            ...(deps.webhookOnCreate
              ? [
                  {
                    id: randomUUID(),
                    to: "webhook" as const,
                    kind: "new" as const,
                    createdAt: now,
                    attempts: 0,
                    notBefore: now,
                  },
                ]
              : []),
          ],
        };
        if (await stores.tickets.create(code, created)) {
          deps.onQueued?.(code);
          return created;
        }
      }
    },
    get: read,
    async list(filter = {}) {
      const statuses = filter.status === undefined ? undefined : new Set([filter.status].flat());
      const today = vietnamDate(clock.now());
      const matching: Ticket[] = [];
      for await (const ticket of all()) {
        if (statuses && !statuses.has(ticket.status)) continue;
        if (filter.category && ticket.category !== filter.category) continue;
        if (filter.createdFrom !== undefined && ticket.createdAt < filter.createdFrom) continue;
        if (filter.createdTo !== undefined && ticket.createdAt >= filter.createdTo) continue;
        if (filter.overdue !== undefined) {
          const overdue =
            ticket.status !== "answered" && ticket.status !== "closed" && today > ticket.dueDate;
          if (overdue !== filter.overdue) continue;
        }
        matching.push(ticket);
      }
      matching.sort((a, b) => b.createdAt - a.createdAt || b.code.localeCompare(a.code));
      const offset = Math.max(0, filter.offset ?? 0);
      const limit = Math.min(1000, Math.max(1, filter.limit ?? 100));
      return matching.slice(offset, offset + limit);
    },
    all,
    listForCitizen,
    async countForCitizenSince(address, since) {
      return (await listForCitizen(address)).filter((t) => t.createdAt >= since).length;
    },
    take: (code, actor) => act(code, { kind: "take" }, actor),
    changeStatus: (code, to, actor, note) => act(code, { kind: "status", to, ...(note && { note }) }, actor),
    answer: (code, text, actor) => act(code, { kind: "answer", text }, actor),
    close: (code, actor, note) => act(code, { kind: "close", ...(note && { note }) }, actor),
    reopen: (code, citizen, reason) =>
      act(code, { kind: "reopen", ...(reason && { reason }) }, { kind: "citizen" }, citizen),
    rate: (code, citizen, score) => act(code, { kind: "rate", score }, { kind: "citizen" }, citizen),
    async update(code, change) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS * 2; attempt++) {
        const current = await read(code);
        if (!current) return undefined;
        const changed = change(current.ticket);
        if (changed === null) return current.ticket;
        if ((await stores.tickets.update(code, changed, current.version)) !== null) return changed;
      }
      return undefined;
    },
  };
}
