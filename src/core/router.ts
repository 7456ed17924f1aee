/**
 * The conversation's top-level step: one event and the conversation state in, the next state,
 * replies and effects out. Pure; the assistant runs it and carries out the effects.
 */
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
import { help } from "./flows/help.ts";
import { chooseLanguage, setLanguage } from "./flows/language.ts";
import { message, paragraph, result } from "./flows/reply.ts";
import { vote } from "./flows/vote.ts";
import { comingSoon, menu, welcome } from "./flows/welcome.ts";
import type { Block, Choice, InboundEvent } from "./model.ts";
import type { ConversationState } from "./records.ts";
import { asksWhatIsMissing, cleanText, fold, hasWords, isGreeting, truncateWords } from "./text.ts";

/** Questions longer than this are answered from their beginning. */
export const MAX_QUESTION_LENGTH = 300;

/** Commands that later flows (feedback, announcements) will take over; announced as coming. */
const laterCommands = new Set(["phananh", "trangthai", "dangky", "huydangky", "tintuc", "huy"]);

export function step(state: ConversationState, event: InboundEvent, ctx: FlowContext): FlowResult {
  switch (event.kind) {
    case "start":
      return welcome(state, ctx);
    case "command":
      return command(event.command, event.args, state, ctx);
    case "choice":
      return choice(event.choiceId, state, ctx);
    case "text":
      return text(event.text, state, ctx);
    case "photo":
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
  }
}

/** A typed number or label that names one of the choices offered last. */
export function resolveTypedChoice(text: string, offered: readonly Choice[]): Choice | "out-of-range" | null {
  if (offered.length === 0) return null;
  const trimmed = text.trim().replace(/[.)]$/, "");
  if (/^\d{1,3}$/.test(trimmed)) {
    const picked = offered[Number(trimmed) - 1];
    return picked ?? "out-of-range";
  }
  const folded = fold(text);
  if (!folded) return null;
  return offered.find((item) => fold(item.label) === folded) ?? null;
}

function text(raw: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const cleaned = cleanText(raw);
  if (!cleaned) return result(state, [message([paragraph(ctx.tr("input.empty"))])]);
  const typed = resolveTypedChoice(cleaned, state.offered);
  if (typed === "out-of-range") {
    const blocks: Block[] = [paragraph(ctx.tr("input.pickNumber", { max: state.offered.length }))];
    return result(state, [message(blocks, [...state.offered])]);
  }
  if (typed) return choice(typed.id, state, ctx);
  if (!hasWords(cleaned)) return result(state, [message([paragraph(ctx.tr("input.noWords"))])]);
  if (cleaned.startsWith("/")) {
    const [name = "", ...rest] = cleaned.slice(1).split(" ");
    return command(name, rest.join(" "), state, ctx);
  }
  if (isGreeting(cleaned)) return welcome(state, ctx);
  if (asksWhatIsMissing(cleaned)) return whatIsMissing(cleaned, state, ctx);
  if (cleaned.length > MAX_QUESTION_LENGTH) {
    return ask(truncateWords(cleaned, MAX_QUESTION_LENGTH), state, ctx, [paragraph(ctx.tr("input.tooLong"))]);
  }
  return ask(cleaned, state, ctx);
}
