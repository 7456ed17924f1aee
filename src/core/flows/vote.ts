/** 👍/👎 after an answer, recorded once per answer with how the answer was found. */
import type { FlowContext, FlowResult } from "../flow.ts";
import type { ConversationState } from "../records.ts";
import { message, paragraph, result } from "./reply.ts";

export function vote(
  code: string,
  value: "up" | "down",
  state: ConversationState,
  ctx: FlowContext,
): FlowResult {
  const { tr } = ctx;
  const thanks =
    value === "up" ? tr("vote.thanksUp") : tr("vote.thanksDown", { hotline: ctx.catalogue.locality.hotline });
  const replies = [message([paragraph(thanks)])];
  const last = state.lastAnswer;
  if (last?.code === code && last.voted) return result(state, replies);
  if (!ctx.catalogue.byCode.has(code) && last?.code !== code) {
    return result(state, [message([paragraph(tr("choice.stale"))])]);
  }
  const origin = last?.code === code ? last : { decision: "direct" as const, score: null };
  return result(
    state,
    replies,
    [{ kind: "recordVote", code, vote: value, decision: origin.decision, score: origin.score }],
    last?.code === code ? { lastAnswer: { ...last, voted: true } } : {},
  );
}
