/**
 * The search thread's side: builds the index for each catalogue it is sent and answers searches
 * in the order they arrive. Runs in a worker thread (see `search-thread-entry.ts`), so a search
 * never holds up the application's event loop.
 */
import type { MessagePort } from "node:worker_threads";
import { createSearch } from "../search.ts";
import { searchCatalogue } from "../searchable.ts";
import type { ProcedureSearch } from "../types.ts";
import type { FromSearchThread, ToSearchThread } from "./protocol.ts";

export function serveSearch(port: Pick<MessagePort, "on" | "postMessage">): void {
  let search: ProcedureSearch | null = null;
  const reply = (message: FromSearchThread) => port.postMessage(message);
  port.on("message", (message: ToSearchThread) => {
    try {
      if (message.type === "load") {
        const started = performance.now();
        search = null; // the old index can be collected while the new one is built
        const catalogue = searchCatalogue(message.procedures, message.questions);
        search = createSearch(catalogue);
        reply({
          type: "loaded",
          id: message.id,
          procedures: catalogue.procedures.length,
          questions: catalogue.questions?.length ?? 0,
          ms: Math.round(performance.now() - started),
        });
      } else if (search === null) {
        reply({ type: "failed", id: message.id, message: "no catalogue loaded" });
      } else {
        reply({ type: "result", id: message.id, result: search.search(message.query) });
      }
    } catch (error) {
      reply({
        type: "failed",
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
