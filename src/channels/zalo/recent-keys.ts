/**
 * Remembers recently seen keys for a while, to drop redelivered webhook updates (Zalo has no
 * `update_id`; a key is `event_name:message_id`). In memory and bounded: the oldest keys go first.
 */
import type { Clock } from "../../core/ports.ts";

export interface RecentKeys {
  /** True if `key` was seen within the window (and it is then not re-recorded); else records it. */
  seen(key: string): boolean;
  readonly size: number;
}

export function createRecentKeys(options: { ttlMs: number; maxKeys: number; clock: Clock }): RecentKeys {
  // Insertion order = age order, because a key is only ever inserted once per window.
  const keys = new Map<string, number>();
  const evict = (now: number) => {
    for (const [key, at] of keys) {
      if (now - at < options.ttlMs && keys.size <= options.maxKeys) break;
      keys.delete(key);
    }
  };
  return {
    seen(key) {
      const now = options.clock.now();
      evict(now);
      const at = keys.get(key);
      if (at !== undefined && now - at < options.ttlMs) return true;
      keys.set(key, now);
      evict(now);
      return false;
    },
    get size() {
      return keys.size;
    },
  };
}
