/**
 * Announcements for citizens: /dangky subscribes to every topic and offers to narrow them down,
 * the topic picker toggles one topic at a time, /huydangky unsubscribes, /tintuc shows the latest
 * announcements to anyone. Each reply says what is kept and how to stop.
 */
import { TOPICS, type Topic, topicLabelKey } from "../../broadcast/topics.ts";
import { announcementReplies } from "../announcement.ts";
import { choiceId } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { Block, Choice, Reply } from "../model.ts";
import type { ConversationState } from "../records.ts";
import { message, paragraph, result } from "./reply.ts";

function topicList(topics: readonly Topic[], ctx: FlowContext): string {
  return TOPICS.filter((id) => topics.includes(id))
    .map((id) => `• ${ctx.tr(topicLabelKey(id))}`)
    .join("\n");
}

function activeTopics(ctx: FlowContext): readonly Topic[] | null {
  return ctx.subscription?.active ? ctx.subscription.topics : null;
}

/** /dangky: every topic at once, then the offer to narrow them down. */
export function subscribeAll(state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  const topics = [...TOPICS];
  const blocks: Block[] = [
    paragraph(tr("subscribe.done")),
    paragraph(topicList(topics, ctx)),
    paragraph(tr("subscribe.privacy")),
    paragraph(tr("subscribe.narrow")),
  ];
  const choices: Choice[] = [
    { id: choiceId({ kind: "topics" }), label: tr("subscribe.pickTopics") },
    { id: choiceId({ kind: "unsubscribe" }), label: tr("subscribe.stop") },
  ];
  return result(state, [message(blocks, choices)], [{ kind: "subscribe", topics }]);
}

/** The welcome menu's "Nhận thông báo": what it is and what is kept, then the choice to subscribe. */
export function subscribeOffer(state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  const topics = activeTopics(ctx);
  if (topics) return topicPicker(state, ctx, topics, [paragraph(tr("subscribe.already"))]);
  const blocks: Block[] = [
    paragraph(tr("subscribe.offer")),
    paragraph(topicList(TOPICS, ctx)),
    paragraph(tr("subscribe.privacy")),
  ];
  return result(state, [
    message(blocks, [{ id: choiceId({ kind: "subscribe" }), label: tr("subscribe.confirm") }]),
  ]);
}

function topicPicker(
  state: ConversationState,
  ctx: FlowContext,
  topics: readonly Topic[],
  before: Block[] = [],
): FlowResult {
  const { tr } = ctx;
  const choices: Choice[] = TOPICS.map((id) => ({
    id: choiceId({ kind: "topicToggle", topic: id }),
    label: `${topics.includes(id) ? "✅" : "⬜"} ${tr(topicLabelKey(id))}`,
  }));
  choices.push({ id: choiceId({ kind: "topicsDone" }), label: tr("subscribe.finish") });
  return result(state, [message([...before, paragraph(tr("subscribe.pickHint"))], choices)]);
}

/** The picker, for a subscriber; anyone else is offered to subscribe first. */
export function pickTopics(state: ConversationState, ctx: FlowContext): FlowResult {
  const topics = activeTopics(ctx);
  return topics ? topicPicker(state, ctx, topics) : subscribeOffer(state, ctx);
}

export function toggleTopic(topic: Topic, state: ConversationState, ctx: FlowContext): FlowResult {
  const topics = activeTopics(ctx);
  if (!topics) return subscribeOffer(state, ctx);
  const next = topics.includes(topic) ? topics.filter((id) => id !== topic) : [...topics, topic];
  if (next.length === 0) {
    return topicPicker(state, ctx, topics, [paragraph(ctx.tr("subscribe.needOne"))]);
  }
  const picked = TOPICS.filter((id) => next.includes(id));
  const outcome = topicPicker(state, ctx, picked);
  return { ...outcome, effects: [{ kind: "subscribe", topics: picked }] };
}

export function finishTopics(state: ConversationState, ctx: FlowContext): FlowResult {
  const topics = activeTopics(ctx);
  if (!topics) return subscribeOffer(state, ctx);
  return result(state, [
    message([
      paragraph(ctx.tr("subscribe.saved")),
      paragraph(topicList(topics, ctx)),
      paragraph(ctx.tr("subscribe.howToStop")),
    ]),
  ]);
}

/** /huydangky. */
export function unsubscribe(state: ConversationState, ctx: FlowContext): FlowResult {
  if (!activeTopics(ctx)) return result(state, [message([paragraph(ctx.tr("unsubscribe.notSubscribed"))])]);
  return result(
    state,
    [
      message(
        [paragraph(ctx.tr("unsubscribe.done"))],
        [{ id: choiceId({ kind: "subscribe" }), label: ctx.tr("unsubscribe.again") }],
      ),
    ],
    [{ kind: "unsubscribe" }],
  );
}

/** /tintuc: the latest announcements, newest first, for subscribers and everyone else. */
export function latestNews(state: ConversationState, ctx: FlowContext, shown = 3): FlowResult {
  const { tr } = ctx;
  const items = ctx.news.slice(0, shown);
  if (items.length === 0) {
    return result(state, [message([paragraph(tr("news.none"))], subscribeChoice(ctx))]);
  }
  const replies: Reply[] = [message([paragraph(tr("news.title", { n: items.length }))])];
  for (const item of items) {
    const date = new Date(item.at).toLocaleDateString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
    replies.push(...announcementReplies(item, tr, { footer: false, heading: tr("news.date", { date }) }));
  }
  const offer = subscribeChoice(ctx);
  if (offer.length > 0) replies.push(message([paragraph(tr("news.subscribeHint"))], offer));
  return result(state, replies);
}

function subscribeChoice(ctx: FlowContext): Choice[] {
  return activeTopics(ctx)
    ? []
    : [{ id: choiceId({ kind: "subscribe" }), label: ctx.tr("subscribe.confirm") }];
}
