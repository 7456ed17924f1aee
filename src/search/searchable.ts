/**
 * The part of a procedure record the search reads, and the catalogue view it is built from. The
 * search thread receives only this projection (a fraction of the full record), so the index does
 * not need a second copy of the whole catalogue.
 */
import type { LabelledQuestion, Procedure } from "../catalogue/schema.ts";

export type SearchableProcedure = Pick<
  Procedure,
  "code" | "name" | "aliases" | "field" | "results" | "applicants" | "levels" | "priority" | "status"
> & { readonly official: Pick<Procedure["official"], "applicants"> };

/** Labelled citizen questions, as the catalogue holds them; the search learns from them (examples.ts). */
export type { LabelledQuestion } from "../catalogue/schema.ts";

/** What `createSearch` needs of a catalogue (a full `Catalogue` is one). */
export interface SearchCatalogue {
  readonly procedures: readonly SearchableProcedure[];
  readonly byCode: ReadonlyMap<string, SearchableProcedure>;
  /** Labelled citizen questions (`procedures/questions/`); none when absent. */
  readonly questions?: readonly LabelledQuestion[];
}

/** The index reads the first characters of the results only; the rest is not sent. */
const RESULT_CHARS = 240;

export function toSearchable(p: Procedure): SearchableProcedure {
  const results = p.results.join(" ");
  return {
    code: p.code,
    name: p.name,
    aliases: p.aliases,
    field: p.field,
    results: results.length > RESULT_CHARS ? [results.slice(0, RESULT_CHARS)] : p.results,
    applicants: p.applicants,
    levels: p.levels,
    priority: p.priority,
    status: p.status,
    official: p.official.applicants === undefined ? {} : { applicants: p.official.applicants },
  };
}

export function searchCatalogue(
  procedures: readonly SearchableProcedure[],
  questions: readonly LabelledQuestion[] = [],
): SearchCatalogue {
  return { procedures, byCode: new Map(procedures.map((p) => [p.code, p])), questions };
}
