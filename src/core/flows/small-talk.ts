/**
 * The answer to small talk (see ../small-talk.ts): a kind word, never "no procedure fits". Thanks,
 * "ok" and goodbye keep the conversation as it was, choices and procedure included, so "1" or
 * "phí bao nhiêu?" typed next still refer to the last answer. "Who are you?" says what the bot is,
 * that it is not an officer, and how to reach one, with the menu.
 */
import type { FlowContext, FlowResult } from "../flow.ts";
import type { ConversationState } from "../records.ts";
import type { SmallTalk } from "../small-talk.ts";
import { message, paragraph, result } from "./reply.ts";
import { menuChoices } from "./welcome.ts";

export function answerSmallTalk(talk: SmallTalk, state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  const { locality } = ctx.catalogue;
  if (talk === "who") {
    const blocks = [
      paragraph(tr("smallTalk.who", { locality: locality.name })),
      paragraph(tr("smallTalk.notOfficer", { hotline: locality.hotline })),
    ];
    return result(state, [message(blocks, menuChoices(ctx))]);
  }
  return { state, replies: [message([paragraph(tr(`smallTalk.${talk}`))])], effects: [] };
}
