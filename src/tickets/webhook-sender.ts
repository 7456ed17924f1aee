/**
 * The optional outbound webhook (TICKET_WEBHOOK_URL) as the notifier's `webhook` sender. The queue
 * is the ticket's own outbox: with `webhookOnCreate`, the service stores a `webhook` notice in the
 * same write as the new ticket, and the notifier claims it (one instance sends it, with a lease),
 * calls `send`, and on failure retries it with exponential back-off (5 s, 10 s, 20 s … up to 1 h)
 * until it is accepted, after restarts too.
 *
 * A delivery is the signed POST of `webhook-post.ts`; the delivery id is the notice's id, the same
 * on every retry. Any failure (non-2xx, refused, time-out) is worth a retry: the receiver is the
 * office's own system, which may be down for a while. The URL is never logged.
 */
import { DeliveryError } from "../core/delivery-error.ts";
import type { Clock } from "../core/ports.ts";
import type { PendingNotice, Ticket } from "./ticket.ts";
import { postTicket } from "./webhook-post.ts";

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  clock: Clock;
  /** Time allowed for the receiver to answer (default 10 s; under the notifier's 60 s lease). */
  timeoutMs?: number;
}

export interface WebhookSender {
  send(ticket: Ticket, notice: PendingNotice): Promise<void>;
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async send(ticket, notice) {
      const failure = await postTicket(
        { url: options.url, secret: options.secret, timeoutMs, now: options.clock.now() },
        notice.id,
        ticket,
      );
      if (failure !== null) {
        const status = /^http (\d{3})$/.exec(failure)?.[1];
        throw new DeliveryError("retry", `webhook: ${failure}`, {
          ...(status !== undefined && { code: Number(status) }),
        });
      }
    },
  };
}
