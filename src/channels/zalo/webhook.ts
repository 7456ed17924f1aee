/**
 * `POST /webhook/zalo`: Zalo's webhook calls, as a fetch-style handler (Request → Response).
 *
 * Order of checks: POST only (405); a body over `maxBodyBytes` is refused (413) without being read
 * whole; an empty body is Zalo's health probe (200, nothing processed; the probe is not known to
 * carry the secret); `X-Bot-Api-Secret-Token` compared in constant time (403, nothing processed);
 * JSON only (415); a body that is not JSON or not an update 400. A valid update is answered 200 at
 * once: the work (`accept`) runs after, in the background.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "../../logger.ts";

export const ZALO_WEBHOOK_PATH = "/webhook/zalo";
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";

/** Real payloads are 270–420 bytes; 64 KiB leaves room for long texts and stops abuse. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type WebhookVerdict = "accepted" | "duplicate" | "ignored" | "malformed" | "unavailable";

export interface ZaloWebhookOptions {
  secret: string;
  logger: Logger;
  maxBodyBytes?: number;
  /** Takes a parsed body and decides quickly; processing happens later, without being awaited. */
  accept(body: unknown): WebhookVerdict | Promise<WebhookVerdict>;
  /** False once the channel is stopping: answer 503. */
  accepting?: () => boolean;
}

export type FetchHandler = (request: Request) => Promise<Response>;

export function createZaloWebhookHandler(options: ZaloWebhookOptions): FetchHandler {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { logger } = options;
  const expected = digest(options.secret);

  return async (request) => {
    if (request.method !== "POST") return status(405, { allow: "POST" });
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (Number.isFinite(declared) && declared > maxBytes) {
      logger.warn({ bytes: declared }, "zalo webhook refused: body too large");
      return status(413);
    }
    const body = await readLimited(request, maxBytes);
    if (body === undefined) {
      logger.warn("zalo webhook refused: body too large");
      return status(413);
    }
    if (body.trim() === "") return status(200);
    if (!timingSafeEqual(digest(request.headers.get(ZALO_SECRET_HEADER) ?? ""), expected)) {
      logger.warn("zalo webhook refused: wrong or missing secret token");
      return status(403);
    }
    if (options.accepting && !options.accepting()) return status(503);
    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") {
      logger.warn("zalo webhook refused: not JSON");
      return status(415);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      logger.warn("zalo webhook refused: body is not valid JSON");
      return status(400);
    }
    const verdict = await options.accept(parsed);
    if (verdict === "malformed") return status(400);
    if (verdict === "unavailable") return status(503);
    return status(200);
  };
}

/** Fixed-length digests, so the comparison takes the same time whatever the given value's length. */
function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function status(code: number, headers: Record<string, string> = {}): Response {
  return new Response(code === 200 ? '{"ok":true}' : null, {
    status: code,
    headers: code === 200 ? { "content-type": "application/json", ...headers } : headers,
  });
}

/** The body as text, or undefined when it exceeds `maxBytes` (reading stops there). */
async function readLimited(request: Request, maxBytes: number): Promise<string | undefined> {
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
