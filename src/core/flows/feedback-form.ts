/**
 * The feedback form (phản ánh, kiến nghị), a pure step machine kept in the conversation state:
 * category → procedure (optional, found with the search) → what happened → photo (optional) →
 * contact (a phone number or anonymous) → summary with the privacy notice → confirm or edit.
 * `/huy` cancels at any step; a form left alone expires; nothing is submitted without "Gửi".
 * The submission itself is an effect: the assistant stores the ticket and only then shows its code.
 */
import { FEEDBACK_CATEGORIES, type FeedbackChoice, type FeedbackField } from "../choice-id.ts";
import type { FlowContext, FlowResult, HotlineContext } from "../flow.ts";
import type { Block, Choice, InboundEvent } from "../model.ts";
import { normaliseVietnamesePhone } from "../phone.ts";
import type { ConversationState, FeedbackDraft } from "../records.ts";
import { cleanText, hasWords } from "../text.ts";
import { cancelChoice, formChoice as choice, summary } from "./feedback-summary.ts";
import { isNoAnswer } from "./no-answer.ts";
import { label, message, paragraph, result } from "./reply.ts";

type Step = FeedbackDraft["step"];

/** Whether the form is in progress and still fresh. */
export function activeForm(state: ConversationState, ctx: FlowContext): FeedbackDraft | undefined {
  const form = state.feedback;
  if (!form || !ctx.hotline) return undefined;
  return ctx.now - form.updatedAt > ctx.hotline.limits.formTtlMs ? undefined : form;
}

/** Whether a form was left alone too long (the router tells the citizen, then carries on without it). */
export function expiredForm(state: ConversationState, ctx: FlowContext): boolean {
  return state.feedback !== undefined && ctx.hotline !== undefined && activeForm(state, ctx) === undefined;
}

/** The words that start the form ("tôi muốn khiếu nại", "gửi phản ánh"), folded. */
export function wantsToComplain(folded: string): boolean {
  if (/\bthu tuc\b/.test(folded)) return false;
  return (
    /^(gui |muon |can |xin )?(phan anh|khieu nai|gop y|kien nghi|to cao)( voi co quan)?$/.test(folded) ||
    /\b(muon|can|xin|gui|de nghi)\b.*\b(phan anh|khieu nai|gop y|kien nghi)\b/.test(folded)
  );
}

/** Starts the form (the menu's "Gửi phản ánh", /phananh, or words), if the daily limit allows. */
export function startFeedback(state: ConversationState, ctx: FlowContext): FlowResult {
  const hotline = ctx.hotline;
  if (!hotline)
    return result(state, [
      message([paragraph(ctx.tr("feature.comingSoon", { hotline: ctx.catalogue.locality.hotline }))]),
    ]);
  if (hotline.submittedToday >= hotline.limits.maxPerDay) {
    return result({ ...state, feedback: undefined }, [
      message([
        paragraph(
          ctx.tr("feedback.limitReached", {
            max: hotline.limits.maxPerDay,
            hotline: ctx.catalogue.locality.hotline,
          }),
        ),
      ]),
    ]);
  }
  const form: FeedbackDraft = { step: "category", updatedAt: ctx.now };
  return prompt(state, form, ctx, [paragraph(ctx.tr("feedback.intro"))]);
}

/** `/huy`: drops the form; nothing was sent. */
export function cancelFeedback(state: ConversationState, ctx: FlowContext): FlowResult {
  const text = state.feedback ? ctx.tr("feedback.cancelled") : ctx.tr("feedback.nothingToCancel");
  return result({ ...state, feedback: undefined }, [message([paragraph(text)])]);
}

/** The question of a step, with its choices. */
function prompt(
  state: ConversationState,
  form: FeedbackDraft,
  ctx: FlowContext,
  before: Block[] = [],
): FlowResult {
  const { tr } = ctx;
  const limits = (ctx.hotline as HotlineContext).limits;
  const blocks: Block[] = [...before];
  let choices: Choice[] = [];
  switch (form.step) {
    case "category":
      blocks.push(paragraph(tr("feedback.askCategory")));
      choices = FEEDBACK_CATEGORIES.map((category) =>
        choice({ op: "category", category }, tr(`ticket.category.${category}`)),
      );
      if ((ctx.hotline?.tickets?.length ?? 0) > 0)
        choices.push(choice({ op: "mine" }, tr("feedback.mineButton")));
      break;
    case "procedure":
      blocks.push(paragraph(tr("feedback.askProcedure")));
      choices = [choice({ op: "skip" }, tr("feedback.skipProcedure"))];
      break;
    case "description":
      blocks.push(paragraph(tr("feedback.askDescription", { min: limits.minLength, max: limits.maxLength })));
      break;
    case "photo":
      blocks.push(paragraph(tr("feedback.askPhoto")));
      choices = [choice({ op: "skip" }, tr("feedback.noPhoto"))];
      break;
    case "contact":
      blocks.push(paragraph(tr("feedback.askContact")));
      choices = [choice({ op: "anonymous" }, tr("feedback.anonymousButton"))];
      break;
    case "edit":
      blocks.push(paragraph(tr("feedback.askEdit")));
      choices = (["category", "procedure", "description", "photo", "contact"] as const).map((field) =>
        choice({ op: "edit", field }, tr(`feedback.field.${field}`)),
      );
      break;
    case "confirm":
      return summary(state, form, ctx, before);
  }
  choices.push(cancelChoice(ctx));
  return result({ ...state, feedback: { ...form, updatedAt: ctx.now } }, [message(blocks, choices)]);
}

/** After a step is answered: the next step, or back to the summary when editing. */
function advance(state: ConversationState, form: FeedbackDraft, ctx: FlowContext, next: Step): FlowResult {
  const step: Step = form.editing ? "confirm" : next;
  return prompt(state, { ...form, step }, ctx);
}

function again(state: ConversationState, form: FeedbackDraft, ctx: FlowContext, text: string): FlowResult {
  return prompt(state, form, ctx, [paragraph(text)]);
}

/** A button of the form. Buttons of a form that is gone (sent, cancelled, expired) are stale. */
export function feedbackChoice(
  step: FeedbackChoice,
  state: ConversationState,
  ctx: FlowContext,
): FlowResult | null {
  if (step.op === "cancel") return cancelFeedback(state, ctx);
  const form = activeForm(state, ctx);
  if (!form) return null;
  switch (step.op) {
    case "category":
      if (form.step !== "category") return null;
      return advance(state, { ...form, category: step.category }, ctx, "procedure");
    case "procedure": {
      if (form.step !== "procedure") return null;
      const procedure = ctx.catalogue.byCode.get(step.code);
      if (!procedure) return null;
      return advance(
        state,
        { ...form, procedure: { code: procedure.code, name: procedure.name } },
        ctx,
        "description",
      );
    }
    case "skip":
      if (form.step === "procedure") return advance(state, { ...form, procedure: null }, ctx, "description");
      if (form.step === "photo") return advance(state, { ...form, photo: null }, ctx, "contact");
      return null;
    case "anonymous":
      if (form.step !== "contact") return null;
      return advance(state, { ...form, contact: { kind: "anonymous" } }, ctx, "confirm");
    case "edit":
      if (form.step !== "confirm" && form.step !== "edit") return null;
      if (step.field === undefined) return prompt(state, { ...form, step: "edit" }, ctx);
      return prompt(state, { ...form, step: step.field, editing: true }, ctx);
    case "send": {
      if (form.step !== "confirm" || !form.category || !form.description || !form.contact) return null;
      const hotline = ctx.hotline as HotlineContext;
      if (hotline.submittedToday >= hotline.limits.maxPerDay) {
        return result({ ...state, feedback: undefined }, [
          message([
            paragraph(
              ctx.tr("feedback.limitReached", {
                max: hotline.limits.maxPerDay,
                hotline: ctx.catalogue.locality.hotline,
              }),
            ),
          ]),
        ]);
      }
      const draft = {
        category: form.category,
        description: form.description,
        contact: form.contact,
        ...(form.procedure !== undefined && { procedure: form.procedure }),
        ...(form.photo !== undefined && { photo: form.photo }),
      };
      // The form is cleared only if the ticket is stored: the assistant saves the state after the effect.
      return {
        state: { ...state, feedback: undefined, offered: [] },
        replies: [],
        effects: [{ kind: "submitTicket", draft }],
      };
    }
    case "mine":
      return null;
  }
}

/** Text or a photo while the form is open: the answer to the current step. */
export function feedbackInput(
  event: Extract<InboundEvent, { kind: "text" | "photo" }>,
  form: FeedbackDraft,
  state: ConversationState,
  ctx: FlowContext,
): FlowResult {
  const { tr } = ctx;
  const limits = (ctx.hotline as HotlineContext).limits;
  const text = cleanText(event.kind === "text" ? event.text : (event.caption ?? ""));
  switch (form.step) {
    case "category":
    case "edit":
    case "confirm":
      return again(state, form, ctx, tr("feedback.pickOne"));
    case "procedure": {
      if (!hasWords(text)) return again(state, form, ctx, tr("feedback.procedureWords"));
      const found = ctx.search.search(text.slice(0, 300));
      const candidates = found.candidates.filter((c) => ctx.catalogue.byCode.has(c.code)).slice(0, 5);
      if (candidates.length === 0) return again(state, form, ctx, tr("feedback.procedureNone"));
      const choices = candidates.map((c) =>
        choice({ op: "procedure", code: c.code }, label(ctx.catalogue.byCode.get(c.code)?.name ?? c.name)),
      );
      choices.push(choice({ op: "skip" }, tr("feedback.procedureNotListed")), cancelChoice(ctx));
      return result({ ...state, feedback: { ...form, updatedAt: ctx.now } }, [
        message([paragraph(tr("feedback.procedurePick"))], choices),
      ]);
    }
    case "description": {
      if (event.kind === "photo" && text.length === 0)
        return again(state, form, ctx, tr("feedback.descriptionFirst"));
      const problem =
        text.length === 0 || !hasWords(text)
          ? tr("feedback.descriptionEmpty")
          : text.length < limits.minLength
            ? tr("feedback.descriptionShort", { min: limits.minLength })
            : text.length > limits.maxLength
              ? tr("feedback.descriptionLong", { max: limits.maxLength, length: text.length })
              : null;
      if (problem) return again(state, form, ctx, problem);
      const withText = { ...form, description: text };
      // A photo sent with its caption as the description answers the photo step too.
      if (event.kind === "photo") {
        const photo = acceptPhoto(event, limits.maxPhotoBytes);
        if (photo === "too-big") return advance(state, withText, ctx, "photo");
        return advance(state, { ...withText, photo }, ctx, "contact");
      }
      return advance(state, withText, ctx, "photo");
    }
    case "photo": {
      if (event.kind !== "photo") {
        // "không" to "Do you have a photo?" means no photo, as the choice would.
        if (isNoAnswer(text)) return advance(state, { ...form, photo: null }, ctx, "contact");
        return again(state, form, ctx, tr("feedback.photoExpected"));
      }
      const photo = acceptPhoto(event, limits.maxPhotoBytes);
      if (photo === "too-big") {
        return again(
          state,
          form,
          ctx,
          tr("feedback.photoTooBig", { mb: Math.floor(limits.maxPhotoBytes / (1024 * 1024)) }),
        );
      }
      return advance(state, { ...form, photo }, ctx, "contact");
    }
    case "contact": {
      if (event.kind === "photo") return again(state, form, ctx, tr("feedback.phoneInvalid"));
      const phone = normaliseVietnamesePhone(text);
      if (!phone) return again(state, form, ctx, tr("feedback.phoneInvalid"));
      return advance(state, { ...form, contact: { kind: "phone", phone } }, ctx, "confirm");
    }
  }
}

function acceptPhoto(
  event: Extract<InboundEvent, { kind: "photo" }>,
  maxBytes: number,
): { fileId?: string; url?: string; bytes?: number } | "too-big" {
  const { photo } = event;
  if (photo.bytes !== undefined && photo.bytes > maxBytes) return "too-big";
  return {
    ...(photo.fileId !== undefined && { fileId: photo.fileId }),
    ...(photo.url !== undefined && { url: photo.url }),
    ...(photo.bytes !== undefined && { bytes: photo.bytes }),
  };
}

export { submitted } from "./feedback-summary.ts";
export type { FeedbackField };
