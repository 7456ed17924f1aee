/**
 * Each working morning (Vietnam time, from `hour` o'clock, weekends and the locality's holidays
 * skipped): the overdue reminder in the staff chat, and the erasure of content past its retention.
 * One instance does it per day: the day is claimed with a create-once record in shared storage.
 */

import { asDeliveryError } from "../core/delivery-error.ts";
import type { Address, Locale } from "../core/model.ts";
import type { Clock, Messenger, VersionedStore } from "../core/ports.ts";
import { translator } from "../locales/index.ts";
import type { Logger } from "../logger.ts";
import { overdueReplies, overdueTickets } from "./overdue.ts";
import { eraseExpired } from "./retention.ts";
import type { TicketService } from "./service.ts";
import { VIETNAM_OFFSET_MS, vietnamDate } from "./ticket.ts";
import { isWorkingDay } from "./working-days.ts";

export interface MorningJobsDeps {
  tickets: TicketService;
  messenger: Messenger;
  staffAddress: Address | null;
  staffLocale: Locale;
  /** The locality's holidays and retention (read each day, so catalogue reloads apply). */
  locality: () => { holidays: readonly string[]; feedbackRetentionMonths: number };
  /** Days already done (namespace "ticket-days"). */
  days: VersionedStore<{ at: number }>;
  clock: Clock;
  logger: Logger;
  /** From this hour (0–23, Vietnam time); default 8. */
  hour?: number;
  /** How often to check the time (default 60 s); 0 turns the timer off. */
  checkEveryMs?: number;
}

export interface MorningJobs {
  /** Runs today's jobs if it is a working morning and no instance did them yet; true when it ran them. */
  runIfDue(): Promise<boolean>;
  start(): void;
  stop(): void;
}

export function createMorningJobs(deps: MorningJobsDeps): MorningJobs {
  const logger = deps.logger.child({ component: "ticket-morning" });
  const hour = deps.hour ?? 8;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;

  async function run(): Promise<boolean> {
    const now = deps.clock.now();
    const today = vietnamDate(now);
    const localHour = new Date(now + VIETNAM_OFFSET_MS).getUTCHours();
    const locality = deps.locality();
    if (localHour < hour || !isWorkingDay(today, new Set(locality.holidays))) return false;
    if (!(await deps.days.create(`morning:${today}`, { at: now }))) return false;

    const erased = await eraseExpired(deps.tickets, now, locality.feedbackRetentionMonths);
    if (erased > 0) logger.info({ erased }, "ticket content erased after the retention period");

    const all = [];
    for await (const ticket of deps.tickets.all()) all.push(ticket);
    const overdue = overdueTickets(all, today);
    logger.info({ overdue: overdue.length }, "overdue tickets checked");
    if (overdue.length > 0 && deps.staffAddress !== null) {
      try {
        await deps.messenger.send(deps.staffAddress, overdueReplies(overdue, translator(deps.staffLocale)));
      } catch (raw) {
        const error = asDeliveryError(raw);
        logger.warn({ failure: error.failure, code: error.code }, "overdue reminder not delivered");
      }
    }
    return true;
  }

  const runIfDue = () => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    runIfDue,
    start() {
      const every = deps.checkEveryMs ?? 60_000;
      const tick = () =>
        void runIfDue().catch((error: unknown) => logger.error({ err: error }, "morning jobs failed"));
      tick();
      if (every > 0) {
        timer = setInterval(tick, every);
        timer.unref();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
