/**
 * The feedback form's last step and its outcome: the summary with the privacy notice (what is kept,
 * who sees it, for how long) and Send / Edit / Cancel; then, once the ticket is stored, its code
 * and the date of the answer.
 */
import { choiceId, type FeedbackChoice } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { Block, Choice, Reply } from "../model.ts";
import type { ConversationState, FeedbackDraft } from "../records.ts";
import { message, paragraph, result } from "./reply.ts";

export const formChoice = (step: FeedbackChoice, text: string): Choice => ({
  id: choiceId({ kind: "feedback", step }),
  label: text,
});
export const cancelChoice = (ctx: FlowContext) =>
  formChoice({ op: "cancel" }, ctx.tr("feedback.cancelButton"));
const choice = formChoice;

/** The summary with the privacy notice, and Send / Edit / Cancel. */
export function summary(
  state: ConversationState,
  form: FeedbackDraft,
  ctx: FlowContext,
  before: Block[],
): FlowResult {
  const { tr } = ctx;
  const lines = [
    tr("feedback.summary.category", { category: tr(`ticket.category.${form.category ?? "khac"}`) }),
    tr("feedback.summary.procedure", {
      procedure: form.procedure ? form.procedure.name : tr("feedback.summary.none"),
    }),
    tr("feedback.summary.description", { text: form.description ?? "" }),
    tr("feedback.summary.photo", {
      photo: form.photo ? tr("feedback.summary.photoYes") : tr("feedback.summary.none"),
    }),
    form.contact?.kind === "phone"
      ? tr("feedback.summary.phone", { phone: form.contact.phone })
      : tr("feedback.summary.anonymous"),
  ];
  const locality = ctx.catalogue.locality;
  const privacy = [
    tr("feedback.privacy.kept"),
    tr("feedback.privacy.who", { locality: locality.name }),
    tr("feedback.privacy.howLong", { months: locality.feedbackRetentionMonths }),
    ...(form.contact?.kind === "anonymous" ? [tr("feedback.privacy.anonymous")] : []),
  ];
  const blocks: Block[] = [
    ...before,
    { kind: "heading", text: tr("feedback.summary.title") },
    paragraph(lines.join("\n")),
    { kind: "heading", text: tr("feedback.privacy.title") },
    paragraph(privacy.join(" ")),
    paragraph(tr("feedback.askConfirm")),
  ];
  const choices = [
    choice({ op: "send" }, tr("feedback.sendButton")),
    choice({ op: "edit" }, tr("feedback.editButton")),
    cancelChoice(ctx),
  ];
  return result({ ...state, feedback: { ...form, step: "confirm", editing: false, updatedAt: ctx.now } }, [
    message(blocks, choices),
  ]);
}

/** What the citizen sees once the ticket is stored: its code and the date of the answer. */
export function submitted(ticket: { code: string; dueDate: string }, ctx: Pick<FlowContext, "tr">): Reply[] {
  const [y, m, d] = ticket.dueDate.split("-");
  return [
    message([
      paragraph(ctx.tr("feedback.sent", { code: ticket.code })),
      paragraph(ctx.tr("feedback.due", { date: `${d}/${m}/${y}` })),
      paragraph(ctx.tr("feedback.howToFollow", { code: ticket.code })),
    ]),
  ];
}
