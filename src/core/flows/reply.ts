/** Helpers shared by the flows to build replies and remember the choices offered. */

import type { Effect, FlowResult } from "../flow.ts";
import type { Block, Choice, Reply } from "../model.ts";
import type { ConversationState } from "../records.ts";

export const MAX_LABEL_LENGTH = 60;

export function message(blocks: Block[], choices?: Choice[]): Reply {
  return choices && choices.length > 0 ? { kind: "message", blocks, choices } : { kind: "message", blocks };
}

export function paragraph(text: string): Block {
  return { kind: "paragraph", text };
}

/** A button label: one line, at most MAX_LABEL_LENGTH characters. */
export function label(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= MAX_LABEL_LENGTH ? line : `${line.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…`;
}

/**
 * The result of a step. The choices of the last reply that has some are remembered in the state, so
 * a number or a label typed back (channels without buttons) resolves to that choice. Flows put all
 * of a step's choices on one reply so the numbering is never ambiguous.
 */
export function result(
  state: ConversationState,
  replies: Reply[],
  effects: Effect[] = [],
  extra?: Partial<ConversationState>,
): FlowResult {
  let offered: Choice[] = [];
  for (const reply of replies) {
    if (reply.kind === "message" && reply.choices && reply.choices.length > 0) offered = reply.choices;
  }
  return { state: { ...state, ...extra, offered: offered.slice(0, 30) }, replies, effects };
}
