/**
 * The progress of a broadcast as data (what the staff chat's live message and the HTTP API show),
 * and as the staff chat's text. The estimate of time left uses the rate achieved so far, or the
 * configured rate before there is any.
 */
import type { Translate } from "../locales/index.ts";
import { type Broadcast, type BroadcastStatus, remainingOf } from "./broadcast.ts";

export interface ProgressReport {
  id: string;
  status: BroadcastStatus;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  skipped: number;
  remaining: number;
  /** Zalo recipients waiting for the allowed sending hours (part of `remaining`). */
  deferred: number;
  /** Seconds left at the current pace; null when unknown or finished. */
  etaSeconds: number | null;
  reasons: Record<string, number>;
  notBefore: number;
}

/** A message posted once and edited in place (the staff chat's live progress). */
export interface StatusBoard {
  /** Posts `text`; the message id to edit later. */
  post(address: string, text: string): Promise<string>;
  edit(address: string, messageId: string, text: string): Promise<void>;
}

export function progressReport(b: Broadcast, now: number, configuredPerSecond: number): ProgressReport {
  const { sent, failed, blocked, skipped } = b.counts;
  const remaining = remainingOf(b);
  const done = sent + failed + blocked + skipped;
  let etaSeconds: number | null = null;
  if (b.status === "sending" && remaining > 0) {
    const elapsed = b.startedAt === undefined ? 0 : (now - b.startedAt) / 1000;
    const pace = elapsed > 2 && done > 0 ? done / elapsed : configuredPerSecond;
    etaSeconds = Math.ceil(remaining / Math.max(pace, 0.001));
  }
  return {
    id: b.id,
    status: b.status,
    total: b.total ?? 0,
    sent,
    failed,
    blocked,
    skipped,
    remaining,
    deferred: b.deferred,
    etaSeconds,
    reasons: { ...b.counts.reasons },
    notBefore: b.notBefore,
  };
}

function duration(seconds: number, tr: Translate): string {
  if (seconds < 60) return tr("broadcast.eta.seconds", { n: Math.max(1, seconds) });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return tr("broadcast.eta.minutes", { n: minutes });
  return tr("broadcast.eta.hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

const vnTime = (at: number) =>
  new Date(at).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour12: false });

/** The staff chat's text for a report (the live message while sending, the final report at the end). */
export function progressText(r: ProgressReport, tr: Translate): string {
  const lines = [tr(`broadcast.status.${r.status}`, { id: r.id, at: vnTime(r.notBefore) })];
  if (r.status !== "scheduled" && r.status !== "queued") {
    lines.push(
      tr("broadcast.counts", {
        total: r.total,
        sent: r.sent,
        failed: r.failed,
        blocked: r.blocked,
        remaining: r.remaining,
      }),
    );
    if (r.skipped > 0) lines.push(tr("broadcast.skipped", { n: r.skipped }));
    if (r.deferred > 0) lines.push(tr("broadcast.deferred", { n: r.deferred, at: vnTime(r.notBefore) }));
    const reasons = Object.entries(r.reasons);
    if (reasons.length > 0) {
      lines.push(
        tr("broadcast.reasons", {
          list: reasons.map(([reason, n]) => `${reasonLabel(reason, tr)}: ${n}`).join("; "),
        }),
      );
    }
    if (r.etaSeconds !== null) lines.push(tr("broadcast.eta", { time: duration(r.etaSeconds, tr) }));
  }
  return lines.join("\n");
}

function reasonLabel(reason: string, tr: Translate): string {
  if (reason === "zalo-budget") return tr("broadcast.reason.zaloBudget");
  if (reason === "interrupted") return tr("broadcast.reason.interrupted");
  if (reason === "no-channel") return tr("broadcast.reason.noChannel");
  return reason;
}
