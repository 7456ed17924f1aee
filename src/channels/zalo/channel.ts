/**
 * The Zalo channel: receives updates (webhook in production, long polling in development), turns
 * them into core events, runs the assistant one event at a time per chat (the address lock), and
 * sends the replies as plain text.
 *
 * Webhook mode mounts `POST /webhook/zalo` when built (before the HTTP server listens) and registers
 * `${publicUrl}/webhook/zalo` with setWebhook on start. Polling mode removes any webhook first
 * (getUpdates does not work while one is set).
 */
import { randomBytes } from "node:crypto";
import type { Context as HonoContext } from "hono";
import type { ZaloConfig } from "../../config.ts";
import type { Address, ChannelCapabilities, InboundEvent, Reply } from "../../core/model.ts";
import type { AddressLock, Assistant, Clock, KeyValueStore, Messenger } from "../../core/ports.ts";
import { citizenPrefs } from "../../core/records.ts";
import { choiceHint, type Translate, translator } from "../../locales/index.ts";
import { createUserIdHasher, type Logger, type UserIdHasher } from "../../logger.ts";
import type { StaffDesk, StaffEvent } from "../../staff/desk.ts";
import { ZaloApiError } from "./api-error.ts";
import { createZaloClient, type ZaloClient } from "./client.ts";
import { toInboundEvent, unwrapUpdate } from "./inbound.ts";
import { createZaloMessenger, withDeliveryErrors, ZALO_CAPABILITIES } from "./messenger.ts";
import { createPoller, type Poller } from "./poller.ts";
import { createRecentKeys } from "./recent-keys.ts";
import { createZaloWebhookHandler, type WebhookVerdict, ZALO_WEBHOOK_PATH } from "./webhook.ts";

/** A route handler of the shared HTTP server (Hono). */
export type WebhookRouteHandler = (c: HonoContext) => Promise<Response>;

export interface ZaloChannelDeps {
  config: ZaloConfig;
  assistant: Assistant;
  lock: AddressLock;
  logger: Logger;
  /** Translations in the deployment's default locale (the choice hint, the error apology). */
  t: Translate;
  /**
   * The core's citizen preferences (namespace "prefs", keyed by address): the channel's own lines
   * then follow a citizen who switched language with /lang. Without it, the default locale.
   */
  prefs?: KeyValueStore<unknown>;
  /**
   * Shared memory of received message ids (e.g. namespace "zalo-seen" in Redis), so that a
   * redelivery reaching another instance is dropped too. Without it, each process remembers alone.
   */
  seenStore?: KeyValueStore<number>;
  /** Registers a POST route on the shared HTTP server; required in webhook mode. */
  mountWebhook?: (path: string, handler: WebhookRouteHandler) => void;
  /**
   * The staff desk: private chats of STAFF_ZALO_IDS members go there first (staff commands such as
   * /traloi, /thongke); what the desk does not take goes on to the citizen assistant.
   */
  staffDesk?: StaffDesk;
  hashUserId?: UserIdHasher;
  clock?: Clock;
  /**
   * Show "typing…" when the assistant has not answered after this many ms (default 1,000). Quick
   * answers then cost no extra API call, which may count against Zalo's monthly quota.
   * `Infinity` turns it off.
   */
  typingAfterMs?: number;
  /** Tests: shorter polls and back-off, another fetch. */
  pollTimeoutSeconds?: number;
  backoff?: { initialMs: number; maxMs: number };
  fetch?: typeof fetch;
  maxWebhookBodyBytes?: number;
}

export interface ZaloChannel {
  start(): Promise<void>;
  /** Stops receiving, then waits for the work in progress. */
  stop(): Promise<void>;
  readonly capabilities: ChannelCapabilities;
  /** For messages the core sends on its own (broadcasts, hotline answers); fails with DeliveryError. */
  readonly messenger: Messenger;
  readonly client: ZaloClient;
  /** Started and (in polling mode) still polling; for /healthz. */
  isUp(): boolean;
}

/** How long a message id is remembered to drop redeliveries. */
const DEDUP_WINDOW_MS = 10 * 60 * 1000;

export function createZaloChannel(deps: ZaloChannelDeps): ZaloChannel {
  const { config, assistant, lock, t } = deps;
  const logger = deps.logger.child({ channel: "zalo" });
  const clock = deps.clock ?? { now: () => Date.now() };
  const hashUserId = deps.hashUserId ?? createUserIdHasher(randomBytes(16).toString("hex"));
  const client = createZaloClient({
    token: config.token,
    apiRoot: config.apiRoot,
    ...(deps.fetch && { fetch: deps.fetch }),
  });
  /** The citizen's language for the channel's own lines (the hint, the apology). */
  const textFor = async (address: Address): Promise<Translate> => {
    if (!deps.prefs) return t;
    try {
      const locale = citizenPrefs.safeParse(await deps.prefs.get(address)).data?.locale;
      return locale === undefined ? t : translator(locale);
    } catch (error) {
      logger.warn({ err: error }, "citizen preferences unreadable; using the default language");
      return t;
    }
  };
  const messenger = createZaloMessenger({
    client,
    logger,
    choiceHint: async (count, address) => choiceHint(await textFor(address), count),
  });
  const recent = createRecentKeys({ ttlMs: DEDUP_WINDOW_MS, maxKeys: 50_000, clock });
  const pending = new Set<Promise<void>>();
  let accepting = false;
  let poller: Poller | undefined;

  /** True for a redelivery: seen by this process, or by another one through `seenStore`. */
  async function alreadySeen(key: string): Promise<boolean> {
    if (recent.seen(key)) return true;
    if (!deps.seenStore) return false;
    try {
      if ((await deps.seenStore.get(key)) !== undefined) return true;
      await deps.seenStore.set(key, clock.now(), DEDUP_WINDOW_MS);
    } catch (error) {
      logger.warn({ err: error }, "zalo de-duplication store unavailable; checked in this process only");
    }
    return false;
  }

  async function accept(body: unknown): Promise<WebhookVerdict> {
    const outcome = toInboundEvent(unwrapUpdate(body), clock.now());
    if (outcome.kind === "malformed") {
      logger.warn({ reason: outcome.reason }, "zalo update refused: malformed");
      return "malformed";
    }
    if (outcome.kind === "ignored") {
      logger.info(
        { eventName: outcome.eventName?.slice(0, 64), reason: outcome.reason },
        "zalo update ignored",
      );
      return "ignored";
    }
    if (outcome.dedupKey !== undefined && (await alreadySeen(outcome.dedupKey))) {
      logger.info({ user: hashUserId(outcome.event.userId) }, "zalo update dropped: already received");
      return "duplicate";
    }
    // Stopping began while this update was checked: leave it for Zalo to deliver again.
    if (!accepting) return "unavailable";
    const task = lock
      .run(outcome.event.address, () => handle(outcome.event, outcome.chatId))
      .catch((error: unknown) => logger.error({ err: error }, "zalo update failed"))
      .finally(() => pending.delete(task));
    pending.add(task);
    return "accepted";
  }

  /** A staff member's private message, when the staff desk takes it; null otherwise. */
  async function staffReplies(event: InboundEvent): Promise<Reply[] | null> {
    const desk = deps.staffDesk;
    if (!desk?.isStaff("zalo", event.userId)) return null;
    const base = {
      channel: "zalo" as const,
      address: event.address,
      userId: event.userId,
      place: "private" as const,
      receivedAt: event.receivedAt,
      ...(event.messageId !== undefined && { messageId: event.messageId }),
    };
    let staffEvent: StaffEvent;
    if (event.kind === "command")
      staffEvent = { ...base, kind: "command", command: event.command, args: event.args };
    else if (event.kind === "text") staffEvent = { ...base, kind: "text", text: event.text };
    else return null;
    const outcome = await desk.handle(staffEvent);
    return outcome.kind === "unhandled" ? null : outcome.replies;
  }

  async function handle(event: InboundEvent, chatId: string): Promise<void> {
    const log = logger.child({ user: hashUserId(event.userId), kind: event.kind });
    const started = performance.now();
    const typingAfterMs = deps.typingAfterMs ?? 1000;
    const typing = Number.isFinite(typingAfterMs)
      ? setTimeout(() => {
          client
            .sendChatAction(chatId, "typing")
            .catch((error: unknown) => log.debug({ err: error }, "typing failed"));
        }, typingAfterMs)
      : undefined;
    let replies: Reply[];
    try {
      const staff = await staffReplies(event);
      replies = staff ?? (await assistant.handle(event));
    } catch (error) {
      log.error({ err: error }, "assistant failed; apologising");
      const apology = (await textFor(event.address))("error.generic");
      replies = [{ kind: "message", blocks: [{ kind: "paragraph", text: apology }] }];
    } finally {
      clearTimeout(typing);
    }
    try {
      await messenger.send(event.address, replies);
      log.info(
        { replies: replies.length, ms: Math.round(performance.now() - started) },
        "zalo update answered",
      );
    } catch (error) {
      const quota = error instanceof ZaloApiError && error.code === 429;
      log.error(
        { err: error },
        quota ? "zalo reply not delivered: quota exceeded or rate limited" : "zalo reply not delivered",
      );
    }
  }

  if (config.mode === "webhook") {
    if (!deps.mountWebhook) throw new TypeError("Zalo webhook mode needs the HTTP server (mountWebhook).");
    const handler = createZaloWebhookHandler({
      secret: config.webhookSecret,
      logger,
      accept,
      accepting: () => accepting,
      ...(deps.maxWebhookBodyBytes !== undefined && { maxBodyBytes: deps.maxWebhookBodyBytes }),
    });
    deps.mountWebhook(ZALO_WEBHOOK_PATH, (c) => handler(c.req.raw));
  }

  async function checkToken(): Promise<void> {
    try {
      const me = await client.getMe();
      logger.info({ bot: me.account_name, plan: me.account_type }, "zalo bot ready");
    } catch (error) {
      if (error instanceof ZaloApiError && error.unauthorized) {
        throw new Error("Zalo refused ZALO_BOT_TOKEN (401). Copy the token again from Zalo Bot Creator.");
      }
      logger.warn({ err: error }, "zalo getMe failed; starting anyway");
    }
  }

  return {
    capabilities: ZALO_CAPABILITIES,
    messenger: withDeliveryErrors(messenger),
    client,
    isUp: () => accepting && (config.mode === "webhook" || poller?.running === true),

    async start() {
      await checkToken();
      accepting = true;
      if (config.mode === "webhook") {
        const url = `${config.publicUrl}${ZALO_WEBHOOK_PATH}`;
        try {
          const info = await client.setWebhook({ url, secretToken: config.webhookSecret });
          const verification = info.verification;
          if (verification && verification.ok === false) {
            logger.warn(
              { outcome: verification.outcome, status: verification.status_code, hint: verification.hint },
              "zalo webhook registered, but Zalo could not reach it (firewall, Cloudflare Browser Integrity Check?)",
            );
          } else {
            logger.info({ url }, "zalo webhook registered");
          }
        } catch (error) {
          // The webhook may still be registered from the last start; keep serving it.
          logger.error(
            { err: error, url },
            "zalo setWebhook failed; updates arrive only if it was set before",
          );
        }
        return;
      }
      try {
        await client.deleteWebhook();
      } catch (error) {
        logger.warn(
          { err: error },
          "zalo deleteWebhook failed; polling may get nothing while a webhook is set",
        );
      }
      poller = createPoller({
        client,
        token: config.token,
        logger,
        onUpdate: (update) => accept(update),
        ...(deps.pollTimeoutSeconds !== undefined && { pollTimeoutSeconds: deps.pollTimeoutSeconds }),
        ...(deps.backoff && { backoff: deps.backoff }),
      });
      poller.start();
      logger.info("zalo polling started (development mode: updates sent while stopped are lost)");
    },

    async stop() {
      accepting = false;
      await poller?.stop();
      poller = undefined;
      await Promise.allSettled([...pending]);
    },
  };
}
