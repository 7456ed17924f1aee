/**
 * The shape every flow shares: `(state, event, context) → { state, replies, effects }`. Flows are
 * pure: they read the context, never storage or the network; what must happen outside (save a
 * checklist, log a question, record a vote) is returned as data and run by the assistant.
 */
import type { NewsItem } from "../broadcast/subscriber.ts";
import type { Topic } from "../broadcast/topics.ts";
import type { Catalogue } from "../catalogue/catalogue.ts";
import type { Translate } from "../locales/index.ts";
import type { ProcedureSearch } from "../search/types.ts";
import type { Ticket } from "../tickets/ticket.ts";
import type { Locale, Reply } from "./model.ts";
import type { ConversationState, FeedbackDraft, SavedChecklist, SavedChecklists } from "./records.ts";

/** The feedback form's limits against abuse and mistakes. */
export interface FeedbackLimits {
  /** Tickets one citizen may submit per day (Vietnam time). */
  maxPerDay: number;
  /** Length of "what happened", in characters. */
  minLength: number;
  maxLength: number;
  /** Largest photo accepted, when the platform says its size. */
  maxPhotoBytes: number;
  /** An untouched form expires after this. */
  formTtlMs: number;
}

export const defaultFeedbackLimits: FeedbackLimits = {
  maxPerDay: 3,
  minLength: 20,
  maxLength: 2000,
  maxPhotoBytes: 5 * 1024 * 1024,
  formTtlMs: 60 * 60 * 1000,
};

/** The hotline as the flows see it: loaded before the event when the event may need it. */
export interface HotlineContext {
  limits: FeedbackLimits;
  /** The citizen's own tickets, newest first; null when not loaded for this event. */
  tickets: readonly Ticket[] | null;
  /** Tickets this citizen submitted today (Vietnam time), when `tickets` is loaded. */
  submittedToday: number;
}

export interface FlowContext {
  catalogue: Catalogue;
  search: ProcedureSearch;
  locale: Locale;
  tr: Translate;
  now: number;
  /** The citizen's saved checklists, as loaded before the event. */
  checklists: SavedChecklists;
  /** The citizen's subscription to announcements, as loaded before the event (null: never subscribed). */
  subscription: { topics: readonly Topic[]; active: boolean } | null;
  /** The latest announcements, newest first (for /tintuc). */
  news: readonly NewsItem[];
  /** The hotline, when it runs (absent: feedback is announced as coming). */
  hotline?: HotlineContext;
}

export type Effect =
  | { kind: "saveChecklist"; checklist: SavedChecklist }
  | { kind: "deleteChecklist"; code: string }
  | { kind: "logUnanswered"; question: string; candidates: string[] }
  | {
      kind: "recordVote";
      code: string;
      vote: "up" | "down";
      decision: "answer" | "clarify" | "browse" | "direct";
      score: number | null;
    }
  | { kind: "setLocale"; locale: Locale }
  /** Subscribe to announcements on these topics (or change the topics of an active subscription). */
  | { kind: "subscribe"; topics: Topic[] }
  | { kind: "unsubscribe" }
  /** Store the confirmed form as a ticket; the assistant answers with its code once stored. */
  | {
      kind: "submitTicket";
      draft: Required<Pick<FeedbackDraft, "category" | "description" | "contact">> &
        Pick<FeedbackDraft, "procedure" | "photo">;
    }
  | { kind: "rateTicket"; code: string; score: number }
  | { kind: "reopenTicket"; code: string };

export interface FlowResult {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}
