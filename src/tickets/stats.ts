/**
 * `/thongke`: counts by status and category, the median time to the first answer, how many are
 * overdue, and the satisfaction average. Pure: computed from the tickets and today's date.
 */
import { isOverdue } from "./lifecycle.ts";
import {
  type Ticket,
  type TicketCategory,
  type TicketStatus,
  ticketCategories,
  ticketStatuses,
} from "./ticket.ts";

export interface TicketStats {
  total: number;
  byStatus: Record<TicketStatus, number>;
  byCategory: Record<TicketCategory, number>;
  /** Median time from submission to the first answer, in ms; null when nothing was answered. */
  medianAnswerMs: number | null;
  answered: number;
  overdue: number;
  /** Average rating 1–5 and how many ratings; null when none. */
  satisfaction: { average: number; count: number } | null;
}

export function computeStats(tickets: Iterable<Ticket>, today: string): TicketStats {
  const byStatus = Object.fromEntries(ticketStatuses.map((s) => [s, 0])) as Record<TicketStatus, number>;
  const byCategory = Object.fromEntries(ticketCategories.map((c) => [c, 0])) as Record<
    TicketCategory,
    number
  >;
  const answerTimes: number[] = [];
  const ratings: number[] = [];
  let total = 0;
  let overdue = 0;
  for (const ticket of tickets) {
    total++;
    byStatus[ticket.status]++;
    byCategory[ticket.category]++;
    if (ticket.firstAnsweredAt !== undefined) answerTimes.push(ticket.firstAnsweredAt - ticket.createdAt);
    if (ticket.rating) ratings.push(ticket.rating.score);
    if (isOverdue(ticket, today)) overdue++;
  }
  return {
    total,
    byStatus,
    byCategory,
    medianAnswerMs: median(answerTimes),
    answered: answerTimes.length,
    overdue,
    satisfaction:
      ratings.length === 0
        ? null
        : { average: ratings.reduce((a, b) => a + b, 0) / ratings.length, count: ratings.length },
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
