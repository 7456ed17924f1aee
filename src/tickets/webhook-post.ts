/**
 * One delivery of the ticket webhook: the ticket as staff may see it, as JSON, POSTed with its
 * signature headers (`webhook-signature.ts`). Redirects are not followed (the operator's URL is the
 * only destination). The answer is a short reason on failure, never the URL, for the log.
 */
import { toStaffView } from "./staff-view.ts";
import type { Ticket } from "./ticket.ts";
import { signWebhook, WEBHOOK_HEADERS } from "./webhook-signature.ts";

/** The JSON body of a delivery. */
export interface WebhookPayload {
  event: "ticket.created";
  /** The delivery id (also in X-Hoi-Thu-Tuc-Delivery), the same on every retry. */
  id: string;
  ticket: ReturnType<typeof toStaffView>;
}

export interface WebhookTarget {
  url: string;
  secret: string;
  timeoutMs: number;
  /** Now (ms), for the signature's timestamp. */
  now: number;
}

/** POSTs the ticket; null when the receiver accepted it (2xx), else `http 500`, `ECONNREFUSED`, `timeout`… */
export async function postTicket(
  target: WebhookTarget,
  deliveryId: string,
  ticket: Ticket,
): Promise<string | null> {
  const payload: WebhookPayload = { event: "ticket.created", id: deliveryId, ticket: toStaffView(ticket) };
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(target.now / 1000);
  try {
    const res = await fetch(target.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(target.timeoutMs),
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "hoi-thu-tuc-webhook/1",
        [WEBHOOK_HEADERS.delivery]: deliveryId,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(target.secret, timestamp, body),
      },
      body,
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status >= 200 && res.status < 300 ? null : `http ${res.status}`;
  } catch (error) {
    return describeFailure(error);
  }
}

/** A short reason for a failed request, without the URL. */
function describeFailure(error: unknown): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError"))
    return "timeout";
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code.slice(0, 40);
  return error instanceof Error ? error.name.slice(0, 40) : "network error";
}
