/**
 * Delivers one broadcast: picks the recipients (active subscribers of its topics, subscribed before
 * delivery began), then sends to each at the channel's pace, recording every outcome. Safe to run
 * again after a crash: recipients already settled are skipped, claims left unsettled are marked
 * uncertain and never sent twice. Returns when the broadcast is done, cancelled, stopped, or must
 * wait for Zalo's sending hours.
 */
import { setMaxListeners } from "node:events";
import type { Logger } from "pino";
import { announcementReplies } from "../core/announcement.ts";
import type { Address, ChannelName } from "../core/model.ts";
import type { Clock, KeyValueStore, VersionedStore } from "../core/ports.ts";
import { translator } from "../locales/index.ts";
import {
  type Broadcast,
  type BroadcastCounts,
  broadcast as broadcastSchema,
  emptyCounts,
  isFinished,
} from "./broadcast.ts";
import { claim, type Outcome, type OutcomeStore, outcome as outcomeSchema } from "./outcome.ts";
import type { ChatGap, Pacer } from "./pacer.ts";
import type { AnnouncementSender, SendResult } from "./sender.ts";
import { NEWS_KEPT, NEWS_KEY, type NewsList, newsList, subscriber } from "./subscriber.ts";
import { markBlocked, type SubscriberStore } from "./subscriber-store.ts";
import { nextOpening, type SendingHours, withinHours, type ZaloBudget } from "./zalo-rules.ts";

export interface ChannelPace {
  pacer: Pacer;
  chatGap: ChatGap;
}

export interface DeliveryDeps {
  broadcasts: VersionedStore<Broadcast>;
  subscribers: SubscriberStore;
  outcomes(broadcastId: string): OutcomeStore;
  /** Senders of the channels running here; a recipient of another channel fails as `no-channel`. */
  senders: Partial<Record<ChannelName, AnnouncementSender>>;
  pace: Partial<Record<ChannelName, ChannelPace>>;
  zalo: { budget: ZaloBudget; hours: SendingHours };
  /** The latest announcements for /tintuc: a broadcast joins them when its delivery begins. */
  news?: KeyValueStore<NewsList>;
  clock: Clock;
  logger: Logger;
  /** Called after counts are saved (about once a second, and at the end). */
  onProgress?: (broadcast: Broadcast) => void | Promise<void>;
  /** How often counts are saved and cancellation checked. */
  flushEveryMs?: number;
  /** Sends in flight at once per broadcast (the pacer still sets the rate). */
  inFlight?: number;
  /** Retries of one recipient after `retry` results before it counts as failed. */
  maxAttempts?: number;
}

export type DeliveryEnd =
  | { kind: "done" }
  | { kind: "cancelled" }
  | { kind: "missing" }
  /** Stopped by the signal (shutdown); run again to continue. */
  | { kind: "stopped" }
  /** Zalo recipients wait for the allowed hours: run again at `at`. */
  | { kind: "wait"; at: number };

const channelOf = (address: string): ChannelName | undefined => {
  const prefix = address.slice(0, address.indexOf(":"));
  return prefix === "telegram" || prefix === "zalo" || prefix === "console" ? prefix : undefined;
};

async function readBroadcast(deps: DeliveryDeps, id: string) {
  const found = await deps.broadcasts.get(id);
  if (!found) return undefined;
  const parsed = broadcastSchema.safeParse(found.value);
  return parsed.success ? { value: parsed.data, version: found.version } : undefined;
}

/** Read-modify-write of the broadcast record, retried on conflict; null when it is gone. */
export async function updateBroadcast(
  store: VersionedStore<Broadcast>,
  id: string,
  change: (current: Broadcast) => Broadcast,
): Promise<Broadcast | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const found = await store.get(id);
    if (!found) return null;
    const current = broadcastSchema.parse(found.value);
    const next = change(current);
    if ((await store.update(id, next, found.version)) !== null) return next;
  }
  throw new Error(`broadcast ${id} changed too often concurrently`);
}

export async function deliverBroadcast(
  id: string,
  deps: DeliveryDeps,
  signal?: AbortSignal,
): Promise<DeliveryEnd> {
  const log = deps.logger.child({ broadcast: id });
  const initial = await readBroadcast(deps, id);
  if (!initial) return { kind: "missing" };
  if (isFinished(initial.value.status))
    return { kind: initial.value.status === "done" ? "done" : "cancelled" };
  if (initial.value.cancelRequested) {
    await updateBroadcast(deps.broadcasts, id, (b) => ({
      ...b,
      status: "cancelled",
      finishedAt: deps.clock.now(),
    }));
    return { kind: "cancelled" };
  }
  const outcomes = deps.outcomes(id);

  // What earlier runs settled is the truth; a claim never settled is uncertain (never sent again).
  const counts = emptyCounts();
  const handled = new Set<string>();
  const tally = (value: Outcome) => countOutcome(counts, value);
  let uncertain = 0;
  for await (const [address, record] of outcomes.entries()) {
    const parsed = outcomeSchema.safeParse(record.value);
    if (!parsed.success) continue;
    let value: Outcome = parsed.data;
    if (value.state === "released") continue;
    if (value.state === "sending") {
      value = { state: "failed", reason: "interrupted", at: deps.clock.now() };
      if ((await outcomes.update(address, value, record.version)) === null) continue;
      uncertain++;
    }
    handled.add(address);
    tally(value);
  }
  if (uncertain > 0) log.warn({ uncertain }, "recipients whose delivery was interrupted are not sent again");

  const startedAt = initial.value.startedAt ?? deps.clock.now();
  if (initial.value.startedAt === undefined && deps.news) await addToNews(deps.news, initial.value);
  const recipients: Address[] = [];
  for await (const [address, record] of deps.subscribers.entries()) {
    const parsed = subscriber.safeParse(record.value);
    if (!parsed.success) continue;
    const s = parsed.data;
    if (!s.active || s.subscribedAt > startedAt) continue;
    if (!s.topics.some((topic) => initial.value.topics.includes(topic))) continue;
    if (!handled.has(address)) recipients.push(address as Address);
  }

  let current = await updateBroadcast(deps.broadcasts, id, (b) => ({
    ...b,
    status: "sending",
    startedAt,
    total: b.total ?? recipients.length + handled.size,
    counts: { ...counts, reasons: { ...counts.reasons } },
    deferred: 0,
  }));
  if (!current) return { kind: "missing" };
  log.info({ total: current.total, left: recipients.length, resumed: handled.size > 0 }, "delivering");

  const content = current;
  const flushEvery = deps.flushEveryMs ?? 1000;
  const maxAttempts = deps.maxAttempts ?? 5;
  let deferred = 0;
  let cancelled = false;
  let lastFlush = deps.clock.now();

  const flush = async () => {
    lastFlush = deps.clock.now();
    const saved = await updateBroadcast(deps.broadcasts, id, (b) => ({
      ...b,
      counts: { ...counts, reasons: { ...counts.reasons } },
      deferred,
    }));
    if (!saved) {
      cancelled = true;
      return;
    }
    current = saved;
    if (saved.cancelRequested) cancelled = true;
    await deps.onProgress?.(saved);
  };

  /** Records the outcome of a recipient this run claimed (at `version`). */
  const settle = async (address: Address, version: number, value: Outcome, count = true) => {
    if ((await outcomes.update(address, value, version)) === null) {
      log.warn("a claimed recipient changed under its claim");
      return;
    }
    if (count) tally(value);
  };

  const deliverOne = async (address: Address) => {
    const channel = channelOf(address);
    const sender = channel ? deps.senders[channel] : undefined;
    const pace = channel ? deps.pace[channel] : undefined;
    const now = deps.clock.now();
    const sub = await deps.subscribers.get(address);
    const parsedSub = sub ? subscriber.safeParse(sub.value) : undefined;
    const active = parsedSub?.success && parsedSub.data.active ? parsedSub.data : null;
    if (channel === "zalo" && active && !withinHours(deps.zalo.hours, now)) {
      deferred++;
      return;
    }
    const settleNow = async (value: Outcome) => {
      const version = await claim(outcomes, address, now);
      if (version !== null) await settle(address, version, value);
    };
    if (!active) return settleNow({ state: "skipped", reason: "unsubscribed", at: now });
    if (!sender || !pace) return settleNow({ state: "failed", reason: "no-channel", at: now });
    const tr = translator(active.locale);
    const replies = announcementReplies(content, tr, { footer: true, channel });
    if (channel === "zalo" && !(await deps.zalo.budget.take(replies.length, now))) {
      return settleNow({ state: "failed", reason: "zalo-budget", at: now });
    }
    let result: SendResult = { kind: "failed", reason: "not-sent" };
    // One message per call, at least the chat gap apart (a photo, then the text). The claim is
    // taken right before the first send and let go while waiting to retry, so a crash leaves a
    // claim unsettled only for a send that was really under way.
    let delivered = 0;
    let claimed: number | null = null;
    for (const reply of replies) {
      for (let attempt = 1; ; attempt++) {
        await pace.chatGap.wait(address, signal);
        await pace.pacer.take(signal);
        if (signal?.aborted && delivered === 0) {
          if (claimed !== null)
            await settle(address, claimed, { state: "released", at: deps.clock.now() }, false);
          return;
        }
        if (claimed === null) {
          claimed = await claim(outcomes, address, deps.clock.now());
          if (claimed === null) return; // another sender has it, or it is settled
        }
        result = await sender.send(address, [reply]);
        if (result.kind !== "retry") break;
        if (result.afterMs !== undefined) pace.pacer.pause(result.afterMs);
        else pace.pacer.pause(Math.min(30_000, 500 * 2 ** attempt));
        if (attempt >= maxAttempts) {
          result = { kind: "failed", reason: `retries: ${result.reason}` };
          break;
        }
        if (delivered === 0) {
          await settle(address, claimed, { state: "released", at: deps.clock.now() }, false);
          claimed = null;
        }
      }
      if (result.kind !== "sent") break;
      delivered++;
    }
    const at = deps.clock.now();
    if (claimed === null) return;
    if (result.kind === "sent") return settle(address, claimed, { state: "sent", at });
    if (result.kind === "blocked") {
      await markBlocked(deps.subscribers, address, at);
      return settle(address, claimed, { state: "blocked", at });
    }
    return settle(address, claimed, {
      state: "failed",
      reason: result.kind === "failed" ? result.reason : "retry",
      at,
    });
  };

  // A small window of sends in flight; the pacers set the rate.
  const width = Math.max(1, deps.inFlight ?? 4);
  if (signal) setMaxListeners(width * 2 + 10, signal);
  let next = 0;
  const lane = async () => {
    while (next < recipients.length && !cancelled && !signal?.aborted) {
      const address = recipients[next++] as Address;
      try {
        await deliverOne(address);
      } catch (error) {
        // A storage hiccup on one recipient: its claim stays unsettled and is reported as uncertain.
        log.warn({ err: error }, "recipient not settled");
      }
      if (deps.clock.now() - lastFlush >= flushEvery) await flush();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  await flush();

  const now = deps.clock.now();
  if (signal?.aborted && !cancelled) return { kind: "stopped" };
  if (cancelled) {
    await updateBroadcast(deps.broadcasts, id, (b) => ({ ...b, status: "cancelled", finishedAt: now }));
    log.info({ ...counts }, "cancelled");
    return { kind: "cancelled" };
  }
  if (deferred > 0) {
    const at = nextOpening(deps.zalo.hours, now);
    await updateBroadcast(deps.broadcasts, id, (b) => ({ ...b, status: "waiting", notBefore: at }));
    log.info({ deferred, at: new Date(at).toISOString() }, "waiting for Zalo's sending hours");
    return { kind: "wait", at };
  }
  // The recorded outcomes are the truth (another run may have settled some): count them once more.
  const settled = emptyCounts();
  for await (const [, record] of outcomes.entries()) {
    const value = outcomeSchema.safeParse(record.value).data;
    if (value) countOutcome(settled, value);
  }
  const final = await updateBroadcast(deps.broadcasts, id, (b) => {
    // Anyone picked at the start who unsubscribed before their turn was skipped, not lost.
    const unreached = Math.max(0, (b.total ?? 0) - handledCount({ ...b, counts: settled }));
    return {
      ...b,
      status: "done",
      finishedAt: now,
      counts: { ...settled, skipped: settled.skipped + unreached },
    };
  });
  if (final) await deps.onProgress?.(final);
  log.info({ ...counts }, "done");
  return { kind: "done" };
}

/** Adds a settled outcome to the counts (claims under way and released ones count for nothing). */
function countOutcome(counts: BroadcastCounts, value: Outcome): void {
  if (value.state === "sending" || value.state === "released") return;
  if (value.state === "failed") {
    counts.failed++;
    const reason = value.reason ?? "unknown";
    counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1;
  } else counts[value.state]++;
}

async function addToNews(store: KeyValueStore<NewsList>, b: Broadcast): Promise<void> {
  const current = newsList.safeParse(await store.get(NEWS_KEY)).data?.items ?? [];
  if (current.some((item) => item.id === b.id)) return;
  const item = {
    id: b.id,
    text: b.text,
    at: b.notBefore,
    ...(b.link && { link: b.link }),
    ...(b.photoUrl && { photoUrl: b.photoUrl }),
  };
  await store.set(NEWS_KEY, { v: 1, items: [item, ...current].slice(0, NEWS_KEPT) });
}

function handledCount(b: Broadcast): number {
  const { sent, failed, blocked, skipped } = b.counts;
  return sent + failed + blocked + skipped;
}
