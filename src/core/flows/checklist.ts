/**
 * The interactive checklist: from a card, pick the case that applies, then tick the papers already
 * at hand. Saved per citizen (30 days); "còn thiếu gì" and /hoso bring it back at any time.
 */
import type { Procedure } from "../../catalogue/schema.ts";
import { describePaper, caseTitle as titleOf } from "../card/render-card.ts";
import { choiceId } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { Block, Choice } from "../model.ts";
import type { ConversationState, SavedChecklist } from "../records.ts";
import { fold } from "../text.ts";
import { label, message, paragraph, result } from "./reply.ts";

function gone(state: ConversationState, ctx: FlowContext): FlowResult {
  return result(state, [message([paragraph(ctx.tr("procedure.gone"))])]);
}

function stale(state: ConversationState, ctx: FlowContext): FlowResult {
  return result(state, [message([paragraph(ctx.tr("choice.stale"))])]);
}

function caseTitle(procedure: Procedure, caseIndex: number, ctx: FlowContext): string {
  return titleOf(procedure.cases[caseIndex]?.title ?? null, caseIndex, ctx.tr);
}

/** "Chuẩn bị hồ sơ": pick the case, or open the only one. */
export function startChecklist(code: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const procedure = ctx.catalogue.byCode.get(code);
  if (!procedure) return gone(state, ctx);
  const withPapers = procedure.cases
    .map((procedureCase, index) => ({ procedureCase, index }))
    .filter(({ procedureCase }) => procedureCase.papers.length > 0);
  if (withPapers.length === 0) {
    return result(state, [
      message([
        paragraph(ctx.tr("checklist.noPapers")),
        { kind: "link", label: ctx.tr("card.officialLink"), url: procedure.source.url },
      ]),
    ]);
  }
  if (withPapers.length === 1 && withPapers[0]) return checklistCase(code, withPapers[0].index, state, ctx);
  const choices: Choice[] = withPapers.map(({ index }) => ({
    id: choiceId({ kind: "checklist", code, caseIndex: index }),
    label: label(caseTitle(procedure, index, ctx)),
  }));
  const blocks: Block[] = [
    { kind: "heading", text: procedure.name },
    paragraph(ctx.tr("checklist.pickCase")),
    { kind: "list", items: withPapers.map(({ index }) => caseTitle(procedure, index, ctx)), ordered: true },
  ];
  return result(state, [message(blocks, choices)]);
}

function savedFor(code: string, ctx: FlowContext): SavedChecklist | undefined {
  return ctx.checklists.items.find((item) => item.code === code);
}

/** Opens (or creates) the checklist of one case. */
export function checklistCase(
  code: string,
  caseIndex: number,
  state: ConversationState,
  ctx: FlowContext,
): FlowResult {
  const procedure = ctx.catalogue.byCode.get(code);
  if (!procedure) return gone(state, ctx);
  const procedureCase = procedure.cases[caseIndex];
  if (!procedureCase || procedureCase.papers.length === 0) return stale(state, ctx);
  const previous = savedFor(code, ctx);
  const checklist: SavedChecklist =
    previous && previous.caseIndex === caseIndex
      ? { ...previous, updatedAt: ctx.now }
      : { code, caseIndex, have: [], updatedAt: ctx.now };
  return result(state, [checklistView(procedure, checklist, ctx)], [{ kind: "saveChecklist", checklist }]);
}

/** Ticks or unticks a paper. */
export function tickPaper(
  code: string,
  caseIndex: number,
  paperIndex: number,
  state: ConversationState,
  ctx: FlowContext,
): FlowResult {
  const procedure = ctx.catalogue.byCode.get(code);
  if (!procedure) return gone(state, ctx);
  const papers = procedure.cases[caseIndex]?.papers ?? [];
  if (paperIndex >= papers.length) return stale(state, ctx);
  const previous = savedFor(code, ctx);
  const have = previous && previous.caseIndex === caseIndex ? previous.have : [];
  const next = have.includes(paperIndex)
    ? have.filter((index) => index !== paperIndex)
    : [...have, paperIndex].sort((a, b) => a - b);
  const checklist: SavedChecklist = { code, caseIndex, have: next, updatedAt: ctx.now };
  return result(state, [checklistView(procedure, checklist, ctx)], [{ kind: "saveChecklist", checklist }]);
}

export function deleteChecklist(code: string, state: ConversationState, ctx: FlowContext): FlowResult {
  return result(
    state,
    [message([paragraph(ctx.tr("checklist.deleted"))])],
    [{ kind: "deleteChecklist", code }],
  );
}

function missingPapers(procedure: Procedure, checklist: SavedChecklist, ctx: FlowContext): string[] {
  const papers = procedure.cases[checklist.caseIndex]?.papers ?? [];
  return papers
    .filter((_, index) => !checklist.have.includes(index))
    .map((paper) => describePaper(paper, ctx.tr));
}

/** The checklist as a message: ticks, what is missing, one button per paper. */
export function checklistView(procedure: Procedure, checklist: SavedChecklist, ctx: FlowContext) {
  const { tr } = ctx;
  const papers = procedure.cases[checklist.caseIndex]?.papers ?? [];
  const blocks: Block[] = [{ kind: "heading", text: tr("checklist.title", { name: procedure.name }) }];
  if (procedure.cases.length > 1) {
    blocks.push(paragraph(tr("card.case", { title: caseTitle(procedure, checklist.caseIndex, ctx) })));
  }
  blocks.push({
    kind: "checklist",
    items: papers.map((paper, index) => ({
      text: describePaper(paper, ctx.tr),
      done: checklist.have.includes(index),
    })),
  });
  const missing = missingPapers(procedure, checklist, ctx);
  if (missing.length === 0) blocks.push(paragraph(tr("checklist.complete")));
  else blocks.push(paragraph(tr("checklist.instructions")));
  blocks.push(paragraph(tr("checklist.saved")));
  const choices: Choice[] = papers.map((paper, index) => ({
    id: choiceId({ kind: "tick", code: procedure.code, caseIndex: checklist.caseIndex, paperIndex: index }),
    label: label(
      tr(checklist.have.includes(index) ? "checklist.done" : "checklist.todo", { name: paper.name }),
    ),
  }));
  choices.push({
    id: choiceId({ kind: "checklistDelete", code: procedure.code }),
    label: tr("checklist.delete"),
  });
  return message(blocks, choices);
}

/** The citizen's saved checklists whose procedure and case still exist. */
function usable(ctx: FlowContext): { procedure: Procedure; checklist: SavedChecklist }[] {
  const list: { procedure: Procedure; checklist: SavedChecklist }[] = [];
  for (const checklist of ctx.checklists.items) {
    const procedure = ctx.catalogue.byCode.get(checklist.code);
    if (procedure?.cases[checklist.caseIndex]) list.push({ procedure, checklist });
  }
  return list.sort((a, b) => b.checklist.updatedAt - a.checklist.updatedAt);
}

/** /hoso: the saved checklists, each with what is still missing. */
export function listChecklists(state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  const saved = usable(ctx);
  if (saved.length === 0) return result(state, [message([paragraph(tr("checklist.none"))])]);
  const items = saved.map(({ procedure, checklist }) => {
    const total = procedure.cases[checklist.caseIndex]?.papers.length ?? 0;
    return tr("checklist.listItem", {
      name: procedure.name,
      missing: missingPapers(procedure, checklist, ctx).length,
      total,
    });
  });
  const choices: Choice[] = saved.map(({ procedure, checklist }) => ({
    id: choiceId({ kind: "checklist", code: procedure.code, caseIndex: checklist.caseIndex }),
    label: label(procedure.name),
  }));
  return result(state, [message([paragraph(tr("checklist.listTitle")), { kind: "list", items }], choices)]);
}

/**
 * "còn thiếu gì" / "còn thiếu giấy tờ khai sinh": what is missing, for the checklist the words name
 * (matched against the procedure names), or for every saved checklist.
 */
export function whatIsMissing(text: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  const saved = usable(ctx);
  if (saved.length === 0) return result(state, [message([paragraph(tr("checklist.none"))])]);
  const words = fold(text)
    .replace(/^(toi |minh |em )?con thieu\b/, "")
    .split(" ")
    .filter((word) => word.length > 2 && !["gi", "nao", "giay", "cho", "nua", "khong", "the"].includes(word));
  const named =
    words.length > 0
      ? saved.filter(({ procedure }) => words.every((word) => fold(procedure.name).includes(word)))
      : [];
  const shown = named.length > 0 ? named : saved;
  const blocks: Block[] = [];
  const choices: Choice[] = [];
  for (const { procedure, checklist } of shown) {
    const missing = missingPapers(procedure, checklist, ctx);
    blocks.push({ kind: "heading", text: procedure.name });
    if (missing.length === 0) blocks.push(paragraph(tr("checklist.complete")));
    else blocks.push(paragraph(tr("checklist.missing")), { kind: "list", items: missing });
    choices.push({
      id: choiceId({ kind: "checklist", code: procedure.code, caseIndex: checklist.caseIndex }),
      label: label(`${tr("checklist.show")}: ${procedure.name}`),
    });
  }
  return result(state, [message(blocks, choices)]);
}
