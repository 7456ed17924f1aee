/**
 * The channel-free assistant: loads the citizen's conversation state, runs the pure router, carries
 * out the effects it returns (checklists, logs, votes, preferences) and saves the new state.
 * Channels call `handle(event)` and render the replies.
 */
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { NEWS_KEY, type NewsList, newsList } from "../broadcast/subscriber.ts";
import {
  readSubscriber,
  type SubscriberStore,
  setSubscriberLocale,
  subscribe,
  unsubscribe,
} from "../broadcast/subscriber-store.ts";
import type { Catalogue } from "../catalogue/catalogue.ts";
import { t, translator } from "../locales/index.ts";
import type { AsyncProcedureSearch, ProcedureSearch } from "../search/types.ts";
import type { TicketService } from "../tickets/service.ts";
import { VIETNAM_OFFSET_MS } from "../tickets/ticket.ts";
import {
  defaultFeedbackLimits,
  type Effect,
  type FeedbackLimits,
  type FlowContext,
  type HotlineContext,
} from "./flow.ts";
import { submitted } from "./flows/feedback-form.ts";
import { afterCitizenAction } from "./flows/my-tickets.ts";
import type { Address, InboundEvent, Locale, Reply } from "./model.ts";
import type { AddressLock, AppendLog, Assistant, Clock, KeyValueStore } from "./ports.ts";
import { checkRateLimit } from "./rate-limit.ts";
import {
  type CitizenPrefs,
  type ConversationState,
  citizenPrefs,
  conversationState,
  type HelpfulnessVote,
  initialConversationState,
  type RateWindow,
  rateWindow,
  type SavedChecklists,
  savedChecklists,
  type UnansweredQuestion,
} from "./records.ts";
import { redactPersonalData } from "./redact.ts";
import { mayNeedAnnouncements, mayNeedTickets, step } from "./router.ts";
import { withSearch } from "./search-replay.ts";

/** Storage namespaces the composition root uses for the assistant's stores. */
export const UNANSWERED_LOG = "unanswered";
export const VOTES_LOG = "votes";

/** One store per purpose; keys are addresses (or hashed user ids for the rate limit). */
export interface AssistantStores {
  /** Short conversation memory; expires after `conversationTtlMs` of inactivity. */
  conversations: KeyValueStore<ConversationState>;
  /** Saved checklists per address, kept `checklistTtlMs` (30 days) after the last change. */
  checklists: KeyValueStore<SavedChecklists>;
  /** Citizen preferences (locale) per address. */
  prefs: KeyValueStore<CitizenPrefs>;
  /** Rate-limit counters per hashed user id. */
  rateLimits: KeyValueStore<RateWindow>;
  /** Questions nothing fitted, without personal data. */
  unanswered: AppendLog<UnansweredQuestion>;
  /** 👍/👎 votes. */
  votes: AppendLog<HelpfulnessVote>;
  /** Subscribers to announcements, per address. */
  subscribers: SubscriberStore;
  /** The latest announcements (one list under `NEWS_KEY`), for /tintuc. */
  news: KeyValueStore<NewsList>;
}

export interface AssistantSettings {
  defaultLocale: Locale;
  /** At most `max` events per `windowMs` per citizen; above it, one polite message per window. */
  rateLimit: { max: number; windowMs: number };
  conversationTtlMs: number;
  checklistTtlMs: number;
  /** Salt for hashing addresses and user ids in logs and the unanswered log. */
  hashSalt: string;
}

export const defaultAssistantSettings: AssistantSettings = {
  defaultLocale: "vi",
  rateLimit: { max: 20, windowMs: 60_000 },
  conversationTtlMs: 24 * 60 * 60 * 1000,
  checklistTtlMs: 30 * 24 * 60 * 60 * 1000,
  hashSalt: "hoi-thu-tuc",
};

export interface AssistantDeps {
  /** The current catalogue (hot-reloaded: called for every event). */
  catalogue: () => Catalogue;
  /** The current search over that catalogue (in this thread, or the search thread's). */
  search: () => ProcedureSearch | AsyncProcedureSearch;
  stores: AssistantStores;
  clock: Clock;
  logger: Logger;
  /** Serialises events per address (across instances in Redis mode); without it, no ordering. */
  lock?: AddressLock;
  settings?: Partial<AssistantSettings>;
  /** The hotline (feedback form, the citizen's tickets); without it, feedback is announced as coming. */
  hotline?: {
    tickets: Pick<TicketService, "create" | "listForCitizen" | "rate" | "reopen">;
    limits?: Partial<FeedbackLimits>;
  };
}

export function hashId(value: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${value}`).digest("hex").slice(0, 16);
}

async function readParsed<T>(store: KeyValueStore<T>, key: string, parse: (value: unknown) => T | undefined) {
  const value = await store.get(key);
  return value === undefined ? undefined : parse(value);
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const settings: AssistantSettings = { ...defaultAssistantSettings, ...deps.settings };
  const { stores } = deps;

  /** `seen.locale` is the citizen's locale as soon as it is known, for the error message. */
  async function process(event: InboundEvent, log: Logger, seen: { locale: Locale }): Promise<Reply[]> {
    const now = deps.clock.now();
    const userKey = hashId(`${event.address.split(":")[0]}:${event.userId}`, settings.hashSalt);
    // The reads are independent: one wait instead of a round-trip each. The conversation and
    // checklists are read even when the rate limit then stops the event (a wasted read, no harm).
    const [storedPrefs, window, storedState, storedChecklists] = await Promise.all([
      readParsed(stores.prefs, event.address, (v) => citizenPrefs.safeParse(v).data),
      readParsed(stores.rateLimits, userKey, (v) => rateWindow.safeParse(v).data),
      readParsed(stores.conversations, event.address, (v) => conversationState.safeParse(v).data),
      readParsed(stores.checklists, event.address, (v) => savedChecklists.safeParse(v).data),
    ]);
    const prefs = storedPrefs ?? {};
    let locale: Locale = prefs.locale ?? settings.defaultLocale;
    seen.locale = locale;

    const verdict = checkRateLimit(window, now, settings.rateLimit);
    // Saved alongside the conversation at the end (one round-trip less on Redis); awaited before
    // the event counts as handled, so a storage failure still fails the event.
    const windowSaved = stores.rateLimits.set(userKey, verdict.window, settings.rateLimit.windowMs * 2);
    windowSaved.catch(() => undefined);
    if (verdict.outcome !== "allow") {
      await windowSaved;
      log.info({ rateLimited: true, warned: verdict.outcome === "warn" }, "rate limited");
      return verdict.outcome === "warn"
        ? [{ kind: "message", blocks: [{ kind: "paragraph", text: t(locale, "rateLimit") }] }]
        : [];
    }

    const state = storedState ?? initialConversationState();
    const checklists = storedChecklists ?? { v: 1 as const, items: [] };
    // The subscription and the announcements only for the events that may use them.
    const [storedSubscriber, storedNews] = mayNeedAnnouncements(event, state)
      ? await Promise.all([
          readSubscriber(stores.subscribers, event.address),
          readParsed(stores.news, NEWS_KEY, (v) => newsList.safeParse(v).data),
        ])
      : [undefined, undefined];
    const subscription = storedSubscriber?.value ?? null;
    const news = storedNews?.items ?? [];
    const base: Omit<FlowContext, "search"> = {
      catalogue: deps.catalogue(),
      locale,
      tr: translator(locale),
      now,
      checklists,
      subscription,
      news,
      ...(deps.hotline && { hotline: await hotlineContext(event, state, now) }),
    };
    const outcome = await withSearch(deps.search(), (search) => step(state, event, { ...base, search }));
    for (const effect of outcome.effects) {
      outcome.replies.push(...(await runEffect(effect, event.address, checklists, now, locale, base)));
      if (effect.kind === "setLocale") {
        locale = effect.locale;
        seen.locale = locale;
      }
    }
    await Promise.all([
      stores.conversations.set(event.address, outcome.state, settings.conversationTtlMs),
      windowSaved,
    ]);
    log.info(
      {
        effects: outcome.effects.map((effect) => effect.kind),
        replies: outcome.replies.length,
        ms: deps.clock.now() - now,
      },
      "handled",
    );
    return outcome.replies;
  }

  /** The citizen's tickets, loaded only for events that may need them. */
  async function hotlineContext(
    event: InboundEvent,
    state: ConversationState,
    now: number,
  ): Promise<HotlineContext> {
    const limits = { ...defaultFeedbackLimits, ...deps.hotline?.limits };
    if (!deps.hotline || !mayNeedTickets(event, state)) return { limits, tickets: null, submittedToday: 0 };
    const tickets = await deps.hotline.tickets.listForCitizen(event.address);
    const dayStart = Math.floor((now + VIETNAM_OFFSET_MS) / 86_400_000) * 86_400_000 - VIETNAM_OFFSET_MS;
    return { limits, tickets, submittedToday: tickets.filter((t) => t.createdAt >= dayStart).length };
  }

  /** Carries out an effect; some (the hotline's) answer with replies once done. */
  async function runEffect(
    effect: Effect,
    address: Address,
    checklists: SavedChecklists,
    now: number,
    locale: Locale,
    ctx: Pick<FlowContext, "tr">,
  ): Promise<Reply[]> {
    switch (effect.kind) {
      case "submitTicket": {
        if (!deps.hotline) return [];
        // Stored (with the staff notice in its outbox) before the citizen sees the code.
        const { procedure, photo, ...draft } = effect.draft;
        const ticket = await deps.hotline.tickets.create({
          ...draft,
          ...(procedure && { procedure }),
          ...(photo && { photo }),
          citizen: { address, locale },
        });
        return submitted(ticket, ctx);
      }
      case "rateTicket":
      case "reopenTicket": {
        if (!deps.hotline) return [];
        const outcome =
          effect.kind === "rateTicket"
            ? await deps.hotline.tickets.rate(effect.code, address, effect.score)
            : await deps.hotline.tickets.reopen(effect.code, address);
        return afterCitizenAction(effect.kind === "rateTicket" ? "rate" : "reopen", outcome, ctx);
      }
      default:
        await runStoreEffect(effect, address, checklists, now, locale);
        return [];
    }
  }

  async function runStoreEffect(
    effect: Exclude<Effect, { kind: "submitTicket" | "rateTicket" | "reopenTicket" }>,
    address: Address,
    checklists: SavedChecklists,
    now: number,
    locale: Locale,
  ) {
    switch (effect.kind) {
      case "saveChecklist": {
        const items = checklists.items.filter((item) => item.code !== effect.checklist.code);
        items.push(effect.checklist);
        checklists.items = items;
        await stores.checklists.set(address, { v: 1, items }, settings.checklistTtlMs);
        return;
      }
      case "deleteChecklist": {
        const items = checklists.items.filter((item) => item.code !== effect.code);
        checklists.items = items;
        if (items.length === 0) await stores.checklists.delete(address);
        else await stores.checklists.set(address, { v: 1, items }, settings.checklistTtlMs);
        return;
      }
      case "logUnanswered":
        await stores.unanswered.append({
          at: new Date(now).toISOString(),
          question: redactPersonalData(effect.question),
          addressHash: hashId(address, settings.hashSalt),
          candidates: effect.candidates.slice(0, 5),
          locale,
        });
        return;
      case "recordVote":
        await stores.votes.append({
          at: new Date(now).toISOString(),
          code: effect.code,
          vote: effect.vote,
          decision: effect.decision,
          score: effect.score,
        });
        return;
      case "setLocale":
        await stores.prefs.set(address, { locale: effect.locale });
        await setSubscriberLocale(stores.subscribers, address, effect.locale, now);
        return;
      case "subscribe":
        await subscribe(stores.subscribers, address, effect.topics, locale, now);
        return;
      case "unsubscribe":
        await unsubscribe(stores.subscribers, address, now);
        return;
    }
  }

  async function handle(event: InboundEvent): Promise<Reply[]> {
    const log = deps.logger.child({
      address: hashId(event.address, settings.hashSalt),
      event: event.kind,
    });
    const seen = { locale: settings.defaultLocale };
    try {
      const work = () => process(event, log, seen);
      return await (deps.lock ? deps.lock.run(event.address, work) : work());
    } catch (error) {
      log.error({ err: error }, "failed to handle an event");
      return [
        {
          kind: "message",
          blocks: [{ kind: "paragraph", text: t(seen.locale, "error.generic") }],
        },
      ];
    }
  }

  return { handle };
}
