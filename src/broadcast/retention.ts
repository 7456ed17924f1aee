/**
 * Per-recipient outcomes say who received a broadcast; they are kept for a retention period after
 * it finished (for questions like "did the announcement reach me?") and then deleted, keeping only
 * the counts. About 320 bytes per recipient on Redis, so 100,000 recipients cost about 30 MB until then.
 */
import type { Logger } from "pino";
import type { VersionedStore } from "../core/ports.ts";
import { type Broadcast, broadcast as broadcastSchema, isFinished } from "./broadcast.ts";
import { updateBroadcast } from "./deliver.ts";
import { outcomeNamespace } from "./outcome.ts";

export interface RetentionDeps {
  broadcasts: VersionedStore<Broadcast>;
  dropVersioned(namespace: string): Promise<void>;
  clock: { now(): number };
  retentionMs: number;
  logger: Logger;
}

/** Deletes the outcomes of broadcasts finished longer than the retention ago; how many were dropped. */
export async function dropExpiredOutcomes(deps: RetentionDeps): Promise<number> {
  const now = deps.clock.now();
  const due: string[] = [];
  for await (const [id, record] of deps.broadcasts.entries()) {
    const b = broadcastSchema.safeParse(record.value).data;
    if (!b || !isFinished(b.status) || b.outcomesDroppedAt !== undefined) continue;
    if ((b.finishedAt ?? b.createdAt) + deps.retentionMs <= now) due.push(id);
  }
  for (const id of due) {
    await deps.dropVersioned(outcomeNamespace(id));
    await updateBroadcast(deps.broadcasts, id, (b) => ({ ...b, outcomesDroppedAt: now }));
  }
  if (due.length > 0)
    deps.logger.info({ broadcasts: due.length }, "per-recipient outcomes deleted after retention");
  return due.length;
}
