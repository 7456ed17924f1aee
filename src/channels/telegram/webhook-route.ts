/**
 * `POST /webhook/telegram`: Telegram's webhook calls, checked before anything is read.
 *
 * A wrong or missing `X-Telegram-Bot-Api-Secret-Token` gets 401 and the body is not read; a body
 * that is not an update gets 400 (the shared server caps the size). A valid update is handled by grammY's
 * `webhookCallback` (Hono adapter). If handling takes longer than `timeoutMs`, Telegram gets its
 * 200 anyway (so it does not deliver the update twice) and the work finishes in the background,
 * still in order for its chat (the address lock).
 */
import { timingSafeEqual } from "node:crypto";
import { type Bot, webhookCallback } from "grammy";
import type { Context as HonoContext } from "hono";
import { z } from "zod";
import type { Logger } from "../../logger.ts";

export const TELEGRAM_WEBHOOK_PATH = "/webhook/telegram";
export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

export type WebhookHandler = (c: HonoContext) => Promise<Response>;

const updateShape = z.looseObject({ update_id: z.int().nonnegative() });

export interface WebhookRouteOptions {
  secret: string;
  timeoutMs: number;
  logger: Logger;
  /** False once the channel is stopping: answer 503 so Telegram delivers later. */
  accepting: () => boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: grammY's Bot is generic over its context type
export function telegramWebhookHandler(bot: Bot<any>, options: WebhookRouteOptions): WebhookHandler {
  const { secret, logger } = options;
  const callback = webhookCallback(bot, "hono", {
    secretToken: secret,
    timeoutMilliseconds: options.timeoutMs,
    onTimeout: () =>
      logger.warn({ timeoutMs: options.timeoutMs }, "telegram webhook answered before the update was done"),
  });
  return async (c) => {
    if (!sameSecret(c.req.header(SECRET_HEADER), secret)) {
      logger.warn({ path: c.req.path }, "telegram webhook refused: wrong or missing secret token");
      return c.body(null, 401);
    }
    if (!options.accepting()) return c.body(null, 503);
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      logger.warn("telegram webhook refused: body is not JSON");
      return c.body(null, 400);
    }
    if (!updateShape.safeParse(body).success) {
      logger.warn("telegram webhook refused: body is not an update");
      return c.body(null, 400);
    }
    return callback(c);
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
