/**
 * What staff (the composer, the HTTP API) do with broadcasts: create one (now or at a time),
 * read it, cancel it. Creating stores the record first and then hands its id to the runner, so a
 * broadcast is never queued without its content, and one stored but not yet queued is picked up
 * again when the runner starts (see runner-*.ts).
 */
import type { Counter, VersionedStore } from "../core/ports.ts";
import { type Broadcast, broadcast as broadcastSchema, emptyCounts, isFinished } from "./broadcast.ts";
import { updateBroadcast } from "./deliver.ts";
import { TOPICS, type Topic } from "./topics.ts";

export interface BroadcastRunner {
  /** Makes sure broadcast `id` is delivered from `at` on (idempotent). */
  enqueue(id: string, at: number): Promise<void>;
  /** Drops a broadcast that has not begun (a running one stops on its own at its next check). */
  remove(id: string): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface NewBroadcast {
  text: string;
  link?: string;
  photoUrl?: string;
  telegramPhotoId?: string;
  /** Default: every topic. */
  topics?: readonly Topic[];
  /** Send at this time (ms); default now. */
  at?: number;
}

export interface BroadcastService {
  create(input: NewBroadcast, createdBy: string): Promise<Broadcast>;
  get(id: string): Promise<Broadcast | undefined>;
  /** Asks to stop; null when there is no such broadcast, the record unchanged when already finished. */
  cancel(id: string): Promise<Broadcast | null>;
  /** Broadcasts not finished yet, oldest first. */
  unfinished(): Promise<Broadcast[]>;
  setProgressMessage(id: string, ref: { address: string; messageId: string }): Promise<void>;
}

export interface BroadcastServiceDeps {
  broadcasts: VersionedStore<Broadcast>;
  ids: Counter;
  runner: Pick<BroadcastRunner, "enqueue" | "remove">;
  clock: { now(): number };
}

export function createBroadcastService(deps: BroadcastServiceDeps): BroadcastService {
  const { broadcasts } = deps;
  const read = async (id: string) => {
    const found = await broadcasts.get(id);
    return found ? broadcastSchema.safeParse(found.value).data : undefined;
  };
  return {
    async create(input, createdBy) {
      const now = deps.clock.now();
      const at = Math.max(now, input.at ?? now);
      const id = String(await deps.ids.next());
      const topics =
        input.topics && input.topics.length > 0
          ? TOPICS.filter((t) => input.topics?.includes(t))
          : [...TOPICS];
      const record: Broadcast = broadcastSchema.parse({
        v: 1,
        id,
        text: input.text,
        ...(input.link && { link: input.link }),
        ...(input.photoUrl && { photoUrl: input.photoUrl }),
        ...(input.telegramPhotoId && { telegramPhotoId: input.telegramPhotoId }),
        topics,
        createdBy,
        createdAt: now,
        notBefore: at,
        status: at > now ? "scheduled" : "queued",
        total: null,
        counts: emptyCounts(),
        deferred: 0,
        cancelRequested: false,
      });
      if (!(await broadcasts.create(id, record))) throw new Error(`broadcast id ${id} already used`);
      await deps.runner.enqueue(id, at);
      return record;
    },
    get: read,
    async cancel(id) {
      const current = await read(id);
      if (!current) return null;
      if (isFinished(current.status)) return current;
      // Not being delivered right now: stopped at once (a running one stops at its next check).
      const notBegun =
        current.status === "scheduled" || current.status === "queued" || current.status === "waiting";
      const next = await updateBroadcast(broadcasts, id, (b) =>
        isFinished(b.status)
          ? b
          : {
              ...b,
              cancelRequested: true,
              ...(notBegun &&
                b.startedAt === undefined && { status: "cancelled", finishedAt: deps.clock.now() }),
            },
      );
      if (notBegun) await deps.runner.remove(id);
      return next;
    },
    async unfinished() {
      const found: Broadcast[] = [];
      for await (const [, record] of broadcasts.entries()) {
        const parsed = broadcastSchema.safeParse(record.value);
        if (parsed.success && !isFinished(parsed.data.status)) found.push(parsed.data);
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },
    async setProgressMessage(id, ref) {
      await updateBroadcast(broadcasts, id, (b) => ({ ...b, progressMessage: ref }));
    },
  };
}
