/**
 * The Telegram channel: a grammY bot that turns updates into core events, runs the assistant
 * for each under the address lock, and renders its replies as Telegram HTML.
 *
 * Middleware order: in-flight tracking → error boundary → (polling) per-chat sequentialize →
 * the update handler. Polling uses @grammyjs/runner; webhook mode mounts `POST /webhook/telegram`
 * on the shared HTTP server when the channel is created, and registers it with setWebhook on start.
 */
import { type RunnerHandle, run, sequentialize } from "@grammyjs/runner";
import { type ApiClientOptions, Bot, type BotError, type Context, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { TelegramConfig } from "../../config.ts";
import type { Address, ChannelCapabilities, Locale } from "../../core/model.ts";
import type { AddressLock, Assistant, Clock, KeyValueStore, Messenger } from "../../core/ports.ts";
import { citizenPrefs } from "../../core/records.ts";
import type { Logger, UserIdHasher } from "../../logger.ts";
import type { StaffDesk } from "../../staff/desk.ts";
import { type ApiLimits, DEFAULT_API_LIMITS, hardenApi } from "./api-client.ts";
import { CITIZEN_COMMANDS, type CommandName, setCommands, type Translator } from "./commands.ts";
import { deliverReplies } from "./deliver.ts";
import { escapeHtml } from "./html.ts";
import { createBotApiFetch } from "./http-fetch.ts";
import { createTelegramMessenger } from "./messenger.ts";
import { TELEGRAM_TEXT_LIMIT } from "./pack-html.ts";
import { telegramAddress, toInboundEvent } from "./to-event.ts";
import { type StaffTranslation, toStaffEvent } from "./to-staff-event.ts";
import { TELEGRAM_WEBHOOK_PATH, telegramWebhookHandler, type WebhookHandler } from "./webhook-route.ts";

export const telegramCapabilities: ChannelCapabilities = {
  buttons: true,
  maxTextLength: TELEGRAM_TEXT_LIMIT,
  formatting: "html",
};

/** The update types the bot asks for; everything else is never delivered. */
const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export interface TelegramChannelDeps {
  config: TelegramConfig;
  assistant: Assistant;
  lock: AddressLock;
  logger: Logger;
  hashUserId: UserIdHasher;
  t: Translator;
  /** Registers a POST route on the shared HTTP server; required in webhook mode. */
  mountWebhook?: (path: string, handler: WebhookHandler) => void;
  clock?: Clock;
  /** Locale for the channel's own texts (the apology, the stale-button notice) by default. */
  defaultLocale?: Locale;
  /**
   * The core's citizen preferences (namespace "prefs", keyed by address): the channel's own texts
   * then follow a citizen who switched language with /lang, like the core's answers do.
   */
  prefs?: KeyValueStore<unknown>;
  /**
   * The staff desk: updates from the staff group (STAFF_CHAT_ID) and from staff members in private
   * go there instead of the citizen assistant. Without it, groups are ignored as before.
   */
  staff?: { desk: StaffDesk; chatId: string | null };
  /** Commands shown in Telegram's menu. */
  commands?: readonly CommandName[];
  /** Known bot identity (tests, or to skip getMe); otherwise fetched on start. */
  botInfo?: UserFromGetMe;
  limits?: Partial<ApiLimits>;
  /** Long-polling timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** How long a webhook call may take before Telegram gets its 200 anyway (default 8 s). */
  webhookTimeoutMs?: number;
}

export interface TelegramChannel {
  readonly capabilities: ChannelCapabilities;
  start(): Promise<void>;
  /** Stops taking updates and waits (up to `graceMs`) for the ones being handled. */
  stop(graceMs?: number): Promise<void>;
  /** Started and (in polling mode) still polling; for /healthz. */
  isUp(): boolean;
  /** For messages the core sends on its own (ticket updates, staff cards); fails with DeliveryError. */
  readonly messenger: Messenger;
}

export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { config, assistant, lock, hashUserId, t } = deps;
  const logger = deps.logger.child({ channel: "telegram" });
  const clock = deps.clock ?? { now: () => Date.now() };
  const defaultLocale = deps.defaultLocale ?? "vi";
  const limits = { ...DEFAULT_API_LIMITS, ...deps.limits };
  const pollTimeoutSeconds = deps.pollTimeoutSeconds ?? 30;

  // Each reply is one Bot API call: a lean keep-alive client instead of grammY's default node-fetch.
  const botApiFetch = createBotApiFetch();
  const bot = new Bot(config.token, {
    ...(deps.botInfo !== undefined && { botInfo: deps.botInfo }),
    client: {
      apiRoot: config.apiRoot,
      timeoutSeconds: pollTimeoutSeconds + 15,
      fetch: botApiFetch as unknown as NonNullable<ApiClientOptions["fetch"]>,
    },
  });
  hardenApi(bot.api, limits, logger);

  /** The locale for the channel's own texts: the citizen's /lang choice, else the default. */
  const localeFor = async (address: Address): Promise<Locale> => {
    if (!deps.prefs) return defaultLocale;
    try {
      return citizenPrefs.safeParse(await deps.prefs.get(address)).data?.locale ?? defaultLocale;
    } catch (error) {
      logger.warn({ err: safeError(error) }, "citizen preferences unreadable; using the default language");
      return defaultLocale;
    }
  };

  const updateLogger = (ctx: Context): Logger =>
    logger.child({
      updateId: ctx.update.update_id,
      ...(ctx.from !== undefined && { user: hashUserId(String(ctx.from.id)) }),
    });

  // In-flight updates, so that stop() can wait for them.
  const inFlight = new Set<Promise<unknown>>();
  let accepting = true;
  bot.use(async (_ctx, next) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });

  const guarded = bot.errorBoundary((error) => onError(error));
  if (config.mode === "polling") {
    // The runner handles updates concurrently; keep each chat's updates in order.
    guarded.use(sequentialize((ctx: Context) => (ctx.chat === undefined ? undefined : String(ctx.chat.id))));
  }
  const staffRouting = deps.staff
    ? {
        chatId: deps.staff.chatId,
        isStaff: (userId: string) => deps.staff?.desk.isStaff("telegram", userId) === true,
      }
    : undefined;

  /** True when the staff desk took the update (else it goes on to the citizen assistant). */
  async function handleStaff(ctx: Context, staff: StaffTranslation, log: Logger): Promise<boolean> {
    const desk = deps.staff?.desk;
    if (!desk) return false;
    if (staff.kind === "ignored") {
      if (staff.callbackQueryId !== undefined) await answerQuietly(ctx, log);
      return true;
    }
    const { event } = staff;
    const outcome = await lock.run(event.address, async () => {
      const result = await desk.handle(event);
      if (result.kind === "unhandled") return result;
      const refusedButton = result.kind === "refused" && staff.callbackQueryId !== undefined;
      if (staff.callbackQueryId !== undefined) {
        // A non-staff member pressing a card's button gets the refusal privately, as a toast.
        const toast = refusedButton ? firstText(result.replies) : undefined;
        await answerQuietly(ctx, log, toast);
      }
      if (!refusedButton) await deliverReplies(bot.api, ctx.chat!.id, result.replies, log);
      log.info(
        { staff: result.kind, place: event.place, replies: result.replies.length },
        "staff update answered",
      );
      return result;
    });
    if (outcome.kind !== "unhandled") return true;
    if (event.place === "staff-chat") {
      if (staff.callbackQueryId !== undefined) await answerQuietly(ctx, log);
      log.debug("staff chat message left alone");
      return true;
    }
    return false;
  }

  guarded.use(async (ctx) => {
    const log = updateLogger(ctx);
    if (staffRouting) {
      const staff = toStaffEvent(ctx.update, ctx.me.username, staffRouting, clock.now());
      if (staff && (await handleStaff(ctx, staff, log))) return;
    }
    const translation = toInboundEvent(ctx.update, ctx.me.username, clock.now());
    if (translation.kind === "ignored") {
      log.debug({ reason: translation.reason }, "update ignored");
      if (translation.callbackQueryId !== undefined) await answerQuietly(ctx, log);
      return;
    }
    if (translation.kind === "bad-callback") {
      log.info("callback data refused: not a choice id");
      await answerQuietly(ctx, log, t(await localeFor(translation.address), "choice.stale"));
      return;
    }
    const { event } = translation;
    if (translation.callbackQueryId !== undefined) await answerQuietly(ctx, log);
    // One info line per update ("update answered", below): at 300 updates/s every line counts.
    log.debug({ kind: event.kind }, "update received");
    const chatId = ctx.chat!.id;
    await lock.run(event.address, async () => {
      const started = performance.now();
      const replies = await assistant.handle(event);
      await deliverReplies(bot.api, chatId, replies, log);
      log.info(
        { kind: event.kind, replies: replies.length, ms: Math.round(performance.now() - started) },
        "update answered",
      );
    });
  });

  bot.catch((error) => {
    // Only reached if the error boundary itself failed.
    logger.error(
      { err: safeError(error.error), updateId: error.ctx.update.update_id },
      "telegram update failed",
    );
  });

  async function onError(error: BotError<Context>): Promise<void> {
    const ctx = error.ctx;
    const log = updateLogger(ctx);
    log.error({ err: safeError(error.error) }, "telegram update failed");
    if (ctx.chat?.type !== "private" || !canStillSend(error.error)) return;
    try {
      const locale = await localeFor(telegramAddress(ctx.chat.id));
      await bot.api.sendMessage(ctx.chat.id, escapeHtml(t(locale, "error.generic")), { parse_mode: "HTML" });
    } catch (sendError) {
      log.warn({ err: safeError(sendError) }, "could not tell the citizen about the error");
    }
  }

  const webhookSecret = config.mode === "webhook" ? config.webhookSecret : undefined;
  if (webhookSecret !== undefined) {
    if (!deps.mountWebhook) throw new Error("Telegram webhook mode needs the HTTP server (mountWebhook)");
    deps.mountWebhook(
      TELEGRAM_WEBHOOK_PATH,
      telegramWebhookHandler(bot, {
        secret: webhookSecret,
        timeoutMs: deps.webhookTimeoutMs ?? 8_000,
        logger,
        accepting: () => accepting,
      }),
    );
  }

  let runner: RunnerHandle | undefined;
  let started = false;

  const messenger = createTelegramMessenger(bot.api, logger);

  return {
    capabilities: telegramCapabilities,
    messenger,

    async start() {
      accepting = true;
      if (config.mode === "polling") await bot.api.deleteWebhook();
      await bot.init();
      try {
        await setCommands(bot.api, deps.commands ?? CITIZEN_COMMANDS, t);
      } catch (error) {
        logger.warn({ err: safeError(error) }, "could not set the command menu; continuing");
      }
      if (config.mode === "webhook") {
        await bot.api.setWebhook(`${config.publicUrl}${TELEGRAM_WEBHOOK_PATH}`, {
          secret_token: config.webhookSecret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        started = true;
        logger.info({ mode: "webhook", bot: bot.botInfo.username }, "telegram channel started");
        return;
      }
      runner = run(bot, {
        runner: {
          fetch: { timeout: pollTimeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
          silent: true,
          retryInterval: "exponential",
        },
      });
      runner.task()?.catch((error: unknown) => {
        logger.error(
          { err: safeError(error) },
          "telegram polling stopped (is another instance polling this bot?)",
        );
      });
      started = true;
      logger.info({ mode: "polling", bot: bot.botInfo.username }, "telegram channel started");
    },

    isUp() {
      return started && (config.mode === "webhook" || runner?.isRunning() === true);
    },

    async stop(graceMs = 10_000) {
      accepting = false;
      started = false;
      const stopping = runner?.isRunning() ? runner.stop() : Promise.resolve();
      runner = undefined;
      const settled = Promise.allSettled([stopping, ...inFlight]);
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([settled, grace]);
      clearTimeout(timer);
      botApiFetch.close();
      logger.info("telegram channel stopped");
    },
  };
}

function firstText(
  replies: readonly { kind: string; blocks?: { kind: string; text?: string }[] }[],
): string | undefined {
  for (const reply of replies) {
    for (const block of reply.blocks ?? []) if (block.text !== undefined) return block.text.slice(0, 200);
  }
  return undefined;
}

async function answerQuietly(ctx: Context, log: Logger, text?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text === undefined ? undefined : { text });
  } catch (error) {
    // The button spinner stops by itself after a while; the update is still handled.
    log.warn({ err: safeError(error) }, "answerCallbackQuery failed");
  }
}

/**
 * Whether it is worth trying to send an error message: not when the Bot API is the problem
 * (unreachable, throttling, failing) nor when the citizen blocked the bot (403).
 */
function canStillSend(error: unknown): boolean {
  if (error instanceof HttpError) return false;
  if (error instanceof GrammyError)
    return error.error_code !== 429 && error.error_code !== 403 && error.error_code < 500;
  return true;
}

/** An error for the log, without grammY's request payload (which holds message text). */
function safeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return {
      name: error.name,
      method: error.method,
      errorCode: error.error_code,
      message: error.description,
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
