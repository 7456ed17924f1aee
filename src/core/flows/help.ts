/** /help: how to ask, and the commands. */
import type { FlowContext, FlowResult } from "../flow.ts";
import type { ConversationState } from "../records.ts";
import { message, paragraph, result } from "./reply.ts";
import { menuChoices } from "./welcome.ts";

export function help(state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  const blocks = [
    { kind: "heading" as const, text: tr("help.title") },
    paragraph(tr("help.body")),
    paragraph(tr("help.tip")),
    paragraph(ctx.hotline ? `${tr("help.commands")}\n${tr("help.hotlineCommands")}` : tr("help.commands")),
  ];
  return result(state, [message(blocks, menuChoices(ctx))]);
}
