/**
 * What the core keeps in storage, one type (and zod schema) per purpose. Stored values are parsed
 * when read back, so a value written by an older version or damaged by hand is treated as absent
 * instead of crashing a conversation.
 */
import { z } from "zod";

const choice = z.object({ id: z.string().max(64), label: z.string() });

/** The conversation's short memory, per address, expiring after inactivity. */
export const conversationState = z.object({
  v: z.literal(1),
  /** The choices offered last, so "2" or a choice's label typed back means that choice. */
  offered: z.array(choice).max(30),
  /** The last procedure answered, with how the search found it (for the helpfulness vote). */
  lastAnswer: z
    .object({
      code: z.string(),
      decision: z.enum(["answer", "clarify", "browse", "direct"]),
      score: z.number().nullable(),
      voted: z.boolean(),
    })
    .optional(),
  /**
   * The procedure the conversation is about: the one answered last, until a question finds another
   * or nothing. A question that only asks about an aspect ("phí bao nhiêu?") is about it.
   */
  topic: z.string().optional(),
  /** The candidates of the last clarification, so the pick keeps the question's aspect and score. */
  clarify: z
    .object({
      aspect: z.string().nullable(),
      candidates: z.array(z.object({ code: z.string(), score: z.number() })).max(5),
    })
    .optional(),
  /** The feedback form being filled in (nothing is submitted before the citizen confirms). */
  feedback: z
    .object({
      step: z.enum(["category", "procedure", "description", "photo", "contact", "confirm", "edit"]),
      /** When the form was last touched; an untouched form expires (FEEDBACK_FORM_TTL_MS). */
      updatedAt: z.number(),
      /** Editing from the summary: after this step, back to the summary. */
      editing: z.boolean().optional(),
      category: z.enum(["thai_do", "tre_han", "nhung_nhieu", "quy_dinh", "kien_nghi", "khac"]).optional(),
      /** The procedure concerned; null when the citizen skipped it. */
      procedure: z.object({ code: z.string(), name: z.string() }).nullable().optional(),
      description: z.string().max(4000).optional(),
      /** null when the citizen has no photo. */
      photo: z
        .object({ fileId: z.string().optional(), url: z.string().optional(), bytes: z.number().optional() })
        .nullable()
        .optional(),
      contact: z
        .discriminatedUnion("kind", [
          z.object({ kind: z.literal("anonymous") }),
          z.object({ kind: z.literal("phone"), phone: z.string() }),
        ])
        .optional(),
    })
    .optional(),
});
export type ConversationState = z.infer<typeof conversationState>;
export type FeedbackDraft = NonNullable<ConversationState["feedback"]>;

export function initialConversationState(): ConversationState {
  return { v: 1, offered: [] };
}

/** One checklist a citizen is preparing: the procedure, the case chosen, the papers ticked. */
export const savedChecklist = z.object({
  code: z.string(),
  caseIndex: z.number().int().nonnegative(),
  /** Indexes of the papers the citizen already has. */
  have: z.array(z.number().int().nonnegative()),
  updatedAt: z.number(),
});
export type SavedChecklist = z.infer<typeof savedChecklist>;

/** All the checklists of one citizen (kept 30 days after the last change). */
export const savedChecklists = z.object({
  v: z.literal(1),
  items: z.array(savedChecklist),
});
export type SavedChecklists = z.infer<typeof savedChecklists>;

/** A citizen's preferences. */
export const citizenPrefs = z.object({
  locale: z.enum(["vi", "en"]).optional(),
});
export type CitizenPrefs = z.infer<typeof citizenPrefs>;

/** A fixed-window counter for the per-citizen rate limit. */
export const rateWindow = z.object({
  windowStart: z.number(),
  count: z.number().int().nonnegative(),
  /** Whether the citizen was already told to slow down in this window. */
  warned: z.boolean(),
});
export type RateWindow = z.infer<typeof rateWindow>;

/** A question the bot could not answer; no personal data (see redact.ts). */
export const unansweredQuestion = z.object({
  at: z.string().describe("ISO time"),
  /** The question with phone numbers, e-mails and ID numbers replaced. */
  question: z.string(),
  /** A salted hash of the address, or null. */
  addressHash: z.string().nullable(),
  /** The candidates the search offered, best first (may be empty). */
  candidates: z.array(z.string()),
  locale: z.enum(["vi", "en"]),
});
export type UnansweredQuestion = z.infer<typeof unansweredQuestion>;

/** A 👍/👎 after an answer, for staff statistics. */
export const helpfulnessVote = z.object({
  at: z.string().describe("ISO time"),
  code: z.string(),
  vote: z.enum(["up", "down"]),
  /** How the answer was found: the search answered, the citizen picked among candidates, browsing… */
  decision: z.enum(["answer", "clarify", "browse", "direct"]),
  /** The search's score for this procedure, when the answer came from a search. */
  score: z.number().nullable(),
});
export type HelpfulnessVote = z.infer<typeof helpfulnessVote>;
