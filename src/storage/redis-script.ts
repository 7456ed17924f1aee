/**
 * Lua scripts on Redis, called by their SHA1 (`EVALSHA`) so each call sends the arguments only;
 * the whole script goes with `EVAL` when Redis does not know it yet (a restart, `SCRIPT FLUSH`),
 * which also loads it for the next call.
 */
import { createHash } from "node:crypto";

/** The slice of a Redis client the storage's own commands need. */
export interface RedisCommander {
  sendCommand<T = unknown>(args: readonly string[]): Promise<T>;
}

/** A script to run with `(redis, [numkeys, ...keys, ...args])`. */
export type RedisScript = <T = unknown>(redis: RedisCommander, args: readonly string[]) => Promise<T>;

export function redisScript(body: string): RedisScript {
  const sha = createHash("sha1").update(body).digest("hex");
  return async <T>(redis: RedisCommander, args: readonly string[]): Promise<T> => {
    try {
      return await redis.sendCommand<T>(["EVALSHA", sha, ...args]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return redis.sendCommand<T>(["EVAL", body, ...args]);
    }
  };
}
