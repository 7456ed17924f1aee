/** A fixed-window rate limit per citizen: allow, warn once when over the limit, then stay quiet. */
import type { RateWindow } from "./records.ts";

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface RateVerdict {
  outcome: "allow" | "warn" | "drop";
  window: RateWindow;
}

export function checkRateLimit(previous: RateWindow | undefined, now: number, limit: RateLimit): RateVerdict {
  const current =
    previous && now - previous.windowStart < limit.windowMs && now >= previous.windowStart
      ? previous
      : { windowStart: now, count: 0, warned: false };
  const count = current.count + 1;
  if (count <= limit.max) return { outcome: "allow", window: { ...current, count } };
  if (!current.warned) return { outcome: "warn", window: { ...current, count, warned: true } };
  return { outcome: "drop", window: { ...current, count } };
}
