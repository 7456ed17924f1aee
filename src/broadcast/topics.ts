/**
 * The topics citizens subscribe to. Ids are stable (stored with subscribers and broadcasts); the
 * labels live in the locales (`topic.<id>`).
 */
import { z } from "zod";

export const TOPICS = ["reform", "civil", "land", "tax", "schedule"] as const;
export type Topic = (typeof TOPICS)[number];

export const topic = z.enum(TOPICS);

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

/** Locale key of a topic's label. */
export function topicLabelKey(id: Topic) {
  return `topic.${id}` as const;
}
