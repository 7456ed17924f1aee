/**
 * A procedure as the bot sees it: the imported (or hand-written) record with its curated overlay.
 * What the overlay sets replaces the record's value; the record is never modified.
 */
import type { CuratedOverlay, Procedure, ProcedureRecord } from "./schema.ts";

export function applyOverlay(
  record: ProcedureRecord,
  overlay: CuratedOverlay | undefined,
  folder: string,
): Procedure {
  const procedure: Procedure = {
    ...record,
    aliases: overlay?.aliases ?? [],
    priority: overlay?.priority ?? 1,
    folder,
  };
  if (!overlay) return procedure;
  if (overlay.review) {
    procedure.review = overlay.review;
    procedure.reviewed = true;
  }
  if (overlay.channels) procedure.channels = overlay.channels;
  if (overlay.cases) procedure.cases = overlay.cases;
  if (overlay.status) procedure.status = overlay.status;
  if (overlay.related) procedure.related = overlay.related;
  if (overlay.bundles) procedure.bundles = overlay.bundles;
  if (overlay.note !== undefined) procedure.curatedNote = overlay.note;
  return procedure;
}
