/**
 * A subscriber: one chat address that asked for announcements, with the topics it wants. The record
 * holds only what delivery needs (address, topics, language, when) — no name, no phone number.
 * Unsubscribing or blocking the bot keeps the record inactive, so a broadcast in progress knows to
 * skip it and the citizen can subscribe again at any time.
 */
import { z } from "zod";
import { topic } from "./topics.ts";

export const subscriber = z.object({
  v: z.literal(1),
  topics: z.array(topic).min(1),
  active: z.boolean(),
  /** Why it is inactive: the citizen unsubscribed, or the platform said the bot is blocked. */
  inactiveReason: z.enum(["unsubscribed", "blocked"]).optional(),
  locale: z.enum(["vi", "en"]),
  /** When the citizen last subscribed (a broadcast reaches only those subscribed before it started). */
  subscribedAt: z.number(),
  updatedAt: z.number(),
});
export type Subscriber = z.infer<typeof subscriber>;

/** Storage namespace of subscribers (versioned records keyed by address). */
export const SUBSCRIBERS_NAMESPACE = "subscribers";

/** The latest announcements, for /tintuc (newest first, a few only). */
export const newsItem = z.object({
  id: z.string(),
  text: z.string(),
  link: z.string().optional(),
  photoUrl: z.string().optional(),
  at: z.number(),
});
export type NewsItem = z.infer<typeof newsItem>;
export const newsList = z.object({ v: z.literal(1), items: z.array(newsItem).max(20) });
export type NewsList = z.infer<typeof newsList>;

export const NEWS_NAMESPACE = "news";
export const NEWS_KEY = "latest";
/** How many announcements /tintuc shows. */
export const NEWS_SHOWN = 3;
export const NEWS_KEPT = 10;
