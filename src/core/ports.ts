/**
 * Ports the core depends on. Implementations live at the edges (storage, channels); tests use the
 * real SQLite/Redis stores or small in-memory ones.
 */
import type { Address, InboundEvent, Reply } from "./model.ts";

/** A key-value store with TTL, per namespace (implemented over keyv). */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** An append-only log (unanswered questions, helpfulness votes), readable by staff reports. */
export interface AppendLog<T> {
  append(entry: T): Promise<void>;
  entries(): AsyncIterable<T>;
}

/** A number that only goes up, shared by every instance (e.g. ticket numbers): never hands out one twice. */
export interface Counter {
  next(): Promise<number>;
}

/** A record and its version (1 when created, +1 on every update). */
export interface Versioned<T> {
  value: T;
  version: number;
}

/**
 * Records changed by read-modify-write without lost updates (tickets): an update only succeeds if
 * nobody changed the record since it was read.
 */
export interface VersionedStore<T> {
  get(key: string): Promise<Versioned<T> | undefined>;
  /** Stores a new record at version 1; false if the key already exists. */
  create(key: string, value: T): Promise<boolean>;
  /** Replaces the record if it is still at `expectedVersion`; the new version, or null if it changed or is gone. */
  update(key: string, value: T, expectedVersion: number): Promise<number | null>;
  /** Every record, ordered by key. */
  entries(): AsyncIterable<[string, Versioned<T>]>;
}

/** Runs work for one address at a time, in arrival order (across instances in Redis mode). */
export interface AddressLock {
  run<T>(address: Address, work: () => Promise<T>): Promise<T>;
}

/** The channel-free assistant: one inbound event in, replies out. */
export interface Assistant {
  handle(event: InboundEvent): Promise<Reply[]>;
}

/** Sends replies to an address; each channel implements it. */
export interface Messenger {
  send(address: Address, replies: readonly Reply[]): Promise<void>;
}

export interface Clock {
  now(): number;
}
