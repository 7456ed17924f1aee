/**
 * The application's side of the search thread: the procedure search runs in a worker thread, so
 * the event loop that serves webhooks, storage and replies is never held up by a search, and the
 * two CPU cores share the work. Searches are answered in order; a thread that dies is started
 * again with the last catalogue, and the searches it was holding fail (the conversation answers
 * them with its error message) instead of hanging. A new catalogue is built in a second thread
 * while the first answers from the old index (for as long as the build takes, two indexes are in
 * memory); then the second takes over and the first stops.
 */
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { Procedure } from "../../catalogue/schema.ts";
import { type LabelledQuestion, type SearchableProcedure, toSearchable } from "../searchable.ts";
import type { AsyncProcedureSearch, SearchResult } from "../types.ts";
import type { FromSearchThread, ToSearchThread } from "./protocol.ts";

/** What the thread builds its index from: the searchable part of each procedure, and the questions. */
interface SentCatalogue {
  readonly procedures: readonly SearchableProcedure[];
  readonly questions: readonly LabelledQuestion[];
}

/** A built index: how long it took, and how many labelled questions it was built with. */
export interface BuiltIndex {
  readonly ms: number;
  readonly questions: number;
}

export interface SearchThread extends AsyncProcedureSearch {
  /**
   * Sends a catalogue (its procedures and labelled questions) to the thread; resolves once its
   * index is built and answering.
   */
  load(catalogue: {
    readonly procedures: readonly Procedure[];
    readonly questions?: readonly LabelledQuestion[];
  }): Promise<BuiltIndex>;
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

/** One worker thread and the answers it owes. */
interface Running {
  readonly worker: Worker;
  readonly waiting: Map<number, Waiting>;
  /** False once the thread has stopped. */
  alive: boolean;
  /** True once another thread serves: this one stops when it has answered what it holds. */
  retired: boolean;
}

const ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./search-thread-entry.ts" : "./search-thread-entry.js",
  import.meta.url,
);
const DEFAULT_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 12 };
/** A build that has not finished by then (about 0.6 s on the full catalogue) is given up. */
const LOAD_TIMEOUT_MS = 120_000;
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
  let nextId = 1;
  let closed = false;
  /** The last catalogue loaded, for a thread started again. */
  let sent: SentCatalogue | null = null;
  /** The thread that answers searches. */
  let serving = start();
  /** The thread building a new catalogue's index while `serving` answers, if any. */
  let building: Running | null = null;
  /** Settles when the thread started again after a stop has built its catalogue. */
  let restarted: Promise<BuiltIndex> | null = null;
  /** Loads run one after another: the last one asked is the last one served. */
  let loads: Promise<unknown> = Promise.resolve();

  function start(): Running {
    const running: Running = {
      worker: spawn(options.entry ?? ENTRY, options.resourceLimits),
      waiting: new Map(),
      alive: true,
      retired: false,
    };
    running.worker.on("message", (message: FromSearchThread) => {
      const entry = running.waiting.get(message.id);
      if (entry) {
        running.waiting.delete(message.id);
        if (entry.timer) clearTimeout(entry.timer);
        entry.resolve(message);
      }
      stopIfDone(running);
    });
    running.worker.on("error", (error) => logger.error({ err: error }, "search thread failed"));
    running.worker.on("exit", (code) => {
      running.alive = false;
      for (const [id, entry] of running.waiting) {
        running.waiting.delete(id);
        if (entry.timer) clearTimeout(entry.timer);
        entry.reject(new SearchThreadError(`search thread stopped (exit code ${code})`));
      }
      // The serving thread is started again; one that was building only fails its load.
      if (!closed && !running.retired && running === serving) restart(code);
    });
    return running;
  }

  /**
   * The serving thread stopped: a new one is started after a pause and builds the last catalogue
   * (or one a load asked for meanwhile); `restarted` settles when it has.
   */
  function restart(code: number): void {
    logger.error({ code }, "search thread stopped; starting it again");
    let settle!: { resolve(built: BuiltIndex): void; reject(error: unknown): void };
    restarted = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    restarted.catch(() => undefined);
    setTimeout(() => {
      if (closed) return settle.reject(new SearchThreadError("search thread closed"));
      serving = start();
      if (!sent) return settle.resolve({ ms: 0, questions: 0 });
      loadInto(serving, sent).then(settle.resolve, (error: unknown) => {
        logger.error({ err: error }, "search thread could not load the catalogue again");
        settle.reject(error);
      });
    }, RESTART_DELAY_MS).unref();
  }

  /** A thread no longer asked: it stops once it has answered what it holds. */
  function retire(running: Running): void {
    running.retired = true;
    stopIfDone(running);
  }

  function stopIfDone(running: Running): void {
    if (running.retired && running.waiting.size === 0) void running.worker.terminate();
  }

  function post(
    running: Running,
    message: ToSearchThread,
    timeout: number | null,
  ): Promise<FromSearchThread> {
    return new Promise((resolve, reject) => {
      if (closed || !running.alive) {
        reject(new SearchThreadError(closed ? "search thread closed" : "search thread restarting"));
        return;
      }
      const timer =
        timeout === null
          ? null
          : setTimeout(() => {
              running.waiting.delete(message.id);
              reject(new SearchThreadError(`search thread did not answer within ${timeout} ms`));
              stopIfDone(running);
            }, timeout);
      running.waiting.set(message.id, { resolve, reject, timer });
      running.worker.postMessage(message);
    });
  }

  async function loadInto(running: Running, next: SentCatalogue): Promise<BuiltIndex> {
    const answer = await post(running, { type: "load", id: nextId++, ...next }, LOAD_TIMEOUT_MS);
    if (answer.type !== "loaded") throw new SearchThreadError(`catalogue not loaded: ${describe(answer)}`);
    return { ms: answer.ms, questions: answer.questions };
  }

  /**
   * The first catalogue is built in the serving thread. A new one is built in a second thread while
   * the first keeps answering from the old index, and takes over once built; a catalogue that fails
   * to build leaves the old one serving.
   */
  async function load(next: SentCatalogue): Promise<BuiltIndex> {
    if (!serving.alive && restarted) {
      // Restarting: the thread that starts builds this catalogue, and the load resolves (or fails)
      // with that build, so the caller switches its catalogue exactly when the index does.
      sent = next;
      return restarted;
    }
    if (sent === null) {
      const built = await loadInto(serving, next);
      sent = next;
      return built;
    }
    const fresh = start();
    building = fresh;
    try {
      const built = await loadInto(fresh, next);
      if (closed) throw new SearchThreadError("search thread closed");
      const old = serving;
      serving = fresh;
      sent = next;
      retire(old);
      return built;
    } catch (error) {
      retire(fresh);
      throw error;
    } finally {
      building = null;
    }
  }

  return {
    async: true,
    load(catalogue) {
      const next = {
        procedures: catalogue.procedures.map(toSearchable),
        questions: catalogue.questions ?? [],
      };
      const done = loads.then(() => load(next));
      loads = done.catch(() => undefined);
      return done;
    },
    async search(query: string): Promise<SearchResult> {
      const answer = await post(
        serving,
        { type: "search", id: nextId++, query: String(query ?? "") },
        timeoutMs,
      );
      if (answer.type !== "result") throw new SearchThreadError(`search failed: ${describe(answer)}`);
      return answer.result;
    },
    async close() {
      if (closed) return;
      closed = true;
      const threads = building ? [serving, building] : [serving];
      for (const running of threads)
        for (const [id, entry] of running.waiting) {
          running.waiting.delete(id);
          if (entry.timer) clearTimeout(entry.timer);
          entry.reject(new SearchThreadError("search thread closed"));
        }
      await Promise.all(threads.map((running) => running.worker.terminate()));
    },
  };
}

function describe(answer: FromSearchThread): string {
  return answer.type === "failed" ? answer.message : answer.type;
}
