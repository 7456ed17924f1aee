/**
 * The citizen's own tickets: `/trangthai <code>`, "Phản ánh của tôi" (`/trangthai` alone), and, on
 * a closed ticket, the rating (1–5) and "not solved" (reopen within 7 days). Only tickets sent from
 * this chat are ever shown: another code reads as unknown. Staff identities are never shown.
 */
import { REOPEN_WINDOW_MS } from "../../tickets/lifecycle.ts";
import { normaliseTicketCode, type Ticket, vietnamDate } from "../../tickets/ticket.ts";
import { choiceId } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { Block, Choice, Reply } from "../model.ts";
import type { ConversationState } from "../records.ts";
import { message, paragraph, result } from "./reply.ts";

const MAX_LISTED = 10;

const shortDate = (at: number) => {
  const [y, m, d] = vietnamDate(at).split("-");
  return `${d}/${m}/${y}`;
};
const longDate = (date: string) => {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
};

function say(state: ConversationState, text: string): FlowResult {
  return result(state, [message([paragraph(text)])]);
}

/** `/trangthai [code]`. */
export function ticketStatusCommand(args: string, state: ConversationState, ctx: FlowContext): FlowResult {
  if (!ctx.hotline)
    return say(state, ctx.tr("feature.comingSoon", { hotline: ctx.catalogue.locality.hotline }));
  if (args.trim() === "") return listMine(state, ctx);
  const code = normaliseTicketCode(args);
  if (!code) return say(state, ctx.tr("myTickets.badCode"));
  return showTicket(code, state, ctx);
}

export function listMine(state: ConversationState, ctx: FlowContext): FlowResult {
  const tickets = ctx.hotline?.tickets ?? [];
  if (tickets.length === 0) return say(state, ctx.tr("myTickets.none"));
  const shown = tickets.slice(0, MAX_LISTED);
  const lines = shown.map((t) =>
    ctx.tr("myTickets.line", {
      code: t.code,
      status: ctx.tr(`ticket.status.${t.status}`),
      date: shortDate(t.createdAt),
    }),
  );
  const choices: Choice[] = shown.map((t) => ({
    id: choiceId({ kind: "ticket", op: "view", code: t.code }),
    label: t.code,
  }));
  return result(state, [
    message(
      [
        { kind: "heading", text: ctx.tr("myTickets.title") },
        { kind: "list", items: lines },
        paragraph(ctx.tr("myTickets.pick")),
      ],
      choices,
    ),
  ]);
}

function own(code: string, ctx: FlowContext): Ticket | undefined {
  return ctx.hotline?.tickets?.find((t) => t.code === code);
}

export function showTicket(code: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const ticket = own(code, ctx);
  if (!ticket) return say(state, ctx.tr("myTickets.notFound", { code }));
  const { tr } = ctx;
  const facts = [
    tr("myTickets.category", { category: tr(`ticket.category.${ticket.category}`) }),
    tr("myTickets.status", { status: tr(`ticket.status.${ticket.status}`) }),
    tr("myTickets.sentOn", { date: shortDate(ticket.createdAt) }),
    ...(ticket.status === "closed" || ticket.status === "answered"
      ? []
      : [tr("myTickets.dueBy", { date: longDate(ticket.dueDate) })]),
  ];
  const history = ticket.history
    .filter((h) => h.to !== undefined && h.action !== "created")
    .map((h) =>
      tr("myTickets.historyLine", {
        date: shortDate(h.at),
        status: tr(`ticket.status.${h.to ?? ticket.status}`),
      }),
    );
  const blocks: Block[] = [
    { kind: "heading", text: tr("myTickets.heading", { code }) },
    paragraph(facts.join("\n")),
  ];
  if (history.length > 0) blocks.push({ kind: "list", items: history });
  for (const answer of ticket.answers) {
    blocks.push(paragraph(tr("myTickets.answer", { date: shortDate(answer.at), text: answer.text })));
  }
  const choices: Choice[] = [];
  if (ticket.status === "closed") {
    if (!ticket.rating) {
      blocks.push(paragraph(tr("myTickets.askRating")));
      for (let score = 1; score <= 5; score++) {
        choices.push({
          id: choiceId({ kind: "ticket", op: "rate", code, score }),
          label: tr("myTickets.stars", { score }),
        });
      }
    } else {
      blocks.push(paragraph(tr("myTickets.rated", { score: ticket.rating.score })));
    }
    if (ticket.closedAt !== undefined && ctx.now - ticket.closedAt <= REOPEN_WINDOW_MS) {
      choices.push({
        id: choiceId({ kind: "ticket", op: "reopen", code }),
        label: tr("myTickets.reopenButton"),
      });
    }
  }
  return result(state, [message(blocks, choices)]);
}

/** A rating button: checked here against the loaded ticket, done by the assistant (effect). */
export function rateTicket(
  code: string,
  score: number,
  state: ConversationState,
  ctx: FlowContext,
): FlowResult {
  const ticket = own(code, ctx);
  if (!ticket) return say(state, ctx.tr("myTickets.notFound", { code }));
  if (ticket.rating) return say(state, ctx.tr("myTickets.rated", { score: ticket.rating.score }));
  return { state: { ...state, offered: [] }, replies: [], effects: [{ kind: "rateTicket", code, score }] };
}

export function reopenTicket(code: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const ticket = own(code, ctx);
  if (!ticket) return say(state, ctx.tr("myTickets.notFound", { code }));
  return { state: { ...state, offered: [] }, replies: [], effects: [{ kind: "reopenTicket", code }] };
}

/** The answer after the service ran a rating or a reopening. */
export function afterCitizenAction(
  kind: "rate" | "reopen",
  outcome: { ok: true; ticket: Ticket } | { ok: false; reason: string },
  ctx: Pick<FlowContext, "tr">,
): Reply[] {
  const { tr } = ctx;
  if (outcome.ok) {
    const text =
      kind === "rate"
        ? tr("myTickets.thanks", { score: outcome.ticket.rating?.score ?? 0 })
        : tr("myTickets.reopened", { code: outcome.ticket.code });
    return [message([paragraph(text)])];
  }
  const reason = outcome.reason;
  const text =
    reason === "too-late"
      ? tr("myTickets.tooLate")
      : reason === "already-rated"
        ? tr("myTickets.alreadyRated")
        : reason === "not-found"
          ? tr("myTickets.notFoundPlain")
          : tr("myTickets.notNow");
  return [message([paragraph(text)])];
}
