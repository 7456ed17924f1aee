/**
 * Changes to subscribers, made by the citizen's conversation (subscribe, topics, unsubscribe) and by
 * delivery (blocked). Each is a version-checked read-modify-write retried on conflict, so a citizen
 * re-subscribing while a broadcast marks them blocked never loses either change.
 */
import type { Address, Locale } from "../core/model.ts";
import type { VersionedStore } from "../core/ports.ts";
import { type Subscriber, subscriber } from "./subscriber.ts";
import type { Topic } from "./topics.ts";

export type SubscriberStore = VersionedStore<Subscriber>;

const ATTEMPTS = 5;

/** The stored subscriber, or undefined when absent or unreadable. */
export async function readSubscriber(
  store: SubscriberStore,
  address: Address,
): Promise<{ value: Subscriber; version: number } | undefined> {
  const found = await store.get(address);
  if (!found) return undefined;
  const parsed = subscriber.safeParse(found.value);
  return parsed.success ? { value: parsed.data, version: found.version } : undefined;
}

async function change(
  store: SubscriberStore,
  address: Address,
  next: (current: Subscriber | undefined) => Subscriber | null,
): Promise<Subscriber | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const raw = await store.get(address);
    const parsed = raw ? subscriber.safeParse(raw.value) : undefined;
    const value = next(parsed?.success ? parsed.data : undefined);
    if (value === null) return null;
    if (!raw) {
      if (await store.create(address, value)) return value;
    } else if ((await store.update(address, value, raw.version)) !== null) {
      return value;
    }
  }
  throw new Error("subscriber changed too often concurrently; giving up");
}

export function subscribe(
  store: SubscriberStore,
  address: Address,
  topics: readonly Topic[],
  locale: Locale,
  now: number,
): Promise<Subscriber | null> {
  return change(store, address, (current) => ({
    v: 1,
    topics: [...topics],
    active: true,
    locale,
    // Changing the topics of an active subscription keeps its date.
    subscribedAt: current?.active ? current.subscribedAt : now,
    updatedAt: now,
  }));
}

function deactivate(
  store: SubscriberStore,
  address: Address,
  reason: NonNullable<Subscriber["inactiveReason"]>,
  now: number,
): Promise<Subscriber | null> {
  return change(store, address, (current) =>
    current?.active ? { ...current, active: false, inactiveReason: reason, updatedAt: now } : null,
  );
}

export function unsubscribe(
  store: SubscriberStore,
  address: Address,
  now: number,
): Promise<Subscriber | null> {
  return deactivate(store, address, "unsubscribed", now);
}

/** The platform said the bot is blocked: later broadcasts skip the address until it subscribes again. */
export function markBlocked(
  store: SubscriberStore,
  address: Address,
  now: number,
): Promise<Subscriber | null> {
  return deactivate(store, address, "blocked", now);
}

/** The citizen chose another language (/lang): announcements follow it. */
export function setSubscriberLocale(
  store: SubscriberStore,
  address: Address,
  locale: Locale,
  now: number,
): Promise<Subscriber | null> {
  return change(store, address, (current) =>
    current && current.locale !== locale ? { ...current, locale, updatedAt: now } : null,
  );
}
