/** Entry point of the search worker thread (started by `startSearchThread`). */
import { parentPort } from "node:worker_threads";
import { serveSearch } from "./serve-search.ts";

if (!parentPort) throw new Error("search-thread-entry runs as a worker thread");
serveSearch(parentPort);
