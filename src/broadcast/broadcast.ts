/**
 * A broadcast: one announcement sent by staff to the subscribers of some topics. Its lifecycle:
 *
 *   scheduled ─(time comes)→ queued ─→ sending ─→ done
 *                                      │    └──→ waiting (Zalo recipients outside the allowed hours) ─→ sending
 *   any state before done ──(cancel)──→ cancelled
 *
 * The record holds the content, the audience and the running counts; each recipient's own outcome
 * is a separate record (see outcome.ts), which is the source of truth after a restart.
 */
import { z } from "zod";
import { topic } from "./topics.ts";

export const BROADCASTS_NAMESPACE = "broadcasts";
export const BROADCAST_COUNTER = "broadcast-ids";

export const MAX_TEXT_LENGTH = 3000;

export const broadcastStatus = z.enum(["scheduled", "queued", "sending", "waiting", "done", "cancelled"]);
export type BroadcastStatus = z.infer<typeof broadcastStatus>;

export const broadcastCounts = z.object({
  sent: z.number().int().nonnegative(),
  /** Not delivered: refused by the platform, Zalo budget spent, retries exhausted, or interrupted. */
  failed: z.number().int().nonnegative(),
  /** The citizen blocked the bot; the subscriber is now inactive. */
  blocked: z.number().int().nonnegative(),
  /** Unsubscribed (or gone) after the broadcast began: nothing sent, on purpose. */
  skipped: z.number().int().nonnegative(),
  /** Why the failed ones failed, e.g. { "zalo-budget": 3, interrupted: 1 }. */
  reasons: z.record(z.string(), z.number().int().nonnegative()),
});
export type BroadcastCounts = z.infer<typeof broadcastCounts>;

export const broadcast = z.object({
  v: z.literal(1),
  id: z.string(),
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
  link: z.string().optional(),
  photoUrl: z.string().optional(),
  /** A photo staff uploaded on Telegram: only Telegram recipients can be sent it. */
  telegramPhotoId: z.string().optional(),
  topics: z.array(topic).min(1),
  /** Who asked for it: a hashed staff id, or "api". */
  createdBy: z.string(),
  createdAt: z.number(),
  /** Not sent before this time (the schedule, or when Zalo's allowed hours open again). */
  notBefore: z.number(),
  status: broadcastStatus,
  /** When delivery first began: only citizens subscribed by then receive it. */
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  /** Recipients when delivery began; null until then. */
  total: z.number().int().nonnegative().nullable(),
  counts: broadcastCounts,
  /** Zalo recipients waiting for the allowed sending hours. */
  deferred: z.number().int().nonnegative(),
  /** Staff asked to stop it; delivery stops at its next check. */
  cancelRequested: z.boolean(),
  /** When the per-recipient outcomes were deleted (after their retention); the counts stay. */
  outcomesDroppedAt: z.number().optional(),
  /** Where the live progress message is, to edit it (staff chat). */
  progressMessage: z.object({ address: z.string(), messageId: z.string() }).optional(),
});
export type Broadcast = z.infer<typeof broadcast>;

export function emptyCounts(): BroadcastCounts {
  return { sent: 0, failed: 0, blocked: 0, skipped: 0, reasons: {} };
}

export function isFinished(status: BroadcastStatus): boolean {
  return status === "done" || status === "cancelled";
}

/** Recipients not handled yet. */
export function remainingOf(b: Pick<Broadcast, "total" | "counts">): number {
  if (b.total === null) return 0;
  const { sent, failed, blocked, skipped } = b.counts;
  return Math.max(0, b.total - sent - failed - blocked - skipped);
}
