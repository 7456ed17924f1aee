/** Messages between the application and its search thread (both sides are this code base). */
import type { LabelledQuestion, SearchableProcedure } from "../searchable.ts";
import type { SearchResult } from "../types.ts";

export type ToSearchThread =
  /** Build the index for this catalogue and its labelled questions; later searches use it. */
  | {
      type: "load";
      id: number;
      procedures: readonly SearchableProcedure[];
      questions: readonly LabelledQuestion[];
    }
  | { type: "search"; id: number; query: string };

export type FromSearchThread =
  /** `procedures` and `questions`: how many the index was built from. */
  | { type: "loaded"; id: number; procedures: number; questions: number; ms: number }
  | { type: "result"; id: number; result: SearchResult }
  | { type: "failed"; id: number; message: string };
