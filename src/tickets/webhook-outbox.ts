/**
 * The optional outbound webhook (TICKET_WEBHOOK_URL): each new ticket is POSTed as signed JSON
 * (`webhook-signature.ts`) to the office's system, retried with exponential back-off until it is
 * accepted (any 2xx), and queued durably meanwhile in its own storage outbox (`ticket-webhook`, one
 * record per ticket), so a restart or a crash loses nothing:
 *
 * - `kick(code)` (wired to the ticket service's `onQueued`) queues a ticket created since the webhook
 *   was first switched on, then delivers; the scan (at start and every `scanIntervalMs`) queues any
 *   ticket a crash left unqueued and delivers whatever is due.
 * - A delivery is claimed first (a lease written with the version check), so with several instances
 *   on one Redis only one of them sends each item; the lease outlives the request timeout.
 * - At least once: a receiver that answered 2xx but whose answer was lost gets the same delivery id
 *   (X-Hoi-Thu-Tuc-Delivery) again, and should ignore ids it has seen.
 *
 * The body is the ticket as staff may see it (`toStaffView`: never the citizen's chat address or
 * user id; no phone when anonymous). The URL is the operator's secret: it is never logged.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Clock, KeyValueStore, VersionedStore } from "../core/ports.ts";
import type { Logger } from "../logger.ts";
import type { TicketService } from "./service.ts";
import type { Ticket } from "./ticket.ts";
import { postTicket } from "./webhook-post.ts";

export const WEBHOOK_NAMESPACE = "ticket-webhook";
export const WEBHOOK_META_NAMESPACE = "ticket-webhook-meta";

const webhookItem = z.object({
  v: z.literal(1),
  code: z.string(),
  /** The delivery id, the same on every attempt. */
  id: z.string(),
  state: z.enum(["pending", "delivered"]),
  createdAt: z.number(),
  attempts: z.number().int().nonnegative(),
  /** Not before this time: back-off, or the lease of the instance sending it. */
  notBefore: z.number(),
  deliveredAt: z.number().optional(),
  /** The last failure, for the operator: `http 500`, `ECONNREFUSED`, `timeout`. */
  lastFailure: z.string().max(100).optional(),
});
export type WebhookItem = z.infer<typeof webhookItem>;

export interface WebhookStores {
  items: VersionedStore<WebhookItem>;
  /** `since`: when the webhook was first switched on (older tickets are not sent). */
  meta: KeyValueStore<number>;
}

export function webhookStores(stores: {
  versioned<T>(namespace: string): VersionedStore<T>;
  keyValue<T>(namespace: string): KeyValueStore<T>;
}): WebhookStores {
  return {
    items: stores.versioned<WebhookItem>(WEBHOOK_NAMESPACE),
    meta: stores.keyValue<number>(WEBHOOK_META_NAMESPACE),
  };
}

export interface TicketWebhookDeps {
  url: string;
  secret: string;
  service: Pick<TicketService, "get" | "all">;
  stores: WebhookStores;
  clock: Clock;
  logger: Logger;
  /** First retry after this (default 5 s); doubled on each failure, up to `maxDelayMs` (1 h). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Time allowed for the receiver to answer (default 10 s). */
  requestTimeoutMs?: number;
  /** How long a claimed item is left to the instance sending it (default 60 s; at least the request timeout + 1 s). */
  leaseMs?: number;
  /** How often the outbox is scanned (default 60 s); 0 turns the timer off. */
  scanIntervalMs?: number;
}

export interface TicketWebhook {
  /** Queues the ticket if it is new since the webhook was switched on, and delivers what is due. */
  kick(code: string): void;
  /** Queues what a crash left unqueued and delivers everything due; resolves when done. */
  drain(): Promise<void>;
  /** Records the switch-on time (first start only), scans now, then every `scanIntervalMs`. */
  start(): Promise<void>;
  /** Stops the timers and waits for deliveries in progress. */
  stop(): Promise<void>;
}

export function createTicketWebhook(deps: TicketWebhookDeps): TicketWebhook {
  const { stores, clock } = deps;
  const logger = deps.logger.child({ component: "ticket-webhook" });
  const baseDelayMs = deps.baseDelayMs ?? 5_000;
  const maxDelayMs = deps.maxDelayMs ?? 60 * 60 * 1000;
  const requestTimeoutMs = deps.requestTimeoutMs ?? 10_000;
  const leaseMs = Math.max(deps.leaseMs ?? 60_000, requestTimeoutMs + 1_000);
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const retryTimers = new Map<string, NodeJS.Timeout>();
  let scanTimer: NodeJS.Timeout | undefined;
  /** Codes known to have an item (items are never removed), and those known delivered: fewer reads. */
  const queued = new Set<string>();
  const delivered = new Set<string>();
  let since: number | undefined;
  let stopped = false;

  const backoff = (attempts: number) =>
    Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30)) *
    (0.8 + Math.random() * 0.4);

  async function read(code: string) {
    const found = await stores.items.get(code);
    if (!found) return undefined;
    const parsed = webhookItem.safeParse(found.value);
    return parsed.success ? { item: parsed.data, version: found.version } : undefined;
  }

  /** Creates the ticket's item if it is new enough and has none (idempotent across instances). */
  async function enqueue(ticket: Ticket): Promise<void> {
    if (since === undefined || ticket.createdAt < since) return;
    const now = clock.now();
    const created = await stores.items.create(ticket.code, {
      v: 1,
      code: ticket.code,
      id: randomUUID(),
      state: "pending",
      createdAt: now,
      attempts: 0,
      notBefore: now,
    });
    queued.add(ticket.code);
    if (created) logger.info({ ticket: ticket.code }, "ticket webhook queued");
  }

  /** Rewrites the item with the version check; false if someone else changed it first. */
  async function write(code: string, item: WebhookItem, version: number): Promise<number | null> {
    return stores.items.update(code, item, version);
  }

  async function deliver(code: string): Promise<void> {
    const current = await read(code);
    if (current) queued.add(code);
    if (current?.item.state === "delivered") delivered.add(code);
    if (current?.item.state !== "pending") return;
    const now = clock.now();
    if (current.item.notBefore > now) return schedule(code, current.item.notBefore - now);
    // Claim it: only the instance whose write succeeds sends it.
    const claimed: WebhookItem = {
      ...current.item,
      attempts: current.item.attempts + 1,
      notBefore: now + leaseMs,
    };
    const claimedVersion = await write(code, claimed, current.version);
    if (claimedVersion === null) return;
    const found = await deps.service.get(code);
    if (!found) {
      logger.warn({ ticket: code }, "ticket webhook: ticket not found, item dropped");
      await write(code, { ...claimed, state: "delivered", lastFailure: "ticket not found" }, claimedVersion);
      return;
    }
    const failure = await postTicket(
      { url: deps.url, secret: deps.secret, timeoutMs: requestTimeoutMs, now: clock.now() },
      claimed.id,
      found.ticket,
    );
    const log = logger.child({ ticket: code, attempt: claimed.attempts });
    const done = clock.now();
    const next: WebhookItem =
      failure === null
        ? { ...claimed, state: "delivered", deliveredAt: done, notBefore: done }
        : { ...claimed, notBefore: done + backoff(claimed.attempts), lastFailure: failure };
    if ((await write(code, next, claimedVersion)) === null) {
      log.warn("ticket webhook: item changed while it was being sent (lease expired?)");
      return;
    }
    if (failure === null) {
      delivered.add(code);
      log.info("ticket webhook delivered");
    } else {
      log.warn(
        { failure, retryInMs: Math.round(next.notBefore - done) },
        "ticket webhook failed: will retry",
      );
      schedule(code, next.notBefore - done);
    }
  }

  function schedule(code: string, delayMs: number): void {
    if (stopped || retryTimers.has(code)) return;
    const timer = setTimeout(
      () => {
        retryTimers.delete(code);
        run(code);
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    retryTimers.set(code, timer);
  }

  function run(code: string, first?: () => Promise<void>): Promise<void> {
    if (stopped) return Promise.resolve();
    const current = running.get(code);
    if (current) {
      again.add(code);
      return current;
    }
    const work = (async () => {
      await first?.();
      await deliver(code);
    })()
      .catch((error: unknown) => logger.error({ err: error, ticket: code }, "ticket webhook failed"))
      .finally(() => {
        running.delete(code);
        if (again.delete(code)) void run(code);
      });
    running.set(code, work);
    return work;
  }

  async function ensureSince(): Promise<number> {
    if (since !== undefined) return since;
    const stored = await stores.meta.get("since");
    if (typeof stored === "number") since = stored;
    else {
      since = clock.now();
      await stores.meta.set("since", since);
    }
    return since;
  }

  async function drain(): Promise<void> {
    await ensureSince();
    for await (const ticket of deps.service.all()) {
      if (queued.has(ticket.code) || ticket.createdAt < (since ?? Number.POSITIVE_INFINITY)) continue;
      if (await stores.items.get(ticket.code)) queued.add(ticket.code);
      else await enqueue(ticket);
    }
    const now = clock.now();
    const due: string[] = [];
    for await (const [code, record] of stores.items.entries()) {
      const parsed = webhookItem.safeParse(record.value);
      if (!parsed.success) continue;
      if (parsed.data.state !== "pending") {
        delivered.add(code);
        continue;
      }
      // Not yet due (back-off, or another instance's lease): try again when it is.
      if (parsed.data.notBefore > now) schedule(code, parsed.data.notBefore - now);
      else due.push(code);
    }
    for (const code of due) await run(code);
  }

  return {
    kick(code) {
      if (delivered.has(code)) return;
      void run(code, async () => {
        await ensureSince();
        if (queued.has(code) || (await stores.items.get(code))) return;
        const found = await deps.service.get(code);
        if (found) await enqueue(found.ticket);
      });
    },
    drain,
    async start() {
      stopped = false;
      await ensureSince();
      const scan = () =>
        void drain().catch((error: unknown) => logger.error({ err: error }, "ticket webhook scan failed"));
      scan();
      const every = deps.scanIntervalMs ?? 60_000;
      if (every > 0) {
        scanTimer = setInterval(scan, every);
        scanTimer.unref();
      }
    },
    async stop() {
      stopped = true;
      if (scanTimer) clearInterval(scanTimer);
      scanTimer = undefined;
      for (const timer of retryTimers.values()) clearTimeout(timer);
      retryTimers.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}
