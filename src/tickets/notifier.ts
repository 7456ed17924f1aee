/**
 * Delivers the notifications waiting in tickets' outboxes: to the citizen's own chat, or to the
 * staff chat. At least once: a notice is claimed (a lease, written with the version check, so two
 * instances do not both send it), sent, then removed. A crash between confirmation and delivery
 * leaves it in the ticket; the scan at start (and every `scanIntervalMs`) finds it again.
 *
 * Failures: `blocked` and `final` are dropped with a log line (nothing more can be done); `retry`
 * is tried again with back-off (Telegram's retry_after when given), for up to `maxAgeMs`.
 */
import { asDeliveryError } from "../core/delivery-error.ts";
import type { Address, Locale } from "../core/model.ts";
import type { Clock, Messenger } from "../core/ports.ts";
import { translator } from "../locales/index.ts";
import type { Logger } from "../logger.ts";
import { noticeReplies } from "./messages.ts";
import type { TicketService } from "./service.ts";
import type { PendingNotice, Ticket } from "./ticket.ts";

export interface TicketNotifierDeps {
  service: TicketService;
  messenger: Messenger;
  /** The staff chat (`telegram:<STAFF_CHAT_ID>`), or null: staff notices are then dropped with a warning. */
  staffAddress: Address | null;
  /** The locale of staff cards. */
  staffLocale: Locale;
  clock: Clock;
  logger: Logger;
  /** How long a claimed notice is left to the instance sending it (default 60 s). */
  leaseMs?: number;
  /**
   * How often every ticket is scanned for pending notices (default 5 minutes; it finds what another
   * instance claimed and never finished); 0 turns the timer off. Retries of this process's own
   * failures are timed separately (`retryTimers`).
   */
  scanIntervalMs?: number;
  /** Schedule each retry with a timer in this process (default true; tests drive time by hand). */
  retryTimers?: boolean;
  /** After this, a notice that still fails is given up (default 3 days); webhook notices never are. */
  maxAgeMs?: number;
  /**
   * Sends `webhook` notices (queued when the service has `webhookOnCreate`). Throw a DeliveryError
   * (`retry` or `final`); any other error counts as `retry`. Without it, webhook notices are dropped.
   */
  webhook?: { send(ticket: Ticket, notice: PendingNotice): Promise<void> };
}

export interface TicketNotifier {
  /** Delivers what is due on one ticket now (called by the service after each change). */
  kick(code: string): void;
  /** Scans every ticket once and delivers what is due; resolves when done. */
  drain(): Promise<void>;
  /** Scans now, then every `scanIntervalMs`. */
  start(): void;
  /** Stops the timer and waits for deliveries in progress. */
  stop(): Promise<void>;
}

const backoffMs = (attempts: number) => Math.min(60 * 60 * 1000, 5_000 * 2 ** Math.min(attempts, 10));

export function createTicketNotifier(deps: TicketNotifierDeps): TicketNotifier {
  const { service, messenger, clock } = deps;
  const logger = deps.logger.child({ component: "ticket-notifier" });
  const leaseMs = deps.leaseMs ?? 60_000;
  const maxAgeMs = deps.maxAgeMs ?? 3 * 24 * 60 * 60 * 1000;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const retries = new Set<NodeJS.Timeout>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Claims the due notices of a ticket; the claimed ones, in order. */
  async function claim(code: string): Promise<{ ticket: Ticket; notices: PendingNotice[] } | undefined> {
    let claimed: PendingNotice[] = [];
    const now = clock.now();
    const ticket = await service.update(code, (current) => {
      const due = current.outbox.filter((n) => n.notBefore <= now);
      claimed = due;
      if (due.length === 0) return null;
      const ids = new Set(due.map((n) => n.id));
      return {
        ...current,
        outbox: current.outbox.map((n) =>
          ids.has(n.id) ? { ...n, notBefore: now + leaseMs, attempts: n.attempts + 1 } : n,
        ),
      };
    });
    if (!ticket || claimed.length === 0) return undefined;
    return { ticket, notices: claimed };
  }

  async function settle(code: string, id: string, retryAt: number | null): Promise<void> {
    await service.update(code, (current) => ({
      ...current,
      outbox:
        retryAt === null
          ? current.outbox.filter((n) => n.id !== id)
          : current.outbox.map((n) => (n.id === id ? { ...n, notBefore: retryAt } : n)),
    }));
  }

  async function deliver(code: string): Promise<void> {
    const claimed = await claim(code);
    if (!claimed) return;
    const { ticket } = claimed;
    const held = new Set<string>();
    for (const notice of claimed.notices) {
      const log = logger.child({ ticket: ticket.code, notice: notice.kind, to: notice.to });
      // Keep one recipient's messages in order: after a failure, the rest wait for the next try.
      if (held.has(notice.to)) {
        await settle(code, notice.id, clock.now());
        continue;
      }
      let send: () => Promise<void>;
      if (notice.to === "webhook") {
        const webhook = deps.webhook;
        if (!webhook) {
          log.warn("no webhook configured: webhook notice dropped");
          await settle(code, notice.id, null);
          continue;
        }
        send = () => webhook.send(ticket, notice);
      } else {
        const address = notice.to === "citizen" ? (ticket.citizen.address as Address) : deps.staffAddress;
        if (address === null) {
          // Said once at start-up as a warning (main.ts); per ticket it is only information.
          log.info("no staff chat configured (STAFF_CHAT_ID): staff notice dropped");
          await settle(code, notice.id, null);
          continue;
        }
        const tr = translator(notice.to === "citizen" ? ticket.citizen.locale : deps.staffLocale);
        const replies = noticeReplies(ticket, notice, tr);
        if (replies === null) {
          await settle(code, notice.id, null);
          continue;
        }
        send = () => messenger.send(address, replies);
      }
      try {
        await send();
        await settle(code, notice.id, null);
        log.info({ attempts: notice.attempts + 1 }, "ticket notice delivered");
      } catch (raw) {
        const error = asDeliveryError(raw);
        // The office's webhook is retried until it succeeds (its receiver may be down for days).
        const tooOld = notice.to !== "webhook" && clock.now() - notice.createdAt > maxAgeMs;
        if (error.failure !== "retry" || tooOld) {
          log.warn(
            { failure: error.failure, code: error.code, tooOld },
            "ticket notice not deliverable: dropped",
          );
          await settle(code, notice.id, null);
          continue;
        }
        const wait = Math.max(error.retryAfterMs ?? 0, backoffMs(notice.attempts));
        log.warn(
          { failure: error.failure, code: error.code, retryInMs: wait },
          "ticket notice failed: will retry",
        );
        held.add(notice.to);
        await settle(code, notice.id, clock.now() + wait);
        retryLater(code, wait);
      }
    }
  }

  /** Tries a ticket again after `ms` in this process (the periodic scan is the safety net). */
  function retryLater(code: string, ms: number): void {
    if (stopped || deps.retryTimers === false) return;
    const timer = setTimeout(() => {
      retries.delete(timer);
      kick(code);
    }, ms + 50);
    timer.unref();
    retries.add(timer);
  }

  function kick(code: string): void {
    if (stopped) return;
    if (running.has(code)) {
      again.add(code);
      return;
    }
    const work = deliver(code)
      .catch((error: unknown) => logger.error({ err: error, ticket: code }, "ticket notices failed"))
      .finally(() => {
        running.delete(code);
        if (again.delete(code)) kick(code);
      });
    running.set(code, work);
  }

  async function drain(): Promise<void> {
    const now = clock.now();
    const due: string[] = [];
    for await (const ticket of service.all()) {
      if (ticket.outbox.some((n) => n.notBefore <= now)) due.push(ticket.code);
      else if (ticket.outbox.length > 0) {
        // Waiting for a back-off, or claimed by an instance that may have died: try when it is due.
        retryLater(ticket.code, Math.min(...ticket.outbox.map((n) => n.notBefore)) - now);
      }
    }
    for (const code of due) {
      await (running.get(code) ??
        deliver(code).catch((error: unknown) =>
          logger.error({ err: error, ticket: code }, "ticket notices failed"),
        ));
    }
  }

  return {
    kick,
    drain,
    start() {
      stopped = false;
      const scan = () =>
        void drain().catch((error: unknown) => logger.error({ err: error }, "ticket outbox scan failed"));
      scan();
      const every = deps.scanIntervalMs ?? 5 * 60_000;
      if (every > 0) {
        timer = setInterval(scan, every);
        timer.unref();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const retry of retries) clearTimeout(retry);
      retries.clear();
      timer = undefined;
      await Promise.allSettled([...running.values()]);
    },
  };
}
