/**
 * Serves the last good catalogue and reloads it when a file under the catalogue folder changes.
 * A bad edit is reported (onError, and a warning with every problem in the log) while the last good
 * catalogue keeps serving; the next good edit is picked up as usual.
 */
import { type FSWatcher, watch } from "node:fs";
import type { Catalogue } from "./catalogue.ts";
import { CatalogueError, formatProblem } from "./errors.ts";
import { type LoadOptions, loadCatalogue } from "./load.ts";

/** The part of a pino logger the watcher uses. */
export interface WatchLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface WatchOptions {
  /**
   * Called with each newly loaded catalogue whose content changed, before it is served. If it
   * throws, the new catalogue is refused like an invalid one and the last good one keeps serving.
   */
  onReload?: (catalogue: Catalogue) => void;
  /** Called when a reload fails (usually a `CatalogueError`); the last good catalogue stays. */
  onError?: (error: Error) => void;
  logger?: WatchLogger;
  /** The catalogue already loaded at start-up; loaded from `dir` when absent. */
  initial?: Catalogue;
  /** Quiet time after the last change before reloading (editors write in several steps). */
  debounceMs?: number;
  /**
   * The options of the first load: with its parse cache, a reload parses only the files that
   * changed; with its `slim`, reloaded records are trimmed the same way.
   */
  load?: LoadOptions;
}

export interface CatalogueHolder {
  /** The last catalogue that loaded without a problem. */
  current(): Catalogue;
  /** Stops watching; waits for a reload in progress. */
  close(): Promise<void>;
}

/**
 * Loads (unless `initial` is given) and watches `dir`. Throws a `CatalogueError` if the first load
 * fails: the service must not start on an invalid catalogue.
 */
export async function watchCatalogue(dir: string, options: WatchOptions = {}): Promise<CatalogueHolder> {
  const { onReload, onError, logger, debounceMs = 300 } = options;
  const load = options.load ?? {};
  let current = options.initial ?? (await loadCatalogue(dir, load));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const reload = async (): Promise<void> => {
    let next: Catalogue;
    try {
      next = await loadCatalogue(dir, load);
    } catch (error) {
      if (closed) return;
      const failure = error instanceof Error ? error : new Error(String(error));
      const problems =
        failure instanceof CatalogueError ? failure.problems.map(formatProblem) : [failure.message];
      logger?.warn(
        { problems, serving: current.version },
        "catalogue edit refused: the last good catalogue keeps serving",
      );
      onError?.(failure);
      return;
    }
    if (closed || next.version === current.version) return;
    try {
      onReload?.(next);
    } catch (error) {
      // What the caller builds from the new catalogue (its search index) failed: keep the old one.
      logger?.warn({ err: error, serving: current.version }, "catalogue reload refused by onReload");
      onError?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    current = next;
    logger?.info(
      { procedures: next.procedures.length, questions: next.questions.length, version: next.version },
      "catalogue reloaded",
    );
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) {
        again = true;
        return;
      }
      running = reload().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
    }, debounceMs);
  };

  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, name) => {
    // Editors' swap and backup files are not part of the catalogue.
    if (name && /(^|[/\\])\.|~$/.test(name)) return;
    schedule();
  });
  watcher.on("error", (error) => {
    logger?.warn({ err: error }, "catalogue watcher failed: reloading stopped");
    onError?.(error);
  });

  return {
    current: () => current,
    async close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
