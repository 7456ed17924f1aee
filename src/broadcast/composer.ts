/**
 * The staff composer, a pure state machine: text (and optionally a photo or a link) → topics →
 * preview exactly as citizens will see it → send now, schedule, or cancel. The state is plain JSON,
 * kept per staff member and chat; creating the broadcast is returned as an effect.
 */
import { z } from "zod";
import { announcementReplies } from "../core/announcement.ts";
import type { Choice, Reply } from "../core/model.ts";
import { type Translate, translator } from "../locales/index.ts";
import { MAX_TEXT_LENGTH } from "./broadcast.ts";
import { isTopic, TOPICS, type Topic, topic, topicLabelKey } from "./topics.ts";

const draft = z.object({
  text: z.string(),
  link: z.string().optional(),
  telegramPhotoId: z.string().optional(),
});
export type Draft = z.infer<typeof draft>;

export const composerState = z.discriminatedUnion("step", [
  z.object({ v: z.literal(1), step: z.literal("content"), telegramPhotoId: z.string().optional() }),
  z.object({ v: z.literal(1), step: z.literal("topics"), draft, topics: z.array(topic) }),
  z.object({ v: z.literal(1), step: z.literal("confirm"), draft, topics: z.array(topic).min(1) }),
  z.object({ v: z.literal(1), step: z.literal("time"), draft, topics: z.array(topic).min(1) }),
]);
export type ComposerState = z.infer<typeof composerState>;

export type ComposerEvent =
  | { kind: "start" }
  | { kind: "text"; text: string }
  | { kind: "photo"; fileId?: string; caption?: string }
  | { kind: "choice"; id: string };

export interface ComposerResult {
  /** null: the composer is finished (sent, scheduled or cancelled). */
  state: ComposerState | null;
  replies: Reply[];
  create?: { draft: Draft; topics: Topic[]; at?: number };
}

export const COMPOSER_PREFIX = "bc:";
const ids = {
  all: "bc:all",
  next: "bc:next",
  send: "bc:send",
  later: "bc:later",
  cancel: "bc:cancel",
  toggle: (t: Topic) => `bc:t:${t}`,
};

const say = (text: string, choices?: Choice[]): Reply =>
  choices && choices.length > 0
    ? { kind: "message", blocks: [{ kind: "paragraph", text }], choices }
    : { kind: "message", blocks: [{ kind: "paragraph", text }] };

const cancelChoice = (tr: Translate): Choice => ({ id: ids.cancel, label: tr("composer.cancel") });

/** The text and a bare https link on its last line (taken out as the announcement's link). */
export function parseContent(raw: string): { text: string; link?: string } {
  const lines = raw.replace(/\r\n?/g, "\n").trim().split("\n");
  const last = lines[lines.length - 1]?.trim() ?? "";
  if (lines.length > 1 && /^https:\/\/\S+$/.test(last)) {
    return { text: lines.slice(0, -1).join("\n").trim(), link: last };
  }
  return { text: lines.join("\n") };
}

const VN_OFFSET = 7 * 3600_000;

/** "08:00 15/12", "15/12 08:00", optionally with /2026, Vietnam time; null when unreadable or not later than now. */
export function parseSendTime(raw: string, now: number): number | null {
  const text = raw.trim().replace(/\s+/g, " ");
  const time = /(\d{1,2})[:hg](\d{2})/.exec(text);
  const date = /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/.exec(text);
  if (!time || !date) return null;
  const [hour, minute, day, month] = [time[1], time[2], date[1], date[2]].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const nowYear = new Date(now + VN_OFFSET).getUTCFullYear();
  const build = (year: number) => {
    const at = Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET;
    return new Date(at + VN_OFFSET).getUTCDate() === day ? at : null;
  };
  let at = build(date[3] ? Number(date[3]) : nowYear);
  if (at !== null && !date[3] && at <= now) at = build(nowYear + 1);
  return at !== null && at > now ? at : null;
}

function topicStep(
  draftValue: Draft,
  topics: readonly Topic[],
  tr: Translate,
  before?: string,
): ComposerResult {
  const choices: Choice[] = TOPICS.map((t) => ({
    id: ids.toggle(t),
    label: `${topics.includes(t) ? "✅" : "⬜"} ${tr(topicLabelKey(t))}`,
  }));
  choices.push({ id: ids.all, label: tr("composer.allTopics") });
  choices.push({ id: ids.next, label: tr("composer.next") });
  choices.push(cancelChoice(tr));
  const replies = before ? [say(before)] : [];
  replies.push(say(tr("composer.pickTopics"), choices));
  return { state: { v: 1, step: "topics", draft: draftValue, topics: [...topics] }, replies };
}

/** The preview: the announcement exactly as a citizen (in Vietnamese, on Telegram) receives it. */
function confirmStep(draftValue: Draft, topics: Topic[], tr: Translate): ComposerResult {
  const topicNames =
    topics.length === TOPICS.length
      ? tr("composer.allTopics").toLowerCase()
      : topics.map((t) => tr(topicLabelKey(t))).join(", ");
  const replies: Reply[] = [say(tr("composer.preview", { topics: topicNames }))];
  replies.push(...announcementReplies(draftValue, translator("vi"), { footer: true, channel: "telegram" }));
  const notes = draftValue.telegramPhotoId ? [say(tr("composer.previewZaloPhoto"))] : [];
  replies.push(...notes);
  replies.push(
    say(tr("composer.confirmQuestion"), [
      { id: ids.send, label: tr("composer.send") },
      { id: ids.later, label: tr("composer.later") },
      cancelChoice(tr),
    ]),
  );
  return { state: { v: 1, step: "confirm", draft: draftValue, topics }, replies };
}

function contentFrom(text: string, photoId: string | undefined, tr: Translate): Draft | string {
  const { text: body, link } = parseContent(text);
  if (!body.trim()) return tr("composer.empty");
  if (body.length > MAX_TEXT_LENGTH) return tr("composer.tooLong", { n: body.length, max: MAX_TEXT_LENGTH });
  return { text: body, ...(link && { link }), ...(photoId && { telegramPhotoId: photoId }) };
}

export function composerStep(
  state: ComposerState | null,
  event: ComposerEvent,
  ctx: { tr: Translate; now: number },
): ComposerResult {
  const { tr } = ctx;
  if (event.kind === "start") {
    return { state: { v: 1, step: "content" }, replies: [say(tr("composer.askText"), [cancelChoice(tr)])] };
  }
  if (event.kind === "choice" && event.id === ids.cancel) {
    return { state: null, replies: [say(tr("composer.cancelled"))] };
  }
  if (!state) return { state: null, replies: [say(tr("composer.expired"))] };

  switch (state.step) {
    case "content": {
      if (event.kind === "choice")
        return { state, replies: [say(tr("composer.askText"), [cancelChoice(tr)])] };
      const photoId =
        event.kind === "photo" ? (event.fileId ?? state.telegramPhotoId) : state.telegramPhotoId;
      const text = event.kind === "photo" ? (event.caption ?? "") : event.text;
      const made = contentFrom(text, photoId, tr);
      if (typeof made === "string") {
        return {
          state: { v: 1, step: "content", ...(photoId && { telegramPhotoId: photoId }) },
          replies: [say(made, [cancelChoice(tr)])],
        };
      }
      return topicStep(made, TOPICS, tr);
    }
    case "topics": {
      if (event.kind !== "choice") return topicStep(state.draft, state.topics, tr);
      if (event.id === ids.all) return topicStep(state.draft, TOPICS, tr);
      if (event.id === ids.next) {
        if (state.topics.length === 0)
          return topicStep(state.draft, state.topics, tr, tr("composer.needTopic"));
        return confirmStep(
          state.draft,
          TOPICS.filter((t) => state.topics.includes(t)),
          tr,
        );
      }
      const picked = event.id.startsWith("bc:t:") ? event.id.slice(5) : "";
      if (!isTopic(picked)) return topicStep(state.draft, state.topics, tr);
      const next = state.topics.includes(picked)
        ? state.topics.filter((t) => t !== picked)
        : [...state.topics, picked];
      return topicStep(
        state.draft,
        TOPICS.filter((t) => next.includes(t)),
        tr,
      );
    }
    case "confirm": {
      if (event.kind === "choice" && event.id === ids.send) {
        return { state: null, replies: [], create: { draft: state.draft, topics: state.topics } };
      }
      if (event.kind === "choice" && event.id === ids.later) {
        return {
          state: { ...state, step: "time" },
          replies: [say(tr("composer.askTime"), [cancelChoice(tr)])],
        };
      }
      return confirmStep(state.draft, state.topics, tr);
    }
    case "time": {
      if (event.kind !== "text") return { state, replies: [say(tr("composer.askTime"), [cancelChoice(tr)])] };
      const at = parseSendTime(event.text, ctx.now);
      if (at === null) return { state, replies: [say(tr("composer.badTime"), [cancelChoice(tr)])] };
      return { state: null, replies: [], create: { draft: state.draft, topics: state.topics, at } };
    }
  }
}
