/**
 * What the hotline says, as core replies: the notices sent to the citizen's chat and the cards
 * posted in the staff chat. Cards show the staff view only (no chat address, no user id; no phone
 * when anonymous). Every card names its code, so a reply to it, or a button on it, finds the ticket.
 */
import type { Block, Choice, Reply } from "../core/model.ts";
import type { Translate } from "../locales/index.ts";
import type { PendingNotice, Ticket, TicketStatus } from "./ticket.ts";

/** Button ids on staff cards: `tk:take:PA-2611-0042`, `tk:st:in_progress:PA-…`, `tk:close:PA-…`. */
export const STAFF_CHOICE_PREFIX = "tk:";

export function staffChoiceId(action: "take" | "close" | { status: TicketStatus }, code: string): string {
  return typeof action === "string" ? `tk:${action}:${code}` : `tk:st:${action.status}:${code}`;
}

/** `2026-12-09` → `09/12/2026`. */
export function displayDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

const paragraph = (text: string): Block => ({ kind: "paragraph", text });

/** The ticket's facts for staff, in lines. */
export function staffCardLines(ticket: Ticket, tr: Translate): string[] {
  const lines = [
    tr("ticket.card.category", { category: tr(`ticket.category.${ticket.category}`) }),
    ...(ticket.procedure
      ? [tr("ticket.card.procedure", { name: ticket.procedure.name, code: ticket.procedure.code })]
      : []),
    tr("ticket.card.description", { text: ticket.description }),
    ticket.contact.kind === "phone"
      ? tr("ticket.card.phone", { phone: ticket.contact.phone })
      : tr("ticket.card.anonymous"),
    tr("ticket.card.due", { date: displayDate(ticket.dueDate) }),
    tr("ticket.card.status", { status: tr(`ticket.status.${ticket.status}`) }),
  ];
  if (ticket.assignee)
    lines.push(tr("ticket.card.assignee", { who: `${ticket.assignee.channel}:${ticket.assignee.userId}` }));
  return lines;
}

/** The buttons that fit the ticket's status. */
export function staffCardChoices(ticket: Ticket, tr: Translate): Choice[] {
  if (ticket.status === "closed") return [];
  const choices: Choice[] = [];
  if (!ticket.assignee || ticket.status === "new" || ticket.status === "reopened") {
    choices.push({ id: staffChoiceId("take", ticket.code), label: tr("ticket.card.take") });
  }
  if (ticket.status !== "in_progress") {
    choices.push({
      id: staffChoiceId({ status: "in_progress" }, ticket.code),
      label: tr("ticket.card.inProgress"),
    });
  }
  choices.push({ id: staffChoiceId("close", ticket.code), label: tr("ticket.card.close") });
  return choices;
}

/** The card for a ticket in the staff chat: its photo (if any), then its facts and actions. */
export function staffCard(ticket: Ticket, tr: Translate, title: string): Reply[] {
  const replies: Reply[] = [];
  if (ticket.photo) {
    const source = ticket.photo.fileId ?? ticket.photo.url;
    if (source)
      replies.push({ kind: "photo", url: source, caption: tr("ticket.card.photo", { code: ticket.code }) });
  }
  replies.push({
    kind: "message",
    blocks: [
      { kind: "heading", text: title },
      paragraph(staffCardLines(ticket, tr).join("\n")),
      paragraph(tr("ticket.card.howToAnswer")),
    ],
    choices: staffCardChoices(ticket, tr),
  });
  return replies;
}

/** The message for a pending notice, or null when there is nothing to say any more. */
export function noticeReplies(ticket: Ticket, notice: PendingNotice, tr: Translate): Reply[] | null {
  const code = ticket.code;
  if (notice.to === "staff") {
    switch (notice.kind) {
      case "new":
        return staffCard(ticket, tr, tr("ticket.card.new", { code }));
      case "reopened": {
        const reason = [...ticket.history].reverse().find((h) => h.action === "reopen")?.note;
        const cards = staffCard(ticket, tr, tr("ticket.card.reopened", { code }));
        if (reason)
          cards.push({ kind: "message", blocks: [paragraph(tr("ticket.card.reopenReason", { reason }))] });
        return cards;
      }
      case "rated":
        return ticket.rating
          ? [
              {
                kind: "message",
                blocks: [paragraph(tr("ticket.card.rated", { code, score: ticket.rating.score }))],
              },
            ]
          : null;
      default:
        return null;
    }
  }
  switch (notice.kind) {
    case "status": {
      const status = notice.status ?? ticket.status;
      if (status === "closed")
        return [{ kind: "message", blocks: [paragraph(tr("ticket.notice.closed", { code }))] }];
      return [
        {
          kind: "message",
          blocks: [paragraph(tr("ticket.notice.status", { code, status: tr(`ticket.status.${status}`) }))],
        },
      ];
    }
    case "answer": {
      const answer = ticket.answers[notice.answerIndex ?? -1];
      if (!answer) return null;
      return [
        {
          kind: "message",
          blocks: [
            paragraph(tr("ticket.notice.answer", { code })),
            paragraph(answer.text),
            paragraph(tr("ticket.notice.answerNext", { code })),
          ],
        },
      ];
    }
    default:
      return null;
  }
}
