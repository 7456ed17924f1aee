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
import type { Update } from "grammy/types";
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
  // grammY's "hono" adapter reads the body again (c.req.json() after our c.req.text() builds a
  // Response to parse it a second time); this one hands over the update parsed below.
  const callback = webhookCallback(bot, parsedUpdate, {
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
    return callback(c, body);
  };
}

/** grammY's hono adapter, with the update already parsed from the body. */
function parsedUpdate(c: HonoContext, update: unknown) {
  let resolveResponse: (response: Response) => void = () => {};
  return {
    update: Promise.resolve(update as Update),
    header: c.req.header(SECRET_HEADER),
    end: () => resolveResponse(c.body("")),
    respond: (json: string) => resolveResponse(c.json(json)),
    unauthorized: () => {
      c.status(401);
      resolveResponse(c.body(""));
    },
    handlerReturn: new Promise<Response>((resolve) => {
      resolveResponse = resolve;
    }),
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
