/**
 * The router and its flows are pure and call the search synchronously. When the search runs in
 * its own thread (asynchronous), the step is run, and whenever it asks a question not answered
 * yet it is stopped, the search thread is asked, and the step is run again from the start with the
 * answer at hand. The step never changes its inputs and gives the same result for the same
 * inputs, so the earlier runs leave nothing behind and only the last one counts.
 */
import type { AsyncProcedureSearch, ProcedureSearch, SearchResult } from "../search/types.ts";

/** More searches than this in one step means a bug, not a question. */
const MAX_SEARCHES_PER_STEP = 4;

/** Thrown through the step to stop it; not an Error, so no stack trace is captured for it. */
class SearchNeeded {
  constructor(readonly query: string) {}
}

export class TooManySearches extends Error {}

export async function withSearch<T>(
  search: ProcedureSearch | AsyncProcedureSearch,
  run: (search: ProcedureSearch) => T,
): Promise<T> {
  if (!("async" in search)) return run(search);
  const known = new Map<string, SearchResult>();
  const replay: ProcedureSearch = {
    search(query) {
      const result = known.get(query);
      if (result) return result;
      throw new SearchNeeded(query);
    },
  };
  for (;;) {
    try {
      return run(replay);
    } catch (error) {
      if (!(error instanceof SearchNeeded)) throw error;
      if (known.size >= MAX_SEARCHES_PER_STEP)
        throw new TooManySearches(`a step asked more than ${MAX_SEARCHES_PER_STEP} searches`);
      known.set(error.query, await search.search(error.query));
    }
  }
}
