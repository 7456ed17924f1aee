/**
 * A ticket (phản ánh, kiến nghị): what the citizen reported, how to reach them back, and its
 * lifecycle. Stored as this zod schema's shape (parsed when read back); changed only through the
 * pure lifecycle (`lifecycle.ts`) and the ticket service, which record every change in `history`.
 */
import { z } from "zod";

/** Categories, as keyed in the locality file's `feedbackDueDays`. */
export const ticketCategories = [
  "thai_do",
  "tre_han",
  "nhung_nhieu",
  "quy_dinh",
  "kien_nghi",
  "khac",
] as const;
export const ticketCategory = z.enum(ticketCategories);
export type TicketCategory = z.infer<typeof ticketCategory>;

/** new → received → in progress → answered → closed (and reopened). */
export const ticketStatuses = ["new", "received", "in_progress", "answered", "closed", "reopened"] as const;
export const ticketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatus>;

/** `PA-2611-0042`: year and month of submission, then the shared counter's number. */
export const TICKET_CODE = /^PA-\d{4}-\d{4,9}$/;
export const ticketCode = z.string().regex(TICKET_CODE);

const staffRef = z.object({
  kind: z.literal("staff"),
  channel: z.enum(["telegram", "zalo", "console"]),
  userId: z.string(),
  role: z.enum(["operator", "supervisor"]),
});
/** Who did something: a staff member, the office's system through the API, the citizen, or the bot itself. */
export const ticketActor = z.discriminatedUnion("kind", [
  staffRef,
  z.object({ kind: z.literal("api"), name: z.string().max(64).optional() }),
  z.object({ kind: z.literal("citizen") }),
  z.object({ kind: z.literal("system") }),
]);
export type TicketActor = z.infer<typeof ticketActor>;
export type StaffTicketActor = z.infer<typeof staffRef>;

export const historyEvent = z.object({
  at: z.number(),
  by: ticketActor,
  action: z.enum(["created", "take", "status", "answer", "close", "reopen", "rate"]),
  from: ticketStatus.optional(),
  to: ticketStatus.optional(),
  /** A short note: the answer's index, the rating, a reason. Never the citizen's identity. */
  note: z.string().max(4000).optional(),
});
export type HistoryEvent = z.infer<typeof historyEvent>;

export const ticketAnswer = z.object({ at: z.number(), by: ticketActor, text: z.string().min(1).max(4000) });
export type TicketAnswer = z.infer<typeof ticketAnswer>;

/** A notification waiting to be sent (the transactional outbox, stored with the ticket). */
export const pendingNotice = z.object({
  id: z.string(),
  /** The citizen's chat, the staff chat, or the office's webhook (a `webhook` notice is kind `new`). */
  to: z.enum(["citizen", "staff", "webhook"]),
  kind: z.enum(["new", "status", "answer", "reopened", "rated"]),
  /** For `answer`: which answer; for `status`: the status told. */
  answerIndex: z.number().int().nonnegative().optional(),
  status: ticketStatus.optional(),
  createdAt: z.number(),
  attempts: z.number().int().nonnegative(),
  /** Not before this time (back-off, or a claim by an instance that is sending it). */
  notBefore: z.number(),
});
export type PendingNotice = z.infer<typeof pendingNotice>;

export const ticket = z.object({
  v: z.literal(1),
  code: ticketCode,
  category: ticketCategory,
  /** The procedure concerned, when the citizen picked one. */
  procedure: z.object({ code: z.string(), name: z.string() }).optional(),
  description: z.string().min(1).max(4000),
  photo: z
    .object({ fileId: z.string().optional(), url: z.string().optional(), bytes: z.number().optional() })
    .optional(),
  /** A phone number to call back, or anonymous (staff never see who sent it). */
  contact: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("anonymous") }),
    z.object({ kind: z.literal("phone"), phone: z.string() }),
  ]),
  /** Where updates go back: the chat the citizen wrote from. Never shown to staff. */
  citizen: z.object({ address: z.string(), locale: z.enum(["vi", "en"]) }),
  status: ticketStatus,
  createdAt: z.number(),
  /** The last day (YYYY-MM-DD, Vietnam time) by which the office answers. */
  dueDate: z.string(),
  dueDays: z.number().int().positive(),
  assignee: staffRef.optional(),
  answers: z.array(ticketAnswer),
  firstAnsweredAt: z.number().optional(),
  closedAt: z.number().optional(),
  rating: z.object({ score: z.number().int().min(1).max(5), at: z.number() }).optional(),
  history: z.array(historyEvent),
  outbox: z.array(pendingNotice),
  /** When the citizen's content was erased after the retention period (retention.ts). */
  erasedAt: z.number().optional(),
});
export type Ticket = z.infer<typeof ticket>;

/** What the citizen's confirmed form gives the service. */
export interface NewTicket {
  category: TicketCategory;
  procedure?: { code: string; name: string };
  description: string;
  photo?: { fileId?: string; url?: string; bytes?: number };
  contact: { kind: "anonymous" } | { kind: "phone"; phone: string };
  citizen: { address: `${string}:${string}`; locale: "vi" | "en" };
}

/** The code for counter value `n` of a ticket submitted at `at` (Vietnam time). */
export function formatTicketCode(n: number, at: number): string {
  const date = vietnamDate(at);
  return `PA-${date.slice(2, 4)}${date.slice(5, 7)}-${String(n).padStart(4, "0")}`;
}

/** Vietnam is UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of an instant in Vietnam. */
export function vietnamDate(at: number): string {
  return new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A code typed by a person (`pa-2611-42`, ` PA 2611 0042 `) in its canonical form, or null. */
export function normaliseTicketCode(raw: string): string | null {
  const match = /^\s*pa[\s-]*(\d{4})[\s-]*(\d{1,9})\s*$/i.exec(raw);
  if (!match) return null;
  return `PA-${match[1]}-${match[2]!.padStart(4, "0")}`;
}
