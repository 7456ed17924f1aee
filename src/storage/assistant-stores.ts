/**
 * The assistant's stores, each in its own namespace of the configured storage. One place, so the
 * composition root, tests and benchmarks wire the assistant to the same namespaces.
 */
import { NEWS_NAMESPACE, SUBSCRIBERS_NAMESPACE } from "../broadcast/subscriber.ts";
import { type AssistantDeps, UNANSWERED_LOG, VOTES_LOG } from "../core/assistant.ts";
import type { Stores } from "./create-stores.ts";

export function assistantStores(
  stores: Pick<Stores, "keyValue" | "shortLived" | "appendLog" | "versioned">,
): AssistantDeps["stores"] {
  return {
    conversations: stores.keyValue("conversations"),
    checklists: stores.keyValue("checklists"),
    prefs: stores.keyValue("prefs"),
    rateLimits: stores.shortLived("rate-limits"),
    unanswered: stores.appendLog(UNANSWERED_LOG),
    votes: stores.appendLog(VOTES_LOG),
    subscribers: stores.versioned(SUBSCRIBERS_NAMESPACE),
    news: stores.keyValue(NEWS_NAMESPACE),
  };
}
