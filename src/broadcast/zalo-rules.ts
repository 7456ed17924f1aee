/**
 * Zalo's limits on messages the bot sends on its own: a monthly message budget (the plan's quota,
 * shared by every instance through a storage counter) and the hours when sending is allowed
 * (Vietnam time, UTC+7, no daylight saving).
 */
import type { Counter } from "../core/ports.ts";

export interface SendingHours {
  /** Minutes after local midnight when sending may start (inclusive). */
  fromMinute: number;
  /** Minutes after local midnight when sending must stop (exclusive). */
  toMinute: number;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function localMinute(at: number): number {
  return Math.floor(((((at + VIETNAM_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

export function withinHours(hours: SendingHours, at: number): boolean {
  const minute = localMinute(at);
  return hours.fromMinute <= hours.toMinute
    ? minute >= hours.fromMinute && minute < hours.toMinute
    : minute >= hours.fromMinute || minute < hours.toMinute;
}

/** The next moment (≥ at) when sending is allowed. */
export function nextOpening(hours: SendingHours, at: number): number {
  if (withinHours(hours, at)) return at;
  const dayStart = at - ((((at + VIETNAM_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS);
  const today = dayStart + hours.fromMinute * 60_000;
  return today > at ? today : today + DAY_MS;
}

/** `YYYY-MM` of a moment, Vietnam time: the budget's month. */
export function budgetMonth(at: number): string {
  return new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

export interface ZaloBudget {
  /** Takes `messages` from this month's budget; false when it would go over (nothing is sent then). */
  take(messages: number, at: number): Promise<boolean>;
}

/**
 * The counter only goes up, so a refused take still counts: once the month's budget is reached,
 * every later take of that month is refused, which is what the budget means.
 */
export function createZaloBudget(counterFor: (month: string) => Counter, monthly: number): ZaloBudget {
  return {
    async take(messages, at) {
      const counter = counterFor(budgetMonth(at));
      let used = 0;
      for (let i = 0; i < messages; i++) used = await counter.next();
      return used <= monthly;
    },
  };
}
