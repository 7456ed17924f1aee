/**
 * Due dates in working days: Monday to Friday in Vietnam time, minus the locality file's holidays.
 * The day of submission does not count; the answer is due by the end of the n-th working day after it.
 */
import { vietnamDate } from "./ticket.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The date (YYYY-MM-DD) `days` working days after the day of `from` (Vietnam time). */
export function addWorkingDays(from: number, days: number, holidays: ReadonlySet<string>): string {
  let date = vietnamDate(from);
  let left = days;
  while (left > 0) {
    date = nextDate(date);
    if (isWorkingDay(date, holidays)) left--;
  }
  return date;
}

/** Working days from `fromDate` (exclusive) to `toDate` (inclusive); 0 when `toDate` is not later. */
export function workingDaysBetween(fromDate: string, toDate: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let date = nextDate(fromDate); date <= toDate; date = nextDate(date)) {
    if (isWorkingDay(date, holidays)) count++;
  }
  return count;
}

export function nextDate(date: string): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
}
