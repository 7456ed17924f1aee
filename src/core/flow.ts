/**
 * The shape every flow shares: `(state, event, context) → { state, replies, effects }`. Flows are
 * pure: they read the context, never storage or the network; what must happen outside (save a
 * checklist, log a question, record a vote) is returned as data and run by the assistant.
 */
import type { Catalogue } from "../catalogue/catalogue.ts";
import type { Translate } from "../locales/index.ts";
import type { ProcedureSearch } from "../search/types.ts";
import type { Locale, Reply } from "./model.ts";
import type { ConversationState, SavedChecklist, SavedChecklists } from "./records.ts";

export interface FlowContext {
  catalogue: Catalogue;
  search: ProcedureSearch;
  locale: Locale;
  tr: Translate;
  now: number;
  /** The citizen's saved checklists, as loaded before the event. */
  checklists: SavedChecklists;
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
  | { kind: "setLocale"; locale: Locale };

export interface FlowResult {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}
