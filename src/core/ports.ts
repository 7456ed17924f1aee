/**
 * Ports the core depends on. Implementations live at the edges (storage, channels); tests use the
 * real SQLite/Redis stores or small in-memory ones.
 */
import type { Address, Reply } from "./model.ts";

/** A key-value store with TTL, per namespace (implemented over keyv). */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Sends replies to an address; each channel implements it. */
export interface Messenger {
  send(address: Address, replies: readonly Reply[]): Promise<void>;
}

export interface Clock {
  now(): number;
}
