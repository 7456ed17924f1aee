/**
 * The hotline on the staff desk: the buttons of ticket cards (take, in progress, close), answers
 * given by replying to a card (or `/traloi <code> <answer>`), `/xem <code>`, `/quahan` and
 * `/thongke`. Every action goes through the ticket service with the verified staff member as the
 * actor, so it is recorded (who, what, when) in the ticket's history.
 */
import type { Reply } from "../core/model.ts";
import type { StaffCapability, StaffContext } from "../staff/desk.ts";
import { STAFF_CHOICE_PREFIX, staffCard } from "./messages.ts";
import { overdueReplies, overdueTickets } from "./overdue.ts";
import type { ActionResult, TicketService } from "./service.ts";
import { computeStats } from "./stats.ts";
import {
  normaliseTicketCode,
  type StaffTicketActor,
  TICKET_CODE,
  type TicketStatus,
  ticketStatuses,
  vietnamDate,
} from "./ticket.ts";

const MAX_ANSWER_LENGTH = 4000;
const CODE_IN_TEXT = /PA-\d{4}-\d{4,9}/;

const say = (text: string): Reply[] => [{ kind: "message", blocks: [{ kind: "paragraph", text }] }];

function actorOf(ctx: StaffContext): StaffTicketActor {
  return { kind: "staff", channel: ctx.actor.channel, userId: ctx.actor.userId, role: ctx.actor.role };
}

const who = (actor: { channel: string; userId: string }) => `${actor.channel}:${actor.userId}`;

export interface HotlineStaffDeps {
  tickets: TicketService;
  clock: { now(): number };
}

export function hotlineStaffCapability(deps: HotlineStaffDeps): StaffCapability {
  const { tickets } = deps;

  function explain(
    code: string,
    outcome: Extract<ActionResult, { ok: false }>,
    ctx: StaffContext,
    status?: TicketStatus,
  ): Reply[] {
    const { tr } = ctx;
    switch (outcome.reason) {
      case "not-found":
        return say(tr("ticket.staff.notFound", { code }));
      case "taken":
        return say(tr("ticket.staff.takenBy", { code, who: "?" }));
      case "wrong-status":
        return say(
          tr("ticket.staff.wrongStatus", { code, status: tr(`ticket.status.${status ?? "closed"}`) }),
        );
      case "conflict":
        return say(tr("ticket.staff.conflict", { code }));
      default:
        return say(tr("ticket.staff.invalid", { code }));
    }
  }

  /** The refusal with the ticket's current facts (who holds it, its status). */
  async function refusal(
    code: string,
    outcome: Extract<ActionResult, { ok: false }>,
    ctx: StaffContext,
  ): Promise<Reply[]> {
    const current = (await tickets.get(code))?.ticket;
    if (outcome.reason === "taken" && current?.assignee) {
      return say(ctx.tr("ticket.staff.takenBy", { code, who: who(current.assignee) }));
    }
    return explain(code, outcome, ctx, current?.status);
  }

  async function answer(code: string, text: string, ctx: StaffContext): Promise<Reply[]> {
    const trimmed = text.trim();
    if (trimmed.length === 0) return say(ctx.tr("ticket.staff.answerEmpty"));
    if (trimmed.length > MAX_ANSWER_LENGTH) {
      return say(ctx.tr("ticket.staff.answerLong", { length: trimmed.length, max: MAX_ANSWER_LENGTH }));
    }
    const outcome = await tickets.answer(code, trimmed, actorOf(ctx));
    if (!outcome.ok) return refusal(code, outcome, ctx);
    return say(ctx.tr("ticket.staff.answered", { code }));
  }

  async function onChoice(ctx: StaffContext, id: string): Promise<Reply[]> {
    const match = /^tk:(take|close|st:([a-z_]+)):(PA-\d{4}-\d{4,9})$/.exec(id);
    if (!match) return say(ctx.tr("choice.stale"));
    const code = match[3] as string;
    const status = match[2];
    let outcome: ActionResult;
    let done: string;
    if (match[1] === "take") {
      outcome = await tickets.take(code, actorOf(ctx));
      done = ctx.tr("ticket.staff.taken", { who: who(ctx.actor), code });
    } else if (match[1] === "close") {
      outcome = await tickets.close(code, actorOf(ctx));
      done = ctx.tr("ticket.staff.closed", { code });
    } else {
      if (!ticketStatuses.includes(status as TicketStatus)) return say(ctx.tr("choice.stale"));
      outcome = await tickets.changeStatus(code, status as TicketStatus, actorOf(ctx));
      done = ctx.tr("ticket.staff.statusSet", {
        code,
        status: ctx.tr(`ticket.status.${status as TicketStatus}`),
      });
    }
    if (!outcome.ok) return refusal(code, outcome, ctx);
    // One message: what was done, then the fresh card (current buttons; a reply to it answers).
    const card = staffCard(outcome.ticket, ctx.tr, ctx.tr("ticket.card.title", { code }));
    return card.flatMap((r) =>
      r.kind === "message"
        ? [{ ...r, blocks: [{ kind: "paragraph" as const, text: done }, ...r.blocks] }]
        : [],
    );
  }

  return {
    name: "hotline",
    choices: { prefix: STAFF_CHOICE_PREFIX, handle: onChoice },
    async onReply(ctx, replyTo, text) {
      const code = CODE_IN_TEXT.exec(replyTo.text)?.[0];
      if (!code || !TICKET_CODE.test(code)) return null;
      return answer(code, text, ctx);
    },
    commands: [
      {
        name: "traloi",
        description: "staffCommand.traloi",
        async run(ctx, args) {
          const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(args);
          const code = match ? normaliseTicketCode(match[1] as string) : null;
          if (!code) return say(ctx.tr("ticket.staff.answerUsage"));
          return answer(code, match?.[2] ?? "", ctx);
        },
      },
      {
        name: "xem",
        description: "staffCommand.xem",
        async run(ctx, args) {
          const code = normaliseTicketCode(args);
          if (!code) return say(ctx.tr("ticket.staff.badCode"));
          const found = await tickets.get(code);
          if (!found) return say(ctx.tr("ticket.staff.notFound", { code }));
          return staffCard(found.ticket, ctx.tr, ctx.tr("ticket.card.title", { code }));
        },
      },
      {
        name: "quahan",
        description: "staffCommand.quahan",
        async run(ctx) {
          const all = [];
          for await (const ticket of tickets.all()) all.push(ticket);
          return overdueReplies(overdueTickets(all, vietnamDate(deps.clock.now())), ctx.tr);
        },
      },
      {
        name: "thongke",
        description: "staffCommand.thongke",
        async run(ctx) {
          const all = [];
          for await (const ticket of tickets.all()) all.push(ticket);
          return statsReplies(computeStats(all, vietnamDate(deps.clock.now())), ctx);
        },
      },
    ],
  };
}

function statsReplies(stats: ReturnType<typeof computeStats>, ctx: StaffContext): Reply[] {
  const { tr } = ctx;
  const statusLines = Object.entries(stats.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) =>
      tr("ticket.stats.line", { label: tr(`ticket.status.${status as TicketStatus}`), count }),
    );
  const categoryLines = Object.entries(stats.byCategory)
    .filter(([, count]) => count > 0)
    .map(([category, count]) =>
      tr("ticket.stats.line", {
        label: tr(`ticket.category.${category as keyof typeof stats.byCategory}`),
        count,
      }),
    );
  const figures = [
    stats.medianAnswerMs === null
      ? tr("ticket.stats.medianNone")
      : tr("ticket.stats.median", {
          hours: (stats.medianAnswerMs / 3_600_000).toFixed(1),
          count: stats.answered,
        }),
    tr("ticket.stats.overdue", { count: stats.overdue }),
    stats.satisfaction === null
      ? tr("ticket.stats.satisfactionNone")
      : tr("ticket.stats.satisfaction", {
          average: stats.satisfaction.average.toFixed(1),
          count: stats.satisfaction.count,
        }),
  ];
  return [
    {
      kind: "message",
      blocks: [
        { kind: "heading", text: tr("ticket.stats.title") },
        { kind: "paragraph", text: tr("ticket.stats.total", { total: stats.total }) },
        ...(statusLines.length > 0
          ? [
              { kind: "paragraph" as const, text: tr("ticket.stats.byStatus") },
              { kind: "list" as const, items: statusLines },
            ]
          : []),
        ...(categoryLines.length > 0
          ? [
              { kind: "paragraph" as const, text: tr("ticket.stats.byCategory") },
              { kind: "list" as const, items: categoryLines },
            ]
          : []),
        { kind: "paragraph", text: figures.join("\n") },
      ],
    },
  ];
}
