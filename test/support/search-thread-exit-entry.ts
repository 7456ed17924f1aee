/**
 * A search thread that stops (exit code 3) when asked the query "__stop__", and otherwise serves
 * like the real one: for the test of a thread that dies and is started again.
 */
import { parentPort } from "node:worker_threads";
import { serveSearch } from "../../src/search/thread/serve-search.ts";

if (!parentPort) throw new Error("runs as a worker thread");
const port = parentPort;
port.on("message", (message: { type: string; query?: string }) => {
  if (message.type === "search" && message.query === "__stop__") process.exit(3);
});
serveSearch(port);
