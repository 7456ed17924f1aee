/**
 * Ask in any words: the search decides whether to answer with a card, ask which procedure was meant,
 * or say that nothing fits (and log the question for staff).
 */
import type { Procedure } from "../../catalogue/schema.ts";
import type { Aspect, SearchResult } from "../../search/types.ts";
import { type CardContext, renderAspect, renderCard } from "../card/render-card.ts";
import { choiceId, type ProcedureVia } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { Block, Choice } from "../model.ts";
import type { ConversationState } from "../records.ts";
import { label, message, paragraph, result } from "./reply.ts";

const MAX_CANDIDATES = 5;
const MAX_RELATED_CHOICES = 3;

/** Answers a cleaned question (already trimmed to a reasonable length). */
export function ask(
  question: string,
  state: ConversationState,
  ctx: FlowContext,
  notes: Block[] = [],
): FlowResult {
  const found: SearchResult = ctx.search.search(question);
  const topic = state.topic === undefined ? undefined : ctx.catalogue.byCode.get(state.topic);
  if (found.followUp && found.aspect) {
    // Whatever the index found for a question that names no procedure, it was not asked for.
    return topic
      ? followUp(topic, found.aspect, state, ctx, notes)
      : askWhich(found.aspect, state, ctx, notes);
  }
  const candidates = found.candidates.filter((candidate) => ctx.catalogue.byCode.has(candidate.code));
  if (found.decision === "answer" && found.answer && ctx.catalogue.byCode.has(found.answer)) {
    const score = found.candidates.find((candidate) => candidate.code === found.answer)?.score ?? null;
    return showProcedure(found.answer, found.aspect, { decision: "answer", score }, state, ctx, notes);
  }
  if (found.decision !== "none" && candidates.length > 0) {
    return clarify(found.aspect, candidates.slice(0, MAX_CANDIDATES), state, ctx, notes);
  }
  return nothingFits(question, found, state, ctx, notes);
}

/** A question about one aspect of the procedure answered last ("phí bao nhiêu?"): that part only. */
function followUp(
  procedure: Procedure,
  aspect: Aspect,
  state: ConversationState,
  ctx: FlowContext,
  notes: Block[],
): FlowResult {
  const { tr } = ctx;
  const blocks: Block[] = [
    ...notes,
    paragraph(tr("followUp.about", { name: procedure.name, code: procedure.code })),
    ...renderAspect(procedure, aspect, cardContext(ctx)),
    paragraph(tr("followUp.other")),
  ];
  const choices: Choice[] = [
    { id: choiceId({ kind: "procedure", code: procedure.code }), label: tr("followUp.fullCard") },
    ...prepareChoice(procedure, ctx),
  ];
  return result(state, [message(blocks, choices)]);
}

/**
 * A question about an aspect ("lệ phí bao nhiêu?") with no procedure to be about: which one? Right
 * after "which procedure do you mean?", the same candidates again, now for this aspect.
 */
function askWhich(aspect: Aspect, state: ConversationState, ctx: FlowContext, notes: Block[]): FlowResult {
  const candidates = state.clarify?.candidates ?? [];
  const offeredAgain = state.offered.filter((offered) =>
    candidates.some(
      (candidate) => offered.id === choiceId({ kind: "procedure", code: candidate.code, via: "clarify" }),
    ),
  );
  if (offeredAgain.length > 0) {
    return result(state, [message([...notes, paragraph(ctx.tr("clarify.question"))], offeredAgain)], [], {
      clarify: { aspect, candidates },
    });
  }
  const blocks: Block[] = [...notes, paragraph(ctx.tr("followUp.which"))];
  const choices: Choice[] = [
    { id: choiceId({ kind: "menu", item: "lookup" }), label: ctx.tr("menu.lookup") },
  ];
  return result(state, [message(blocks, choices)]);
}

/** "Chuẩn bị hồ sơ", when the record lists papers to prepare. */
function prepareChoice(procedure: Procedure, ctx: FlowContext): Choice[] {
  return procedure.cases.some((procedureCase) => procedureCase.papers.length > 0)
    ? [{ id: choiceId({ kind: "checklist", code: procedure.code }), label: ctx.tr("card.prepare") }]
    : [];
}

function cardContext(ctx: FlowContext): CardContext {
  return {
    locale: ctx.locale,
    tr: ctx.tr,
    locality: ctx.catalogue.locality,
    nameOf: (other) => ctx.catalogue.byCode.get(other)?.name,
  };
}

function clarify(
  aspect: Aspect | null,
  candidates: { code: string; score: number }[],
  state: ConversationState,
  ctx: FlowContext,
  notes: Block[],
): FlowResult {
  const choices: Choice[] = [];
  for (const candidate of candidates) {
    const procedure = ctx.catalogue.byCode.get(candidate.code);
    if (procedure) {
      choices.push({
        id: choiceId({ kind: "procedure", code: candidate.code, via: "clarify" }),
        label: label(procedure.name),
      });
    }
  }
  const blocks: Block[] = [
    ...notes,
    paragraph(ctx.tr("clarify.question")),
    paragraph(ctx.tr("clarify.none")),
  ];
  return result(state, [message(blocks, choices)], [], {
    clarify: { aspect, candidates: candidates.map(({ code, score }) => ({ code, score })) },
    topic: undefined,
  });
}

function nothingFits(
  question: string,
  found: SearchResult,
  state: ConversationState,
  ctx: FlowContext,
  notes: Block[],
): FlowResult {
  const { tr } = ctx;
  const blocks: Block[] = [
    ...notes,
    paragraph(tr("none.apology")),
    paragraph(tr("none.tip")),
    paragraph(tr("none.hotline", { hotline: ctx.catalogue.locality.hotline })),
  ];
  const choices: Choice[] = [
    { id: choiceId({ kind: "menu", item: "feedback" }), label: tr("none.feedback") },
  ];
  return result(
    state,
    [message(blocks, choices)],
    [{ kind: "logUnanswered", question, candidates: found.candidates.map((candidate) => candidate.code) }],
    { topic: undefined },
  );
}

export interface AnswerOrigin {
  decision: "answer" | "clarify" | "browse" | "direct";
  score: number | null;
}

/** A procedure picked from a choice: keeps the aspect and score when it was one of the candidates. */
export function pickProcedure(
  code: string,
  via: ProcedureVia | undefined,
  state: ConversationState,
  ctx: FlowContext,
): FlowResult {
  if (!ctx.catalogue.byCode.has(code)) {
    return result(state, [message([paragraph(ctx.tr("procedure.gone"))])]);
  }
  const candidate = state.clarify?.candidates.find((item) => item.code === code);
  if (via === "clarify" && candidate) {
    const aspect = (state.clarify?.aspect ?? null) as Aspect | null;
    return showProcedure(code, aspect, { decision: "clarify", score: candidate.score }, state, ctx);
  }
  const decision = via === "browse" ? "browse" : via === "clarify" ? "clarify" : "direct";
  return showProcedure(code, null, { decision, score: null }, state, ctx);
}

/** The card, with its choices: prepare the papers, bundles and related procedures, 👍/👎. */
export function showProcedure(
  code: string,
  aspect: Aspect | null,
  origin: AnswerOrigin,
  state: ConversationState,
  ctx: FlowContext,
  notes: Block[] = [],
): FlowResult {
  const procedure = ctx.catalogue.byCode.get(code);
  if (!procedure) return result(state, [message([paragraph(ctx.tr("procedure.gone"))])]);
  const { tr } = ctx;
  const blocks: Block[] = [...notes, ...renderCard(procedure, aspect, cardContext(ctx))];
  const choices: Choice[] = prepareChoice(procedure, ctx);
  blocks.push(...linked(procedure, choices, ctx));
  blocks.push(paragraph(tr("vote.question")));
  choices.push(
    { id: choiceId({ kind: "vote", vote: "up", code }), label: tr("vote.up") },
    { id: choiceId({ kind: "vote", vote: "down", code }), label: tr("vote.down") },
  );
  return result(state, [message(blocks, choices)], [], {
    lastAnswer: { code, decision: origin.decision, score: origin.score, voted: false },
    topic: code,
  });
}

/** Replacements of a repealed procedure, liên thông bundles, related procedures: said and offered. */
function linked(procedure: Procedure, choices: Choice[], ctx: FlowContext): Block[] {
  const { tr, catalogue } = ctx;
  const blocks: Block[] = [];
  /** Offers `codes` as choices; with an intro, also says so in the card (once, as one list). */
  const offer = (codes: readonly string[], intro: string | null) => {
    const present = codes
      .filter((code) => code !== procedure.code && catalogue.byCode.has(code))
      .filter((code) => !choices.some((choice) => choice.id.startsWith(`p:${code}`)))
      .slice(0, MAX_RELATED_CHOICES);
    if (present.length === 0) return;
    const items: string[] = [];
    for (const code of present) {
      const name = catalogue.byCode.get(code)?.name ?? code;
      choices.push({ id: choiceId({ kind: "procedure", code, via: "related" }), label: label(name) });
      items.push(`${name} (${code})`);
    }
    if (intro) blocks.push(paragraph(intro), { kind: "list", items });
  };
  // The card already names the replacements of a repealed procedure: only offer them.
  if (procedure.status.state === "repealed") offer(procedure.status.replacedBy ?? [], null);
  offer(procedure.bundles, tr("card.bundle"));
  offer(procedure.related, tr("card.related"));
  return blocks;
}
