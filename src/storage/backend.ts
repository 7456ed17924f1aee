/** What each storage backend (SQLite, Redis) provides to `createStores`. */
import type { Keyv } from "keyv";
import type { AddressLock, AppendLog, Counter, VersionedStore } from "../core/ports.ts";

export interface Backend {
  kind: "sqlite" | "redis";
  /** Where the data lives, for the start-up log (no credentials). */
  location: string;
  /** A Keyv over this backend's key space for one namespace, throwing on storage errors. */
  keyv(namespace: string): Keyv;
  appendLog<T>(namespace: string): AppendLog<T>;
  counter(name: string): Counter;
  versioned<T>(namespace: string): VersionedStore<T>;
  /** Deletes every versioned record of a namespace (e.g. a finished broadcast's outcomes). */
  dropVersioned(namespace: string): Promise<void>;
  addressLock: AddressLock;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Drops expired entries that the store does not expire by itself (no-op where TTL is native). */
  sweepExpired(): Promise<void>;
}
