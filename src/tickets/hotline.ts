/**
 * The hotline's parts wired together, for the composition root: the ticket service, the outbox
 * notifier, the morning jobs (overdue reminder, erasure after retention) and the staff desk
 * capability. `start()` once the channels are up (the notifier's first scan then sends what a
 * previous run left undelivered); `stop()` on shutdown.
 */
import type { Address, Locale } from "../core/model.ts";
import type { Clock, Messenger } from "../core/ports.ts";
import type { Logger } from "../logger.ts";
import type { StaffCapability } from "../staff/desk.ts";
import type { Stores } from "../storage/create-stores.ts";
import { createMorningJobs } from "./morning-jobs.ts";
import { createTicketNotifier, type TicketNotifierDeps } from "./notifier.ts";
import { createTicketService, type DueRules, type TicketService } from "./service.ts";
import { hotlineStaffCapability } from "./staff-actions.ts";
import { ticketStores } from "./stores.ts";

export interface HotlineDeps {
  stores: Pick<Stores, "versioned" | "counter" | "keyValue">;
  /** Every channel's messenger (the outbound dispatcher). */
  messenger: Messenger;
  /** The staff group (`telegram:<STAFF_CHAT_ID>`), or null: tickets are stored, no cards posted. */
  staffChat: Address | null;
  staffLocale: Locale;
  /** The locality's due days, holidays and retention (read each time: catalogue reloads apply). */
  locality: () => DueRules & { feedbackRetentionMonths: number };
  clock: Clock;
  logger: Logger;
  /** The office's outbound webhook: queued with each new ticket, sent with retries by the notifier. */
  webhook?: TicketNotifierDeps["webhook"];
}

export interface Hotline {
  tickets: TicketService;
  /** Register on the staff desk: card buttons, answers by reply, /traloi, /xem, /quahan, /thongke. */
  staffCapability: StaffCapability;
  /** Delivers what is queued on a ticket now (for changes written beside the service: the API's version-checked actions). */
  notify(code: string): void;
  start(): void;
  stop(): Promise<void>;
}

export function createHotline(deps: HotlineDeps): Hotline {
  const { clock, logger } = deps;
  let kick: (code: string) => void = () => {};
  const tickets = createTicketService({
    stores: ticketStores(deps.stores),
    clock,
    dueRules: deps.locality,
    onQueued: (code) => kick(code),
    webhookOnCreate: deps.webhook !== undefined,
  });
  const notifier = createTicketNotifier({
    service: tickets,
    messenger: deps.messenger,
    staffAddress: deps.staffChat,
    staffLocale: deps.staffLocale,
    clock,
    logger,
    ...(deps.webhook && { webhook: deps.webhook }),
  });
  kick = (code) => notifier.kick(code);
  const morning = createMorningJobs({
    tickets,
    messenger: deps.messenger,
    staffAddress: deps.staffChat,
    staffLocale: deps.staffLocale,
    locality: deps.locality,
    days: deps.stores.versioned<{ at: number }>("ticket-days"),
    clock,
    logger,
  });
  return {
    tickets,
    staffCapability: hotlineStaffCapability({ tickets, clock }),
    notify: (code) => notifier.kick(code),
    start() {
      notifier.start();
      morning.start();
    },
    async stop() {
      morning.stop();
      await notifier.stop();
    },
  };
}
