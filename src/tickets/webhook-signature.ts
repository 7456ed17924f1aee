/**
 * The signature on outbound ticket webhooks. Each POST carries
 *
 *   X-Hoi-Thu-Tuc-Timestamp: 1764122400                  (Unix seconds when it was signed)
 *   X-Hoi-Thu-Tuc-Signature: sha256=<64 hex digits>       HMAC-SHA256(secret, `${timestamp}.${body}`)
 *   X-Hoi-Thu-Tuc-Delivery:  <uuid>                       the same on every retry of one delivery
 *
 * A receiver recomputes the HMAC over the raw body bytes as received, compares in constant time,
 * and refuses timestamps more than 5 minutes away from its clock (so a captured call cannot be
 * replayed later). `verifyWebhookSignature` is that check, for receivers written in TypeScript.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_HEADERS = {
  timestamp: "x-hoi-thu-tuc-timestamp",
  signature: "x-hoi-thu-tuc-signature",
  delivery: "x-hoi-thu-tuc-delivery",
} as const;

/** How far a timestamp may be from the receiver's clock (seconds). */
export const WEBHOOK_TOLERANCE_S = 300;

/** `sha256=<hex>` for a body signed at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `sha256=${mac}`;
}

/** Whether the headers sign `body` with `secret`, within the tolerance of `nowMs`. */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | null | undefined; signature: string | null | undefined },
  body: string,
  nowMs: number,
  toleranceS = WEBHOOK_TOLERANCE_S,
): boolean {
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp) || !headers.signature) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
