/**
 * Choice ids: compact strings (≤ 64 bytes, Telegram's callback_data limit) that say what a choice
 * means. They come back from the platform untrusted, so `parseChoiceId` validates every part and
 * answers null for anything it does not recognise.
 */
import { isTopic, TOPICS, type Topic } from "../broadcast/topics.ts";

/** Stable ids of the welcome menu; later flows (feedback, announcements) plug in by these ids. */
export const menuIds = {
  lookup: "m:lookup",
  feedback: "m:feedback",
  subscribe: "m:subscribe",
  contact: "m:contact",
} as const;
export type MenuItem = keyof typeof menuIds;

export type ProcedureVia = "browse" | "clarify" | "related";
const viaCodes: Record<ProcedureVia, string> = { browse: "b", clarify: "c", related: "r" };

export type ChoiceAction =
  | { kind: "menu"; item: MenuItem }
  /** Show the card of a procedure; `via` says where the choice was offered (for statistics). */
  | { kind: "procedure"; code: string; via?: ProcedureVia }
  /** Start a checklist: pick the case (`caseIndex` absent) or open the case's checklist. */
  | { kind: "checklist"; code: string; caseIndex?: number }
  /** Tick or untick a paper of a checklist. */
  | { kind: "tick"; code: string; caseIndex: number; paperIndex: number }
  | { kind: "checklistDelete"; code: string }
  | { kind: "fields"; page: number }
  | { kind: "field"; slug: string; page: number }
  | { kind: "vote"; code: string; vote: "up" | "down" }
  | { kind: "language"; locale: "vi" | "en" }
  /** Announcements: subscribe to every topic, open the topic picker, toggle one topic, finish, unsubscribe. */
  | { kind: "subscribe" }
  | { kind: "topics" }
  | { kind: "topicToggle"; topic: Topic }
  | { kind: "topicsDone" }
  | { kind: "unsubscribe" }
  /** A step of the feedback form (see flows/feedback-form.ts). */
  | { kind: "feedback"; step: FeedbackChoice }
  /** One of the citizen's own tickets: view it, rate it, or say it is not solved. */
  | { kind: "ticket"; op: "view" | "reopen"; code: string }
  | { kind: "ticket"; op: "rate"; code: string; score: number };

/** The feedback form's categories, as keyed in the locality file's `feedbackDueDays`. */
export const FEEDBACK_CATEGORIES = [
  "thai_do",
  "tre_han",
  "nhung_nhieu",
  "quy_dinh",
  "kien_nghi",
  "khac",
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export const FEEDBACK_FIELDS = ["category", "procedure", "description", "photo", "contact"] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];

export type FeedbackChoice =
  | { op: "category"; category: FeedbackCategory }
  | { op: "procedure"; code: string }
  /** Skip the optional step shown (procedure, photo). */
  | { op: "skip" }
  | { op: "anonymous" }
  | { op: "send" }
  /** Edit: pick the field (`field` absent), or go to it. */
  | { op: "edit"; field?: FeedbackField }
  | { op: "cancel" }
  /** The citizen's tickets ("Phản ánh của tôi"). */
  | { op: "mine" };

const code = String.raw`\d\.\d{6}`;
const ticketCode = String.raw`PA-\d{4}-\d{4,9}`;
const index = String.raw`\d{1,3}`;
const slug = "[a-z0-9]+(?:-[a-z0-9]+)*";

export const MAX_CHOICE_ID_BYTES = 64;

export function choiceId(action: ChoiceAction): string {
  switch (action.kind) {
    case "menu":
      return menuIds[action.item];
    case "procedure":
      return action.via ? `p:${action.code}:${viaCodes[action.via]}` : `p:${action.code}`;
    case "checklist":
      return action.caseIndex === undefined ? `ck:${action.code}` : `ck:${action.code}:${action.caseIndex}`;
    case "tick":
      return `tk:${action.code}:${action.caseIndex}:${action.paperIndex}`;
    case "checklistDelete":
      return `ckd:${action.code}`;
    case "fields":
      return `bf:${action.page}`;
    case "field":
      return `b:${action.slug}:${action.page}`;
    case "vote":
      return `v:${action.vote === "up" ? "u" : "d"}:${action.code}`;
    case "language":
      return `l:${action.locale}`;
    case "subscribe":
      return "s:on";
    case "topics":
      return "s:tp";
    case "topicToggle":
      return `s:tp:${action.topic}`;
    case "topicsDone":
      return "s:ok";
    case "unsubscribe":
      return "s:off";
    case "feedback":
      return feedbackChoiceId(action.step);
    case "ticket":
      return action.op === "rate"
        ? `pt:r:${action.code}:${action.score}`
        : `pt:${action.op === "view" ? "v" : "o"}:${action.code}`;
  }
}

function feedbackChoiceId(step: FeedbackChoice): string {
  switch (step.op) {
    case "category":
      return `pa:c:${step.category}`;
    case "procedure":
      return `pa:p:${step.code}`;
    case "edit":
      return step.field === undefined ? "pa:edit" : `pa:edit:${step.field}`;
    default:
      return `pa:${step.op}`;
  }
}

/** Whether an id fits the platform limit (field slugs are the only open-ended part). */
export function fitsChoiceLimit(id: string): boolean {
  return Buffer.byteLength(id, "utf8") <= MAX_CHOICE_ID_BYTES;
}

const patterns: readonly [RegExp, (m: RegExpMatchArray) => ChoiceAction][] = [
  [new RegExp(`^p:(${code})$`), (m) => ({ kind: "procedure", code: m[1] as string })],
  [
    new RegExp(`^p:(${code}):([bcr])$`),
    (m) => ({
      kind: "procedure",
      code: m[1] as string,
      via: m[2] === "b" ? "browse" : m[2] === "c" ? "clarify" : "related",
    }),
  ],
  [new RegExp(`^ck:(${code})$`), (m) => ({ kind: "checklist", code: m[1] as string })],
  [
    new RegExp(`^ck:(${code}):(${index})$`),
    (m) => ({ kind: "checklist", code: m[1] as string, caseIndex: Number(m[2]) }),
  ],
  [
    new RegExp(`^tk:(${code}):(${index}):(${index})$`),
    (m) => ({ kind: "tick", code: m[1] as string, caseIndex: Number(m[2]), paperIndex: Number(m[3]) }),
  ],
  [new RegExp(`^ckd:(${code})$`), (m) => ({ kind: "checklistDelete", code: m[1] as string })],
  [new RegExp(`^bf:(${index})$`), (m) => ({ kind: "fields", page: Number(m[1]) })],
  [
    new RegExp(`^b:(${slug}):(${index})$`),
    (m) => ({ kind: "field", slug: m[1] as string, page: Number(m[2]) }),
  ],
  [
    new RegExp(`^v:([ud]):(${code})$`),
    (m) => ({ kind: "vote", vote: m[1] === "u" ? "up" : "down", code: m[2] as string }),
  ],
  [/^l:(vi|en)$/, (m) => ({ kind: "language", locale: m[1] === "en" ? "en" : "vi" })],
  [/^s:on$/, () => ({ kind: "subscribe" })],
  [/^s:tp$/, () => ({ kind: "topics" })],
  [new RegExp(`^s:tp:(${TOPICS.join("|")})$`), (m) => ({ kind: "topicToggle", topic: topicOf(m[1]) })],
  [/^s:ok$/, () => ({ kind: "topicsDone" })],
  [/^s:off$/, () => ({ kind: "unsubscribe" })],
  [
    new RegExp(`^pa:c:(${FEEDBACK_CATEGORIES.join("|")})$`),
    (m) => ({ kind: "feedback", step: { op: "category", category: m[1] as FeedbackCategory } }),
  ],
  [
    new RegExp(`^pa:p:(${code})$`),
    (m) => ({ kind: "feedback", step: { op: "procedure", code: m[1] as string } }),
  ],
  [
    /^pa:(skip|anonymous|send|cancel|mine|edit)$/,
    (m) => ({ kind: "feedback", step: { op: m[1] as "skip" } }),
  ],
  [
    new RegExp(`^pa:edit:(${FEEDBACK_FIELDS.join("|")})$`),
    (m) => ({ kind: "feedback", step: { op: "edit", field: m[1] as FeedbackField } }),
  ],
  [
    new RegExp(`^pt:([vo]):(${ticketCode})$`),
    (m) => ({ kind: "ticket", op: m[1] === "v" ? "view" : "reopen", code: m[2] as string }),
  ],
  [
    new RegExp(`^pt:r:(${ticketCode}):([1-5])$`),
    (m) => ({ kind: "ticket", op: "rate", code: m[1] as string, score: Number(m[2]) }),
  ],
];

function topicOf(value: string | undefined): Topic {
  if (value === undefined || !isTopic(value)) throw new Error(`not a topic: ${value}`);
  return value;
}

/** The action an id stands for, or null when the id is malformed, forged or unknown. */
export function parseChoiceId(id: string): ChoiceAction | null {
  if (typeof id !== "string" || id.length === 0 || !fitsChoiceLimit(id)) return null;
  for (const [item, menuId] of Object.entries(menuIds)) {
    if (id === menuId) return { kind: "menu", item: item as MenuItem };
  }
  for (const [pattern, build] of patterns) {
    const match = id.match(pattern);
    if (match) return build(match);
  }
  return null;
}
