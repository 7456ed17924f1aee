/**
 * The application's side of the search thread: the procedure search runs in a worker thread, so
 * the event loop that serves webhooks, storage and replies is never held up by a search, and the
 * two CPU cores share the work. Searches are answered in order; a thread that dies is started
 * again with the last catalogue, and the searches it was holding fail (the conversation answers
 * them with its error message) instead of hanging.
 */
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { Procedure } from "../../catalogue/schema.ts";
import { type SearchableProcedure, toSearchable } from "../searchable.ts";
import type { AsyncProcedureSearch, SearchResult } from "../types.ts";
import type { FromSearchThread, ToSearchThread } from "./protocol.ts";

export interface SearchThread extends AsyncProcedureSearch {
  /** Sends a catalogue to the thread; resolves once its index is built and answering. */
  load(catalogue: { readonly procedures: readonly Procedure[] }): Promise<{ ms: number }>;
  close(): Promise<void>;
}

export interface SearchThreadOptions {
  logger: Logger;
  /** A search not answered within this time fails (default 10 s). */
  timeoutMs?: number;
  /** Heap limits of the thread (its index is about 40 MB on the full catalogue). */
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
  /** The thread's script (tests start one that fails on purpose); default search-thread-entry. */
  entry?: URL;
}

export class SearchThreadError extends Error {}

interface Waiting {
  resolve(message: FromSearchThread): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | null;
}

const ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./search-thread-entry.ts" : "./search-thread-entry.js",
  import.meta.url,
);
const DEFAULT_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 12 };
/** A thread that keeps dying is started again at most this often. */
const RESTART_DELAY_MS = 1000;

function spawn(entry: URL, resourceLimits: SearchThreadOptions["resourceLimits"]): Worker {
  const options = { resourceLimits: { ...DEFAULT_LIMITS, ...resourceLimits } };
  if (entry.pathname.endsWith(".js")) return new Worker(entry, options);
  // From the TypeScript sources (tests, `npm run dev`): the thread registers tsx before loading.
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}

export function startSearchThread(options: SearchThreadOptions): SearchThread {
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let closed = false;
  /** False from a thread's exit until its replacement starts. */
  let alive = true;
  /** The last catalogue sent, for a thread started again. */
  let procedures: readonly SearchableProcedure[] | null = null;
  let worker = start();

  function start(): Worker {
    const w = spawn(options.entry ?? ENTRY, options.resourceLimits);
    alive = true;
    w.on("message", (message: FromSearchThread) => {
      const entry = waiting.get(message.id);
      if (!entry) return;
      waiting.delete(message.id);
      if (entry.timer) clearTimeout(entry.timer);
      entry.resolve(message);
    });
    w.on("error", (error) => logger.error({ err: error }, "search thread failed"));
    w.on("exit", (code) => {
      alive = false;
      if (closed) return;
      logger.error({ code }, "search thread stopped; starting it again");
      for (const [id, entry] of waiting) {
        waiting.delete(id);
        if (entry.timer) clearTimeout(entry.timer);
        entry.reject(new SearchThreadError(`search thread stopped (exit code ${code})`));
      }
      setTimeout(() => {
        if (closed) return;
        worker = start();
        if (procedures)
          post({ type: "load", id: nextId++, procedures }, null).catch((error: unknown) =>
            logger.error({ err: error }, "search thread could not load the catalogue again"),
          );
      }, RESTART_DELAY_MS).unref();
    });
    return w;
  }

  function post(message: ToSearchThread, timeout: number | null): Promise<FromSearchThread> {
    return new Promise((resolve, reject) => {
      if (closed || !alive) {
        reject(new SearchThreadError(closed ? "search thread closed" : "search thread restarting"));
        return;
      }
      const timer =
        timeout === null
          ? null
          : setTimeout(() => {
              waiting.delete(message.id);
              reject(new SearchThreadError(`search thread did not answer within ${timeout} ms`));
            }, timeout);
      waiting.set(message.id, { resolve, reject, timer });
      worker.postMessage(message);
    });
  }

  return {
    async: true,
    async load(catalogue) {
      procedures = catalogue.procedures.map(toSearchable);
      const answer = await post({ type: "load", id: nextId++, procedures }, null);
      if (answer.type !== "loaded") throw new SearchThreadError(`catalogue not loaded: ${describe(answer)}`);
      return { ms: answer.ms };
    },
    async search(query: string): Promise<SearchResult> {
      const answer = await post({ type: "search", id: nextId++, query: String(query ?? "") }, timeoutMs);
      if (answer.type !== "result") throw new SearchThreadError(`search failed: ${describe(answer)}`);
      return answer.result;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const [id, entry] of waiting) {
        waiting.delete(id);
        if (entry.timer) clearTimeout(entry.timer);
        entry.reject(new SearchThreadError("search thread closed"));
      }
      await worker.terminate();
    },
  };
}

function describe(answer: FromSearchThread): string {
  return answer.type === "failed" ? answer.message : answer.type;
}
