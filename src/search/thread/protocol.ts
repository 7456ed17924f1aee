/** Messages between the application and its search thread (both sides are this code base). */
import type { SearchableProcedure } from "../searchable.ts";
import type { SearchResult } from "../types.ts";

export type ToSearchThread =
  /** Build the index for this catalogue; later searches use it. */
  | { type: "load"; id: number; procedures: readonly SearchableProcedure[] }
  | { type: "search"; id: number; query: string };

export type FromSearchThread =
  | { type: "loaded"; id: number; procedures: number; ms: number }
  | { type: "result"; id: number; result: SearchResult }
  | { type: "failed"; id: number; message: string };
