/**
 * The conversation's top-level step: one event and the conversation state in, the next state,
 * replies and effects out. Pure; the assistant runs it and carries out the effects.
 */

import { pickNumberHint } from "../locales/index.ts";
import { type ChoiceAction, parseChoiceId } from "./choice-id.ts";
import type { FlowContext, FlowResult } from "./flow.ts";
import { ask, pickProcedure } from "./flows/ask.ts";
import { browseField, browseFields } from "./flows/browse.ts";
import {
  checklistCase,
  deleteChecklist,
  listChecklists,
  startChecklist,
  tickPaper,
  whatIsMissing,
} from "./flows/checklist.ts";
import {
  activeForm,
  cancelFeedback,
  expiredForm,
  feedbackChoice,
  feedbackInput,
  startFeedback,
  wantsToComplain,
} from "./flows/feedback-form.ts";
import { help } from "./flows/help.ts";
import { chooseLanguage, setLanguage } from "./flows/language.ts";
import { listMine, rateTicket, reopenTicket, showTicket, ticketStatusCommand } from "./flows/my-tickets.ts";
import { message, paragraph, result } from "./flows/reply.ts";
import { answerSmallTalk } from "./flows/small-talk.ts";
import {
  finishTopics,
  latestNews,
  pickTopics,
  subscribeAll,
  toggleTopic,
  unsubscribe,
} from "./flows/subscribe.ts";
import { vote } from "./flows/vote.ts";
import { voteWord } from "./flows/vote-words.ts";
import { comingSoon, menu, welcome } from "./flows/welcome.ts";
import type { Block, Choice, InboundEvent } from "./model.ts";
import type { ConversationState } from "./records.ts";
import { smallTalk } from "./small-talk.ts";
import { asksWhatIsMissing, cleanText, fold, hasWords, isGreeting, truncateWords } from "./text.ts";

/** The fields of an event the form does not read (text typed back is re-wrapped as an event). */
const EVENT_STUB = { address: "console:local", userId: "", receivedAt: 0 } as const;

/** Questions longer than this are answered from their beginning. */
export const MAX_QUESTION_LENGTH = 300;

/** Commands that later flows (feedback) will take over; announced as coming. */
const laterCommands = new Set(["phananh", "trangthai", "huy"]);

/** Whether answering this event may need the citizen's tickets (loaded only then). */
export function mayNeedTickets(event: InboundEvent, state: ConversationState): boolean {
  if (state.feedback !== undefined) return true;
  switch (event.kind) {
    case "command": {
      const name = event.command.toLowerCase();
      return name === "phananh" || name === "trangthai" || name === "huy";
    }
    case "choice":
      return /^(pa|pt):/.test(event.choiceId) || event.choiceId === "m:feedback";
    case "text": {
      const folded = fold(event.text);
      if (/^\/(phananh|trangthai)/.test(event.text.trim())) return true;
      if (state.offered.some((c) => /^(pa|pt):|^m:feedback$/.test(c.id))) return true;
      return /phan anh|khieu nai|gop y|kien nghi|to cao/.test(folded);
    }
    default:
      return false;
  }
}

const ANNOUNCEMENT_COMMANDS = new Set(["dangky", "huydangky", "tintuc"]);
const announcementChoice = (id: string) => id.startsWith("s:") || id === "m:subscribe";

/**
 * Whether answering this event may need the citizen's subscription and the latest announcements
 * (read only then: most events are questions and need neither).
 */
export function mayNeedAnnouncements(event: InboundEvent, state: ConversationState): boolean {
  switch (event.kind) {
    case "command":
      return ANNOUNCEMENT_COMMANDS.has(event.command.toLowerCase());
    case "choice":
      return announcementChoice(event.choiceId);
    case "text": {
      // A command typed as text, or a typed number or label picking a choice offered before.
      const typed = /^\s*\/(\w+)/.exec(event.text)?.[1]?.toLowerCase();
      if (typed !== undefined && ANNOUNCEMENT_COMMANDS.has(typed)) return true;
      return state.offered.some((c) => announcementChoice(c.id));
    }
    default:
      return false;
  }
}

export function step(state: ConversationState, event: InboundEvent, ctx: FlowContext): FlowResult {
  if (expiredForm(state, ctx)) {
    // A form left alone too long is dropped (never sent); say so, then answer the event as usual.
    const outcome = route({ ...state, feedback: undefined }, event, ctx);
    const notice = message([paragraph(ctx.tr("feedback.expired"))]);
    return { ...outcome, replies: [notice, ...outcome.replies] };
  }
  return route(state, event, ctx);
}

function route(state: ConversationState, event: InboundEvent, ctx: FlowContext): FlowResult {
  const form = activeForm(state, ctx);
  switch (event.kind) {
    case "start":
      return welcome(state, ctx, event.languageHint);
    case "command":
      return command(event.command, event.args, state, ctx);
    case "choice":
      return choice(event.choiceId, state, ctx);
    case "text":
      return text(event.text, state, ctx);
    case "photo":
      if (form) return feedbackInput(event, form, state, ctx);
      if (event.caption && hasWords(event.caption)) return text(event.caption, state, ctx);
      return result(state, [message([paragraph(ctx.tr("input.unsupported"))])]);
    case "unsupported":
      return result(state, [message([paragraph(ctx.tr("input.unsupported"))])]);
  }
}

function command(name: string, args: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const command = name.toLowerCase().replace(/^\//, "").replace(/@.*$/, "");
  switch (command) {
    case "start":
      return welcome(state, ctx);
    case "help":
      return help(state, ctx);
    case "hoso":
      return listChecklists(state, ctx);
    case "lang":
      return args.trim() ? setLanguage(args.trim().toLowerCase(), state, ctx) : chooseLanguage(state, ctx);
    case "dangky":
      return subscribeAll(state, ctx);
    case "huydangky":
      return unsubscribe(state, ctx);
    case "tintuc":
      return latestNews(state, ctx);
    case "phananh":
      if (ctx.hotline) return startFeedback(state, ctx);
      return comingSoon(state, ctx);
    case "trangthai":
      if (ctx.hotline) return ticketStatusCommand(args, state, ctx);
      return comingSoon(state, ctx);
    case "huy":
      if (ctx.hotline) return cancelFeedback(state, ctx);
      return comingSoon(state, ctx);
    default:
      if (laterCommands.has(command)) return comingSoon(state, ctx);
      return result(state, [
        message([
          paragraph(ctx.tr("input.unknownCommand", { command: `/${truncateWords(cleanText(command), 32)}` })),
        ]),
      ]);
  }
}

function choice(id: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const action = parseChoiceId(id);
  if (!action) return stale(state, ctx);
  return act(action, state, ctx);
}

function stale(state: ConversationState, ctx: FlowContext): FlowResult {
  return result(state, [message([paragraph(ctx.tr("choice.stale"))])]);
}

function act(action: ChoiceAction, state: ConversationState, ctx: FlowContext): FlowResult {
  switch (action.kind) {
    case "menu":
      if (action.item === "feedback" && ctx.hotline) return startFeedback(state, ctx);
      return menu(action.item, state, ctx);
    case "procedure":
      return pickProcedure(action.code, action.via, state, ctx);
    case "checklist":
      return action.caseIndex === undefined
        ? startChecklist(action.code, state, ctx)
        : checklistCase(action.code, action.caseIndex, state, ctx);
    case "tick":
      return tickPaper(action.code, action.caseIndex, action.paperIndex, state, ctx);
    case "checklistDelete":
      return deleteChecklist(action.code, state, ctx);
    case "fields":
      return browseFields(action.page, state, ctx);
    case "field":
      return browseField(action.slug, action.page, state, ctx);
    case "vote":
      return vote(action.code, action.vote, state, ctx);
    case "language":
      return setLanguage(action.locale, state, ctx);
    case "subscribe":
      return subscribeAll(state, ctx);
    case "topics":
      return pickTopics(state, ctx);
    case "topicToggle":
      return toggleTopic(action.topic, state, ctx);
    case "topicsDone":
      return finishTopics(state, ctx);
    case "unsubscribe":
      return unsubscribe(state, ctx);
    case "feedback":
      if (action.step.op === "mine") return ctx.hotline ? listMine(state, ctx) : stale(state, ctx);
      return (ctx.hotline && feedbackChoice(action.step, state, ctx)) || stale(state, ctx);
    case "ticket":
      if (!ctx.hotline) return stale(state, ctx);
      if (action.op === "rate") return rateTicket(action.code, action.score, state, ctx);
      if (action.op === "view") return showTicket(action.code, state, ctx);
      return reopenTicket(action.code, state, ctx);
  }
}

const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/**
 * The number a citizen typed to pick a choice: "2", "2.", and as people who rarely use a phone
 * write it, "số 2", "chọn 2 ạ", "cái thứ 2", "số hai" (a number word only after such a word).
 */
function typedNumber(text: string): number | null {
  const trimmed = text.trim().replace(/[.)]$/, "");
  if (/^\d{1,3}$/.test(trimmed)) return Number(trimmed);
  const match =
    /^(?<said>(?:(?:em |minh |toi )?chon |so |cai |muc |y )?(?:cai )?(?:thu |so )?)(?<word>\d{1,2}|[a-z]+)(?: (?:a|nhe|nha|ah|ak|ad|oi|ban))*$/.exec(
      fold(text),
    );
  if (!match?.groups) return null;
  const { said, word } = match.groups as { said: string; word: string };
  if (/^\d+$/.test(word)) return Number(word);
  // A number word is also a word ("ba" is a father, "năm" a year): only after "số", "chọn", "thứ"…
  return said !== "" ? (NUMBER_WORDS[word] ?? null) : null;
}

/** A typed number or label that names one of the choices offered last. */
export function resolveTypedChoice(text: string, offered: readonly Choice[]): Choice | "out-of-range" | null {
  if (offered.length === 0) return null;
  const number = typedNumber(text);
  if (number !== null) return offered[number - 1] ?? "out-of-range";
  const folded = fold(text);
  if (!folded) return null;
  return offered.find((item) => fold(item.label) === folded) ?? null;
}

function text(raw: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const cleaned = cleanText(raw);
  const open = activeForm(state, ctx);
  if (!cleaned && open) return feedbackInput({ kind: "text", text: "", ...EVENT_STUB }, open, state, ctx);
  if (!cleaned) return result(state, [message([paragraph(ctx.tr("input.empty"))])]);
  const typed = resolveTypedChoice(cleaned, state.offered);
  if (typed === "out-of-range") {
    const blocks: Block[] = [paragraph(pickNumberHint(ctx.tr, state.offered.length))];
    return result(state, [message(blocks, [...state.offered])]);
  }
  if (typed) return choice(typed.id, state, ctx);
  // "có ạ" / "không" to "was this helpful?", when its 👍/👎 are the choices on offer.
  const word = voteWord(cleaned);
  const voted =
    word && state.offered.find((offered) => offered.id.startsWith(word === "up" ? "v:u:" : "v:d:"));
  if (voted) return choice(voted.id, state, ctx);
  if (cleaned.startsWith("/")) {
    const [name = "", ...rest] = cleaned.slice(1).split(" ");
    return command(name, rest.join(" "), state, ctx);
  }
  const form = activeForm(state, ctx);
  if (form) return feedbackInput({ kind: "text", text: cleaned, ...EVENT_STUB }, form, state, ctx);
  if (!hasWords(cleaned)) return result(state, [message([paragraph(ctx.tr("input.noWords"))])]);
  if (ctx.hotline) {
    const folded = fold(cleaned);
    if (/^(xem )?(cac )?phan anh (cua toi|da gui)$/.test(folded)) return listMine(state, ctx);
    if (wantsToComplain(folded)) return startFeedback(state, ctx);
  }
  if (isGreeting(cleaned)) return welcome(state, ctx);
  const talk = smallTalk(cleaned);
  if (talk) return answerSmallTalk(talk, state, ctx);
  if (asksWhatIsMissing(cleaned)) return whatIsMissing(cleaned, state, ctx);
  if (cleaned.length > MAX_QUESTION_LENGTH) {
    return ask(truncateWords(cleaned, MAX_QUESTION_LENGTH), state, ctx, [paragraph(ctx.tr("input.tooLong"))]);
  }
  return ask(cleaned, state, ctx);
}
